// `seggraph find`: segment filters plus graph predicates (edges to labelled segments,
// zone entry, interval relations), optionally merged into clips.
import ArgumentParser
import SegGraph

struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find segments by filters and graph predicates.",
        discussion: """
            Examples:
              find --label person --with holds:product         who was holding the product
              find --label person --without wears:hardhat      workers without hardhats
              find --zone cam_04:loading_dock --label person   who entered the zone
              find --label person --then 'label=fall within 30s'
              find --label product_sku_123 --clips

            --with/--without KIND:LABEL: an edge of KIND (either direction) to a segment labelled LABEL.
            --zone SOURCE:ZONE: a box's bottom-centre falls inside the zone's polygon.
            Sequences, over segments in the same source or linked by an edge:
              --then 'COND within Δ'  another segment begins after this one begins and at most Δ after it ends
              --during 'COND'         this segment lies within another one
              --overlaps 'COND'       this segment overlaps another one
            COND is field=value[,field=value] with fields label, type, source; Δ like 30s, 2m, 1h.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filterOptions: SegmentFilterOptions
    @Option(help: ArgumentHelp("Has an edge KIND:LABEL (repeatable).", valueName: "kind:label")) var with: [String] = []
    @Option(help: ArgumentHelp("Has no edge KIND:LABEL (repeatable).", valueName: "kind:label")) var without: [String] = []
    @Option(help: ArgumentHelp("Entered zone SOURCE:ZONE.", valueName: "source:zone")) var zone: String?
    @Option(help: ArgumentHelp("Followed by a segment matching COND within Δ.", valueName: "cond within Δ")) var then: [String] = []
    @Option(help: ArgumentHelp("Lies within a segment matching COND.", valueName: "cond")) var during: [String] = []
    @Option(help: ArgumentHelp("Overlaps a segment matching COND.", valueName: "cond")) var overlaps: [String] = []
    @Flag(help: "Merge hits into per-source clips (start, end, segments).") var clips = false
    @Option(help: "Largest gap between hits merged into one clip, in seconds.") var clipGap: Double = 2
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open()
            var query = FindQuery()
            query.filter = try filterOptions.filter(store: store)
            query.with = try with.map(EdgePredicate.init(parsing:))
            query.without = try without.map(EdgePredicate.init(parsing:))
            if let zone {
                let parts = zone.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw StoreError(.invalidArgument, "--zone \(zone): expected SOURCE:ZONE") }
                query.zone = (parts[0], parts[1])
            }
            query.sequences = try then.map { try SequencePredicate(relation: .then, parsing: $0) }
                + during.map { try SequencePredicate(relation: .during, parsing: $0) }
                + overlaps.map { try SequencePredicate(relation: .overlaps, parsing: $0) }
            let hits = try store.find(query)
            if clips {
                let records = store.clips(hits, gapSeconds: clipGap).map { clip in
                    OutputRecord(fields: [
                        ("source", .string(clip.source.name)),
                        ("start", .string(TimeDisplay.format(clip.span.startNanoseconds, source: clip.source))),
                        ("end", .string(TimeDisplay.format(clip.span.endNanoseconds, source: clip.source))),
                        ("seconds", .double((Double(clip.span.durationNanoseconds) / 1e6).rounded() / 1e3)),
                        ("segments", .int(clip.segments.count)),
                    ])
                }
                RecordPrinter.print(records, columns: ["source", "start", "end", "seconds", "segments"], format: output.format)
            } else {
                RecordPrinter.print(hits.map { SegmentOutput.record($0, full: output.format == .json) },
                                    columns: SegmentOutput.columns, format: output.format)
            }
        }
    }
}
