// `seggraph reindex`: rebuild the SQLite catalog from LMDB.
import ArgumentParser
import SegGraph

struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex", abstract: "Rebuild the SQLite catalog from LMDB (the source of truth).",
        discussion: CommandExamples.section("reindex"))

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open()
            try store.rebuildCatalog()
            print("catalog rebuilt: \(try store.run(StatsQuery()).segmentCount) segments")
        }
    }
}
