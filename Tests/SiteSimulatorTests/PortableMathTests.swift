// Goal: the simulator's own exp/log/sin/cos (used so output is identical across platforms'
// libm) agree with the system's to ~1e-13. Method: compare on a deterministic sweep of inputs.
import Foundation
@testable import SiteSimulator
import Testing

@Suite struct PortableMathTests {
    @Test func agreesWithSystemMath() {
        for i in 0..<20_000 {
            let u = (Double(i) + 0.5) / 20_000  // (0, 1)
            let wide = (u - 0.5) * 1600  // ±800 rad: sway angles stay far below this
            #expect(abs(portableSin(wide) - sin(wide)) < 1e-12)
            #expect(abs(portableCos(wide) - cos(wide)) < 1e-12)
            let exponent = (u - 0.5) * 60
            #expect(abs(portableExp(exponent) / exp(exponent) - 1) < 1e-13)
            let positive = exp((u - 0.5) * 80)
            #expect(abs(portableLog(positive) - log(positive)) < 1e-13 * max(1, abs(log(positive))))
            #expect(abs(portableLog(u) - log(u)) < 1e-13 * max(1, abs(log(u))))
        }
    }
}
