// Output for people (aligned tables) or programs (--json, --csv).
import ArgumentParser

enum OutputFormat {
    case table, json, csv
}

struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON (for programs).")
    var json = false

    @Flag(help: "Print CSV with a header row (for spreadsheets and programs).")
    var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv cannot be used together") }
    }

    var format: OutputFormat { json ? .json : (csv ? .csv : .table) }
}
