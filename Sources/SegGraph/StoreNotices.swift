// Things the engine did on its own that a person should hear about, such as a catalog found
// unreadable and rebuilt from LMDB. The engine posts them; the CLI prints them on stderr after
// the command (a server would log them). They are never part of an answer.
internal import Foundation

/// A process-wide queue of one-line notices.
public enum StoreNotices {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pending: [String] = []

    static func post(_ notice: String) {
        lock.lock()
        defer { lock.unlock() }
        pending.append(notice)
    }

    /// Every notice posted since the last call, oldest first.
    public static func drain() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        defer { pending = [] }
        return pending
    }
}
