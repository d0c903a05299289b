// People who walk together, bags that change hands and bags left behind: the situations in which
// "who carries this?" has more than one plausible answer. Only planned when their knobs are on.

extension SitePlan {
    /// A companion walks every one of `leader`'s visits shoulder to shoulder (same times, the
    /// path shifted by about a box width); may carry a bag of their own, and may be handed the
    /// leader's bag in the last view they share.
    mutating func addCompanion(of leader: Int, classes: [Int]) {
        let companion = people.count
        paired.append(false)
        var plan = PersonPlan(identity: identities.addRandom(&random), speed: people[leader].speed)
        plan.objects = objectIdentities(drawCarriedKinds(), classes: classes)
        people.append(plan)
        let pushesCart = people[leader].objects.contains { $0.kind == .cart }
        for index in people[leader].appearances {
            let shared = appearances[index]
            let visit = Visit(camera: shared.camera, siteStart: shared.siteStart, siteEnd: shared.siteEnd)
            addAppearance(person: companion, visit: visit, cyclist: false,
                          path: shared.trajectory.companion(leftOnly: pushesCart, random: &random))
        }
        if parameters.handOverFraction > 0, random.chance(parameters.handOverFraction) {
            handOver(from: leader, to: companion)
        }
    }

    /// The leader's bag (or backpack, suitcase) passes to the companion half-way through the
    /// last view: the bag's segment ends there and a new one of the same track begins with
    /// the companion as its carrier.
    private mutating func handOver(from leader: Int, to companion: Int) {
        guard let giverView = people[leader].appearances.last, let takerView = people[companion].appearances.last,
              let piece = appearances[giverView].pieces.last, let takerPiece = appearances[takerView].pieces.last,
              let bag = carriedSegments(of: piece).first(where: { isHeld(segments[$0].role) })
        else { return }
        let original = segments[bag]
        let handOff = ms(random.uniform(original.startSeconds + (original.endSeconds - original.startSeconds) * 0.35,
                                        original.startSeconds + (original.endSeconds - original.startSeconds) * 0.65))
        let resume = ms(handOff + 0.2)
        let end = min(original.endSeconds, segments[takerPiece].endSeconds)
        guard handOff - original.startSeconds >= 1.5, end - resume >= 1.5 else { return }
        segments[bag].endSeconds = handOff
        var taken = original
        taken.startSeconds = resume
        taken.endSeconds = end
        taken.appearance = takerView
        taken.relatedA = takerPiece
        taken.owner = leader
        taken.seed = random.next()
        segments.append(taken)
    }

    /// `person`'s bag is put down as they start to walk out of their last view, and stays
    /// there for 20–90 s (less if the recording ends), carried by nobody.
    mutating func setDownLastBag(of person: Int) {
        guard let view = people[person].appearances.last, let piece = appearances[view].pieces.last,
              let bag = carriedSegments(of: piece).first(where: { isHeld(segments[$0].role) }),
              case .carried(let kind) = segments[bag].role
        else { return }
        let path = appearances[view].trajectory
        let setDown = ms(path.endSeconds - path.walkOutSeconds - random.uniform(0.3, 1.5))
        let carried = segments[bag]
        let recordingEnd = local(parameters.hours * 3600 - 0.01, camera: carried.camera)
        let end = min(ms(setDown + 0.2 + random.uniform(20, 90)), recordingEnd)
        guard setDown - carried.startSeconds >= 1.5, setDown < carried.endSeconds, end - setDown >= 2 else { return }
        segments[bag].endSeconds = setDown
        var left = carried
        left.role = .setDown(kind)
        left.startSeconds = ms(setDown + 0.2)
        left.endSeconds = end
        left.relatedA = -1
        left.owner = person
        left.seed = random.next()
        segments.append(left)
    }

    /// Carried-object segments planned right after `piece` (objects are appended after their
    /// carrier's piece, handed-over parts later, so both are found by their `relatedA`).
    func carriedSegments(of piece: Int) -> [Int] {
        var found: [Int] = []
        var j = piece + 1
        while j < segments.count, segments[j].relatedA == piece, case .carried = segments[j].role {
            found.append(j)
            j += 1
        }
        return found
    }

    private func isHeld(_ role: SegmentRole) -> Bool {
        if case .carried(let kind) = role { return kind.relation == "holds" }
        return false
    }
}
