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
        guard bits & mask == 0 else { throw reader.failure("duplicate key: the object already has this member") }
        bits |= mask
    }
}

extension JSONReader {
    /// Throws when a key of the object at `range` (byte range of `{…}`) occurs twice; for
    /// objects kept as text (attributes), whose keys are not otherwise parsed.
    func checkUniqueKeys(of range: Range<Int>) throws(JSONFailure) {
        var inner = self
        inner.position = range.lowerBound
        inner.end = range.upperBound
        try inner.enterObject()
        var first = true
        var seen = Set<String>()
        while let key = try inner.nextKey(&first) {
            guard seen.insert(try inner.decode(key)).inserted else {
                throw inner.failure("duplicate key: the object already has this member")
            }
            try inner.skipValue()
        }
    }
}
