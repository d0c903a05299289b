// Embedding vectors: `embedding` (space "default") and `embeddings` ({space: vector}).
// Dimension agreement across segments is checked by FileChecks; here only per-vector limits.
import SegGraphModel

extension SegmentParser {
    /// Reads a vector; `null` and `[]` mean "no embedding".
    mutating func readVector(space: String, _ reader: inout JSONReader) throws(JSONFailure) -> [Float]? {
        if try reader.consumeNull() { return nil }
        var vector: [Float] = []
        vector.reserveCapacity(dimensionHints[space] ?? 0)
        try reader.enterArray()
        var index = 0
        while try reader.nextElement(index) {
            guard index < ImportLimits.embeddingDimensionMax else {
                throw reader.failure("embedding has more than \(ImportLimits.embeddingDimensionMax) dimensions")
            }
            let value = Float(try reader.readDouble())
            guard value.isFinite else { throw reader.failure("number is out of range for a 32-bit float") }
            vector.append(value)
            index += 1
        }
        if vector.isEmpty { return nil }
        if dimensionHints[space] != vector.count { dimensionHints[space] = vector.count }
        return vector
    }

    /// `embeddings`: `{name: [numbers]}`, or `null`.
    mutating func readSpaces(_ reader: inout JSONReader, into spaces: inout [String: [Float]]) throws(JSONFailure) {
        if try reader.consumeNull() { return }
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            guard key.count <= ImportLimits.identifierBytesMax else {
                throw reader.failure("embedding space name is longer than \(ImportLimits.identifierBytesMax) bytes")
            }
            let name = try reader.decode(key)
            guard !name.isEmpty else { throw reader.failure("embedding space name is empty") }
            if let vector = try readVector(space: name, &reader) {
                spaces[name] = vector
                guard spaces.count <= ImportLimits.embeddingSpacesPerSegmentMax else {
                    throw reader.failure("more than \(ImportLimits.embeddingSpacesPerSegmentMax) embedding spaces")
                }
            }
        }
    }
}
