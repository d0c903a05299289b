// Percentiles (nearest rank) and the two renderings: an aligned table and JSON.
import Foundation

struct ScenarioResult {
    var name: String
    var latenciesNanoseconds: [Int64]
    var meanHits: Double

    /// Nearest-rank percentile in microseconds.
    func percentile(_ p: Double) -> Double {
        let sorted = latenciesNanoseconds.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return Double(sorted[min(max(rank, 1), sorted.count) - 1]) / 1e3
    }

    var meanMicroseconds: Double {
        Double(latenciesNanoseconds.reduce(0, +)) / Double(latenciesNanoseconds.count) / 1e3
    }
}

struct WindowQueryReport {
    var storePath: String
    var seed: UInt64
    var count: Int
    var warmup: Int
    var sourceCount: Int
    var segmentCount: Int
    var boxCount: Int
    var spanSeconds: Double
    var openMicroseconds: Double
    var sourceSummariesMicroseconds: Double
    var scenarios: [ScenarioResult]

    func table() -> String {
        var lines = [
            "store \(storePath): \(sourceCount) sources, \(segmentCount) segments, \(boxCount) boxes, span \(format(spanSeconds, 0)) s",
            "\(count) queries per scenario after \(warmup) untimed, seed \(seed); open \(format(openMicroseconds, 0)) µs, sourceSummaries \(format(sourceSummariesMicroseconds, 0)) µs",
            "",
        ]
        let header = ["scenario", "p50 µs", "p90 µs", "p99 µs", "max µs", "mean µs", "mean hits"]
        var rows = [header]
        for s in scenarios {
            rows.append([s.name, format(s.percentile(50), 1), format(s.percentile(90), 1), format(s.percentile(99), 1),
                         format(s.percentile(100), 1), format(s.meanMicroseconds, 1), format(s.meanHits, 1)])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max()! }
        for row in rows {
            lines.append(row.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                            : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }

    func jsonText() -> String {
        let object: [String: Any] = [
            "benchmark": "window-queries", "store": storePath, "seed": seed, "count": count, "warmup": warmup,
            "sources": sourceCount, "segments": segmentCount, "boxes": boxCount, "span_seconds": spanSeconds,
            "open_us": openMicroseconds, "source_summaries_us": sourceSummariesMicroseconds,
            "scenarios": scenarios.map { s -> [String: Any] in
                ["name": s.name, "p50_us": s.percentile(50), "p90_us": s.percentile(90), "p99_us": s.percentile(99),
                 "max_us": s.percentile(100), "mean_us": s.meanMicroseconds, "mean_hits": s.meanHits]
            },
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
