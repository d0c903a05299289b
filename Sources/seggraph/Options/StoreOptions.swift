// Where the store is: --store, else $SEGGRAPH_STORE, else ./seggraph.store.
import ArgumentParser
import Foundation
import SegGraph

struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Store directory (default: $SEGGRAPH_STORE or ./seggraph.store).", valueName: "dir"))
    var store: String?

    var path: String {
        store ?? ProcessInfo.processInfo.environment["SEGGRAPH_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? "seggraph.store"
    }

    func open(readOnly: Bool = false) throws -> Store {
        try Store.open(at: path, readOnly: readOnly)
    }

    /// Opens the store read-only and answers `query` in one snapshot.
    func run<Q: Query>(_ query: Q) throws -> Q.Result {
        try open(readOnly: true).run(query)
    }
}
