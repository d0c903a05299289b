// What a query returns, in the one shape the library owns: a list of rows (an array in
// JSON, a table for people) or one object (key/value lines for people). Table columns
// name paths into the rows, so a table and the JSON never disagree about a value.

/// A column of a list's table: a header and the path of the value in each row.
public struct AnswerColumn: Sendable {
    /// Column title in tables; by default also the one key of `path`.
    public var header: String
    /// Keys leading from a row to the cell's value through nested objects, e.g. `["edge", "kind"]`.
    public var path: [String]
    /// Text when the value is absent or null.
    public var absent: String
    /// Show the value as compact JSON (edge properties) rather than text.
    public var showsJSON: Bool

    /// A column titled `header` that reads `path` (default `[header]`) and shows `absent`
    /// for a missing or null value; `showsJSON` prints the value as compact JSON.
    public init(_ header: String, path: [String]? = nil, absent: String = "-", showsJSON: Bool = false) {
        self.header = header
        self.path = path ?? [header]
        self.absent = absent
        self.showsJSON = showsJSON
    }

    /// The cell of `row`.
    public func text(of row: AnswerValue) -> String {
        var value: AnswerValue? = row
        for key in path { value = value?[key] }
        guard let value, value != .null else { return absent }
        return showsJSON ? value.json : value.text
    }
}

/// A query's answer: the JSON every consumer writes, and how people see it.
public struct Answer: Sendable {
    /// Whether the answer is a list of rows or one object, with the columns tables show.
    public enum Layout: Sendable {
        /// An array of objects; tables show `columns`.
        case list(columns: [AnswerColumn])
        /// One object; tables show its fields as `key  value` lines (except `hidden`, which
        /// only programs want), and each field in `detailColumns` as a table of its own.
        case object(detailColumns: [String: [AnswerColumn]], hidden: Set<String>)
    }

    /// List or single object, and the table columns people see.
    public var layout: Layout
    /// The rows of a list, or the single object.
    public var rows: [AnswerValue]
    /// Lines for people after the table (never in JSON): truncation, hints.
    public var notes: [String]

    /// A list: the JSON is an array of `rows`; tables show `columns`; `notes` follow the table.
    public init(list rows: [AnswerValue], columns: [AnswerColumn], notes: [String] = []) {
        self.layout = .list(columns: columns)
        self.rows = rows
        self.notes = notes
    }

    /// One object: the JSON is `object`; tables show its fields as `key  value` lines, and a
    /// field holding an array of objects as a table with `detailColumns[field]` (else every key).
    public init(object: AnswerValue, detailColumns: [String: [AnswerColumn]] = [:], hiddenInTables: Set<String> = [],
                notes: [String] = []) {
        self.layout = .object(detailColumns: detailColumns, hidden: hiddenInTables)
        self.rows = [object]
        self.notes = notes
    }

    /// The answer's JSON: an array for lists (one row a line), an object otherwise.
    public var json: String {
        switch layout {
        case .list: "[" + rows.map(\.json).joined(separator: ",\n ") + "]"
        case .object: rows.first?.json ?? "{}"
        }
    }
}

/// A query result that has an answer shape.
public protocol Answerable {
    /// The result in the library's one shape (documented in `schema/answers/`).
    var answer: Answer { get }
}
