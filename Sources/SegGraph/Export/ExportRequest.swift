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

    /// Segments of `sources` (empty = every source) overlapping `window` (default: no bounds).
    public init(sources: [String] = [], window: TimeWindowSpec = .unbounded) {
        self.sources = sources
        self.window = window
    }
}

/// What one export wrote.
public struct ExportSummary: Sendable, Equatable {
    /// The format written.
    public var format: ExportFormat
    /// Files written, in the order they were closed.
    public var files: [String]
    /// `.jsonl`: sources with at least one exported segment. `.neo4jCSV` and `.graphml`: every
    /// selected source (all when none is named), even one with no segment in the window.
    public var sourceCount = 0
    /// Segments written.
    public var segmentCount = 0
    /// Boxes of the exported segments, from their records; counted for every format, though
    /// only `.jsonl` writes boxes.
    public var boxCount = 0
    /// Vectors written: `.jsonl` only, 0 for the graph formats.
    public var embeddingCount = 0
    /// Edges written (both ends selected); 0 for `jsonl`, whose importer re-derives them.
    public var edgeCount = 0
}

/// An export that could not be written: names the file and the reason.
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or directory that could not be written (`-` for standard output).
    public var path: String
    /// What failed, e.g. `cannot write: No space left on device`.
    public var reason: String

    /// An error naming `path` and `reason`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `PATH: REASON`.
    public var description: String { "\(path): \(reason)" }
}
