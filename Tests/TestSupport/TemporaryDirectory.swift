// Fresh directories for stores and generated files, removed when the test ends.
public import Foundation

/// A unique directory under the system temporary directory.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(_ name: String = "seggraph-test") {
        path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `path/name`.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `path/name` and returns the full path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        let full = file(name)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: full))
        return full
    }
}
