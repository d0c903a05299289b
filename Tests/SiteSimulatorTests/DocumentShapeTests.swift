// Goal: every camera file is a native SegGraph document in the agreed shape, readable by any
// JSON parser, with keys in the agreed order. Method: parse with JSONSerialization, check types
// and ranges of every field, and check the key order on the raw text of the header and lines.
import Foundation
import SiteSimulator
import Testing

@Suite struct DocumentShapeTests {
    @Test func parsesWithJSONSerialization() throws {
        let site = try SimulatedSite()
        defer { site.remove() }
        let names = site.summary.filesWritten.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(names == ["cam_00.json", "cam_01.json", "cam_02.json", "cam_03.json", "ground_truth.json"])
        for path in site.summary.filesWritten.dropLast() {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
            let document = try #require(object as? [String: Any])
            let source = try #require(document["source"] as? [String: Any])
            #expect(source["id"] is String && source["start_time"] is String)
            #expect((source["fps"] as? Double) == 5 && (source["width"] as? Int) == 1280)
            #expect(source["adjacent"] is [String] && source["zones"] is [String: Any])
            let segments = try #require(document["segments"] as? [[String: Any]])
            #expect(!segments.isEmpty)
            var ids = Set<String>()
            for segment in segments {
                let id = try #require(segment["segment_id"] as? String)
                #expect(ids.insert(id).inserted, "duplicate \(id)")
                #expect(["object_appearance", "activity"].contains(segment["type"] as? String))
                #expect(segment["bounding_boxes"] is [[String: Any]])
                #expect(segment["embedding"] is [Double] || (segment["embedding"] as? [Any])?.isEmpty == true)
                #expect(segment["attributes"] is [String: Any])
            }
        }
    }

    @Test func keysInAgreedOrder() throws {
        let site = try SimulatedSite()
        defer { site.remove() }
        let text = try String(contentsOfFile: site.summary.filesWritten[0], encoding: .utf8)
        let header = ["\"source\"", "\"id\"", "\"start_time\"", "\"timezone\"", "\"fps\"", "\"width\"",
                      "\"height\"", "\"position\"", "\"adjacent\"", "\"entrance\"", "\"embedding_model\"",
                      "\"zones\"", "\"segments\""]
        #expect(increasing(header, in: text))
        let keys = ["\"segment_id\"", "\"type\"", "\"label\"", "\"start_time_sec\"", "\"end_time_sec\"",
                    "\"bounding_boxes\"", "\"embedding\"", "\"confidence\"", "\"attributes\""]
        let lines = text.split(separator: "\n").dropFirst(2)
        #expect(!lines.isEmpty)
        for line in lines { #expect(increasing(keys, in: String(line))) }
    }

    @Test func valuesInRange() throws {
        let site = try SimulatedSite()
        defer { site.remove() }
        let truthSpurious = Set(site.truth.spurious.map { $0.source + "/" + $0.segment_id })
        for document in site.documents {
            for s in document.segments {
                if s.type == "activity" {
                    #expect(s.embedding.isEmpty)
                } else {
                    #expect(s.embedding.count == 32)
                    let norm = s.embedding.reduce(0) { $0 + $1 * $1 }.squareRoot()
                    #expect(abs(norm - 1) < 0.01)
                    #expect(s.attributes["track_id"]?.hasPrefix("t_") == true)
                }
                let spurious = truthSpurious.contains(document.source.id + "/" + s.segment_id)
                #expect(spurious ? s.confidence <= 0.35 : (0.6...0.99).contains(s.confidence))
            }
        }
    }

    /// Each key's first occurrence comes after the previous key's.
    private func increasing(_ keys: [String], in text: String) -> Bool {
        var from = text.startIndex
        for key in keys {
            guard let range = text.range(of: key, range: from..<text.endIndex) else { return false }
            from = range.upperBound
        }
        return true
    }
}
