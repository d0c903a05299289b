// Reading query values from a request's query string: the same parameters the CLI reads from
// flags, under the same names without dashes-as-flags. A bad value is a 400 naming it.
internal import Foundation
internal import Hummingbird
internal import HummingbirdCore
internal import SegGraph

struct QueryParameters {
    let values: [String: [String]]

    init(_ uri: URI) {
        var values: [String: [String]] = [:]
        for (key, value) in uri.queryParameters { values[String(key), default: []].append(String(value)) }
        self.values = values
    }

    func string(_ name: String) -> String? { values[name]?.last }

    /// Repeated (`label=a&label=b`) or comma-separated (`label=a,b`) values.
    func strings(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",").map(String.init) }
    }

    func int(_ name: String, default value: Int) throws -> Int {
        guard let text = string(name) else { return value }
        guard let number = Int(text) else { throw Problem(.badRequest, "\(name) \(text): expected an integer", parameter: name) }
        return number
    }

    func double(_ name: String) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let number = Double(text), number.isFinite else { throw Problem(.badRequest, "\(name) \(text): expected a number", parameter: name) }
        return number
    }

    func bool(_ name: String) throws -> Bool {
        guard let text = string(name) else { return false }
        switch text {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw Problem(.badRequest, "\(name) \(text): expected true or false", parameter: name)
        }
    }

    func window() throws -> TimeWindowSpec {
        try TimeWindowSpec(from: string("from"), to: string("to"), date: string("date"), timeZone: string("tz"), last: string("last"))
    }

    /// The segment filter every listing shares; the page size is capped by `pageSizeMax`.
    func filter(pageSizeMax: Int) throws -> SegmentFilter {
        var filter = SegmentFilter()
        filter.sources = strings("source")
        filter.labels = strings("label")
        filter.types = strings("type")
        filter.trackID = string("track")
        filter.whereExpression = string("where")
        filter.confidenceMin = try double("min-confidence")
        filter.limit = try int("limit", default: min(Limits.listDefault, pageSizeMax))
        guard (1...pageSizeMax).contains(filter.limit) else {
            throw Problem(.badRequest, "limit must be in 1…\(pageSizeMax)", parameter: "limit")
        }
        filter.window = try window()
        return filter
    }

    /// A segment named in a path: an internal id (`42`) or a percent-encoded `SOURCE/ID`.
    static func segmentName(_ raw: String) -> String {
        let decoded = raw.removingPercentEncoding ?? raw
        return UInt64(decoded) != nil ? "#" + decoded : decoded
    }
}
