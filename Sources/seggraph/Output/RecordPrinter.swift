// Prints a list of records as an aligned table, CSV, or a JSON array.
import Foundation

struct OutputRecord {
    var fields: [(String, OutputValue)]
}

enum RecordPrinter {
    static func print(_ records: [OutputRecord], columns: [String], format: OutputFormat) {
        switch format {
        case .json:
            Swift.print("[" + records.map { OutputValue.object($0.fields).json }.joined(separator: ",\n ") + "]")
        case .csv:
            Swift.print(columns.map(csvEscape).joined(separator: ","))
            for record in records { Swift.print(row(record, columns).map(csvEscape).joined(separator: ",")) }
        case .table:
            printTable(header: columns, rows: records.map { row($0, columns) })
        }
    }

    /// A single record: `key  value` lines for people, one JSON object for programs.
    static func printObject(_ record: OutputRecord, format: OutputFormat) {
        switch format {
        case .json: Swift.print(OutputValue.object(record.fields).json)
        case .csv: print([record], columns: record.fields.map(\.0), format: .csv)
        case .table: printTable(header: nil, rows: record.fields.map { [$0.0, $0.1.text] })
        }
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

    private static func row(_ record: OutputRecord, _ columns: [String]) -> [String] {
        columns.map { column in record.fields.first { $0.0 == column }?.1.text ?? "" }
    }

    private static func csvEscape(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
