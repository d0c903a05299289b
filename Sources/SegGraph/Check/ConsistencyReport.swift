// What `check` found. Problems are one line each and name the record involved.

public struct ConsistencyReport: Sendable {
    /// At most `problemsMax` problems are kept; `problemCount` counts them all.
    public static let problemsMax = 200
    public private(set) var problems: [String] = []
    public private(set) var problemCount = 0
    /// What was checked, e.g. ("segments", 67).
    public private(set) var checkedCounts: [(what: String, count: Int)] = []

    public var isConsistent: Bool { problemCount == 0 }

    mutating func fail(_ problem: String) {
        problemCount += 1
        if problems.count < Self.problemsMax { problems.append(problem) }
    }

    mutating func checked(_ what: String, _ count: Int) { checkedCounts.append((what, count)) }
}
