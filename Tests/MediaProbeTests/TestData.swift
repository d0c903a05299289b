// Where the shared real test videos are: `shared/` sits beside the repository root (and beside
// the dev package that symlinks these tests), so the path is derived from this file's location.
import Foundation

enum TestData {
    /// `$SEGGRAPH_SHARED_DATA`, else `<repo>/../shared/data` (the same rule as
    /// TestSupport's TestPaths; this target does not depend on it).
    static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["SEGGRAPH_SHARED_DATA"] { return URL(fileURLWithPath: override) }
        let sibling = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // MediaProbeTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository root
            .deletingLastPathComponent()
            .appendingPathComponent("shared/data")
        return sibling
    }()

    static func video(_ name: String) -> String {
        root.appendingPathComponent("videos").appendingPathComponent(name).path
    }

    /// A scratch file with `contents`, removed by the caller's `defer`.
    static func temporaryFile(named name: String, contents: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("MediaProbeTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }
}
