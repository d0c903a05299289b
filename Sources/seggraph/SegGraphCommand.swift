// The root command: a list of subcommands, nothing else. Each subcommand builds a
// library object and runs it (STYLE guideline 11).
import ArgumentParser
import Foundation
import SegGraph
import SegGraphServer

@main
struct SegGraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seggraph",
        abstract: "An embedded knowledge store for video segments.",
        discussion: """
            The store is a directory (data.mdb + lock.mdb + catalog.sqlite) named by --store, \
            $SEGGRAPH_STORE, or ./seggraph.store.

            Exit codes: 0 success, 1 error, 2 bad command line, 3 bad input file, \
            4 not found, 5 check found problems.
            """,
        version: "seggraph 0.4 (store format \(StoreFormat.formatVersion))",
        subcommands: [
            InitCommand.self, ImportCommand.self, SourcesCommand.self, SegmentsCommand.self,
            ShowCommand.self, FindCommand.self, TraceCommand.self, TopologyCommand.self, SimilarCommand.self, NeighborsCommand.self, ContactsCommand.self, PathCommand.self,
            ZonesCommand.self, StatsCommand.self, CheckCommand.self, ConfigCommand.self, RelinkCommand.self,
            ReindexCommand.self, LinkCommand.self, VerifyCommand.self, SimulateCommand.self, EvalCommand.self, ProbeCommand.self,
            ExportCommand.self, BackupCommand.self, ThumbnailCommand.self, ServeCommand.self,
        ])

    /// argument-parser exits 64 on a usage error; the help promises 2, so map it.
    static func main() async {
        // The server's handlers then run on the event loops that read their sockets (see
        // runConcurrencyOnEventLoops); decided from argv because parsing happens later.
        if CommandLine.arguments.dropFirst().first == "serve" { runConcurrencyOnEventLoops() }
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            // A mistyped command: the suggestion alone; argument-parser's own text would
            // complain about the options meant for the command the user had in mind.
            if let hint = subcommandHint() { printError(hint) } else { printError(fullMessage(for: error)) }
            Foundation.exit(ExitStatus.usage)
        }
    }

    /// "did you mean `segments`?" when the first word is no subcommand but close to one.
    private static func subcommandHint() -> String? {
        let arguments = CommandLine.arguments.dropFirst()
        guard let typed = arguments.first, !typed.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.map { $0._commandName }
        guard !names.contains(typed), let near = DidYouMean.suggestion(for: typed, among: names) else { return nil }
        return "seggraph: no command \"\(typed)\"; did you mean `seggraph \(near)`?"
    }
}
