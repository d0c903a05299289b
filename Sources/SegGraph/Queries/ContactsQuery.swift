// `contacts`: who was `near` an individual, and who was near them, to N hops. An
// individual is the closure of a segment over `next` and `same_as` edges.

/// Contacts of the individual a segment belongs to.
public struct ContactsQuery: Query {
    /// A segment of the individual: `SOURCE/SEGMENT_ID` or `#ID`.
    public var segment: String
    /// 1 = direct contacts.
    public var hops: Int
    /// Minimum time the two stayed close.
    public var closeSecondsMin: Double
    /// Clock times default to the seed segment's source.
    public var window: TimeWindowSpec

    /// Contacts of the individual `segment` belongs to; the parameters are checked when it runs.
    public init(segment: String, hops: Int = 1, closeSecondsMin: Double = 0, window: TimeWindowSpec = .unbounded) {
        self.segment = segment
        self.hops = hops
        self.closeSecondsMin = closeSecondsMin
        self.window = window
    }

    /// Ordered by (hops, together start, id).
    /// - Complexity: O(reached · degree) over the identities reached.
    /// - Throws: `.invalidArgument` for `hops` outside 1…`Limits.traversalHopsMax`, parameter
    ///   `min-overlap` for a negative or non-finite `closeSecondsMin`, or a bad window (`from`,
    ///   `to`, `date`); `.notFound` for an unknown segment; `.limit` when an identity spans more
    ///   than `Limits.identitySegmentsMax` segments.
    public func run(in snapshot: borrowing Snapshot) throws -> ContactList {
        try validateHops(hops)
        guard closeSecondsMin.isFinite, closeSecondsMin >= 0 else {
            throw StoreError(.invalidArgument, "min-overlap must be a duration ≥ 0", parameter: "min-overlap")
        }
        let seed = try snapshot.requireHit(try snapshot.segmentID(named: segment))
        let span = try snapshot.resolve(window, source: seed.source)
        var identities: [SegmentID: [SegmentID]] = [:]
        var seen = Set(try snapshot.identity(of: seed.segment.id))
        var frontier = seen.sorted()
        var contacts: [Contact] = []
        for hop in 1...hops where !frontier.isEmpty {
            var next: [SegmentID] = []
            for segment in frontier {
                guard let mine = try snapshot.segment(segment) else { continue }
                if let span, !mine.span.overlaps(span) { continue }
                for end in try snapshot.edgeEnds(of: segment, kinds: [.near]) where !seen.contains(end.other) {
                    let edge = try snapshot.edge(at: end, of: segment)
                    let close = edge.property(.closeSeconds) ?? 0
                    guard close >= closeSecondsMin, let other = try snapshot.hit(end.other) else { continue }
                    if let span, !other.segment.span.overlaps(span) { continue }
                    let together = mine.span.intersection(other.segment.span) ?? other.segment.span
                    contacts.append(Contact(hops: hop, contact: other, via: try snapshot.requireHit(segment), together: together,
                                            closeSeconds: close, distanceMin: edge.property(.distanceMin) ?? .nan))
                    // Members of one identity share it: compute each closure once.
                    let members = try identities[end.other] ?? snapshot.identity(of: end.other)
                    for member in members { identities[member] = members }
                    for member in members where seen.insert(member).inserted { next.append(member) }
                    seen.insert(end.other)
                }
            }
            frontier = next.sorted()
        }
        contacts.sort {
            ($0.hops, $0.together.startNanoseconds, $0.contact.segment.id) < ($1.hops, $1.together.startNanoseconds, $1.contact.segment.id)
        }
        return ContactList(seed: seed, contacts: contacts)
    }
}

/// One contact: `contact` was near `via` (a segment of the traced individual, or of a
/// contact one hop closer) while both were in view.
public struct Contact: Sendable {
    /// Hop at which it was found: 1 = near the traced individual itself.
    public var hops: Int
    /// The segment that was near.
    public var contact: SegmentHit
    /// The segment it was near: the traced individual's, or a contact's one hop closer.
    public var via: SegmentHit
    /// When both were present (the overlap of their spans).
    public var together: TimeSpan
    /// Seconds the two boxes were close (`close_s` of the `near` edge; 0 if it lacks one).
    public var closeSeconds: Double
    /// Smallest centre distance in mean box heights (`distance_min`); NaN when the edge lacks
    /// it (`null` in JSON).
    public var distanceMin: Double
}

/// Contacts ordered by (hops, together start, id).
public struct ContactList: Sendable, Answerable {
    /// The segment the query started from.
    public var seed: SegmentHit
    /// At most one row per individual reached (its first contact); the traced individual never appears.
    public var contacts: [Contact]

    /// JSON (`schema/answers/contacts.schema.json`): an array with one object per contact:
    /// `hops`, every segment field of the contact, `together_start`/`together_end` and their
    /// `_ns` twins, `close_s`, `distance_min` (`null` when unknown) and `via` (`SOURCE/ID`).
    public var answer: Answer {
        let rows = contacts.map { contact in
            let source = contact.contact.source
            return AnswerValue.object([AnswerField("hops", .int(contact.hops))] + contact.contact.answerFields + [
                AnswerField("together_start", .string(TimeDisplay.format(contact.together.startNanoseconds, source: source))),
                AnswerField("together_end", .string(TimeDisplay.format(contact.together.endNanoseconds, source: source))),
                AnswerField("together_start_ns", .int(Int(contact.together.startNanoseconds))),
                AnswerField("together_end_ns", .int(Int(contact.together.endNanoseconds))),
                AnswerField("close_s", .rounded(contact.closeSeconds, 2)),
                AnswerField("distance_min", .rounded(contact.distanceMin, 3)),
                AnswerField("via", .string(contact.via.name)),
            ])
        }
        return Answer(list: rows, columns: [
            AnswerColumn("hops"), AnswerColumn("contact", path: ["segment"]), AnswerColumn("label"), AnswerColumn("source"),
            AnswerColumn("from", path: ["together_start"]), AnswerColumn("to", path: ["together_end"]),
            AnswerColumn("close_s"), AnswerColumn("distance_min"),
        ])
    }
}
