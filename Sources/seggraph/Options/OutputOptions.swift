// Output for people (aligned tables) or programs (--json, --csv).
import ArgumentParser
import Foundation
import SegGraph

enum OutputFormat {
    case table, json, csv
}

struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON (for programs; shapes in schema/answers/).")
    var json = false

    @Flag(help: "Print CSV with a header row (for spreadsheets and programs).")
    var csv = false

    @Flag(help: "Show every time in UTC instead of each camera's zone (output only; same as --out-tz UTC).")
    var utc = false

    @Option(help: ArgumentHelp("Show every time in this IANA zone instead of each camera's (output only: clock times you type stay in the camera's zone or --tz).", valueName: "zone"))
    var outTz: String?

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv cannot be used together") }
        if utc && outTz != nil { throw ValidationError("--utc and --out-tz cannot be used together") }
        if let outTz, TimeZone(identifier: outTz) == nil {
            throw ValidationError("--out-tz \(outTz): unknown time zone\(DidYouMean.timeZoneHint(for: outTz))")
        }
        // Set before the command runs: answers format their times when they are built.
        TimeDisplay.showEveryTime(inZoneNamed: utc ? "UTC" : outTz)
    }

    var format: OutputFormat { json ? .json : (csv ? .csv : .table) }

    /// Writes a query's answer in the chosen format.
    func write(_ result: some Answerable) {
        AnswerPrinter.print(result.answer, format: format)
    }
}
