// Where the real data and the built binary are, found from this file's location so
// tests run from any working directory.
public import Foundation

public enum TestPaths {
    /// The package root (…/Tests/TestSupport/TestPaths.swift → …).
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The real data: `$SEGGRAPH_SHARED_DATA`, else `../shared/data` next to the package
    /// (see its README). Never a machine path: a clone elsewhere sets the variable.
    public static let sharedData: String = {
        if let override = ProcessInfo.processInfo.environment["SEGGRAPH_SHARED_DATA"] { return override }
        return URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared/data").path
    }()

    public static func segments(_ name: String) -> String { sharedData + "/segments/" + name }

    /// The `seggraph` binary of the current build configuration.
    /// `$SEGGRAPH_BINARY` overrides it (builds with their own --scratch-path).
    public static let seggraphBinary: String = {
        if let override = ProcessInfo.processInfo.environment["SEGGRAPH_BINARY"], !override.isEmpty { return override }
        for configuration in ["debug", "release"] {
            let path = packageRoot + "/.build/\(configuration)/seggraph"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return packageRoot + "/.build/debug/seggraph"
    }()
}
