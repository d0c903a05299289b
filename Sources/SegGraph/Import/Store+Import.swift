// Importing one file: one LMDB write transaction, so a file is all or nothing.
// Order inside the transaction: (replace: remove the earlier import) → read and store
// every segment → ledger entry → bump the generation. The catalog follows after the
// commit; if the process dies in between, the generation mismatch makes the next
// open rebuild it.
internal import Foundation
public import Importers
internal import LMDB
public import SegGraphModel

extension Store {
    /// Imports one file. Re-importing identical bytes is a no-op.
    /// - Throws: `ImportError` for bad input (the store is unchanged), `StoreError`.
    public func importFile(_ request: ImportRequest) throws -> ImportOutcome {
        guard !isReadOnly else { throw StoreError(.readOnly, "\(path): store is open read-only") }
        let displayName = request.path
        let (digest, byteCount) = try FileDigest.sha256(path: request.path, displayName: displayName)
        if let earlier = try readTransaction({ txn in
            try tables.importDigests.get(digest, in: txn).flatMap { try tables.imports.get($0, in: txn)?.value }
        }) {
            return .alreadyImported(earlier)
        }
        // Room for the whole file up front, so the import is not re-run after MAP_FULL.
        try translatingStorageErrors { try environment.reserve(mapSizeBytes: environment.info().usedBytes + byteCount * 2 + (64 << 20)) }
        let record = try writeTransaction { txn in
            try importInTransaction(request, digest: digest, byteCount: byteCount, txn: txn.unsafeReference())
        }
        environment.releaseFreedMemory()
        // The import is committed: a catalog that cannot follow now must not make it look failed.
        do {
            try syncCatalog()
        } catch {
            let message = (error as? StoreError)?.message ?? "\(error)"
            return .importedCatalogBehind(record, reason: String(message.split(whereSeparator: \.isNewline).first ?? ""))
        }
        return .imported(record)
    }

    private func importInTransaction(
        _ request: ImportRequest, digest: [UInt8], byteCount: Int, txn: UnsafeWriteTransactionReference
    ) throws -> ImportRecord {
        var request = request
        let videos = VideoFactsCollector()
        request.videoCollector = videos
        let importID = ImportID(rawValue: UInt32(truncatingIfNeeded: try allocate(MetaKey.nextImportID, in: txn)))
        let fileName = (request.path as NSString).lastPathComponent
        var work = LinkWork()
        let replaced = request.replace ? try removeImports(at: absolutePath(request.path), replacedBy: importID, work: &work, in: txn) : []
        var session = try ImportSession(store: self, txn: txn, importID: importID, request: request, fileName: request.path)
        let stem = ((fileName as NSString).deletingPathExtension as String)
        let options = ImportOptions(format: request.format, defaultSourceName: request.sourceName ?? stem,
                                    sourceNameOverride: request.sourceName, framesPerSecond: request.framesPerSecond)
        let report = try AnyImporter(path: request.path, displayName: request.path, options: options).run(into: &session)
        let cache = HNSWWriteCache()
        let inserts = try session.finish(cache: cache)
        work.newSegments = session.newSegmentIDs
        let settings = try self.configuration(in: txn)
        var linker = try Linker(store: self, txn: txn, configuration: settings)
        try indexingVectors(inserts, concurrently: request.indexesConcurrently, txn: txn) {
            try linker.link(work)
            try relearnTopology(configuration: settings, in: txn)
        }
        let videoWarnings = try videoWarnings(session.newSegmentIDs, collector: videos, sources: session.sourcesByName, in: txn)
        let record = ImportRecord(
            id: importID.rawValue, fileName: request.path, filePath: absolutePath(request.path),
            sha256: FileDigest.hex(digest), format: report.format.rawValue, importerVersion: StoreFormat.importerVersion,
            importedAtUTCNanoseconds: currentUTCNanoseconds(), byteCount: byteCount, segmentCount: session.segmentCount,
            boxCount: session.boxCount, embeddingCount: session.vectorCount,
            warnings: Dictionary(uniqueKeysWithValues: report.warnings.map { ($0.key.rawValue, $0.value) })
                .merging(videoWarnings) { $0 + $1 },
            sourceNames: session.sourcesByName.keys.sorted(), replacedImportIDs: replaced.map(\.rawValue),
            state: .active, replacedByImportID: nil,
            edgesAdded: Dictionary(uniqueKeysWithValues: linker.added.map { ($0.key.description, $0.value) }))
        try tables.imports.put(importID.rawValue, JSONRecord(record), in: txn)
        try tables.importDigests.put(digest, importID.rawValue, in: txn)
        try advanceGeneration(in: txn)
        return record
    }

