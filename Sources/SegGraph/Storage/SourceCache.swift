// Decoded sources, valid for one store generation. Sources change only in writes that
// bump the generation, so a generation match means the cache is exact.
internal import Foundation

final class SourceCache: @unchecked Sendable {
    private let lock = NSLock()
    private var generation: UInt64?
    private var sources: [UInt32: Source] = [:]

    func get(generation: UInt64) -> [UInt32: Source]? {
        lock.lock()
        defer { lock.unlock() }
        return self.generation == generation ? sources : nil
    }

    func set(_ sources: [UInt32: Source], generation: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        self.sources = sources
        self.generation = generation
    }
}
