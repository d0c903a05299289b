// From keyframes to visible spans, following CVAT's own rules: between two keyframes a box is
// interpolated linearly; before an `outside` keyframe the last box is held (not interpolated
// towards the outside one); `outside="1"` ends a span; after the last keyframe a visible
// object stays until the task's last frame. Full "video" exports already list every frame,
// so for them this only reads; keyframe-only files are filled in.

/// One visible frame of a track.
struct CVATFrame {
    var frame: Int64
    var box: CVATBox
    var occluded: Bool
    /// The shape whose attributes apply (the keyframe at or before this frame).
    var shapeIndex: Int
}

extension CVATTrack {
    /// Shapes sorted by frame.
    /// - Throws: when two shapes share a frame.
    func sortedShapes() throws(CVATFailure) -> [CVATShape] {
        let sorted = shapes.sorted { $0.frame < $1.frame }
        for index in sorted.indices.dropFirst() where sorted[index].frame == sorted[index - 1].frame {
            throw CVATFailure(field: "@frame", reason: "track \(id) has two shapes in frame \(sorted[index].frame)",
                              line: sorted[index].line)
        }
        return sorted
    }

    /// Visible spans of `shapes` (sorted), each a run of consecutive frames.
    /// - Parameter lastFrame: the task's last frame, to extend a track whose last keyframe is
    ///   visible; `nil` ends it at that keyframe.
    static func spans(_ shapes: [CVATShape], lastFrame: Int64?) throws(CVATFailure) -> [[CVATFrame]] {
        var spans: [[CVATFrame]] = []
        var current: [CVATFrame] = []
        for (index, shape) in shapes.enumerated() {
            if shape.outside {
                if !current.isEmpty { spans.append(current); current = [] }
                continue
            }
            current.append(CVATFrame(frame: shape.frame, box: shape.box, occluded: shape.occluded, shapeIndex: index))
            let next = index + 1 < shapes.count ? shapes[index + 1] : nil
            let fillEnd = next.map { $0.frame - 1 } ?? max(shape.frame, lastFrame ?? shape.frame)
            guard fillEnd > shape.frame else { continue }
            guard fillEnd - shape.frame <= Int64(ImportLimits.interpolatedFramesMax) else {
                throw CVATFailure(field: "@frame",
                                  reason: "more than \(ImportLimits.interpolatedFramesMax) frames to interpolate after frame \(shape.frame)", line: shape.line)
            }
            let target = next.flatMap { $0.outside ? nil : $0 }
            for frame in (shape.frame + 1)...fillEnd {
                let box = target.map { shape.box.interpolated(to: $0.box, Double(frame - shape.frame) / Double($0.frame - shape.frame)) }
                current.append(CVATFrame(frame: frame, box: box ?? shape.box, occluded: shape.occluded, shapeIndex: index))
            }
        }
        if !current.isEmpty { spans.append(current) }
        return spans
    }
}
