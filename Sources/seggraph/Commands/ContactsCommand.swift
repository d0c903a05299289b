// `seggraph contacts SEGMENT`: who was near the individual, and who was near them.
import ArgumentParser
import SegGraph

struct ContactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Who was near an individual (its segment plus `next`/`same_as` continuations), to N hops.")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "A segment of the individual: SOURCE/SEGMENT_ID or #ID.") var segment: String
    @Option(help: "Hops (1 = direct contacts).") var hops: Int = 1
    @Option(help: ArgumentHelp("Minimum time spent close, e.g. 5s.", valueName: "duration")) var minOverlap: String = "0s"
    @OptionGroup var window: TimeWindowOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            guard let closeSeconds = SequencePredicate.parseDuration(minOverlap) else {
                throw StoreError(.invalidArgument, "--min-overlap \(minOverlap): expected a duration like 5s or 1m")
            }
            let store = try storeOptions.open(readOnly: true)
            let id = try store.segmentID(named: segment)
            let seed = try store.segmentDetail(id)
            let contacts = try store.contacts(of: id, window: try window.window(source: seed.source), hops: hops,
                                              closeSecondsMin: closeSeconds)
            let records = contacts.map { contact in
                let hit = contact.contact
                return OutputRecord(fields: [
                    ("hops", .int(contact.hops)), ("contact", .string("\(hit.source.name)/\(hit.segment.externalID)")),
                    ("label", .string(hit.segment.label)), ("source", .string(hit.source.name)),
                    ("from", .string(TimeDisplay.format(contact.together.startNanoseconds, source: hit.source))),
                    ("to", .string(TimeDisplay.format(contact.together.endNanoseconds, source: hit.source))),
                    ("close_s", .double((contact.closeSeconds * 100).rounded() / 100)),
                    ("distance_min", .double((contact.distanceMin * 1000).rounded() / 1000)),
                    ("via", .int(Int(contact.via.rawValue))),
                ])
            }
            RecordPrinter.print(records, columns: ["hops", "contact", "label", "source", "from", "to", "close_s", "distance_min"],
                                format: output.format)
        }
    }
}
