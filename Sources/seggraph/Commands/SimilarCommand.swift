// `seggraph similar`: nearest segments by embedding, with the usual filters.
import ArgumentParser
import Foundation
import SegGraph

struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Segments whose embedding is most similar to a segment's or to a given vector.",
        discussion: """
            The query is a stored segment's embedding (--segment) or a vector file (--vector): a JSON \
            array of numbers or a .npy file of float32. Filters are applied during the search, so k \
            results come back whenever k segments pass them; very selective filters switch to an \
            exact scan (the `method` column says which ran).
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Query by this segment's embedding: SOURCE/SEGMENT_ID or #ID.") var segment: String?
    @Option(help: ArgumentHelp("Query by the vector in FILE (.json array or .npy float32).", valueName: "file")) var vector: String?
    @Option(help: "Embedding space.") var space: String = "default"
    @Option(name: .short, help: "Number of results.") var k: Int = 10
    @Option(help: "HNSW search breadth (ef); larger is slower and more exact.") var ef: Int?
    @Option(help: "Group results by: source.") var groupBy: String?
    @OptionGroup var filterOptions: SegmentFilterOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (segment == nil) != (vector == nil) else { throw ValidationError("give exactly one of --segment or --vector") }
        if let groupBy, groupBy != "source" { throw ValidationError("--group-by: only `source` is supported") }
    }

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            var exclude: SegmentID?
            let query: [Float]
            if let segment {
                let id = try store.segmentID(named: segment)
                exclude = id
                query = try store.embedding(of: id, spaceName: space)
            } else {
                query = try VectorFile.read(vector!)
            }
            var filter = try filterOptions.filter(store: store)
            let filtered = filterOptions.narrowsResults
            filter.limit = Limits.queryResultsMax
            let asked = k + (exclude == nil ? 0 : 1)
            let (hits, method) = try store.similar(to: query, space: space, k: asked, filter: filtered ? filter : nil, expansionSearch: ef)
            var results = hits.filter { $0.hit.segment.id != exclude }.prefix(k).map { $0 }
            if groupBy == "source" {
                let best = Dictionary(grouping: results, by: { $0.hit.source.name }).mapValues { $0.map(\.similarity).max()! }
                results.sort { (-best[$0.hit.source.name]!, $0.hit.source.name, -$0.similarity) < (-best[$1.hit.source.name]!, $1.hit.source.name, -$1.similarity) }
            }
            let records = results.enumerated().map { rank, result -> OutputRecord in
                let hit: SegmentHit = result.hit
                var record = SegmentOutput.record(hit, full: output.format == .json)
                let leading: [(String, OutputValue)] = [("rank", OutputValue.int(rank + 1)),
                                                        ("similarity", OutputValue.double((result.similarity * 10_000).rounded() / 10_000))]
                record.fields.insert(contentsOf: leading, at: 0)
                record.fields.append(("method", OutputValue.string(method.rawValue)))
                return record
            }
            RecordPrinter.print(records, columns: ["rank", "similarity", "segment", "label", "start", "end", "method"], format: output.format)
        }
    }
}
