// A simulated site's `ground_truth.json` (written by `seggraph simulate`; its shape is
// documented in SiteSimulator's GroundTruthWriter), read as the edges a perfect linker would
// derive. Segments are named `source/segment_id`, as the store names them.
internal import Foundation

/// What is true on a simulated site: who is who, who carries what, who takes part in what.
public struct SiteTruth: Sendable {
    /// Person segment name → the person it shows (`p_0001`).
    public let personOf: [String: String]
    /// Consecutive appearances of one person on different cameras, as the segment names of
    /// each (a hand-off is linked directly when a `same_as` edge joins any two of them).
    public let handOffs: [(earlier: [String], later: [String])]
    /// Expected edges per kind name, each as `from->to`.
    public let expected: [String: Set<String>]
    /// The simulated cameras: only edges between their segments are scored (a store may hold
    /// other sources too).
    public let sources: Set<String>

    /// Reads `path`.
    /// - Throws: `StoreError(.invalidArgument)` naming the file and the JSON path when the file
    ///   cannot be read or is not a simulator's ground truth.
    public init(contentsOf path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw StoreError(.invalidArgument, "\(path): cannot read the ground truth file", parameter: "truth")
        }
        let file: TruthFile
        do {
            file = try JSONDecoder().decode(TruthFile.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw StoreError(.invalidArgument, "\(path): \(Self.path(context.codingPath + [key])): missing (not a simulator's ground_truth.json?)", parameter: "truth")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            throw StoreError(.invalidArgument, "\(path): \(Self.path(context.codingPath)): \(context.debugDescription)", parameter: "truth")
        } catch {
            throw StoreError(.invalidArgument, "\(path): not a simulator's ground_truth.json", parameter: "truth")
        }
        self.init(file)
    }

    init(_ file: TruthFile) {
        var personOf: [String: String] = [:]
        var handOffs: [(earlier: [String], later: [String])] = []
        var expected: [String: Set<String>] = [:]
        // Object tracks, to thread their `next` chain: (source, track) → segment names.
        var objectTracks: [String: [String]] = [:]
        for person in file.people {
            let appearances = person.appearances.sorted { ($0.start_sec, $0.source) < ($1.start_sec, $1.source) }
            var previous: TruthFile.Appearance?
            for appearance in appearances {
                let names = appearance.segment_ids.map { "\(appearance.source)/\($0)" }
                for name in names { personOf[name] = person.person }
                for (a, b) in zip(names, names.dropFirst()) { expected["next", default: []].insert("\(a)->\(b)") }
                if let previous, previous.source != appearance.source {
                    handOffs.append((previous.segment_ids.map { "\(previous.source)/\($0)" }, names))
                }
                previous = appearance
            }
            for carry in person.carries {
                let object = "\(carry.source)/\(carry.segment_id)"
                expected[carry.relation, default: []].insert("\(carry.source)/\(carry.person_segment_id)->\(object)")
                objectTracks["\(carry.source)/\(carry.track_id)", default: []].append(object)
            }
        }
        for left in file.set_down ?? [] {
            objectTracks["\(left.source)/\(left.track_id)", default: []].append("\(left.source)/\(left.segment_id)")
        }
        // Segment numbers follow start time within a camera, so name order is time order.
        for names in objectTracks.values {
            let ordered = names.sorted()
            for (a, b) in zip(ordered, ordered.dropFirst()) { expected["next", default: []].insert("\(a)->\(b)") }
        }
        for activity in file.activities {
            for person in activity.person_segment_ids {
                expected["during", default: []].insert("\(activity.source)/\(person)->\(activity.source)/\(activity.segment_id)")
            }
        }
        self.personOf = personOf
        self.sources = Set(file.sources.map(\.id))
        self.handOffs = handOffs
        self.expected = expected
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("$") { path, key in
            if let index = key.intValue { return path + "[\(index)]" }
            return path + "." + key.stringValue
        }
    }
}

/// The parts of `ground_truth.json` the evaluation reads (snake_case as written).
struct TruthFile: Decodable {
    struct Appearance: Decodable {
        var source: String
        var segment_ids: [String]
        var start_sec: Double
    }
    struct Carry: Decodable {
        var relation: String
        var source: String
        var segment_id: String
        var person_segment_id: String
        var track_id: String
    }
    struct Person: Decodable {
        var person: String
        var appearances: [Appearance]
        var carries: [Carry]
    }
    struct Activity: Decodable {
        var source: String
        var segment_id: String
        var person_segment_ids: [String]
    }
    struct Camera: Decodable {
        var id: String
    }
    struct LeftObject: Decodable {
        var source: String
        var segment_id: String
        var track_id: String
    }
    var sources: [Camera]
    var people: [Person]
    var activities: [Activity]
    /// Absent in files written before set-downs were simulated.
    var set_down: [LeftObject]?
}
