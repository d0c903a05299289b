// `ground_truth.json`: who is who and what relates to what, named by (source, segment_id), so a
// test can score the linker's `next`, `holds`/`wears`/`rides`, `during` and `same_as` edges.
// Every list is in a fixed order (person, then camera, then segment number).
//
// Schema (times are camera-local seconds; ids are per source):
//   parameters  {cameras, people, hours, fps, dim, seed (string), width, height, site_start,
//                walking_speed_mps, dwell_median_sec, visits_mean, segments}
//   sources     [{id, clock_offset_sec (after site_start), x, y, entrance}]
//   people      [{person "p_0001", speed_mps, appearances: [{source, segment_ids (a track's
//                pieces in order: consecutive ones are `next`), track_id, start_sec, end_sec}],
//                carries: [{relation holds|wears|rides, label, object "o_0001_bag" (same
//                object across cameras), source, segment_id, person_segment_id, track_id}]}]
//   activities  [{source, segment_id, label fall|near_miss, person_segment_ids (`during`),
//                start_sec, end_sec}]
//   lookalikes  [[person, person]]  identities at cosine ≈ 0.85
//   degraded    [{source, segment_id}]  person segments with very noisy embeddings
//   spurious    [{source, segment_id}]  false detections, linked to nothing
//   set_down    [{source, segment_id, label, object, track_id}]  objects left behind: carried by
//                nobody (their track's earlier segment is in its owner's `carries`)

struct GroundTruthWriter {
    let plan: SitePlan
    let idWidth: Int
    let personWidth: Int
    /// Person segment → the carried-object segments riding with it, in plan order.
    let carriedByPiece: [Int: [Int]]

    init(plan: SitePlan) {
        self.plan = plan
        var carried: [Int: [Int]] = [:]
        for j in plan.segments.indices {
            if case .carried = plan.segments[j].role { carried[plan.segments[j].relatedA, default: []].append(j) }
        }
        carriedByPiece = carried
        idWidth = max(6, String(plan.segments.count).count)
        personWidth = max(4, String(plan.people.count).count)
    }

    func write(to path: String) throws(SimulationError) -> Int64 {
        let out = try ByteWriter(path: path)
        out.write("{\"parameters\": ")
        writeParameters(out)
        out.write(",\n \"sources\": [")
        for camera in plan.layout.cameras.indices {
            out.write(camera == 0 ? "\n  " : ",\n  ")
            writeSource(camera, out)
        }
        out.write("],\n \"people\": [")
        for person in plan.people.indices {
            out.write(person == 0 ? "\n  " : ",\n  ")
            writePerson(person, out)
        }
        out.write("],\n \"activities\": [")
        writeList(out, where: { $0.role.isActivity }) { s, _ in
            out.write(", \"label\": ")
            out.write(string: s.role.label)
            out.write(", \"person_segment_ids\": [")
            self.writeID(s.relatedA, out)
            if s.relatedB >= 0 {
                out.write(", ")
                self.writeID(s.relatedB, out)
            }
            out.write("], \"start_sec\": ")
            out.write(seconds: s.startSeconds)
            out.write(", \"end_sec\": ")
            out.write(seconds: s.endSeconds)
        }
        out.write("],\n \"lookalikes\": [")
        for (k, pair) in plan.lookalikes.enumerated() {
            out.write(k == 0 ? "[" : ", [")
            writePersonName(pair.0, out)
            out.write(", ")
            writePersonName(pair.1, out)
            out.write("]")
        }
        out.write("],\n \"degraded\": [")
        writeList(out, where: { $0.role == .person && $0.cosine < 0.7 }) { _, _ in }
        out.write("],\n \"spurious\": [")
        writeList(out, where: { if case .spurious = $0.role { true } else { false } }) { _, _ in }
        out.write("],\n \"set_down\": [")
        writeList(out, where: { if case .setDown = $0.role { true } else { false } }) { s, index in
            out.write(", \"label\": ")
            out.write(string: s.role.label)
            out.write(", \"object\": ")
            self.writeObjectName(s, carrier: s.owner, out)
            out.write(", \"track_id\": ")
            self.writeTrack(index, out)
        }
        out.write("]}\n")
        try out.finish()
        return out.bytesWritten
    }

    /// `{"source": .., "segment_id": .. <extra>}` for every matching segment, by camera then number.
    private func writeList(_ out: ByteWriter, where include: (PlannedSegment) -> Bool,
                           extra: (PlannedSegment, Int) -> Void) {
        var first = true
        for camera in plan.byCamera.indices {
            for index in plan.byCamera[camera] where include(plan.segments[index]) {
                out.write(first ? "\n  {\"source\": " : ",\n  {\"source\": ")
                first = false
                out.write(string: plan.layout.cameras[camera].name)
                out.write(", \"segment_id\": ")
                writeID(index, out)
                extra(plan.segments[index], index)
                out.write("}")
            }
        }
    }

    func writeID(_ index: Int, _ out: ByteWriter) {
        out.write("\"seg_")
        out.write(int: plan.segments[index].number, width: idWidth)
        out.write("\"")
    }

    func writeTrack(_ index: Int, _ out: ByteWriter) {
        out.write("\"t_")
        out.write(int: plan.segments[index].trackNumber)
        out.write("\"")
    }

    func writePersonName(_ person: Int, _ out: ByteWriter) {
        out.write("\"p_")
        out.write(int: person + 1, width: personWidth)
        out.write("\"")
    }
}
