// Import progress for a person (a bar on a terminal: bytes, file k of N, rate, ETA) or for a
// program (`--progress json`: one JSON object per line on stderr). Off a terminal and without
// --progress it stays quiet. The import calls `advance` for every stored segment (inside its
// write transaction), so that only records numbers; a timer draws.
import ArgumentParser
import Foundation
import Glibc
import SegGraph

enum ProgressMode: String, CaseIterable, ExpressibleByArgument {
    case auto, bar, json, none
}

final class ImportProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let mode: ProgressMode
    private let files: [String]
    private let sizes: [Int]
    private let totalBytes: Int
    private let started = Date()
    private var fileIndex = 0
    private var bytesBefore = 0
    private var bytesInFile = 0
    private var segments = 0
    private var timer: (any DispatchSourceTimer)?
    private var drawn = false

    /// `auto` draws a bar when stderr is a terminal and says nothing otherwise.
    init(files: [String], mode: ProgressMode) {
        self.files = files
        sizes = files.map { ((try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? Int) ?? 0 }
        totalBytes = max(1, sizes.reduce(0, +))
        self.mode = mode == .auto ? (isatty(STDERR_FILENO) == 1 ? .bar : .none) : mode
        guard self.mode != .none else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + (self.mode == .bar ? 0.5 : 1), repeating: self.mode == .bar ? 0.25 : 1)
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
        self.timer = timer
    }

    /// The import of file number `index` begins.
    func begin(file index: Int) {
        lock.withLock {
            fileIndex = index
            bytesBefore = sizes.prefix(index).reduce(0, +)
            bytesInFile = 0
        }
    }

    /// A segment was stored; `bytesRead` of the current file when the format streams.
    func advance(segments count: Int, bytesRead: Int?) {
        lock.withLock {
            if let bytesRead { bytesInFile = bytesRead }
            segments = count
        }
    }

    /// The current file is done: its row (`line`, for the bar) or its record (for JSON).
    func finished(file index: Int, line: String, fields: [(String, String)]) {
        lock.withLock {
            bytesInFile = sizes[index]
            switch mode {
            case .bar: write("\r\u{1B}[2K" + line + "\n"); drawn = false
            case .json: write(json([("event", "\"file_done\""), ("file_index", "\(index + 1)"), ("files", "\(files.count)")] + fields) + "\n")
            case .auto, .none: break
            }
        }
    }

    /// Stops drawing and clears the bar.
    func stop() {
        timer?.cancel()
        timer = nil
        lock.withLock { if drawn { write("\r\u{1B}[2K") } }
    }

    private func tick() {
        lock.withLock {
            let done = bytesBefore + bytesInFile
            let elapsed = Date().timeIntervalSince(started)
            let rate = Double(done) / max(elapsed, 0.001)
            let left = rate > 0 ? Double(totalBytes - done) / rate : 0
            switch mode {
            case .bar:
                let fraction = min(1, Double(done) / Double(totalBytes))
                let width = 24
                let filled = Int(fraction * Double(width))
                let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                let name = (files[fileIndex] as NSString).lastPathComponent
                write("\r\u{1B}[2K[\(bar)] \(Int(fraction * 100))%  \(Self.megabytes(done))/\(Self.megabytes(totalBytes)) MB  "
                      + "file \(fileIndex + 1)/\(files.count) \(name)  \(Self.megabytes(Int(rate))) MB/s  ETA \(Self.clock(left))")
                drawn = true
            case .json:
                write(json([("event", "\"progress\""), ("file", quoted(files[fileIndex])), ("file_index", "\(fileIndex + 1)"),
                            ("files", "\(files.count)"), ("bytes_read", "\(done)"), ("bytes_total", "\(totalBytes)"),
                            ("segments_in_file", "\(segments)"), ("elapsed_s", String(format: "%.1f", elapsed)),
                            ("eta_s", String(format: "%.1f", left))]) + "\n")
            case .auto, .none: break
            }
        }
    }

    private func json(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    private func quoted(_ text: String) -> String { AnswerValue.string(text).json }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    private static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }

    private static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
