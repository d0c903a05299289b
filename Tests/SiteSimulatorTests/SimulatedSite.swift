// Shared fixture for the simulator tests: writes a small site (4 cameras, 20 people, 0.15 h)
// into a fresh temporary directory and decodes the documents and the ground truth into typed
// values, so each test states its property without JSON plumbing.
import Foundation
import SiteSimulator

struct BoxFile: Decodable {
    var frame: Int, x: Double, y: Double, w: Double, h: Double
}

struct SegmentFile: Decodable {
    var segment_id: String, type: String, label: String
    var start_time_sec: Double, end_time_sec: Double
    var bounding_boxes: [BoxFile]
    var embedding: [Double]
    var confidence: Double
    var attributes: [String: String]
}

struct SourceFile: Decodable {
    struct Position: Decodable { var x: Double, y: Double }
    var id: String, start_time: String, timezone: String, fps: Double, width: Int, height: Int
    var position: Position
    var adjacent: [String]
    var entrance: Bool
}

struct DocumentFile: Decodable {
    var source: SourceFile
    var segments: [SegmentFile]
}

struct TruthFile: Decodable {
    struct Appearance: Decodable {
        var source: String, segment_ids: [String], track_id: String, start_sec: Double, end_sec: Double
    }
    struct Carry: Decodable {
        var relation: String, label: String, object: String, source: String
        var segment_id: String, person_segment_id: String, track_id: String
    }
    struct Person: Decodable {
        var person: String, speed_mps: Double, appearances: [Appearance], carries: [Carry]
    }
    struct Activity: Decodable {
        var source: String, segment_id: String, label: String, person_segment_ids: [String]
    }
    struct Reference: Decodable { var source: String, segment_id: String }
    var people: [Person]
    var activities: [Activity]
    var lookalikes: [[String]]
    var degraded: [Reference]
    var spurious: [Reference]
}

struct SimulatedSite {
    static func parameters(seed: UInt64 = 7) -> SimulationParameters {
        var p = SimulationParameters(cameras: 4, people: 20, hours: 0.15, framesPerSecond: 5,
                                     embeddingDimension: 32, seed: seed)
        p.fallsPerThousandAppearances = 150  // enough activities to test in a tiny site
        p.nearMissesPerThousandAppearances = 150
        return p
    }

    let directory: URL
    let summary: SimulationSummary
    let documents: [DocumentFile]
    let truth: TruthFile

    init(_ parameters: SimulationParameters = Self.parameters()) throws {
        directory = Self.freshDirectory()
        summary = try SiteSimulator(parameters).write(to: directory.path)
        let decoder = JSONDecoder()
        documents = try summary.filesWritten.dropLast().map {
            try decoder.decode(DocumentFile.self, from: Data(contentsOf: URL(fileURLWithPath: $0)))
        }
        truth = try decoder.decode(TruthFile.self, from: Data(contentsOf: directory.appendingPathComponent("ground_truth.json")))
    }

    static func freshDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sitesim-\(UUID().uuidString)")
    }

    func segment(_ source: String, _ id: String) -> SegmentFile? {
        documents.first { $0.source.id == source }?.segments.first { $0.segment_id == id }
    }

    func document(_ source: String) -> DocumentFile? {
        documents.first { $0.source.id == source }
    }

    /// Wall-clock seconds since 1970 of a camera-local time.
    func wallClock(_ source: String, _ seconds: Double) -> Double {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let start = formatter.date(from: document(source)!.source.start_time)!
        return start.timeIntervalSince1970 + seconds
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

func cosine(_ a: [Double], _ b: [Double]) -> Double {
    var dot = 0.0, na = 0.0, nb = 0.0
    for i in a.indices {
        dot += a[i] * b[i]
        na += a[i] * a[i]
        nb += b[i] * b[i]
    }
    return dot / (na.squareRoot() * nb.squareRoot())
}
