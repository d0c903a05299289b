// Byte layout of a `segments` value (see schema/store-format.md, "segments").
// Version 1:
//   u8 version | u32 source | u32 import | i64 start_ns | i64 end_ns | f64 start_offset_s
//   | f32 confidence (NaN = null) | u32 box_count | str16 type | str16 label
//   | str16 external_id | str16 track_id (empty = none) | u16 mask_count + str16 each
//   | str32 attributes_json
package import LMDB

extension Segment: LMDBCodable {
    static let recordVersion: UInt8 = 1

    package func withEncodedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var w = ByteWriter(capacity: 96 + attributesJSON.utf8.count)
        w.write(Self.recordVersion)
        w.write(sourceID.rawValue)
        w.write(importID.rawValue)
        w.write(span.startNanoseconds)
        w.write(span.endNanoseconds)
        w.write(startOffsetSeconds)
        w.write(Float(confidence ?? .nan))
        w.write(UInt32(boxCount))
        w.writeShortString(type)
        w.writeShortString(label)
        w.writeShortString(externalID)
        w.writeShortString(trackID ?? "")
        w.write(UInt16(maskPointers.count))
        for pointer in maskPointers { w.writeShortString(pointer) }
        w.writeLongString(attributesJSON)
        return try w.bytes.withUnsafeBytes(body)
    }

    /// Decodes a record; the id comes from the key, so it is filled with 0 here.
    package init(decoding bytes: UnsafeRawBufferPointer) throws(RecordDecodingError) {
        var r = ByteReader(bytes, typeName: "segment record")
        let version = try r.readUInt8()
        guard version == Self.recordVersion else {
            throw RecordDecodingError("segment record", "version \(version), expected \(Self.recordVersion)")
        }
        sourceID = SourceID(rawValue: try r.readUInt32())
        importID = ImportID(rawValue: try r.readUInt32())
        let start = try r.readInt64()
        let end = try r.readInt64()
        guard let span = TimeSpan(startNanoseconds: start, endNanoseconds: end) else {
            throw RecordDecodingError("segment record", "end before start")
        }
        self.span = span
        startOffsetSeconds = try r.readDouble()
        let confidence = try r.readFloat()
        self.confidence = confidence.isNaN ? nil : Double(confidence)
        boxCount = Int(try r.readUInt32())
        type = try r.readShortString()
        label = try r.readShortString()
        externalID = try r.readShortString()
        let track = try r.readShortString()
        trackID = track.isEmpty ? nil : track
        let maskCount = Int(try r.readUInt16())
        var masks: [String] = []
        for _ in 0..<maskCount { masks.append(try r.readShortString()) }
        maskPointers = masks
        attributesJSON = try r.readLongString()
        id = SegmentID(rawValue: 0)
    }
}

/// The packed boxes of one segment (`boxes` value). Version 1:
///   u8 version | u32 count | count × (i32 frame (Int32.min = none) | f32 offset_s (NaN = none)
///   | f32 x | f32 y | f32 w | f32 h), all big-endian.
struct BoxList: LMDBCodable {
    static let recordVersion: UInt8 = 1
    static let bytesPerBox = 24
    var boxes: [Box]

    init(_ boxes: [Box]) { self.boxes = boxes }

    // Encoded and decoded with direct stores and loads: this runs once per segment on
    // import and once per segment per comparison in the linker.
    func withEncodedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var bytes = [UInt8](repeating: 0, count: 5 + boxes.count * Self.bytesPerBox)
        bytes.withUnsafeMutableBytes { raw in
            raw[0] = Self.recordVersion
            raw.storeBytes(of: UInt32(boxes.count).bigEndian, toByteOffset: 1, as: UInt32.self)
            var offset = 5
            for box in boxes {
                raw.storeBytes(of: UInt32(bitPattern: box.frameIndex ?? Int32.min).bigEndian, toByteOffset: offset, as: UInt32.self)
                raw.storeBytes(of: (box.offsetSeconds ?? .nan).bitPattern.bigEndian, toByteOffset: offset + 4, as: UInt32.self)
                raw.storeBytes(of: box.x.bitPattern.bigEndian, toByteOffset: offset + 8, as: UInt32.self)
                raw.storeBytes(of: box.y.bitPattern.bigEndian, toByteOffset: offset + 12, as: UInt32.self)
                raw.storeBytes(of: box.width.bitPattern.bigEndian, toByteOffset: offset + 16, as: UInt32.self)
                raw.storeBytes(of: box.height.bitPattern.bigEndian, toByteOffset: offset + 20, as: UInt32.self)
                offset += Self.bytesPerBox
            }
        }
        return try bytes.withUnsafeBytes(body)
    }

    init(decoding bytes: UnsafeRawBufferPointer) throws(RecordDecodingError) {
        guard bytes.count >= 5 else { throw RecordDecodingError("box list", "\(bytes.count) bytes") }
        guard bytes[0] == Self.recordVersion else {
            throw RecordDecodingError("box list", "version \(bytes[0]), expected \(Self.recordVersion)")
        }
        let count = Int(UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: 1, as: UInt32.self)))
        guard bytes.count == 5 + count * Self.bytesPerBox else {
            throw RecordDecodingError("box list", "\(bytes.count) bytes for \(count) boxes")
        }
        func word(_ offset: Int) -> UInt32 { UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        var boxes: [Box] = []
        boxes.reserveCapacity(count)
        var offset = 5
        for _ in 0..<count {
            let frame = Int32(bitPattern: word(offset))
            let time = Float(bitPattern: word(offset + 4))
            boxes.append(Box(frameIndex: frame == Int32.min ? nil : frame, offsetSeconds: time.isNaN ? nil : time,
                             x: Float(bitPattern: word(offset + 8)), y: Float(bitPattern: word(offset + 12)),
                             width: Float(bitPattern: word(offset + 16)), height: Float(bitPattern: word(offset + 20))))
            offset += Self.bytesPerBox
        }
        self.boxes = boxes
    }
}
