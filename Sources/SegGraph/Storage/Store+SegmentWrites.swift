// Writing and removing one segment with everything that hangs off it: record, external
// key, boxes, interval-index entries, ledger link and vectors. Insert and remove are
// written side by side so they stay mirror images (`check` verifies they did).
internal import LMDB

enum NameKind: UInt8 {
    case label = 1
    case track = 2
}

extension Store {
    static func nameKey(_ kind: NameKind, scope: UInt32, _ name: String) -> [UInt8] {
        var w = ByteWriter(capacity: 5 + name.utf8.count)
        w.write(kind.rawValue)
        w.write(scope)
        w.writeRaw(name)
        return w.bytes
    }

    static func segmentKey(source: SourceID, externalID: String) -> [UInt8] {
        var w = ByteWriter(capacity: 4 + externalID.utf8.count)
        w.write(source.rawValue)
        w.writeRaw(externalID)
        return w.bytes
    }

    static func importSegmentKey(_ importID: ImportID, _ segment: SegmentID) -> [UInt8] {
        var w = ByteWriter(capacity: 12)
        w.write(importID.rawValue)
        w.write(segment.rawValue)
        return w.bytes
    }

    static func vectorKey(space: UInt32, _ segment: SegmentID) -> [UInt8] {
        var w = ByteWriter(capacity: 12)
        w.write(space)
        w.write(segment.rawValue)
        return w.bytes
    }

    /// The interned id of a label or track name; allocates one when `create`.
    func nameID<T: WritableTransaction & ~Copyable>(
        _ kind: NameKind, scope: UInt32, _ name: String, in txn: borrowing T
    ) throws -> NameID {
        let key = Self.nameKey(kind, scope: scope, name)
        if let id = try tables.names.get(key, in: txn) { return NameID(rawValue: id) }
        let id = UInt32(truncatingIfNeeded: try allocate(MetaKey.nextNameID, in: txn))
        try tables.names.put(key, id, in: txn)
        return NameID(rawValue: id)
    }

    func lookupNameID<T: ReadableTransaction & ~Copyable>(
        _ kind: NameKind, scope: UInt32, _ name: String, in txn: borrowing T
    ) throws -> NameID? {
        try tables.names.get(Self.nameKey(kind, scope: scope, name), in: txn).map(NameID.init(rawValue:))
    }

    /// The index entries a segment must have: (dimension, value).
    func indexEntries<T: WritableTransaction & ~Copyable>(for segment: Segment, in txn: borrowing T) throws
        -> [(IndexDimension, UInt32)]
    {
        try Self.indexEntries(for: segment) { kind, scope, name in try nameID(kind, scope: scope, name, in: txn) }
    }

    /// The one definition of which entries a segment has; writers intern names with
    /// `nameID`, `check` only looks them up (a missing name yields no entry).
    static func indexEntries(for segment: Segment, nameID: (NameKind, UInt32, String) throws -> NameID?) rethrows
        -> [(IndexDimension, UInt32)]
    {
        var entries: [(IndexDimension, UInt32)] = [(.all, 0), (.source, segment.sourceID.rawValue)]
        if let label = try nameID(.label, 0, segment.label) { entries.append((.label, label.rawValue)) }
        if let track = segment.trackID, let id = try nameID(.track, segment.sourceID.rawValue, track) {
            entries.append((.track, id.rawValue))
        }
        return entries
    }

    /// Stores a new segment and its boxes and indexes it. The external key must be free.
    func insert<T: WritableTransaction & ~Copyable>(_ segment: Segment, boxes: [Box], in txn: borrowing T) throws {
        try tables.segments.put(segment.id.rawValue, segment, in: txn)
        try tables.boxes.put(segment.id.rawValue, BoxList(boxes), in: txn)
        try tables.importSegments.put(Self.importSegmentKey(segment.importID, segment.id), Empty(), in: txn)
        let index = IntervalIndex(table: tables.timeIndex)
        for (dimension, value) in try indexEntries(for: segment, in: txn) {
            try index.insert(dimension, value, span: segment.span, segment: segment.id, in: txn)
        }
    }

    /// Removes a segment and everything that hangs off it, edges included.
    /// - Returns: the removed record, so callers can relink what it touched.
    @discardableResult
    /// `spaces` is every embedding space, loaded once by the caller, which writes back the
    /// decremented vector counts after a batch of removals (not once per segment).
    /// Index changes go into `hnswCache`; the caller flushes it (`flushVectorIndex`) after the batch.
    func removeSegment(_ id: SegmentID, spaces: inout [EmbeddingSpace], hnswCache: HNSWWriteCache,
                       in txn: UnsafeWriteTransactionReference) throws -> Segment? {
        guard var segment = try tables.segments.get(id.rawValue, in: txn) else { return nil }
        segment.id = id
        try removeEdges(of: id, in: txn)
        let index = IntervalIndex(table: tables.timeIndex)
        for (dimension, value) in try indexEntries(for: segment, in: txn) {
            try index.remove(dimension, value, span: segment.span, segment: id, in: txn)
        }
        try tables.segmentKeys.delete(Self.segmentKey(source: segment.sourceID, externalID: segment.externalID), in: txn)
        try tables.importSegments.delete(Self.importSegmentKey(segment.importID, id), in: txn)
        try tables.boxes.delete(id.rawValue, in: txn)
        for index in spaces.indices where try tables.vectors.delete(Self.vectorKey(space: spaces[index].id, id), in: txn) {
            try unindexVector(space: spaces[index], segment: id, txn: txn, cache: hnswCache)
            spaces[index].vectorCount -= 1
        }
        try tables.segments.delete(id.rawValue, in: txn)
        return segment
    }

    /// Segment ids an import brought, in id order.
    func segmentIDs<T: ReadableTransaction & ~Copyable>(of importID: ImportID, in txn: borrowing T) throws -> [SegmentID] {
        var ids: [SegmentID] = []
        try tables.importSegments.scanRaw(in: txn, from: encode32(importID.rawValue),
                                          to: encode32(importID.rawValue + 1)) { key, _ in
            var r = ByteReader(key, typeName: "import segment key")
            _ = try r.readUInt32()
            ids.append(SegmentID(rawValue: try r.readUInt64()))
            return true
        }
        return ids
    }
}

func encode32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }
