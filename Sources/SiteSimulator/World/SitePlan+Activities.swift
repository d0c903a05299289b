// Activities: a `fall` during one person's appearance (box around the person), and a
// `near_miss` between two people in the same view at the same time who are close to each
// other on the floor (box around both).

extension SitePlan {
    mutating func addFalls() {
        let rate = parameters.fallsPerThousandAppearances / 1000
        for index in appearances.indices where random.chance(rate) {
            let longest = appearances[index].pieces.max { a, b in
                let da = segments[a].endSeconds - segments[a].startSeconds
                let db = segments[b].endSeconds - segments[b].startSeconds
                return da < db || (da == db && a > b)
            }
            guard let piece = longest else { continue }
            let s = segments[piece].startSeconds, e = segments[piece].endSeconds
            let duration = random.uniform(2, 6)
            guard e - s >= duration + 2 else { continue }
            let start = ms(random.uniform(s + 1, e - 1 - duration))
            segments.append(PlannedSegment(
                camera: segments[piece].camera, role: .fall, startSeconds: start,
                endSeconds: ms(start + duration), appearance: index, relatedA: piece,
                confidence: confidence(), seed: random.next()))
        }
    }

    mutating func addNearMisses() {
        guard !appearances.isEmpty else { return }
        var pieces = Array(repeating: [Int](), count: layout.cameras.count)
        for i in segments.indices where segments[i].role == .person { pieces[segments[i].camera].append(i) }
        let total = pieces.reduce(0) { $0 + $1.count }
        let rate = parameters.nearMissesPerThousandAppearances / 1000 * Double(appearances.count) / Double(max(total, 1))
        for camera in pieces.indices {
            let order = pieces[camera].sorted { (segments[$0].startSeconds, $0) < (segments[$1].startSeconds, $1) }
            for (k, a) in order.enumerated() where random.chance(rate) {
                let duration = max(random.uniform(1, 3), 1 / parameters.framesPerSecond + 0.002)
                let first = segments[a]
                // Bounded scan: later pieces starting before `a` ends, at most 64 of them.
                for b in order[(k + 1)...].prefix(64) {
                    let second = segments[b]
                    if second.startSeconds > first.endSeconds - duration - 1 { break }
                    guard appearances[second.appearance].person != appearances[first.appearance].person
                    else { continue }
                    let overlapEnd = min(first.endSeconds, second.endSeconds)
                    guard overlapEnd - second.startSeconds >= duration + 1 else { continue }
                    let start = ms(random.uniform(second.startSeconds + 0.5, overlapEnd - 0.5 - duration))
                    guard areClose(first.appearance, second.appearance, at: start + duration / 2) else { continue }
                    segments.append(PlannedSegment(
                        camera: camera, role: .nearMiss, startSeconds: start,
                        endSeconds: ms(start + duration), appearance: first.appearance,
                        relatedA: a, relatedB: b, confidence: confidence(), seed: random.next()))
                    break
                }
            }
        }
    }

    /// Whether two people stand close on the floor at camera time `t`: their feet at nearly
    /// the same depth (image row) and within two body heights of each other sideways.
    private func areClose(_ a: Int, _ b: Int, at t: Double) -> Bool {
        let frame = Int((t * parameters.framesPerSecond).rounded(.down))
        let boxA = appearances[a].trajectory.box(at: t, frame: frame)
        let boxB = appearances[b].trajectory.box(at: t, frame: frame)
        let height = max(boxA.h, boxB.h)
        let footGap = abs((boxA.y + boxA.h) - (boxB.y + boxB.h))
        let sideGap = abs((boxA.x + boxA.w / 2) - (boxB.x + boxB.w / 2))
        return footGap <= 0.1 * height && sideGap <= 2 * height
    }
}
