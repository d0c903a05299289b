// Maps library errors to one readable stderr line and an exit code. Codes, not text,
// decide the exit status.
import ArgumentParser
import Foundation
import SegGraph
import SegGraphModel

enum ExitStatus {
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let badInput: Int32 = 3
    static let notFound: Int32 = 4
    static let inconsistent: Int32 = 5
}

/// Runs a command body; known errors become `seggraph: <message>` and an exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    // What the engine did on its own (a catalog rebuilt) is said however the command ends.
    defer { printNotices() }
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ImportError {
        fail(error.description, ExitStatus.badInput)
    } catch let error as StoreError {
        let status: Int32
        switch error.kind {
        case .notFound: status = ExitStatus.notFound
        case .invalidArgument: status = ExitStatus.usage
        default: status = ExitStatus.failure
        }
        fail(error.message + (error.parameter.map { " (\(flag(for: $0)))" } ?? ""), status)
    } catch {
        fail("\(error)", ExitStatus.failure)
    }
}

/// The command-line spelling of an engine parameter.
func flag(for parameter: String) -> String {
    parameter == "k" ? "-k" : "--" + parameter
}

func fail(_ message: String, _ status: Int32) -> Never {
    printNotices()
    printError("seggraph: \(oneLine(message))")
    Foundation.exit(status)
}

/// The engine's notices (StoreNotices), one `seggraph: note:` line each.
func printNotices() {
    for notice in StoreNotices.drain() { printError("seggraph: note: " + notice) }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// An error is one line: control characters (a newline in a file name) are shown escaped.
func oneLine(_ message: String) -> String {
    var line = ""
    for scalar in message.unicodeScalars {
        switch scalar {
        case "\n": line += "\\n"
        case "\r": line += "\\r"
        case "\t": line += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: line += String(format: "\\u%04X", scalar.value)
        default: line.unicodeScalars.append(scalar)
        }
    }
    return line
}
