// The trace as a picture: one lane per camera, visits as bars, transitions as arrows, gaps
// shaded, inferred visits hatched and uncertain sightings as hollow marks, times on the axis
// in the window's zone. Self-contained SVG (no fonts or scripts to fetch), deterministic.
internal import Foundation

extension TraceAnswer {
    /// The timeline as an SVG document.
    public var svg: String {
        var lanes = Array(Set(visits.map(\.source.name) + uncertain.map(\.hit.source.name))).sorted()
        if lanes.isEmpty { lanes = ["(no sightings)"] }
        let (left, right, top, laneHeight) = (120.0, 24.0, 48.0, 34.0)
        let width = 1000.0
        let height = top + Double(lanes.count) * laneHeight + 44
        let span = Double(max(1, window.endNanoseconds - window.startNanoseconds))
        func x(_ ns: Int64) -> Double { left + (width - left - right) * Double(ns - window.startNanoseconds) / span }
        func y(_ lane: String) -> Double { top + Double(lanes.firstIndex(of: lane) ?? 0) * laneHeight }
        var body: [String] = []
        body.append(#"<text x="12" y="24" class="title">\#(Self.escape(title))</text>"#)
        for lane in lanes {
            body.append(#"<rect x="\#(left)" y="\#(y(lane) + 4)" width="\#(width - left - right)" height="\#(laneHeight - 8)" class="lane"/>"#)
            body.append(#"<text x="\#(left - 8)" y="\#(y(lane) + laneHeight / 2 + 4)" class="camera">\#(Self.escape(lane))</text>"#)
        }
        for (a, b) in zip(visits, visits.dropFirst()) where b.span.startNanoseconds > a.span.endNanoseconds {
            let (x0, x1) = (x(a.span.endNanoseconds), x(b.span.startNanoseconds))
            body.append(#"<rect x="\#(Self.f(x0))" y="\#(top)" width="\#(Self.f(max(0.5, x1 - x0)))" height="\#(Double(lanes.count) * laneHeight)" class="gap"/>"#)
        }
        for visit in visits {
            let (x0, x1) = (x(visit.span.startNanoseconds), x(visit.span.endNanoseconds))
            let label = "\(visit.source.name) \(Self.clock(visit.span.startNanoseconds, visit.source))–\(Self.clock(visit.span.endNanoseconds, visit.source)), \(visit.sightings.count) segment(s)"
            body.append(#"<rect x="\#(Self.f(x0))" y="\#(y(visit.source.name) + 8)" width="\#(Self.f(max(2, x1 - x0)))" height="\#(laneHeight - 16)" class="\#(visit.isInferred ? "visit inferred" : "visit")"><title>\#(Self.escape(label))</title></rect>"#)
        }
        for (a, b) in zip(visits, visits.dropFirst()) where a.source.name != b.source.name {
            let (x0, y0) = (x(a.span.endNanoseconds), y(a.source.name) + laneHeight / 2)
            let (x1, y1) = (x(b.span.startNanoseconds), y(b.source.name) + laneHeight / 2)
            let plausible = plausibility(a, b)
            body.append(#"<line x1="\#(Self.f(x0))" y1="\#(Self.f(y0))" x2="\#(Self.f(x1))" y2="\#(Self.f(y1))" class="move \#(plausible)" marker-end="url(#arrow)"/>"#)
        }
        for candidate in uncertain {
            let cx = x(candidate.hit.segment.span.startNanoseconds)
            body.append(#"<circle cx="\#(Self.f(cx))" cy="\#(Self.f(y(candidate.hit.source.name) + laneHeight / 2))" r="5" class="uncertain"><title>\#(Self.escape("\(candidate.hit.name) uncertain: \(candidate.reason)"))</title></circle>"#)
        }
        let axisY = top + Double(lanes.count) * laneHeight + 8
        body.append(#"<line x1="\#(left)" y1="\#(axisY)" x2="\#(width - right)" y2="\#(axisY)" class="axis"/>"#)
        for tick in ticks() {
            let tx = x(tick)
            body.append(#"<line x1="\#(Self.f(tx))" y1="\#(axisY)" x2="\#(Self.f(tx))" y2="\#(axisY + 5)" class="axis"/>"#)
            body.append(#"<text x="\#(Self.f(tx))" y="\#(axisY + 20)" class="tick">\#(Self.clock(tick, anchor))</text>"#)
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker>
            <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="6" fill="#93c5fd"/></pattern></defs>
            <style>.title{font-size:14px;font-weight:bold}.lane{fill:#f8fafc;stroke:#e2e8f0}.camera{text-anchor:end}.gap{fill:#fde68a;opacity:.35}.visit{fill:#2563eb}.inferred{fill:url(#hatch);stroke:#2563eb;stroke-dasharray:3 2}.move{stroke:#555;stroke-width:1.2}.move.no{stroke:#dc2626;stroke-dasharray:4 2}.move.unknown{stroke:#888}.uncertain{fill:none;stroke:#f59e0b;stroke-width:2}.axis{stroke:#333}.tick{text-anchor:middle;fill:#333}</style>
            \(body.joined(separator: "\n"))
            </svg>

            """
    }

    private var title: String {
        let seed: String = switch query.seed {
        case .segment(let name): name
        case .track(let source, let track): "\(source):\(track)"
        case .vector(let vector): "a \(vector.count)-d query vector"
        }
        return "Trace of \(seed): \(visits.count) visit(s), \(Self.clock(window.startNanoseconds, anchor))–\(Self.clock(window.endNanoseconds, anchor))"
    }

    /// Axis ticks at a round step giving about eight labels.
    private func ticks() -> [Int64] {
        let seconds = Double(window.endNanoseconds - window.startNanoseconds) / 1e9
        let steps: [Double] = [1, 5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600]
        let step = steps.first { seconds / $0 <= 10 } ?? 43200
        let stepNs = Int64(step * 1e9)
        var tick = (window.startNanoseconds / stepNs + 1) * stepNs
        var ticks: [Int64] = []
        while tick < window.endNanoseconds && ticks.count < 20 {
            ticks.append(tick)
            tick += stepNs
        }
        return ticks
    }

    /// `HH:MM:SS` in the source's zone (or UTC).
    static func clock(_ nanoseconds: Int64, _ source: Source?) -> String {
        let text = source.map { TimeDisplay.format(nanoseconds, source: $0) } ?? TimeDisplay.format(utcNanoseconds: nanoseconds, zone: .gmt)
        guard text.count >= 19, text.dropFirst(10).first == "T" else { return text }
        return String(text.dropFirst(11).prefix(8))
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
