// A progress indicator on stderr for long imports: shown only on a terminal and only
// once the work has taken more than a second, so scripts and quick imports stay quiet.
import Foundation
import Glibc

final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let started = Date()
    private var timer: (any DispatchSourceTimer)?
    private var shown = false

    init(label: String) {
        self.label = label
        guard isatty(STDERR_FILENO) == 1 else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + 1, repeating: 0.25)
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
        self.timer = timer
    }

    private func tick() {
        shown = true
        let frames = ["|", "/", "-", "\\"]
        let elapsed = Date().timeIntervalSince(started)
        let spinner = frames[Int(elapsed * 4) % frames.count]
        printRaw("\r\(spinner) \(label) … \(String(format: "%.1f", elapsed)) s")
    }

    func finish() {
        timer?.cancel()
        timer = nil
        if shown { printRaw("\r\u{1B}[2K") }
    }

    private func printRaw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
