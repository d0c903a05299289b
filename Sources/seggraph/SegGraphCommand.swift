// The root command: a list of subcommands, nothing else. Each subcommand builds a
// library object and runs it (STYLE guideline 11).
import ArgumentParser
import Foundation
import SegGraph

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
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            printError(fullMessage(for: error))
            Foundation.exit(ExitStatus.usage)
        }
    }
}
