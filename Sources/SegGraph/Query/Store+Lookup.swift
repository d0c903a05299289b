// Looking up single things by the names people use: `cam_03/seg_12345`, `#42`, a source name.
internal import LMDB

/// Everything `show` prints about one segment.
public struct SegmentDetail: Sendable {
    public var segment: Segment
    public var source: Source
    public var boxes: [Box]
    /// Space name → dimension, for every embedding the segment has.
    public var embeddings: [(space: String, dimension: Int)]
    public var importRecord: ImportRecord?
}

extension Store {
    /// Resolves `SOURCE/EXTERNAL_ID` (the external id may itself contain `/`) or `#ID`.
    /// - Throws: `StoreError.notFound` naming what was looked for.
    public func segmentID(named name: String) throws -> SegmentID {
        try readTransaction { txn in
            if name.hasPrefix("#"), let raw = UInt64(name.dropFirst()) {
                if try tables.segments.contains(raw, in: txn) { return SegmentID(rawValue: raw) }
                throw StoreError(.notFound, "no segment \(name)")
            }
            var slash = name.firstIndex(of: "/")
            while let index = slash {
                let sourceName = String(name[..<index])
                let externalID = String(name[name.index(after: index)...])
                if let sourceID = try tables.sourceNames.get(sourceName, in: txn),
                   let id = try tables.segmentKeys.get(Store.segmentKey(source: SourceID(rawValue: sourceID), externalID: externalID), in: txn) {
                    return SegmentID(rawValue: id)
                }
                slash = name[name.index(after: index)...].firstIndex(of: "/")
            }
            throw StoreError(.notFound, "no segment \"\(name)\" (expected SOURCE/SEGMENT_ID or #ID)")
        }
    }

    /// The segment with its boxes, embeddings and provenance.
    public func segmentDetail(_ id: SegmentID) throws -> SegmentDetail {
        try readTransaction { txn in
            guard var segment = try tables.segments.get(id.rawValue, in: txn) else {
                throw StoreError(.notFound, "no segment \(id)")
            }
            segment.id = id
            guard let source = try tables.sources.get(segment.sourceID.rawValue, in: txn)?.value else {
                throw StoreError(.corrupt, "segment \(id) refers to missing source \(segment.sourceID.rawValue)")
            }
            let boxes = try tables.boxes.get(id.rawValue, in: txn)?.boxes ?? []
            var embeddings: [(String, Int)] = []
            try tables.spaces.scan(in: txn) { name, record in
                if try tables.vectors.contains(Store.vectorKey(space: record.value.id, id), in: txn) {
                    embeddings.append((name, record.value.dimension))
                }
                return true
            }
            let importRecord = try tables.imports.get(segment.importID.rawValue, in: txn)?.value
            return SegmentDetail(segment: segment, source: source, boxes: boxes,
                                 embeddings: embeddings.map { (space: $0.0, dimension: $0.1) }, importRecord: importRecord)
        }
    }

    /// A stored embedding, or `nil`.
    public func embedding(of id: SegmentID, space name: String) throws -> [Float]? {
        try readTransaction { txn in
            guard let space = try tables.spaces.get(name, in: txn)?.value else { return nil }
            return try storedVector(space: space.id, segment: id, in: txn)
        }
    }

    /// A source by name.
    public func source(named name: String) throws -> Source {
        try readTransaction { txn in
            guard let id = try tables.sourceNames.get(name, in: txn),
                  let source = try tables.sources.get(id, in: txn)?.value else {
                throw StoreError(.notFound, "unknown source \"\(name)\"")
            }
            return source
        }
    }
}
