// `config show|set`: the configuration as flat key → JSON value pairs.
internal import Foundation
internal import LMDB

extension Store {

    /// Sets one setting from JSON text (`2.5`, `["person"]`, `{"bag": "holds"}`).
    /// - Throws: `StoreError.invalidArgument` for an unknown key or a value of the wrong type.
    public func setConfiguration(key: String, jsonValue: String) throws {
        guard !isReadOnly else { throw StoreError(.readOnly, "\(path): store is open read-only") }
        var object = try JSONSerialization.jsonObject(with: Data(try configuration().jsonText.utf8)) as? [String: Any] ?? [:]
        guard object[key] != nil else {
            let near = DidYouMean.hint(for: key, among: Array(object.keys))
            throw StoreError(.invalidArgument, "unknown setting \"\(key)\"\(near) (see `seggraph config show`)")
        }
        guard let value = try? JSONSerialization.jsonObject(with: Data(jsonValue.utf8), options: [.fragmentsAllowed]) else {
            // The usual slip is a bare word where a JSON string is meant.
            let quoted = jsonValue.allSatisfy { $0.isLetter || $0.isNumber || "_-.".contains($0) }
                ? " (a string is written in double quotes: '\"\(jsonValue)\"')" : ""
            throw StoreError(.invalidArgument, "\(key): value is not JSON: \(jsonValue)\(quoted)")
        }
        object[key] = value
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let updated: StoreConfiguration
        do { updated = try JSONDecoder().decode(StoreConfiguration.self, from: data) } catch {
            throw StoreError(.invalidArgument, "\(key): \(jsonValue) has the wrong type")
        }
        if let problem = updated.problem { throw StoreError(.invalidArgument, "\(problem) (got \(jsonValue))") }
        if key == "reidSpace" {
            let spaces = try read { try $0.embeddingSpaces() }.map(\.name)
            if !spaces.isEmpty && !spaces.contains(updated.reidSpace) {
                throw StoreError(.invalidArgument, "reidSpace: no embedding space \"\(updated.reidSpace)\" in this store (it has \(spaces.sorted().joined(separator: ", ")))")
            }
        }
        // Answers depend on it (the trace's defaults): readers must not keep the old one.
        try writeChangingAnswers { txn in
            try tables.meta.put(MetaKey.configuration, Array(updated.jsonText.utf8), in: txn)
        }
    }
}

extension StoreConfiguration {
    /// Every setting as (key, JSON text), sorted by key.
    public var entries: [(key: String, value: String)] {
        // Every trace answer carries the configuration, and encoding it through Foundation
        // was half of the answer's cost (perf): the last configuration's entries are kept.
        if let known = EntriesMemo.shared.entries(of: self) { return known }
        // The configuration encodes itself; re-reading it as a JSON object cannot fail.
        guard let object = try? JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any] else { return [] }
        let entries: [(key: String, value: String)] = object.keys.sorted().compactMap { key in
            guard let data = try? JSONSerialization.data(withJSONObject: object[key]!, options: [.sortedKeys, .fragmentsAllowed]) else { return nil }
            return (key, String(decoding: data, as: UTF8.self))
        }
        EntriesMemo.shared.remember(entries, of: self)
        return entries
    }
}

/// The entries of the configuration last asked for (a store has one at a time).
private final class EntriesMemo: @unchecked Sendable {
    static let shared = EntriesMemo()
    private let lock = NSLock()
    private var last: (configuration: StoreConfiguration, entries: [(key: String, value: String)])?

    func entries(of configuration: StoreConfiguration) -> [(key: String, value: String)]? {
        lock.lock()
        defer { lock.unlock() }
        return last?.configuration == configuration ? last?.entries : nil
    }

    func remember(_ entries: [(key: String, value: String)], of configuration: StoreConfiguration) {
        lock.lock()
        defer { lock.unlock() }
        last = (configuration, entries)
    }
}
