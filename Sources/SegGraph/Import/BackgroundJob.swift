// One piece of work on a thread of its own, joined with `wait()`. The import uses it to insert
// vectors into the HNSW index on the second core while the linker runs on the first.
//
// `@unchecked Sendable` because the work captures state that is not Sendable (the index's
// write cache, a read transaction's handle). That is sound only under the rule every caller
// keeps: nothing the work captures is touched by anyone else until `wait()` has returned.
internal import Foundation

final class BackgroundJob<Value>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var outcome: Result<Value, any Error>?

    /// Starts `work` on a new thread (8 MiB of stack, like the main thread's).
    init(_ work: @escaping () throws -> Value) {
        let box = UncheckedBox(work)
        let thread = Thread { [self] in
            self.outcome = Result { try box.value() }
            self.finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Blocks until the work has finished; its value or error.
    func wait() -> Result<Value, any Error> {
        finished.wait()
        return outcome!
    }
}

private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
