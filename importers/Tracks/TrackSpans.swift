// Splitting one track into segments. Foreign formats describe tracks (an id seen in many
// frames); SegGraph stores segments (one continuous appearance). A track that disappears for
// longer than the gap limit and comes back is two appearances, linked later by `next` edges
// through their shared `track_id`.

enum TrackSpans {
    /// Ranges of `frames` (sorted ascending) whose neighbours are at most `gapFramesMax`
    /// missing frames apart.
    /// - Complexity: O(n).
    static func split(frames: [Int64], gapFramesMax: Int) -> [Range<Int>] {
        guard !frames.isEmpty else { return [] }
        var spans: [Range<Int>] = []
        var start = 0
        for index in 1..<frames.count where frames[index] - frames[index - 1] - 1 > Int64(gapFramesMax) {
            spans.append(start..<index)
            start = index
        }
        spans.append(start..<frames.count)
        return spans
    }

    /// The id of span `index` of `count`: the base id alone, or suffixed `-1`, `-2`… when the
    /// track was split (every part is suffixed so none looks like the whole track).
    static func segmentID(base: String, span index: Int, of count: Int) -> String {
        count == 1 ? base : "\(base)-\(index + 1)"
    }

    /// `7` → `0007`: the MOT converters' width; wider numbers are kept whole.
    static func zeroPadded(_ value: Int64, width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return value < 0 ? "-" + padded : padded
    }
}
