// JSON leaves a repeated key's meaning undefined: parsers keep the first, the last, or both
// (the native importer did all three, depending on the key). A repeated key is refused, with
// the path of the second one, instead of being guessed.

/// The known keys already read in one object, one bit each (at most 32 per object kind).
struct SeenKeys {
    private var bits: UInt32 = 0

    /// Marks key number `bit`; throws when it was already seen in this object.
    @inline(__always)
    mutating func claim(_ bit: Int, _ reader: borrowing JSONReader) throws(JSONFailure) {
        let mask: UInt32 = 1 << UInt32(bit)
        guard bits & mask == 0 else { throw reader.duplicateKey() }
        bits |= mask
    }
}

/// Keys of one object that are kept as text rather than parsed (attributes, a source's extra
/// fields, a segment's unknown members), by decoded name.
struct SeenNames {
    private var names: Set<String> = []

    /// Marks `key`; throws when the object already had it.
    mutating func claim(_ key: JSONStringToken, _ reader: borrowing JSONReader) throws(JSONFailure) {
        guard names.insert(try reader.decode(key)).inserted else { throw reader.duplicateKey() }
    }

    mutating func removeAll() { names.removeAll(keepingCapacity: true) }
}

extension JSONReader {
    /// The refusal of a repeated key, at the reader's path (the second occurrence).
    func duplicateKey() -> JSONFailure {
        failure("duplicate key: the object already has this member")
    }
}
