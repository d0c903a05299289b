// Writes a library-owned Answer as an aligned table (people), CSV or JSON (programs).
// The bytes of `--json` are `Answer.json`, the same the server sends.
import Foundation
import SegGraph

enum AnswerPrinter {
    static func print(_ answer: Answer, format: OutputFormat) {
        switch (answer.layout, format) {
        case (_, .json):
            Swift.print(answer.json)
        case (.list(let columns), .csv):
            printCSV(header: columns.map(\.header), rows: answer.rows.map { row in columns.map { $0.text(of: row) } })
        case (.list(let columns), .table):
            printTable(header: columns.map(\.header), rows: answer.rows.map { row in columns.map { $0.text(of: row) } })
        case (.object(let details, let hidden), .csv):
            let fields = summaryFields(answer, details).filter { !hidden.contains($0.key) }
            printCSV(header: fields.map(\.key), rows: [fields.map(\.value.text)])
        case (.object(let details, let hidden), .table):
            printTable(header: nil, rows: summaryFields(answer, details).filter { !hidden.contains($0.key) }.map { [$0.key, $0.value.text] })
            printDetails(answer, details)
        }
        // Notes (truncation, "did you mean", hints for an empty answer) go to stderr in every
        // format: stdout stays the answer alone, for pipes and for `> file`.
        let notes = answer.notes.joined(separator: "\n")
        if !notes.isEmpty {
            fflush(nil)  // the answer first, then its notes, on a terminal showing both
            printError(notes)
        }
    }

    /// The object's fields except those shown as tables of their own.
    private static func summaryFields(_ answer: Answer, _ details: [String: [AnswerColumn]]) -> [AnswerField] {
        guard case .object(let fields) = answer.rows.first else { return [] }
        return fields.filter { details[$0.key] == nil }
    }

    private static func printDetails(_ answer: Answer, _ details: [String: [AnswerColumn]]) {
        guard case .object(let fields) = answer.rows.first else { return }
        for field in fields {
            guard let columns = details[field.key], case .array(let items) = field.value, !items.isEmpty else { continue }
            Swift.print("")
            printTable(header: columns.map(\.header), rows: items.map { item in columns.map { $0.text(of: item) } })
        }
    }

    static func printCSV(header: [String], rows: [[String]]) {
        Swift.print(header.map(csvEscape).joined(separator: ","))
        for row in rows { Swift.print(row.map(csvEscape).joined(separator: ",")) }
    }

    static func printTable(header: [String]?, rows: [[String]]) {
        let all = (header.map { [$0] } ?? []) + rows
        guard let columnCount = all.map(\.count).max() else { return }
        var widths = [Int](repeating: 0, count: columnCount)
        for row in all { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        if let header {
            Swift.print(line(header))
            Swift.print(line(widths.map { String(repeating: "-", count: $0) }))
        }
        for row in rows { Swift.print(line(row)) }
    }

    private static func csvEscape(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
