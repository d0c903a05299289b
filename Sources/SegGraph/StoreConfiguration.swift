// Settings recorded in the store's meta so every process and every answer uses the same
// ones. The linker's thresholds join this when edges are built.
internal import Foundation

public struct StoreConfiguration: Codable, Sendable, Equatable {
    /// Labels whose segments are individuals (re-identification, traces).
    public var identityLabels: [String]

    public static let defaults = StoreConfiguration(identityLabels: ["person", "car"])

    var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    init(identityLabels: [String]) { self.identityLabels = identityLabels }

    init(jsonText: String) throws {
        do {
            self = try JSONDecoder().decode(StoreConfiguration.self, from: Data(jsonText.utf8))
        } catch {
            throw StoreError(.corrupt, "configuration in meta does not decode: \(error)")
        }
    }
}
