// The larger sections of the ground truth: parameters, sources, and one person's record.

extension GroundTruthWriter {
    func writeParameters(_ out: ByteWriter) {
        let p = plan.parameters
        out.write("{\"cameras\": ")
        out.write(int: p.cameras)
        out.write(", \"people\": ")
        out.write(int: p.people)
        out.write(", \"hours\": ")
        out.writeCompact(p.hours)
        out.write(", \"fps\": ")
        out.writeCompact(p.framesPerSecond)
        out.write(", \"dim\": ")
        out.write(int: p.embeddingDimension)
        out.write(", \"seed\": ")
        out.write(string: String(p.seed))  // a string: UInt64 does not survive JSON doubles
        out.write(", \"width\": ")
        out.write(int: p.frameWidth)
        out.write(", \"height\": ")
        out.write(int: p.frameHeight)
        out.write(", \"site_start\": ")
        out.write(string: isoTimestamp(unixMilliseconds: p.siteStartUnixMilliseconds, offsetMinutes: p.utcOffsetMinutes))
        out.write(", \"walking_speed_mps\": ")
        out.write(p.walkingSpeedMetersPerSecond, decimals: 2)
        out.write(", \"dwell_median_sec\": ")
        out.writeCompact(p.dwellMedianSeconds)
        out.write(", \"visits_mean\": ")
        out.writeCompact(p.visitsMean)
        out.write(", \"segments\": ")
        out.write(int: plan.segments.count)
        let noise: [(String, Double)] = [
            ("box_jitter_px", p.boxJitterPixels), ("object_jitter", p.objectJitterRelative),
            ("object_miss", p.objectMissFraction), ("groups", p.groupFraction), ("hand_overs", p.handOverFraction),
            ("set_downs", p.setDownFraction), ("splits", p.occlusionSplitFraction), ("lookalikes", p.lookalikeFraction),
            ("degraded", p.degradedFraction), ("spurious_per_camera_hour", p.spuriousPerCameraHour),
        ]
        out.write(", \"noise\": {")
        for (k, (name, value)) in noise.enumerated() {
            out.write(k == 0 ? "\"" : ", \"")
            out.write(raw: name)
            out.write("\": ")
            out.writeCompact(value)
        }
        out.write("}}")
    }

    func writeSource(_ camera: Int, _ out: ByteWriter) {
        let cam = plan.layout.cameras[camera]
        out.write("{\"id\": ")
        out.write(string: cam.name)
        out.write(", \"clock_offset_sec\": ")
        out.write(seconds: cam.clockOffsetSeconds)
        out.write(", \"x\": ")
        out.write(cam.x, decimals: 1)
        out.write(", \"y\": ")
        out.write(cam.y, decimals: 1)
        out.write(", \"entrance\": ")
        out.write(cam.isEntrance ? "true" : "false")
        out.write("}")
    }

    func writePerson(_ person: Int, _ out: ByteWriter) {
        let plan = self.plan
        out.write("{\"person\": ")
        writePersonName(person, out)
        out.write(", \"speed_mps\": ")
        out.write(plan.people[person].speed, decimals: 2)
        out.write(", \"appearances\": [")
        for (k, index) in plan.people[person].appearances.enumerated() {
            let appearance = plan.appearances[index]
            out.write(k == 0 ? "{\"source\": " : ", {\"source\": ")
            out.write(string: plan.layout.cameras[appearance.camera].name)
            out.write(", \"segment_ids\": [")
            for (i, piece) in appearance.pieces.enumerated() {
                if i > 0 { out.write(", ") }
                writeID(piece, out)
            }
            out.write("], \"track_id\": ")
            writeTrack(appearance.pieces[0], out)
            out.write(", \"start_sec\": ")
            out.write(seconds: plan.segments[appearance.pieces[0]].startSeconds)
            out.write(", \"end_sec\": ")
            out.write(seconds: plan.segments[appearance.pieces[appearance.pieces.count - 1]].endSeconds)
            out.write("}")
        }
        out.write("], \"carries\": [")
        writeCarries(person, out)
        out.write("]}")
    }

    /// One entry per carried-object segment, in appearance then piece order (a handed-over
    /// bag's second part is listed with its new carrier).
    private func writeCarries(_ person: Int, _ out: ByteWriter) {
        var first = true
        for index in plan.people[person].appearances {
            let appearance = plan.appearances[index]
            for piece in appearance.pieces {
                for j in carriedByPiece[piece] ?? [] {
                    guard case .carried(let kind) = plan.segments[j].role else { continue }
                    out.write(first ? "{\"relation\": " : ", {\"relation\": ")
                    first = false
                    out.write(string: kind.relation)
                    out.write(", \"label\": ")
                    out.write(string: kind.label)
                    out.write(", \"object\": ")
                    writeObjectName(plan.segments[j], carrier: person, out)
                    out.write(", \"source\": ")
                    out.write(string: plan.layout.cameras[appearance.camera].name)
                    out.write(", \"segment_id\": ")
                    writeID(j, out)
                    out.write(", \"person_segment_id\": ")
                    writeID(piece, out)
                    out.write(", \"track_id\": ")
                    writeTrack(j, out)
                    out.write("}")
                }
            }
        }
    }

    /// `"o_0007_bag"`: the owner's number (the carrier's unless the object was handed over).
    func writeObjectName(_ segment: PlannedSegment, carrier: Int, _ out: ByteWriter) {
        out.write("\"o_")
        out.write(int: (segment.owner >= 0 ? segment.owner : carrier) + 1, width: personWidth)
        out.write("_")
        out.write(raw: segment.role.label)
        out.write("\"")
    }
}
