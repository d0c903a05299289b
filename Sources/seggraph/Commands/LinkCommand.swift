// `seggraph link confirm|reject|withdraw|list|restore`: an investigator's verdicts on whether
// two sightings are one individual. The trace obeys them; relink and re-imports keep them.
import ArgumentParser
import Foundation
import SegGraph

struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Record, list or withdraw verdicts on same-individual links (the trace obeys them).",
        discussion: """
            A confirmed link is always followed by `trace`, whatever the similarity; a rejected one is \
            never followed, and the two sightings are never accepted into one trace. Verdicts are kept \
            by segment name (SOURCE/SEGMENT_ID), so relink, import --replace and rebuilding from an \
            export keep them; every trace answer lists the verdicts that changed it.
            """ + CommandExamples.appended("link"),
        subcommands: [Confirm.self, Reject.self, Withdraw.self, List.self, Restore.self], defaultSubcommand: List.self)

    struct Pair: ParsableArguments {
        @Argument(help: "First segment (SOURCE/SEGMENT_ID or id:ID (#ID)).") var first: String
        @Argument(help: "Second segment.") var second: String
        @Option(help: "Who decides (name or badge; recorded with the verdict).") var by: String
        @Option(help: "Why (recorded with the verdict).") var note: String?
    }

    struct Confirm: VerdictCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm that two sightings are the same individual.")
        static let decision = LinkVerdict.Decision.confirm
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var pair: Pair
        @OptionGroup var output: OutputOptions
    }

    struct Reject: VerdictCommand {
        static let configuration = CommandConfiguration(abstract: "Reject that two sightings are the same individual.")
        static let decision = LinkVerdict.Decision.reject
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var pair: Pair
        @OptionGroup var output: OutputOptions
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw the verdict on two sightings (names as `link list` shows them).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "First segment name.") var first: String
        @Argument(help: "Second segment name.") var second: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                output.write(try storeOptions.open().withdrawVerdict(between: first, and: second))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every verdict.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                output.write(try storeOptions.run(VerdictsQuery()))
            }
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the verdicts of a `link list --json` file (each replaces one on the same pair).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "A file written by `seggraph link list --json`.") var file: String

        func run() throws {
            try reportingErrors {
                let verdicts = try LinkVerdict.decodeList(contentsOf: file)
                try storeOptions.open().restoreVerdicts(verdicts)
                print("restored \(verdicts.count) verdict\(verdicts.count == 1 ? "" : "s") from \(file)")
            }
        }
    }
}

/// `link confirm` and `link reject`: the same arguments, one decision each.
protocol VerdictCommand: ParsableCommand {
    static var decision: LinkVerdict.Decision { get }
    var storeOptions: StoreOptions { get }
    var pair: LinkCommand.Pair { get }
    var output: OutputOptions { get }
}

extension VerdictCommand {
    func run() throws {
        try reportingErrors {
            output.write(try storeOptions.open().recordVerdict(Self.decision, between: pair.first, and: pair.second,
                                                                by: pair.by, note: pair.note))
        }
    }
}
