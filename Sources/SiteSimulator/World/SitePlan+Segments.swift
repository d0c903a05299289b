// Turning visits into segments: occlusion splits an appearance into pieces with short gaps,
// every piece gets one person segment and one segment per object the person carries (objects
// are occluded together with their carrier, so they share the piece's times and frames).

extension SitePlan {
    /// Shortest segment that still holds at least one frame at the site's frame rate.
    var minimumSpanSeconds: Double { max(1, 1 / parameters.framesPerSecond + 0.002) }

    mutating func newTrackKey() -> Int {
        nextTrackKey += 1
        return nextTrackKey
    }

    mutating func confidence() -> Double {
        (random.uniform(0.6, 0.99) * 100).rounded() / 100
    }

    /// Plans one stay in view; `path` is given for a companion (who walks beside someone and
    /// is never split by occlusion), drawn otherwise.
    mutating func addAppearance(person: Int, visit: Visit, cyclist: Bool, path: Trajectory? = nil) {
        let p = parameters, camera = visit.camera
        let start = local(visit.siteStart, camera: camera), end = local(visit.siteEnd, camera: camera)
        let trajectory: Trajectory
        if let path {
            trajectory = path
        } else {
            let aspect = cyclist ? 0.55 : random.uniform(0.34, 0.42)
            trajectory = Trajectory(start: start, end: end, aspect: aspect, width: Double(p.frameWidth),
                                    height: Double(p.frameHeight), jitterPixels: p.boxJitterPixels, random: &random)
        }
        let index = appearances.count
        appearances.append(Appearance(person: person, camera: camera, siteStart: visit.siteStart,
                                      siteEnd: visit.siteEnd, trajectory: trajectory))
        people[person].appearances.append(index)
        let personTrack = newTrackKey()
        let objects = people[person].objects
        let objectTracks = objects.map { _ in newTrackKey() }
        for piece in path == nil ? splitPieces(start, end) : [(start, end)] {
            let degraded = random.chance(p.degradedFraction)
            let segment = segments.count
            segments.append(PlannedSegment(
                camera: camera, role: .person, startSeconds: piece.0, endSeconds: piece.1,
                appearance: index, trackKey: personTrack, identity: people[person].identity,
                cosine: degraded ? random.uniform(0.45, 0.6) : random.uniform(0.8, 0.92),
                confidence: confidence(), seed: random.next()))
            appearances[index].pieces.append(segment)
            for (k, object) in objects.enumerated() {
                segments.append(PlannedSegment(
                    camera: camera, role: .carried(object.kind), startSeconds: piece.0,
                    endSeconds: piece.1, appearance: index, relatedA: segment,
                    trackKey: objectTracks[k], identity: object.identity,
                    cosine: random.uniform(0.8, 0.92), confidence: confidence(), seed: random.next()))
            }
        }
    }

    /// One, two or three pieces of [start, end] separated by gaps of 0.4–3 s; falls back to one
    /// piece when a piece would be too short to hold a frame.
    private mutating func splitPieces(_ start: Double, _ end: Double) -> [(Double, Double)] {
        let duration = end - start
        let roll = random.unit()
        let split = parameters.occlusionSplitFraction
        let centres: [Double]
        if roll < split * 0.25, duration >= 20 {
            centres = [random.uniform(0.2, 0.4), random.uniform(0.6, 0.8)]
        } else if roll < split, duration >= 12 {
            centres = [random.uniform(0.3, 0.7)]
        } else {
            return [(start, end)]
        }
        var pieces: [(Double, Double)] = []
        var pieceStart = start
        for centre in centres {
            let gap = ms(random.uniform(0.4, 3.0))
            let pieceEnd = ms(start + duration * centre - gap / 2)
            pieces.append((pieceStart, pieceEnd))
            pieceStart = ms(pieceEnd + gap)
        }
        pieces.append((pieceStart, end))
        let minimum = max(1.5, minimumSpanSeconds)
        return pieces.allSatisfy({ $0.1 - $0.0 >= minimum }) ? pieces : [(start, end)]
    }

    mutating func addSpurious() {
        let p = parameters
        let recording = p.hours * 3600
        for camera in layout.cameras.indices {
            let count = Int((p.spuriousPerCameraHour * p.hours * random.uniform(0.7, 1.3)).rounded())
            for _ in 0..<count {
                let start = ms(random.uniform(0, max(0, recording - 2)))
                let end = ms(start + max(random.uniform(0.4, 1.5), 1 / p.framesPerSecond + 0.002))
                let isPerson = random.chance(0.6)
                segments.append(PlannedSegment(
                    camera: camera, role: .spurious(isPerson: isPerson), startSeconds: start,
                    endSeconds: end, trackKey: newTrackKey(),
                    confidence: (random.uniform(0.1, 0.35) * 100).rounded() / 100, seed: random.next()))
            }
        }
    }

    /// Output order per camera and the camera-local `seg_` and `t_` numbers.
    mutating func numberSegments() {
        byCamera = Array(repeating: [], count: layout.cameras.count)
        for i in segments.indices { byCamera[segments[i].camera].append(i) }
        for camera in byCamera.indices {
            byCamera[camera].sort { a, b in
                let x = segments[a], y = segments[b]
                if x.startSeconds != y.startSeconds { return x.startSeconds < y.startSeconds }
                if x.role.order != y.role.order { return x.role.order < y.role.order }
                return a < b
            }
            var tracks: [Int: Int] = [:]  // lookup only; never iterated
            for (position, i) in byCamera[camera].enumerated() {
                segments[i].number = position + 1
                guard segments[i].trackKey >= 0 else { continue }
                if let known = tracks[segments[i].trackKey] {
                    segments[i].trackNumber = known
                } else {
                    segments[i].trackNumber = tracks.count + 1
                    tracks[segments[i].trackKey] = tracks.count + 1
                }
            }
        }
    }
}
