// Goal: every query command's output — table, JSON, CSV and error lines — stays exactly
// as recorded in Tests/CLITests/Goldens/expected (the answer shapes of schema/answers/).
// Method: Goldens/record.sh builds a small simulated site plus the real vtest tracker
// output with the built binary and writes each command's output to a fresh folder; every
// file must equal its golden byte for byte, and no golden may be missing or extra.
import Foundation
import Testing
import TestSupport

struct GoldenOutputTests {
    static let goldens = TestPaths.packageRoot + "/Tests/CLITests/Goldens"

    @Test func everyQueryAnswersAsRecorded() throws {
        let output = TemporaryDirectory("goldens")
        let result = try Command.run("/bin/bash", [Self.goldens + "/record.sh", TestPaths.seggraphBinary, output.path],
                                     environment: ["SEGGRAPH_SHARED_DATA": TestPaths.sharedData])
        try #require(result.status == 0, "record.sh failed: \(result.stderr)")
        let expectedFolder = Self.goldens + "/expected"
        let expected = try FileManager.default.contentsOfDirectory(atPath: expectedFolder).sorted()
        let produced = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(expected == produced)
        #expect(expected.count > 60)
        for name in expected where produced.contains(name) {
            let want = try String(contentsOfFile: expectedFolder + "/" + name, encoding: .utf8)
            let got = try String(contentsOfFile: output.path + "/" + name, encoding: .utf8)
            #expect(got == want, "\(name) differs from its golden; regenerate with record.sh only if the change is intended")
        }
    }
}
