// Something decoded from the store (sources, configuration, learned topology), valid for one
// store generation. Every write that changes it bumps the generation, so a generation match
// means the cached value is exact; queries then skip the decoding.
internal import Foundation

final class GenerationCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var generation: UInt64?
    private var value: Value?

    func get(generation: UInt64) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return self.generation == generation ? value : nil
    }

    func set(_ value: Value, generation: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        self.value = value
        self.generation = generation
    }
}

extension GenerationCache {
    /// The entry for `key` in a cache that holds one dictionary per generation: the kept one,
    /// or `make()`'s, which is then kept beside the others (nil is not kept).
    func entry<Key: Hashable, Entry>(_ key: Key, generation: UInt64, make: () throws -> Entry?) rethrows -> Entry?
    where Value == [Key: Entry] {
        var known = get(generation: generation) ?? [:]
        if let entry = known[key] { return entry }
        guard let entry = try make() else { return nil }
        known[key] = entry
        set(known, generation: generation)
        return entry
    }
}
