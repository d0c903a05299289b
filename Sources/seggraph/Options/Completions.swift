// Shell completion of names that live in the store: the shell runs `seggraph` to complete a
// --source, --label or zone, and these read them from the store the command line names
// (--store, else $SEGGRAPH_STORE, else ./seggraph.store), read-only. A store that cannot be
// opened completes nothing rather than printing an error into the user's prompt.
import ArgumentParser
import Foundation
import SegGraph

enum Completions {
    /// Edge kinds, as `--kind` and `--with KIND:LABEL` take them.
    static let edgeKinds = CompletionKind.list(EdgeKind.allCases.map(\.description))

    static let sources = CompletionKind.custom { words, _, prefix in
        names(words, prefix) { try $0.sources().map(\.name) }
    }

    static let labels = CompletionKind.custom { words, _, prefix in
        names(words, prefix) { try $0.labels() }
    }

    /// `SOURCE:ZONE` for --zone.
    static let zones = CompletionKind.custom { words, _, prefix in
        names(words, prefix) { snapshot in
            try snapshot.sources().flatMap { source in source.zones.map { source.name + ":" + $0.name } }
        }
    }

    /// The names `list` reads from the store, those starting with what was typed.
    private static func names(_ words: [String], _ prefix: String, _ list: (borrowing Snapshot) throws -> [String]) -> [String] {
        let path = words.firstIndex(of: "--store").flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
            ?? ProcessInfo.processInfo.environment["SEGGRAPH_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? "seggraph.store"
        guard let store = try? Store.open(at: path, readOnly: true),
              let names = try? store.read({ try list($0) }) else { return [] }
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
