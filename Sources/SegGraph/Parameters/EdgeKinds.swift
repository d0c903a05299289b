// Edge kinds as people write them: `near,same_as` or repeated names.

extension EdgeKind {
    /// Parses kind names (each may be a comma-separated list); empty means all kinds.
    /// - Throws: `.invalidArgument` naming the unknown kind and the accepted ones.
    public static func parseList(_ names: [String], parameter: String = "kind") throws -> Set<EdgeKind> {
        var kinds: Set<EdgeKind> = []
        for name in names.flatMap({ $0.split(separator: ",").map(String.init) }) {
            guard let kind = EdgeKind(name: name) else {
                throw StoreError(.invalidArgument, "\(parameter) \(name): expected one of \(EdgeKind.names)\(DidYouMean.hint(for: name, among: allCases.map(\.description)))",
                                 parameter: parameter)
            }
            kinds.insert(kind)
        }
        return kinds
    }
}

extension EdgeKind {
    /// Every kind's name, comma-separated, for messages.
    static var names: String { allCases.map(\.description).joined(separator: ", ") }
}

/// Checks a hop count against `Limits.traversalHopsMax`.
func validateHops(_ hops: Int) throws {
    guard (1...Limits.traversalHopsMax).contains(hops) else {
        throw StoreError(.invalidArgument, "hops must be in 1…\(Limits.traversalHopsMax)", parameter: "hops")
    }
}
