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
}

/// How well `object` rides along with `carrier`: containment and a steady relative offset.
func measureAttachment(_ pairs: [(carrier: TimedBox, object: TimedBox)], marginRelative: Double,
                       containmentMin: Double) -> AttachmentMeasure? {
    guard !pairs.isEmpty else { return nil }
    var attached = 0
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
        offsetsX.append((object.centreX - carrier.centreX) / height)
        offsetsY.append((object.centreY - carrier.centreY) / height)
    }
    let spread = (variance(offsetsX) + variance(offsetsY)).squareRoot()
    return AttachmentMeasure(framesCompared: pairs.count, attachedFraction: Double(attached) / Double(pairs.count),
                             offsetSpread: spread)
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
