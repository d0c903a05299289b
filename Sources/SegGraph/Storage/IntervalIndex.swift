// Interval index: answers "which segments overlap [T1, T2]" in O(levels · log n + hits),
// correctly for long segments too.
//
// A segment lasting d seconds is filed at the smallest level L with 16^L s ≥ d, in the
// bucket floor(start / 16^L s). At level L nothing is longer than one bucket, so a
// segment overlapping [T1, T2] starts in a bucket between bucket(T1) − 1 and
// bucket(T2): the query scans that key range on each level and filters by the exact
// end time stored as the value. Overscan is at most one bucket per level.
//
// Key: u8 dimension | u32 dimension value | u8 level | i64 bucket | i64 start_ns | u64 segment
// Value: i64 end_ns. Dimensions let one table serve all, per-label, per-source and
// per-track lookups.
internal import LMDB

enum IndexDimension: UInt8, CaseIterable {
    case all = 0
    case label = 1
    case source = 2
    case track = 3
}

struct IntervalIndex {
    let table: Table<[UInt8], [UInt8]>

    static func bucketWidthNanoseconds(level: Int) -> Int64 {
        var width = Nanoseconds.perSecond
        for _ in 0..<level { width = width.multipliedReportingOverflow(by: 16).overflow ? Int64.max / 2 : width * 16 }
        return width
    }

    static func level(forDuration duration: Int64) -> Int {
        for level in 0..<Limits.intervalLevels where duration <= bucketWidthNanoseconds(level: level) {
            return level
        }
        return Limits.intervalLevels - 1
    }

    static func bucket(_ time: Int64, level: Int) -> Int64 {
        let width = bucketWidthNanoseconds(level: level)
        // Floor division, so negative times land in the right bucket.
        return time >= 0 ? time / width : -((-time + width - 1) / width)
    }

    static func key(_ dimension: IndexDimension, _ value: UInt32, span: TimeSpan, segment: SegmentID) -> [UInt8] {
        let level = level(forDuration: span.durationNanoseconds)
        var w = ByteWriter(capacity: 30)
        w.write(dimension.rawValue)
        w.write(value)
        w.write(UInt8(level))
        w.write(bucket(span.startNanoseconds, level: level))
        w.write(span.startNanoseconds)
        w.write(segment.rawValue)
        return w.bytes
    }

    func insert<T: WritableTransaction & ~Copyable>(
        _ dimension: IndexDimension, _ value: UInt32, span: TimeSpan, segment: SegmentID, in txn: borrowing T
    ) throws {
        var end = ByteWriter(capacity: 8)
        end.write(span.endNanoseconds)
        try table.put(Self.key(dimension, value, span: span, segment: segment), end.bytes, in: txn)
    }

    func remove<T: WritableTransaction & ~Copyable>(
        _ dimension: IndexDimension, _ value: UInt32, span: TimeSpan, segment: SegmentID, in txn: borrowing T
    ) throws {
        try table.delete(Self.key(dimension, value, span: span, segment: segment), in: txn)
    }

    /// Calls `visit` for every segment filed under (dimension, value) overlapping `window`
    /// (closed), level by level — not in time order. `visit` returns false to stop.
    /// - Complexity: O(levels · log n + hits + one bucket of overscan per level).
    func overlapping<T: ReadableTransaction & ~Copyable>(
        _ dimension: IndexDimension, _ value: UInt32, window: TimeSpan, in txn: borrowing T,
        _ visit: (SegmentID, TimeSpan) throws -> Bool
    ) throws {
        var stop = false
        for level in 0..<Limits.intervalLevels where !stop {
            let first = Self.bucket(window.startNanoseconds, level: level) - 1
            let last = Self.bucket(window.endNanoseconds, level: level)
            try table.scanRaw(in: txn, from: Self.prefix(dimension, value, level, first),
                              to: Self.prefix(dimension, value, level, last + 1)) { key, value in
                let entry = try Self.decode(key: key, value: value)
                guard entry.span.overlaps(window) else { return true }
                if try visit(entry.segment, entry.span) { return true }
                stop = true
                return false
            }
        }
    }

    /// Every entry under (dimension, value), all levels: for `check` and full scans.
    func all<T: ReadableTransaction & ~Copyable>(
        _ dimension: IndexDimension, _ value: UInt32?, in txn: borrowing T,
        _ visit: (_ value: UInt32, SegmentID, TimeSpan) throws -> Bool
    ) throws {
        var lower = ByteWriter()
        lower.write(dimension.rawValue)
        var upper = ByteWriter()
        if let value {
            lower.write(value)
            upper.write(dimension.rawValue)
            upper.write(value + 1)
        } else {
            upper.write(dimension.rawValue + 1)
        }
        try table.scanRaw(in: txn, from: lower.bytes, to: upper.bytes) { key, value in
            let entry = try Self.decode(key: key, value: value)
            return try visit(entry.dimensionValue, entry.segment, entry.span)
        }
    }

    /// One entry's dimension value, segment and span (the end is the stored value).
    static func decode(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws
        -> (dimensionValue: UInt32, segment: SegmentID, span: TimeSpan)
    {
        var k = ByteReader(key, typeName: "interval key")
        _ = try k.readUInt8()
        let dimensionValue = try k.readUInt32()
        _ = try k.readUInt8(); _ = try k.readInt64()
        let start = try k.readInt64()
        let segment = SegmentID(rawValue: try k.readUInt64())
        var v = ByteReader(value, typeName: "interval value")
        guard let span = TimeSpan(startNanoseconds: start, endNanoseconds: try v.readInt64()) else {
            throw RecordDecodingError("interval entry", "end before start for segment \(segment.rawValue)")
        }
        return (dimensionValue, segment, span)
    }

    private static func prefix(_ dimension: IndexDimension, _ value: UInt32, _ level: Int, _ bucket: Int64) -> [UInt8] {
        var w = ByteWriter(capacity: 14)
        w.write(dimension.rawValue)
        w.write(value)
        w.write(UInt8(level))
        w.write(bucket)
        return w.bytes
    }
}
