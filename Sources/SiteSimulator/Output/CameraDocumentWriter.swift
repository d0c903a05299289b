// Streams one camera's document to disk: the source header, then each segment as one line.
// Only one segment's boxes and embedding exist at a time; the plan holds the rest as numbers.

struct CameraDocumentWriter {
    let plan: SitePlan
    let boxes: SegmentBoxes
    let idWidth: Int

    init(plan: SitePlan) {
        self.plan = plan
        boxes = SegmentBoxes(plan: plan)
        idWidth = max(6, String(plan.segments.count).count)
    }

    /// Writes `cam_XX.json` for `camera` and adds its segments to `summary`.
    /// - Throws: `SimulationError` if the file cannot be created or written.
    func write(camera: Int, to path: String, summary: inout SimulationSummary) throws(SimulationError) {
        let out = try ByteWriter(path: path)
        out.writeSourceHeader(camera: camera, plan: plan)
        var scratch = [Double](repeating: 0, count: plan.parameters.embeddingDimension)
        for (k, index) in plan.byCamera[camera].enumerated() {
            out.write(k == 0 ? "\n  " : ",\n  ")
            let segment = plan.segments[index]
            let boxCount = writeSegment(segment, out, &scratch)
            summary.add(label: segment.role.label, boxes: boxCount)
        }
        out.write("]}\n")
        try out.finish()
        summary.bytesWritten += out.bytesWritten
    }

    private func writeSegment(_ s: PlannedSegment, _ out: ByteWriter, _ scratch: inout [Double]) -> Int {
        out.write("{\"segment_id\": \"seg_")
        out.write(int: s.number, width: idWidth)
        out.write(s.role.isActivity ? "\", \"type\": \"activity\", \"label\": " :
                    "\", \"type\": \"object_appearance\", \"label\": ")
        out.write(string: s.role.label)
        out.write(", \"start_time_sec\": ")
        out.write(seconds: s.startSeconds)
        out.write(", \"end_time_sec\": ")
        out.write(seconds: s.endSeconds)
        out.write(", \"bounding_boxes\": [")
        let frames = boxes.frames(of: s)
        var written = 0
        for frame in frames where boxes.isDetected(s, frame: frame) {
            let box = boxes.box(s, frame: frame)
            out.write(written == 0 ? "{\"frame\": " : ", {\"frame\": ")
            written += 1
            out.write(int: frame)
            out.write(", \"x\": ")
            out.write(box.x, decimals: 1)
            out.write(", \"y\": ")
            out.write(box.y, decimals: 1)
            out.write(", \"w\": ")
            out.write(box.w, decimals: 1)
            out.write(", \"h\": ")
            out.write(box.h, decimals: 1)
            out.write("}")
        }
        out.write("], \"embedding\": [")
        if !s.role.isActivity {
            var random = Xoshiro256(seed: s.seed)
            plan.identities.fillNoisy(&scratch, around: s.identity, cosine: s.cosine, random: &random)
            for (i, value) in scratch.enumerated() {
                if i > 0 { out.write(", ") }
                out.write(value, decimals: 4)
            }
        }
        out.write("], \"confidence\": ")
        out.write(s.confidence, decimals: 2)
        if s.trackNumber > 0 {
            out.write(", \"attributes\": {\"track_id\": \"t_")
            out.write(int: s.trackNumber)
            out.write("\"}}")
        } else {
            out.write(", \"attributes\": {}}")
        }
        return written
    }
}
