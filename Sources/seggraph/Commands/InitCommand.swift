// `seggraph init`: create an empty store.
import ArgumentParser
import SegGraph

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty store.",
        discussion: CommandExamples.section("init"))

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reportingErrors {
            let store = try Store.create(at: storeOptions.path)
            print("created store \(store.path) (uuid \(store.uuid), format \(StoreFormat.formatVersion))")
        }
    }
}
