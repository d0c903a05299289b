// Receives sources and segments from an importer and writes them into the open write
// transaction. Everything it writes is undone if anything later fails, because the
// whole file is one LMDB transaction.
internal import Foundation
internal import Glibc
public import Importers
internal import LMDB
public import SegGraphModel

struct ImportSession: SegmentConsumer {
    let store: Store
    let txn: UnsafeWriteTransactionReference
    let importID: ImportID
    let request: ImportRequest
    let fileName: String
    private(set) var sourcesByName: [String: Source] = [:]
    private var currentSourceName: String?
    private var spaces: [String: EmbeddingSpace] = [:]
    private(set) var newSegmentIDs: [SegmentID] = []
    /// Space name → segments that brought a vector in it, in input order (to index).
    private(set) var newVectors: [String: [SegmentID]] = [:]
    private(set) var segmentCount = 0
    private(set) var boxCount = 0
    private(set) var vectorCount = 0

    init(store: Store, txn: UnsafeWriteTransactionReference, importID: ImportID, request: ImportRequest, fileName: String) throws {
        self.store = store
        self.txn = txn
        self.importID = importID
        self.request = request
        self.fileName = fileName
        try store.tables.spaces.scan(in: txn) { name, record in spaces[name] = record.value; return true }
    }

    mutating func consume(source input: SourceInput) throws {
        let source = try SourceMerge(store: store, fileName: fileName, request: request).resolve(input, in: txn)
        sourcesByName[source.name] = source
        currentSourceName = source.name
    }

    mutating func consume(segment input: SegmentInput) throws {
        let name = request.sourceName ?? input.sourceName ?? currentSourceName
        guard let name, let source = sourcesByName[name] else {
            throw ImportError(file: fileName, location: input.location, reason: "segment has no known source (give --source NAME)")
        }
        try checkIdentifiers(input)
        guard let start = source.clockNanoseconds(offsetSeconds: input.startSeconds),
              let end = source.clockNanoseconds(offsetSeconds: input.endSeconds),
              let span = TimeSpan(startNanoseconds: start, endNanoseconds: end) else {
            throw ImportError(file: fileName, location: input.location, reason: "segment time is out of range")
        }
        let id = SegmentID(rawValue: try store.allocate(MetaKey.nextSegmentID, in: txn))
        let key = Store.segmentKey(source: source.sourceID, externalID: input.externalID)
        guard try store.tables.segmentKeys.put(key, id.rawValue, in: txn, noOverwrite: true) else {
            throw ImportError(file: fileName, location: input.location,
                              reason: try duplicateReason(input.externalID, source: source, key: key))
        }
        let segment = Segment(
            id: id, sourceID: source.sourceID, importID: importID, span: span, startOffsetSeconds: input.startSeconds,
            type: input.type, label: input.label, externalID: input.externalID, trackID: input.trackID,
            confidence: input.confidence, boxCount: input.boxes.count, maskPointers: input.maskPointers,
            attributesJSON: input.attributesJSON)
        try store.insert(segment, boxes: input.boxes.map { Self.box($0, segmentStart: input.startSeconds) }, in: txn)
        for spaceName in input.embeddings.keys.sorted() {
            let storedName = spaceName == "default" ? request.defaultSpaceName ?? spaceName : spaceName
            try storeVector(input.embeddings[spaceName]!, space: storedName, segment: id, input: input, source: source)
        }
        newSegmentIDs.append(id)
        segmentCount += 1
        boxCount += input.boxes.count
        request.progress?(segmentCount, input.location.bytesRead)
    }

    /// Writes the spaces whose counts changed and reads the new vectors back for the index,
    /// one space at a time by name. Call once, after the importer finished.
    func finish(cache: HNSWWriteCache) throws -> [PendingVectorInserts] {
        for space in spaces.values { try store.tables.spaces.put(space.name, JSONRecord(space), in: txn) }
        return try newVectors.keys.sorted().map { name in
            try store.prepareVectorInserts(space: spaces[name]!, segments: newVectors[name]!, txn: txn, cache: cache)
        }
    }

    private mutating func storeVector(_ vector: [Float], space name: String, segment: SegmentID,
                                      input: SegmentInput, source: Source) throws {
        if let problem = EmbeddingSpace.nameProblem(name) {
            throw ImportError(file: fileName, location: input.location, reason: problem)
        }
        var space = try spaces[name] ?? newSpace(name, dimension: vector.count, source: source, input: input)
        guard vector.count == space.dimension else {
            throw ImportError(file: fileName, location: input.location,
                              reason: "embedding space \"\(name)\" has dimension \(space.dimension) in the store but this vector has \(vector.count)")
        }
        let bytes = vector.withUnsafeBytes { Array($0) }
        try store.tables.vectors.put(Store.vectorKey(space: space.id, segment), bytes, in: txn)
        space.vectorCount += 1
        spaces[name] = space
        newVectors[name, default: []].append(segment)
        vectorCount += 1
    }

    private func newSpace(_ name: String, dimension: Int, source: Source, input: SegmentInput) throws -> EmbeddingSpace {
        guard spaces.count < Limits.embeddingSpacesMax else {
            throw ImportError(file: fileName, location: input.location, reason: "too many embedding spaces (limit \(Limits.embeddingSpacesMax))")
        }
        let id = UInt32(truncatingIfNeeded: try store.allocate(MetaKey.nextSpaceID, in: txn))
        return EmbeddingSpace(id: id, name: name, dimension: dimension,
                              model: request.embeddingModel ?? source.embeddingModel, vectorCount: 0)
    }

    private func checkIdentifiers(_ input: SegmentInput) throws {
        for (field, value) in [("segment_id", input.externalID), ("label", input.label), ("type", input.type),
                               ("attributes.track_id", input.trackID ?? "")]
        where value.utf8.count > Limits.identifierBytesMax || value.utf8.contains(0) {
            // A NUL would be cut by the catalog (SQLite text) and merge two names into one.
            throw ImportError(file: fileName, location: input.location,
                              reason: value.utf8.contains(0) ? "\(field) contains a NUL character (\\u0000)"
                                  : "\(field) is longer than \(Limits.identifierBytesMax) bytes")
        }
        guard input.boxes.count <= Limits.boxesPerSegmentMax else {
            throw ImportError(file: fileName, location: input.location, reason: "more than \(Limits.boxesPerSegmentMax) boxes")
        }
    }

    private func duplicateReason(_ externalID: String, source: Source, key: [UInt8]) throws -> String {
        let existing = try store.tables.segmentKeys.get(key, in: txn)
        let record = try existing.flatMap { try store.tables.segments.get($0, in: txn) }
        if let record, record.importID == importID {
            return "duplicate segment_id \"\(externalID)\" in source \(source.name)"
        }
        let earlier = try record.flatMap { try store.tables.imports.get($0.importID.rawValue, in: txn)?.value }
        let origin = earlier.map { " (imported from \($0.fileName); use --replace to re-import a changed file)" } ?? ""
        return "segment_id \"\(externalID)\" already exists in source \(source.name)\(origin)"
    }

    private static func box(_ input: BoxInput, segmentStart: Double) -> Box {
        Box(frameIndex: input.frameIndex, offsetSeconds: input.timeSeconds.map { Float($0 - segmentStart) },
            x: input.x, y: input.y, width: input.width, height: input.height)
    }
}
