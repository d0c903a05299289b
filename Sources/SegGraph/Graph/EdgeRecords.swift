// Byte layouts of edges (schema/store-format.md, "Edges").
//   adjacency (DUPSORT | DUPFIXED): u64 segment → 10-byte entries u8 kind | u8 direction | u64 other
//   edge_properties: u64 from | u8 kind | u64 to → u8 version | u8 count | count × (u8 property | f64 value)
internal import LMDB

struct AdjacencyEntry: LMDBCodable, Hashable {
    static let byteCount = 10
    var end: EdgeEnd

    func withEncodedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var w = ByteWriter(capacity: Self.byteCount)
        w.write(end.kind.rawValue)
        w.write(end.direction.rawValue)
        w.write(end.other.rawValue)
        return try w.bytes.withUnsafeBytes(body)
    }

    init(_ end: EdgeEnd) { self.end = end }

    init(decoding bytes: UnsafeRawBufferPointer) throws(RecordDecodingError) {
        var r = ByteReader(bytes, typeName: "adjacency entry")
        guard bytes.count == Self.byteCount,
              let kind = EdgeKind(rawValue: try r.readUInt8()),
              let direction = EdgeDirection(rawValue: try r.readUInt8()) else {
            throw RecordDecodingError("adjacency entry", "bad kind, direction or size")
        }
        end = EdgeEnd(kind: kind, direction: direction, other: SegmentID(rawValue: try r.readUInt64()))
    }
}

struct EdgePropertiesRecord: LMDBCodable {
    static let recordVersion: UInt8 = 1
    var properties: [(EdgeProperty, Double)]

    init(_ properties: [(EdgeProperty, Double)]) { self.properties = properties }

    func withEncodedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var w = ByteWriter(capacity: 2 + properties.count * 9)
        w.write(Self.recordVersion)
        w.write(UInt8(properties.count))
        for (key, value) in properties {
            w.write(key.rawValue)
            w.write(value)
        }
        return try w.bytes.withUnsafeBytes(body)
    }

    init(decoding bytes: UnsafeRawBufferPointer) throws(RecordDecodingError) {
        var r = ByteReader(bytes, typeName: "edge properties")
        guard try r.readUInt8() == Self.recordVersion else { throw RecordDecodingError("edge properties", "unknown version") }
        let count = Int(try r.readUInt8())
        var properties: [(EdgeProperty, Double)] = []
        for _ in 0..<count {
            guard let key = EdgeProperty(rawValue: try r.readUInt8()) else { throw RecordDecodingError("edge properties", "unknown property") }
            properties.append((key, try r.readDouble()))
        }
        self.properties = properties
    }

    static func key(_ kind: EdgeKind, from: SegmentID, to: SegmentID) -> [UInt8] {
        var w = ByteWriter(capacity: 17)
        w.write(from.rawValue)
        w.write(kind.rawValue)
        w.write(to.rawValue)
        return w.bytes
    }
}
