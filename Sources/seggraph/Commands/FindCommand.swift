// `seggraph find`: segment filters plus graph predicates (edges to labelled segments,
// zone entry, interval relations), optionally merged into clips.
import ArgumentParser
import MediaProbe
import SegGraph

struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find segments by filters and graph predicates.",
        discussion: """
            --with/--without KIND:LABEL: an edge of KIND (either direction) to a segment labelled LABEL.
            --zone SOURCE:ZONE: a box's bottom-centre falls inside the zone's polygon.
            Sequences, over segments in the same source or linked by an edge:
              --then 'COND within Δ'  another segment begins after this one begins and at most Δ after it ends
              --during 'COND'         this segment lies within another one
              --overlaps 'COND'       this segment overlaps another one
            COND is field=value[,field=value] with fields label, type, source; Δ like 30s, 2m, 1h.
            """ + CommandExamples.appended("find"))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filterOptions: SegmentFilterOptions
    @OptionGroup var limitOptions: ListLimitOptions
    @Option(help: ArgumentHelp("Has an edge KIND:LABEL (repeatable).", valueName: "kind:label")) var with: [String] = []
    @Option(help: ArgumentHelp("Has no edge KIND:LABEL (repeatable).", valueName: "kind:label")) var without: [String] = []
    @Option(help: ArgumentHelp("Entered zone SOURCE:ZONE.", valueName: "source:zone"), completion: Completions.zones) var zone: String?
    @Option(help: ArgumentHelp("Followed by a segment matching COND within Δ.", valueName: "cond within Δ")) var then: [String] = []
    @Option(help: ArgumentHelp("Lies within a segment matching COND.", valueName: "cond")) var during: [String] = []
    @Option(help: ArgumentHelp("Overlaps a segment matching COND.", valueName: "cond")) var overlaps: [String] = []
    @Flag(help: "Merge hits into per-source clips (start, end, segments).") var clips = false
    @Option(help: "Largest gap between hits merged into one clip, in seconds.") var clipGap: Double = 2
    @Option(help: ArgumentHelp("individual: one row per individual (hits joined by next/same_as links, less rejected ones), with its sightings, cameras and the objects it holds, wears or rides.", valueName: "individual"))
    var groupBy: GroupBy?
    @Option(help: ArgumentHelp("Also write a picture of each row (its first segment) into FOLDER, from the sources' video.", valueName: "folder"))
    var thumbnails: String?
    @Option(help: ArgumentHelp("Also write one contact sheet (.jpg/.png) whose numbered cells are the rows, in order.", valueName: "file"))
    var sheet: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let sheet { try PictureWriter.requirePictureFile(sheet, option: "--sheet") }
    }

    enum GroupBy: String, ExpressibleByArgument, CaseIterable { case individual }

    func run() throws {
        try reportingErrors {
            var query = FindQuery()
            query.filter = try filterOptions.filter(limit: limitOptions.count)
            query.with = try with.map { try EdgePredicate(parsing: $0) }
            query.without = try without.map { try EdgePredicate(parsing: $0, parameter: "without") }
            query.zone = try zone.map(ZoneReference.init(parsing:))
            query.sequences = try then.map { try SequencePredicate(relation: .then, parsing: $0) }
                + during.map { try SequencePredicate(relation: .during, parsing: $0) }
                + overlaps.map { try SequencePredicate(relation: .overlaps, parsing: $0) }
            query.clipGapSeconds = clips ? clipGap : nil
            query.groupByIndividual = groupBy == .individual
            // Writable open: the catalog `--where` reads is repaired first if a crash left it behind.
            let store = try storeOptions.open()
            let result = try store.run(query)
            output.write(result)
            try writePictures(of: result, from: store)
        }
    }

    /// `--thumbnails` and `--sheet`: pictures after the answer; where they went is a note on stderr.
    private func writePictures(of result: FindResult, from store: Store) throws {
        let writer = PictureWriter(frame: nil, margin: 0.15, maxSide: 256)
        let segments = result.representativeSegments
        var written: [ThumbnailList] = []
        if let thumbnails {
            written.append(try writer.write(segments, from: store, to: .folder(thumbnails, .jpeg), skippingWithoutVideo: true))
        }
        if let sheet {
            written.append(try writer.write(segments, from: store, to: .sheet(sheet, columns: nil), skippingWithoutVideo: true))
        }
        let notes = written.flatMap(\.notes)
        if !notes.isEmpty { printError(notes.joined(separator: "\n")) }
    }
}
