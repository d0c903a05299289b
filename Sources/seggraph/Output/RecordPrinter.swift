// Output of the commands that are not queries (import, check, config, backup, …): rows
// built here, printed through the same AnswerPrinter as every query's answer.
import SegGraph

typealias OutputValue = AnswerValue

struct OutputRecord {
    var fields: [(String, OutputValue)]

    var value: AnswerValue { .object(fields.map { AnswerField($0.0, $0.1) }) }
}

enum RecordPrinter {
    static func print(_ records: [OutputRecord], columns: [String], format: OutputFormat) {
        AnswerPrinter.print(Answer(list: records.map(\.value), columns: columns.map { AnswerColumn($0) }), format: format)
    }

    /// A single record: `key  value` lines for people, one JSON object for programs.
    static func printObject(_ record: OutputRecord, format: OutputFormat) {
        AnswerPrinter.print(Answer(object: record.value), format: format)
    }
}
