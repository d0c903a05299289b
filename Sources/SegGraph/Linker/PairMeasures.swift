// The geometry the linker's rules are made of, as pure functions of aligned box pairs.
// Kept apart from storage so boundary cases are easy to test.

struct NearMeasure {
    var framesCompared: Int
    var closeFrames: Int
    var distanceMin: Double
    var distanceMean: Double
}

/// Centre distance over mean box height, frame by frame.
func measureNear(_ pairs: [(TimedBox, TimedBox)], distanceRelativeMax: Double) -> NearMeasure? {
    guard !pairs.isEmpty else { return nil }
    var close = 0
    var minimum = Double.infinity
    var total = 0.0
    for (a, b) in pairs {
        let dx = a.centreX - b.centreX
        let dy = a.centreY - b.centreY
        let scale = max(1, (Double(a.box.height) + Double(b.box.height)) / 2)
        let distance = (dx * dx + dy * dy).squareRoot() / scale
        minimum = min(minimum, distance)
        total += distance
        if distance <= distanceRelativeMax { close += 1 }
    }
    return NearMeasure(framesCompared: pairs.count, closeFrames: close, distanceMin: minimum,
                       distanceMean: total / Double(pairs.count))
}

struct AttachmentMeasure {
    var framesCompared: Int
    /// Share of frames where the object lies (mostly) inside the grown person box.
    var attachedFraction: Double
    /// Spread (standard deviation) of the object's centre relative to the person's, in person heights.
    var offsetSpread: Double
    /// Mean share of the object's box inside the person's own box (not grown): which of two
    /// people walking side by side the object belongs to.
    var containedFraction: Double
    /// Frames in which the object was attached.
    var attachedFrames: Int
    /// Mean distance between the object's bottom edge and the person's, in person heights:
    /// what a person rides or pushes stands on the ground where they stand.
    var groundGap: Double
}

/// How well `object` rides along with `carrier`: containment and a steady relative offset.
func measureAttachment(_ pairs: [(carrier: TimedBox, object: TimedBox)], marginRelative: Double,
                       containmentMin: Double) -> AttachmentMeasure? {
    guard !pairs.isEmpty else { return nil }
    var attached = 0
    var contained = 0.0
    var groundGap = 0.0
    var offsetsX: [Double] = []
    var offsetsY: [Double] = []
    for (carrier, object) in pairs {
        let height = max(1, Double(carrier.box.height))
        let margin = height * marginRelative
        let left = Double(carrier.box.x) - margin
        let top = Double(carrier.box.y) - margin
        let right = Double(carrier.box.x) + Double(carrier.box.width) + margin
        let bottom = Double(carrier.box.y) + Double(carrier.box.height) + margin
        let ox0 = Double(object.box.x), oy0 = Double(object.box.y)
        let ox1 = ox0 + Double(object.box.width), oy1 = oy0 + Double(object.box.height)
        let inter = max(0, min(right, ox1) - max(left, ox0)) * max(0, min(bottom, oy1) - max(top, oy0))
        if object.area > 0 && inter / object.area >= containmentMin { attached += 1 }
        let innerWidth = max(0, min(right - margin, ox1) - max(left + margin, ox0))
        let innerHeight = max(0, min(bottom - margin, oy1) - max(top + margin, oy0))
        if object.area > 0 { contained += innerWidth * innerHeight / object.area }
        groundGap += abs(oy1 - (bottom - margin)) / height
        offsetsX.append((object.centreX - carrier.centreX) / height)
        offsetsY.append((object.centreY - carrier.centreY) / height)
    }
    let spread = (variance(offsetsX) + variance(offsetsY)).squareRoot()
    return AttachmentMeasure(framesCompared: pairs.count, attachedFraction: Double(attached) / Double(pairs.count),
                             offsetSpread: spread, containedFraction: contained / Double(pairs.count), attachedFrames: attached,
                             groundGap: groundGap / Double(pairs.count))
}

/// Share of frames where the participant's box overlaps the activity's box by at least
/// `overlapMin` of the participant's area.
func overlapFraction(_ pairs: [(participant: TimedBox, activity: TimedBox)], overlapMin: Double) -> Double {
    guard !pairs.isEmpty else { return 0 }
    var overlapping = 0
    for (p, a) in pairs {
        let x0 = max(Double(p.box.x), Double(a.box.x))
        let y0 = max(Double(p.box.y), Double(a.box.y))
        let x1 = min(Double(p.box.x) + Double(p.box.width), Double(a.box.x) + Double(a.box.width))
        let y1 = min(Double(p.box.y) + Double(p.box.height), Double(a.box.y) + Double(a.box.height))
        let inter = max(0, x1 - x0) * max(0, y1 - y0)
        if p.area > 0 && inter / p.area >= overlapMin { overlapping += 1 }
    }
    return Double(overlapping) / Double(pairs.count)
}

private func variance(_ values: [Double]) -> Double {
    guard values.count > 1 else { return 0 }
    let mean = values.reduce(0, +) / Double(values.count)
    return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
}

/// Area of the intersection over area of the union of two boxes (0 when either is empty).
func intersectionOverUnion(_ a: Box, _ b: Box) -> Double {
    let x0 = max(Double(a.x), Double(b.x)), y0 = max(Double(a.y), Double(b.y))
    let x1 = min(Double(a.x) + Double(a.width), Double(b.x) + Double(b.width))
    let y1 = min(Double(a.y) + Double(a.height), Double(b.y) + Double(b.height))
    let inter = max(0, x1 - x0) * max(0, y1 - y0)
    let union = Double(a.width) * Double(a.height) + Double(b.width) * Double(b.height) - inter
    return union > 0 ? inter / union : 0
}

extension Box {
    /// The smallest box containing both (frame and time of `self`).
    func union(_ other: Box) -> Box {
        var box = self
        let right = max(x + width, other.x + other.width), bottom = max(y + height, other.y + other.height)
        box.x = min(x, other.x)
        box.y = min(y, other.y)
        box.width = right - box.x
        box.height = bottom - box.y
        return box
    }
}
