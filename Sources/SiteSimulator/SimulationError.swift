// Operating errors of the simulator: bad parameters from a user or an unwritable directory.
// Callers match on `code`, never on the text.

public struct SimulationError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case invalidParameters
        case cannotCreateDirectory
        case cannotOpenFile
        case writeFailed
    }

    public var code: Code
    public var message: String
    /// The file or directory involved, if any.
    public var path: String?
    /// `errno` at the time of failure, if a system call failed.
    public var systemError: Int32?

    public init(code: Code, message: String, path: String? = nil, systemError: Int32? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.systemError = systemError
    }

    public var description: String {
        var text = message
        if let path { text += " (\(path))" }
        if let systemError { text += " [errno \(systemError)]" }
        return text
    }
}
