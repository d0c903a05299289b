// Output for people (aligned tables) or programs (--json, --csv).
import ArgumentParser
import SegGraph

enum OutputFormat {
    case table, json, csv
}

struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON (for programs; shapes in schema/answers/).")
    var json = false

    @Flag(help: "Print CSV with a header row (for spreadsheets and programs).")
    var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv cannot be used together") }
    }

    var format: OutputFormat { json ? .json : (csv ? .csv : .table) }

    /// Writes a query's answer in the chosen format.
    func write(_ result: some Answerable) {
        AnswerPrinter.print(result.answer, format: format)
    }
}
