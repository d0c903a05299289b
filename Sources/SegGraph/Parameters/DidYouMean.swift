// "Did you mean …?": the closest of a few known names to what was typed, by edit distance, for
// a mistyped subcommand (`segmnts`) and anywhere else a name is chosen from a known list.

internal import Foundation

public enum DidYouMean {
    /// The known name nearest to `typed` (at most a third of its letters off), if any.
    public static func suggestion(for typed: String, among names: [String]) -> String? {
        let limit = max(1, typed.count / 3)
        let scored = names.map { ($0, distance(typed.lowercased(), $0.lowercased())) }.filter { $0.1 <= limit }
        // Ties go to a name that extends what was typed (`wear` → `wears`, not `near`).
        func extends(_ name: String) -> Int { name.lowercased().hasPrefix(typed.lowercased()) ? 0 : 1 }
        if let nearest = scored.min(by: { ($0.1, extends($0.0), $0.0) < ($1.1, extends($1.0), $1.0) })?.0 { return nearest }
        // A name typed short ("tud-campus" for "tud-campus_tracker"): the one name it begins.
        let extending = names.filter { $0.lowercased().hasPrefix(typed.lowercased()) }
        return typed.count >= 3 && extending.count == 1 ? extending[0] : nil
    }

    /// `; did you mean "person"?` when a name is near `typed`, else "": the suffix every
    /// "unknown NAME" message adds.
    public static func hint(for typed: String, among names: [String]) -> String {
        suggestion(for: typed, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
    }

    /// The IANA zone meant by `typed`: `Berlin` → `Europe/Berlin` (the city alone, any
    /// case), or the nearest identifier by spelling; `nil` when nothing is close.
    public static func timeZone(for typed: String) -> String? {
        let known = TimeZone.knownTimeZoneIdentifiers
        let city = known.filter { $0.split(separator: "/").last?.lowercased() == typed.lowercased().replacingOccurrences(of: " ", with: "_") }
        if city.count == 1 { return city[0] }
        return suggestion(for: typed, among: known)
    }

    /// " (did you mean Europe/Berlin?)" for an unknown zone, or "".
    public static func timeZoneHint(for typed: String) -> String {
        timeZone(for: typed).map { "; did you mean \($0)?" } ?? ""
    }

    /// Levenshtein distance (insertions, deletions, substitutions).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var previous = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return x.isEmpty ? y.count : previous[y.count]
    }
}
