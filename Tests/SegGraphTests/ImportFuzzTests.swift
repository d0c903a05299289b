// Goal: whatever bytes an import is handed, it either stores the whole file or refuses it with
// one line naming the file, and the store is left exactly as it was; it never crashes or hangs.
// Method: a valid native document (two sources' worth of segments with boxes, embeddings,
// attributes, an activity) is mutated 600 times with a fixed seed — bytes flipped, deleted,
// duplicated, inserted (quotes, braces, digits, NUL, huge numbers, non-UTF-8), truncated — and
// each mutant is imported into one store. After every refusal the store's counts must be
// unchanged; after every success they must have grown; at the end `check` must pass.
import Foundation
import SegGraph
import Testing
import TestSupport
import VectorIndex
import SegGraphModel

@Suite struct ImportFuzzTests {
    static func document() -> String {
        documentJSON(source: "cam_f", segments: [
            segmentJSON("a", start: 0, end: 2, track: "t1", embedding: [0.1, 0.2, 0.3, 0.4]),
            segmentJSON("b", start: 3, end: 5.5, track: "t1", embedding: [0.4, 0.3, 0.2, 0.1], extra: "\"mask_pointers\": [\"m/1.png\"]"),
            segmentJSON("bag", label: "bag", start: 0, end: 2, embedding: [0.5, 0.5, 0.5, 0.5]),
            "{\"segment_id\": \"fall\", \"type\": \"activity\", \"label\": \"fall\", \"start_time_sec\": 1, \"end_time_sec\": 1.5, \"bounding_boxes\": [], \"confidence\": 0.7}",
        ])
    }

    static let insertions: [[UInt8]] = [
        Array("\"".utf8), Array("{".utf8), Array("}".utf8), Array("[".utf8), Array(",".utf8), Array(":".utf8),
        Array("-1".utf8), Array("1e308".utf8), Array("1e999".utf8), Array("null".utf8), Array("\\u0000".utf8),
        [0x00], [0xff, 0xfe], [0xc3], Array("NaN".utf8), Array("\"segments\": []".utf8), Array("9".utf8),
    ]

    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var out = bytes
        for _ in 0..<(1 + Int(random.next() % 3)) where !out.isEmpty {
            let at = Int(random.next() % UInt64(out.count))
            switch random.next() % 5 {
            case 0: out[at] = UInt8(truncatingIfNeeded: random.next())
            case 1: out.remove(at: at)
            case 2: out.insert(contentsOf: out[at..<min(out.count, at + 1 + Int(random.next() % 16))], at: at)
            case 3: out.insert(contentsOf: insertions[Int(random.next() % UInt64(insertions.count))], at: at)
            default: out.removeLast(Int(random.next() % UInt64(max(1, out.count / 4))))
            }
        }
        return out
    }

    @Test func mutatedDocumentsAreStoredWholeOrRefusedCleanly() throws {
        let fixture = try StoreFixture()
        let original = Array(Self.document().utf8)
        var random = SplitMix64(seed: 2026)
        var (stored, refused) = (0, 0)
        for round in 0..<600 {
            let path = fixture.directory.file("mutant-\(round).json")
            let bytes = Self.mutate(original, &random)
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let before = try fixture.fingerprint()
            let started = ContinuousClock.now
            defer {
                let took = ContinuousClock.now - started
                if took > .seconds(1) { print("import fuzz: round \(round) took \(took)") }
            }
            do {
                // The same bytes as an earlier mutant are "already imported": nothing changes.
                guard case .imported = try fixture.importFile(path, source: "fuzz_\(round)") else { continue }
                stored += 1
                #expect(try fixture.fingerprint() != before, "round \(round): stored but nothing changed")
            } catch let error as ImportError {
                refused += 1
                #expect(error.description.contains("mutant-\(round).json"), "round \(round): \(error.description)")
                #expect(!error.description.contains("\n"), "round \(round): more than one line")
                #expect(try fixture.fingerprint() == before, "round \(round): a refused import changed the store")
            } catch let error as StoreError {
                refused += 1
                #expect(!error.message.contains("\n"), "round \(round): \(error.message)")
                #expect(try fixture.fingerprint() == before, "round \(round): a refused import changed the store")
            }
        }
        #expect(stored > 20 && refused > 200, "stored \(stored), refused \(refused): the mutations should do both")
        print("import fuzz: \(stored) mutants stored whole, \(refused) refused cleanly")
        let report = try fixture.store.check()
        #expect(report.isConsistent, "\(report.problems)")
    }
}
