// `verify`: does the store still give a recorded trace answer? The answer names its question
// (seed, space, similarities, exact window), so it can be asked again in one snapshot and the
// two answers compared byte for byte. The file's own digest shows whether it was edited.
internal import Foundation

/// Re-runs the trace recorded in `answer` (the bytes of a `trace --json` answer).
public struct TraceVerificationQuery: Query {
    public var answer: [UInt8]
    /// Where the answer came from, for messages.
    public var fileName: String

    public init(answer: [UInt8], fileName: String) {
        self.answer = answer
        self.fileName = fileName
    }

    /// - Throws: `.invalidArgument` naming the file and the JSON path when it is not a trace
    ///   answer, or when its seed cannot be asked again (a vector seed is recorded by size only).
    public func run(in snapshot: borrowing Snapshot) throws -> TraceVerification {
        let recorded = try Recorded(Data(answer), fileName: fileName)
        var query = TraceQuery(seed: recorded.seed, space: recorded.space, acceptSimilarityMin: recorded.accept,
                               uncertainSimilarityMin: recorded.uncertain, explain: recorded.explain)
        query.exactWindow = recorded.window
        // Times shown the way the file shows them (its output_zone), whatever this process uses.
        let shownIn = TimeDisplay.everyTimeZoneName
        TimeDisplay.showEveryTime(inZoneNamed: recorded.outputZone)
        defer { TimeDisplay.showEveryTime(inZoneNamed: shownIn) }
        let current = try query.run(in: snapshot).answer.json
        let currentObject = try JSONSerialization.jsonObject(with: Data(current.utf8)) as? [String: Any] ?? [:]
        let changed = Set(recorded.object.keys).union(currentObject.keys).filter { key in
            guard key != "digest" else { return false }
            return !Self.same(recorded.object[key], currentObject[key])
        }.sorted()
        return TraceVerification(
            file: fileName, recordedDigest: recorded.digest, currentDigest: currentObject["digest"] as? String ?? "",
            fileIntact: recorded.isIntact, sameStore: (recorded.object["store"] as? [String: Any])?["uuid"] as? String == snapshot.storeUUID,
            identical: recorded.text == current, changedFields: changed)
    }

    private static func same(_ a: Any?, _ b: Any?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .fragmentsAllowed]
        return (try? JSONSerialization.data(withJSONObject: a, options: options)) == (try? JSONSerialization.data(withJSONObject: b, options: options))
    }

    /// The recorded answer, its question and whether its digest matches its bytes.
    private struct Recorded {
        var text: String
        var object: [String: Any]
        var digest: String
        var isIntact: Bool
        var seed: TraceSeed
        var space: String?
        var accept: Double
        var uncertain: Double
        var explain: Bool
        /// The zone the file shows every time in (`nil`: each source's own).
        var outputZone: String?
        var window: TimeSpan

        init(_ data: Data, fileName: String) throws {
            func bad(_ path: String, _ reason: String) -> StoreError {
                StoreError(.invalidArgument, "\(fileName): \(path): \(reason) (expected a `seggraph trace --json` answer)")
            }
            text = String(decoding: data, as: UTF8.self)
            while text.last == "\n" || text.last == "\r" { text.removeLast() }
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { throw bad("$", "not a JSON object") }
            self.object = object
            guard let digest = object["digest"] as? String else { throw bad("$.digest", "missing") }
            self.digest = digest
            let suffix = ",\"digest\":\"\(digest)\"}"
            isIntact = text.hasSuffix(suffix) && TraceAnswer.digest(of: String(text.dropLast(suffix.count)) + "}") == digest
            guard let query = object["query"] as? [String: Any], let seed = query["seed"] as? [String: Any] else { throw bad("$.query.seed", "missing") }
            if let segment = seed["segment"] as? String {
                self.seed = .segment(segment)
            } else if let source = seed["source"] as? String, let track = seed["track"] as? String {
                self.seed = .track(source: source, track: track)
            } else {
                throw bad("$.query.seed", "a vector seed is recorded by its size only and cannot be asked again")
            }
            space = query["space"] as? String
            guard let accept = query["accept_similarity"] as? Double, let uncertain = query["uncertain_similarity"] as? Double else {
                throw bad("$.query", "accept_similarity and uncertain_similarity are required")
            }
            self.accept = accept
            self.uncertain = uncertain
            explain = query["explain"] as? Bool ?? false
            outputZone = query["output_zone"] as? String
            guard let start = (object["window_start_ns"] as? NSNumber)?.int64Value, let end = (object["window_end_ns"] as? NSNumber)?.int64Value,
                  let window = TimeSpan(startNanoseconds: start, endNanoseconds: end) else { throw bad("$.window_start_ns", "missing or after window_end_ns") }
            self.window = window
        }
    }
}

/// Whether the store still gives a recorded trace answer.
public struct TraceVerification: Sendable, Answerable {
    public var file: String
    public var recordedDigest: String
    public var currentDigest: String
    /// The file's digest matches its own bytes (it was not edited after it was written).
    public var fileIntact: Bool
    /// The answer was recorded on this store (same UUID).
    public var sameStore: Bool
    /// The store gives the recorded answer byte for byte.
    public var identical: Bool
    /// Top-level fields whose values differ (the digest aside).
    public var changedFields: [String]

    /// Verified: intact, and the same answer again.
    public var verified: Bool { fileIntact && identical }

    public var answer: Answer {
        var notes: [String] = []
        if !fileIntact { notes.append("\(file): its digest does not match its content: the file was edited after it was written") }
        if !sameStore { notes.append("the answer was recorded on another store (uuid differs)") }
        if !identical && !changedFields.isEmpty {
            notes.append("the store's answer now differs from the file in: \(changedFields.joined(separator: ", "))")
        }
        return Answer(object: .object([
            AnswerField("file", .string(file)), AnswerField("verified", .bool(verified)),
            AnswerField("file_intact", .bool(fileIntact)), AnswerField("same_store", .bool(sameStore)),
            AnswerField("identical", .bool(identical)), AnswerField("changed_fields", .array(changedFields.map { .string($0) })),
            AnswerField("recorded_digest", .string(recordedDigest)), AnswerField("current_digest", .string(currentDigest)),
        ]), notes: notes)
    }
}
