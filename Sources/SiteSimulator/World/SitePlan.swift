// The whole site's event plan, built once from the parameters with one sequential PRNG stream:
// layout → identities → people's walks → segments (pieces, carried objects) → activities →
// spurious detections → per-camera numbering. Everything after this is a pure function of it.

struct SitePlan: Sendable {
    let parameters: SimulationParameters
    let layout: SiteLayout
    var identities: IdentityTable
    var people: [PersonPlan] = []
    var appearances: [Appearance] = []
    var segments: [PlannedSegment] = []
    /// Person index pairs (earlier, later) whose identities are look-alikes.
    var lookalikes: [(Int, Int)] = []
    /// Per camera, segment indices in output order (start time, role, plan order).
    var byCamera: [[Int]] = []
    var nextTrackKey = 0
    /// Per person: already half of a look-alike pair.
    var paired: [Bool] = []
    var random: Xoshiro256

    init(_ p: SimulationParameters) {
        parameters = p
        random = Xoshiro256(seed: p.seed)
        layout = SiteLayout(p, random: &random)
        identities = IdentityTable(dimension: p.embeddingDimension)
        let classes = ObjectKind.allCases.map { _ in identities.addRandom(&random) }
        let walker = PersonWalker(p, layout)
        // A companion counts as one of the people, so the loop runs on the count.
        while people.count < p.people {
            addPerson(people.count, classes: classes, walker: walker)
        }
        addFalls()
        addNearMisses()
        addSpurious()
        numberSegments()
    }

    /// Camera-local seconds of a site time.
    func local(_ siteSeconds: Double, camera: Int) -> Double {
        ms(siteSeconds - layout.cameras[camera].clockOffsetSeconds)
    }

    private mutating func addPerson(_ person: Int, classes: [Int], walker: PersonWalker) {
        let p = parameters
        var identity: Int
        // A look-alike pairs with a random earlier person who is not yet in a pair.
        let partner = person > 0 && random.chance(p.lookalikeFraction) ? random.index(person) : -1
        if partner >= 0, !paired[partner] {
            identity = identities.addNear(people[partner].identity, cosine: 0.85, &random)
            lookalikes.append((partner, person))
            paired[partner] = true
            paired.append(true)
        } else {
            paired.append(false)
            identity = identities.addRandom(&random)
        }
        var plan = PersonPlan(identity: identity, speed: 1.4)
        var kinds = drawCarriedKinds()
        let vehicle = random.unit()
        if vehicle < p.bicycleFraction { kinds.append(.bicycle) }
        else if vehicle < p.bicycleFraction + p.cartFraction { kinds.append(.cart) }
        plan.objects = objectIdentities(kinds, classes: classes)
        let isCyclist = kinds.contains(.bicycle)
        let walking = min(max(random.normal() * p.walkingSpeedSpread + p.walkingSpeedMetersPerSecond, 0.8), 2.2)
        plan.speed = ((isCyclist ? walking * 2.8 : walking) * 100).rounded() / 100
        people.append(plan)
        for visit in walker.walk(speed: plan.speed, isCyclist: isCyclist, random: &random) {
            addAppearance(person: person, visit: visit, cyclist: isCyclist)
        }
        // Draws happen only when a knob is on, so the default site stays byte-identical.
        if p.groupFraction > 0, !isCyclist, people.count < p.people, random.chance(p.groupFraction) {
            addCompanion(of: person, classes: classes)
        }
        if p.setDownFraction > 0, random.chance(p.setDownFraction) { setDownLastBag(of: person) }
    }

    /// A bag, backpack or suitcase and a hardhat, each with its own chance.
    mutating func drawCarriedKinds() -> [ObjectKind] {
        var kinds: [ObjectKind] = []
        if random.chance(parameters.carryFraction) { kinds.append([.bag, .backpack, .suitcase][random.index(3)]) }
        if random.chance(parameters.hardhatFraction) { kinds.append(.hardhat) }
        return kinds
    }

    /// One instance identity per object, near its class's identity.
    mutating func objectIdentities(_ kinds: [ObjectKind], classes: [Int]) -> [(kind: ObjectKind, identity: Int)] {
        kinds.map { ($0, identities.addNear(classes[$0.rawValue], cosine: 0.7, &random)) }
    }
}
