// What an export writes (format, selection) and what it wrote. Plain values, so the CLI
// and a future server build them without touching storage.

/// The formats `Store.export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// SegGraph's native JSON Lines: one segment per line; re-imports into an equal store.
    case jsonl
    /// Neo4j `neo4j-admin database import` CSV: a directory with nodes, relationships, sources.
    case neo4jCSV = "neo4j-csv"
    /// GraphML (XML) with typed key declarations, for NetworkX, Gephi, yEd, igraph.
    case graphml
}

/// Which segments an export takes: all, or those of some sources overlapping a window.
public struct ExportSelection: Sendable, Equatable {
    /// Source names; empty = every source.
    public var sources: [String]
    /// Keep segments overlapping this closed window; clock times default to the one
    /// source named, if exactly one is.
    public var window: TimeWindowSpec

    public init(sources: [String] = [], window: TimeWindowSpec = .unbounded) {
        self.sources = sources
        self.window = window
    }
}

/// What one export wrote.
public struct ExportSummary: Sendable, Equatable {
    public var format: ExportFormat
    /// Files written, in the order they were closed.
    public var files: [String]
    public var sourceCount = 0
    public var segmentCount = 0
    public var boxCount = 0
    public var embeddingCount = 0
    /// Edges written (both ends selected); 0 for `jsonl`, whose importer re-derives them.
    public var edgeCount = 0
}

/// An export that could not be written: names the file and the reason.
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
