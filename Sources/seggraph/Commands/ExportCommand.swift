// `seggraph export --format jsonl|neo4j-csv|graphml OUT`: builds an ExportSelection and
// runs Store.export; the engine streams, this only parses and prints the summary.
public import ArgumentParser
public import SegGraph

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store (or part of it) as JSON Lines, Neo4j admin-import CSV or GraphML.",
        discussion: """
            jsonl: one segment per line in the native import format (source object on the first \
            line of each source, boxes, embeddings per space, attributes, masks). Importing it into \
            an empty store rebuilds the same segments, vectors and edges (edges are re-derived). \
            OUT is a file; - writes to standard output.

            neo4j-csv: OUT is a directory that gets nodes.csv (segmentId:ID,source,externalId,label,\
            type,start:long,end:long,confidence:double,:LABEL), relationships.csv (:START_ID,:END_ID,\
            :TYPE and one :double column per edge property), sources.csv and verdicts.csv (investigators' \
            verdicts: CONFIRMED_SAME / REJECTED_SAME with by, at, note). Load with neo4j-admin database \
            import full --nodes=nodes.csv --relationships=relationships.csv --relationships=verdicts.csv.

            graphml: OUT is a GraphML file (nodes n<id> with source, label, type, times; directed \
            edges with kind and properties; verdicts as edges of kind verdict).

            jsonl carries no verdicts (it is the import format): keep them with `seggraph link list \
            --json` and bring them back with `seggraph link restore`.

            --source and --from/--to select segments; an edge is written only when both of its \
            segments are selected. The export reads one snapshot: it is consistent even while \
            another process imports.
            """ + CommandExamples.appended("export"))

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "jsonl, neo4j-csv or graphml.")
    var format: ExportFormat

    @Option(help: "Only these sources (repeatable).")
    var source: [String] = []

    @OptionGroup var window: TimeWindowOptions

    @Argument(help: "Output file (jsonl, graphml; - = stdout) or directory (neo4j-csv).")
    var out: String

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if format == .neo4jCSV && out == "-" { throw ValidationError("neo4j-csv writes a directory; give its path") }
    }

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let selection = ExportSelection(sources: source, window: try window.spec())
            let summary = try store.export(format, selection: selection, to: out)
            // With `-` the data went to stdout; the summary must not be mixed into it.
            guard out != "-" else { return }
            let record = OutputRecord(fields: [
                ("format", .string(summary.format.rawValue)), ("files", .string(summary.files.joined(separator: " "))),
                ("sources", .int(summary.sourceCount)), ("segments", .int(summary.segmentCount)),
                ("boxes", .int(summary.boxCount)), ("embeddings", .int(summary.embeddingCount)),
                ("edges", .int(summary.edgeCount)),
            ])
            RecordPrinter.print([record], columns: ["format", "segments", "edges", "sources", "files"], format: output.format)
        }
    }
}
