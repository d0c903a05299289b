// What `check` found. Problems are one line each and name the record involved.

/// What `Store.check()` found: the problems (one line each, naming the record), their
/// total count, and how many of each thing were checked.
public struct ConsistencyReport: Sendable {
    /// At most `problemsMax` problems are kept; `problemCount` counts them all.
    public static let problemsMax = 200
    /// The first `problemsMax` problems, in the order they were found.
    public private(set) var problems: [String] = []
    /// Every problem found, including those past `problemsMax`.
    public private(set) var problemCount = 0
    /// What was checked, e.g. ("segments", 67).
    public private(set) var checkedCounts: [(what: String, count: Int)] = []

    /// `true` when no problem was found.
    public var isConsistent: Bool { problemCount == 0 }

    mutating func fail(_ problem: String) {
        problemCount += 1
        if problems.count < Self.problemsMax { problems.append(problem) }
    }

    mutating func checked(_ what: String, _ count: Int) { checkedCounts.append((what, count)) }
}
