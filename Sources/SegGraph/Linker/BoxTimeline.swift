// A segment's boxes on a common time axis, so two segments of one source can be compared
// frame by frame. Times come from the box's offset when present, else from its frame
// number and the source's fps.

struct TimedBox {
    var timeNanoseconds: Int64
    var box: Box

    var centreX: Double { Double(box.x) + Double(box.width) / 2 }
    var centreY: Double { Double(box.y) + Double(box.height) / 2 }
    var area: Double { Double(box.width) * Double(box.height) }
}

struct BoxTimeline {
    let boxes: [TimedBox]

    init(segment: Segment, boxes: [Box], source: Source) {
        var timed: [TimedBox] = []
        timed.reserveCapacity(boxes.count)
        for box in boxes {
            if let offset = box.offsetSeconds {
                timed.append(TimedBox(timeNanoseconds: segment.span.startNanoseconds + Int64((Double(offset) * 1e9).rounded()), box: box))
            } else if let frame = box.frameIndex, let fps = source.framesPerSecond, fps > 0 {
                let base = source.startUTCNanoseconds ?? 0
                timed.append(TimedBox(timeNanoseconds: base + Int64((Double(frame) / fps * 1e9).rounded()), box: box))
            }
        }
        timed.sort { $0.timeNanoseconds < $1.timeNanoseconds }
        self.boxes = timed
    }

    /// Pairs of boxes at the same moment (within `toleranceNanoseconds`), in time order.
    /// - Complexity: O(n + m), a merge of two sorted lists.
    func aligned(with other: BoxTimeline, toleranceNanoseconds: Int64) -> [(TimedBox, TimedBox)] {
        var pairs: [(TimedBox, TimedBox)] = []
        var i = 0
        var j = 0
        let a = boxes
        let b = other.boxes
        while i < a.count && j < b.count {
            let difference = a[i].timeNanoseconds - b[j].timeNanoseconds
            if abs(difference) <= toleranceNanoseconds {
                pairs.append((a[i], b[j]))
                i += 1
                j += 1
            } else if difference < 0 {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }
}

/// Half a frame at the source's rate (20 ms when unknown): boxes closer than this are
/// the same moment.
func alignmentTolerance(_ source: Source) -> Int64 {
    guard let fps = source.framesPerSecond, fps > 0 else { return 20_000_000 }
    return Int64(0.5 / fps * 1e9)
}

/// Seconds covered by `frameCount` frames: at the source's rate when known, else at the
/// mean spacing of the compared boxes.
func framesDurationSeconds(_ frameCount: Int, _ source: Source, pairs: [(TimedBox, TimedBox)]) -> Double {
    if let fps = source.framesPerSecond, fps > 0 { return Double(frameCount) / fps }
    guard pairs.count > 1, let first = pairs.first, let last = pairs.last else { return 0 }
    let spacing = Double(last.0.timeNanoseconds - first.0.timeNanoseconds) / 1e9 / Double(pairs.count - 1)
    return Double(frameCount) * spacing
}
