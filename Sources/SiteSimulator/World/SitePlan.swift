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
    private var paired: [Bool] = []
    var random: Xoshiro256

    init(_ p: SimulationParameters) {
        parameters = p
        random = Xoshiro256(seed: p.seed)
        layout = SiteLayout(p, random: &random)
        identities = IdentityTable(dimension: p.embeddingDimension)
        let classes = ObjectKind.allCases.map { _ in identities.addRandom(&random) }
        let walker = PersonWalker(p, layout)
        for person in 0..<p.people {
            addPerson(person, classes: classes, walker: walker)
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
        var kinds: [ObjectKind] = []
        if random.chance(p.carryFraction) { kinds.append([.bag, .backpack, .suitcase][random.index(3)]) }
        if random.chance(p.hardhatFraction) { kinds.append(.hardhat) }
        let vehicle = random.unit()
        if vehicle < p.bicycleFraction { kinds.append(.bicycle) }
        else if vehicle < p.bicycleFraction + p.cartFraction { kinds.append(.cart) }
        for kind in kinds {
            plan.objects.append((kind, identities.addNear(classes[kind.rawValue], cosine: 0.7, &random)))
        }
        let isCyclist = kinds.contains(.bicycle)
        let walking = min(max(random.normal() * p.walkingSpeedSpread + p.walkingSpeedMetersPerSecond, 0.8), 2.2)
        plan.speed = ((isCyclist ? walking * 2.8 : walking) * 100).rounded() / 100
        people.append(plan)
        for visit in walker.walk(speed: plan.speed, isCyclist: isCyclist, random: &random) {
            addAppearance(person: person, visit: visit, cyclist: isCyclist)
        }
    }
}
