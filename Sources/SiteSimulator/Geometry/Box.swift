// Pixel boxes, top-left origin, and how boxes of objects and activities derive from a person's
// box. Deriving every related box from the same person box at the same frame is what makes
// "a carried object's box lies inside its carrier's box" exactly true in the output.

struct Box: Sendable, Equatable {
    var x: Double
    var y: Double
    var w: Double
    var h: Double

    /// This box clipped to the frame [0, width] × [0, height].
    func clipped(width: Double, height: Double) -> Box {
        let left = max(0, x), top = max(0, y)
        let right = min(width, x + w), bottom = min(height, y + h)
        return Box(x: left, y: top, w: max(0, right - left), h: max(0, bottom - top))
    }

    /// The smallest box containing both.
    func union(_ other: Box) -> Box {
        let left = min(x, other.x), top = min(y, other.y)
        let right = max(x + w, other.x + other.w), bottom = max(y + h, other.y + other.h)
        return Box(x: left, y: top, w: right - left, h: bottom - top)
    }

    /// Grown by `fraction` of its size on every side.
    func expanded(by fraction: Double) -> Box {
        Box(x: x - w * fraction, y: y - h * fraction, w: w * (1 + 2 * fraction), h: h * (1 + 2 * fraction))
    }
}

extension ObjectKind {
    /// The object's box given its carrier's (unclipped, in-frame) box. Bags, backpacks and
    /// suitcases lie inside the lower half, a hardhat at the top; a bicycle or cart is attached
    /// (overlapping the lower half and extending beyond it) and is clipped to the frame.
    func box(carriedBy p: Box, width: Double, height: Double) -> Box {
        switch self {
        case .bag:
            return Box(x: p.x + p.w * 0.55, y: p.y + p.h * 0.55, w: p.w * 0.35, h: p.h * 0.18)
        case .backpack:
            return Box(x: p.x + p.w * 0.2, y: p.y + p.h * 0.5, w: p.w * 0.6, h: p.h * 0.22)
        case .suitcase:
            return Box(x: p.x + p.w * 0.05, y: p.y + p.h * 0.7, w: p.w * 0.4, h: p.h * 0.28)
        case .hardhat:
            return Box(x: p.x + p.w * 0.3, y: p.y, w: p.w * 0.4, h: p.h * 0.1)
        case .bicycle:
            return Box(x: p.x - p.w * 0.35, y: p.y + p.h * 0.45, w: p.w * 1.7, h: p.h * 0.6)
                .clipped(width: width, height: height)
        case .cart:
            return Box(x: p.x + p.w * 0.6, y: p.y + p.h * 0.45, w: p.w * 1.1, h: p.h * 0.55)
                .clipped(width: width, height: height)
        }
    }
}
