// Small, rarely written records (sources, ledger, spaces, configuration) are stored as
// a version byte followed by JSON: readable with `mdb_dump`, easy to evolve.
internal import Foundation
internal import LMDB

/// A Codable value stored as `u8 version | JSON`.
struct JSONRecord<Value: Codable>: LMDBCodable {
    static var recordVersion: UInt8 { 1 }
    var value: Value

    init(_ value: Value) { self.value = value }

    func withEncodedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding our own plain structs cannot fail; a failure is a programmer error.
        let json = try! encoder.encode(value)
        var bytes = [Self.recordVersion]
        bytes.append(contentsOf: json)
        return try bytes.withUnsafeBytes(body)
    }

    init(decoding bytes: UnsafeRawBufferPointer) throws(RecordDecodingError) {
        let name = String(describing: Value.self)
        guard let version = bytes.first else { throw RecordDecodingError(name, "empty record") }
        guard version == Self.recordVersion else {
            throw RecordDecodingError(name, "version \(version), expected \(Self.recordVersion)")
        }
        do {
            value = try JSONDecoder().decode(Value.self, from: Data(bytes.dropFirst()))
        } catch {
            throw RecordDecodingError(name, "\(error)")
        }
    }
}
