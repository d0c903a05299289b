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
            """ + CommandExamples.appended("similar"))

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Query by this segment's embedding: SOURCE/SEGMENT_ID or id:ID (#ID).") var segment: String?
    @Option(help: ArgumentHelp("Query by the vector in FILE (.json array or .npy float32).", valueName: "file")) var vector: String?
    @Option(help: "Embedding space.") var space: String = "default"
    @Option(name: [.customShort("k"), .customLong("limit")], help: "Number of results (-k and --limit are one option).") var k: Int = 10
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
            let seed: SimilaritySeed = try segment.map { .segment($0) } ?? .vector(try VectorFile.read(vector!))
            let query = SimilarQuery(seed: seed, space: space, k: k, expansionSearch: ef, filter: try filterOptions.filter(),
                                     groupBySource: groupBy == "source")
            output.write(try storeOptions.run(query))
        }
    }
}
