// `Store.export`: one read transaction (a consistent snapshot, concurrent with an importing
// process), one streaming pass per output file, nothing collected in memory.
internal import Foundation
internal import LMDB

extension Store {
    /// Writes the selected part of the store in `format`.
    ///
    /// - Parameters:
    ///   - format: `.jsonl` and `.graphml` write the file `path` (`-` = standard output);
    ///     `.neo4jCSV` writes `nodes.csv`, `relationships.csv`, `sources.csv` and `verdicts.csv`
    ///     into the directory `path` (created if missing). Investigators' verdicts travel in the
    ///     graph formats (`verdicts.csv`, GraphML edges of kind `verdict`); `jsonl` is the import
    ///     format, which has no place for them (`link list --json` / `link restore` carry them).
    ///   - selection: sources and time window; edges are written only when both ends are selected.
    /// - Returns: the files written and the counts.
    /// - Throws: `StoreError.notFound` for an unknown source, `ExportError` when a file
    ///   cannot be written, `StoreError.storage` when the store cannot be read.
    /// - Complexity: O(n) over the segments table, plus boxes and vectors (jsonl) or edge
    ///   ends (graph formats) of the selected segments. Memory: O(sources + one segment).
    public func export(_ format: ExportFormat, selection: ExportSelection = ExportSelection(),
                       to path: String) throws -> ExportSummary {
        try readTransaction { txn in
            let plan = try exportPlan(selection, in: txn)
            var summary = ExportSummary(format: format, files: [])
            switch format {
            case .jsonl:
                let file = try ExportFile(path: path)
                var exporter = JSONLinesExporter(file: file)
                var sources = Set<UInt32>()
                try forEachExported(plan, withDetails: true, in: txn) { item in
                    try exporter.write(item)
                    sources.insert(item.source.id)
                    summary.count(item)
                }
                summary.sourceCount = sources.count
                try file.close()
                summary.files = [path]
            case .neo4jCSV:
                try Self.makeDirectory(path)
                let exporter = try Neo4jCSVExporter(directory: path)
                try exporter.writeSources(plan.selectedSources)
                summary.sourceCount = plan.selectedSources.count
                try forEachExported(plan, withDetails: false, in: txn) { item in
                    try exporter.writeNode(item)
                    summary.count(item)
                    try forEachExportedEdge(of: item.segment.id, plan, in: txn) { edge in
                        try exporter.writeEdge(edge)
                        summary.edgeCount += 1
                    }
                }
                summary.files = try exporter.close()
                summary.files.append(try Neo4jCSVExporter.writeVerdicts(try exportedVerdicts(plan, in: txn), directory: path))
            case .graphml:
                let file = try ExportFile(path: path)
                let exporter = GraphMLExporter(file: file)
                try exporter.begin()
                try forEachExported(plan, withDetails: false, in: txn) { item in
                    try exporter.writeNode(item)
                    summary.count(item)
                }
                // GraphML readers expect nodes before the edges that use them: a second pass.
                try forEachExported(plan, withDetails: false, in: txn) { item in
                    try forEachExportedEdge(of: item.segment.id, plan, in: txn) { edge in
                        try exporter.writeEdge(edge)
                        summary.edgeCount += 1
                    }
                }
                for (first, second, verdict) in try exportedVerdicts(plan, in: txn) {
                    try exporter.writeVerdict(first, second, verdict)
                }
                try exporter.end()
                try file.close()
                summary.sourceCount = plan.selectedSources.count
                summary.files = [path]
            }
            return summary
        }
    }

    private static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ExportError(path: path, reason: "cannot create directory: \((error as NSError).localizedDescription)")
        }
    }
}

extension ExportSummary {
    mutating func count(_ item: ExportedSegment) {
        segmentCount += 1
        boxCount += item.segment.boxCount
        embeddingCount += item.embeddings.count
    }
}
