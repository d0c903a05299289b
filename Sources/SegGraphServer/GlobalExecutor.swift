// Hummingbird answers on NIO's event loops, while `async` handlers run on Swift concurrency's
// global pool: every request hops between the two thread pools (an eventfd wake-up each way;
// perf showed the scheduler at the top of a loaded server's profile). Making NIO's event-loop
// group the global executor removes the hop.
internal import NIOCore
internal import NIOPosix

/// Makes NIO's singleton event-loop group Swift concurrency's global executor.
/// Call once, from the main thread, before the server starts any task; `seggraph serve` does,
/// other commands keep the default pool. Returns whether the hook was installed.
@discardableResult
public func runConcurrencyOnEventLoops() -> Bool {
    NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}