    /// Removes what active imports of the file at `path` brought and marks them replaced. The
    /// path, not the name: `SEQ-A/gt/gt.txt` and `SEQ-B/gt/gt.txt` are different files.
    private func removeImports(at path: String, replacedBy newID: ImportID, work: inout LinkWork,
                               in txn: UnsafeWriteTransactionReference) throws -> [ImportID] {
        var matches: [ImportRecord] = []
        try tables.imports.scan(in: txn) { _, record in
            let earlier = record.value
            if earlier.state == .active, earlier.filePath == path {
                matches.append(earlier)
            }
            return true
        }
        var spaces: [EmbeddingSpace] = []
        try tables.spaces.scan(in: txn) { _, record in spaces.append(record.value); return true }
        let countsBefore = spaces.map(\.vectorCount)
        // One cache for every removal: neighbour lists repaired many times are written once.
        let hnswCache = HNSWWriteCache()
        for var earlier in matches {
            for segment in try segmentIDs(of: ImportID(rawValue: earlier.id), in: txn) {
                try noteNeighbours(of: segment, in: &work, txn: txn)
                try removeSegment(segment, spaces: &spaces, hnswCache: hnswCache, in: txn)
            }
            earlier.state = .replaced
            earlier.replacedByImportID = newID.rawValue
            try tables.imports.put(earlier.id, JSONRecord(earlier), in: txn)
            try tables.importDigests.delete(hexBytes(earlier.sha256), in: txn)
        }
        for (space, before) in zip(spaces, countsBefore) where space.vectorCount != before {
            try tables.spaces.put(space.name, JSONRecord(space), in: txn)
            try flushVectorIndex(space: space, cache: hnswCache, txn: txn)
        }
        work.objects = Set(try work.objects.filter { try tables.segments.contains($0.rawValue, in: txn) })
        work.activities = Set(try work.activities.filter { try tables.segments.contains($0.rawValue, in: txn) })
        return matches.map { ImportID(rawValue: $0.id) }
    }

    /// What must be relinked once `segment` is gone: its track, the objects it carried,
    /// the activities it took part in.
    private func noteNeighbours(of segment: SegmentID, in work: inout LinkWork, txn: UnsafeWriteTransactionReference) throws {
        guard let record = try tables.segments.get(segment.rawValue, in: txn) else { return }
        if let track = record.trackID { work.tracks.insert(TrackRef(source: record.sourceID.rawValue, track: track)) }
        for end in try edgeEnds(of: segment, in: txn) where end.direction == .outgoing {
            if EdgeKind.attachments.contains(end.kind) { work.objects.insert(end.other) }
            if end.kind == .during { work.activities.insert(end.other) }
        }
    }
}

func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    return FileManager.default.currentDirectoryPath + "/" + path
}

func hexBytes(_ hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var iterator = hex.utf8.makeIterator()
    while let high = iterator.next(), let low = iterator.next() {
        func value(_ c: UInt8) -> UInt8 { c >= 97 ? c - 87 : c - 48 }
        bytes.append(value(high) << 4 | value(low))
    }
    return bytes
}
