// Goal: boxes and times agree: one box per frame at the camera's fps, every box's time inside
// its segment, coordinates inside the frame with one decimal; camera clocks start apart.
// Method: check every box of the small site against its segment and source.
import Foundation
import SiteSimulator
import Testing

@Suite struct TimeFrameTests {
    @Test func boxesMatchSegmentTimes() throws {
        let site = try SimulatedSite()
        defer { site.remove() }
        var boxes = 0
        for document in site.documents {
            let fps = document.source.fps
            for s in document.segments {
                #expect(s.start_time_sec >= 0 && s.start_time_sec < s.end_time_sec)
                #expect(!s.bounding_boxes.isEmpty)
                for (i, box) in s.bounding_boxes.enumerated() {
                    let t = Double(box.frame) / fps
                    #expect(t >= s.start_time_sec - 1e-6 && t <= s.end_time_sec + 1e-6)
                    #expect(box.frame == Int((t * fps).rounded()))
                    if i > 0 { #expect(box.frame == s.bounding_boxes[i - 1].frame + 1) }
                    #expect(box.x >= 0 && box.y >= 0 && box.w > 0 && box.h > 0)
                    #expect(box.x + box.w <= Double(document.source.width) + 0.11)
                    #expect(box.y + box.h <= Double(document.source.height) + 0.11)
                    for v in [box.x, box.y, box.w, box.h] { #expect(abs(v * 10 - (v * 10).rounded()) < 1e-6) }
                    boxes += 1
                }
                // A segment holds every frame of its span: one box per frame, none missing.
                let first = Int((s.start_time_sec * fps - 1e-6).rounded(.up))
                let last = Int((s.end_time_sec * fps + 1e-6).rounded(.down))
                #expect(s.bounding_boxes.count == last - first + 1)
            }
        }
        #expect(boxes == site.summary.boxCount)
    }

    @Test func cameraClocksStartApart() throws {
        let site = try SimulatedSite()
        defer { site.remove() }
        let starts = site.documents.map { site.wallClock($0.source.id, 0) }
        #expect(Set(starts).count == starts.count)
        #expect(starts.max()! - starts.min()! > 1)
        #expect(site.documents.allSatisfy { $0.source.start_time.hasSuffix("+01:00") })
    }
}
