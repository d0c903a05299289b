// Goal: the same parameters and seed give byte-identical files; another seed gives other files.
// Method: write the small site twice (and once with another seed) and compare every file's bytes.
import Foundation
import SiteSimulator
import Testing

@Suite struct DeterminismTests {
    @Test func sameSeedSameBytes() throws {
        let first = try SimulatedSite(), second = try SimulatedSite()
        defer { first.remove(); second.remove() }
        #expect(first.summary.filesWritten.count == 5)
        for (a, b) in zip(first.summary.filesWritten, second.summary.filesWritten) {
            let bytesA = try Data(contentsOf: URL(fileURLWithPath: a))
            let bytesB = try Data(contentsOf: URL(fileURLWithPath: b))
            #expect(bytesA == bytesB, "\(URL(fileURLWithPath: a).lastPathComponent) differs between runs")
        }
        #expect(first.summary.bytesWritten == second.summary.bytesWritten)
    }

    @Test func otherSeedOtherBytes() throws {
        let first = try SimulatedSite(), other = try SimulatedSite(SimulatedSite.parameters(seed: 8))
        defer { first.remove(); other.remove() }
        for (a, b) in zip(first.summary.filesWritten, other.summary.filesWritten) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: a)) != Data(contentsOf: URL(fileURLWithPath: b)))
        }
    }

    @Test func invalidParametersThrow() {
        var p = SimulatedSite.parameters()
        p.cameras = 0
        #expect(throws: SimulationError.self) {
            try SiteSimulator(p).write(to: SimulatedSite.freshDirectory().path)
        }
    }
}
