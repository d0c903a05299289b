// `contacts`: who was `near` an individual, and who was near them, to N hops. An
// individual is the closure of a segment over `next` and `same_as` edges.
internal import Foundation
internal import LMDB

/// One contact: `contact` was near `via` (a segment of the traced individual, or of a
/// contact one hop closer) while both were in view.
public struct Contact: Sendable {
    public var hops: Int
    public var contact: SegmentHit
    public var via: SegmentID
    /// When both were present (the overlap of their spans).
    public var together: TimeSpan
    public var closeSeconds: Double
    public var distanceMin: Double
}

extension Store {
    /// The segments of the individual `seed` belongs to: closure over `next` and `same_as`.
    /// - Complexity: O(s · degree) for s segments of the individual, at most `Limits.identitySegmentsMax`.
    public func identity(of seed: SegmentID) throws -> [SegmentID] {
        try readTransaction { txn in try identity(of: seed, in: txn) }
    }

    func identity(of seed: SegmentID, in txn: borrowing ReadTransaction) throws -> [SegmentID] {
        var seen: Set<SegmentID> = [seed]
        var stack = [seed]
        while let segment = stack.popLast() {
            for end in try edgeEnds(of: segment, in: txn) where end.kind == .next || end.kind == .sameAs {
                guard seen.insert(end.other).inserted else { continue }
                guard seen.count <= Limits.identitySegmentsMax else {
                    throw StoreError(.limit, "identity of \(seed) spans more than \(Limits.identitySegmentsMax) segments")
                }
                stack.append(end.other)
            }
        }
        return seen.sorted()
    }

    /// Contacts of the individual `seed` belongs to, within `window`, to `hops` hops, that
    /// stayed close for at least `closeSecondsMin`. Ordered by (hops, together start, id).
    public func contacts(of seed: SegmentID, window: TimeSpan?, hops: Int, closeSecondsMin: Double) throws -> [Contact] {
        guard (1...Limits.traversalHopsMax).contains(hops) else {
            throw StoreError(.invalidArgument, "--hops must be in 1...\(Limits.traversalHopsMax)")
        }
        return try readTransaction { txn in
            let sources = try sourcesByID(in: txn)
            var identities: [SegmentID: [SegmentID]] = [:]
            var seen = Set(try identity(of: seed, in: txn))
            var frontier = seen.sorted()
            var contacts: [Contact] = []
            for hop in 1...hops where !frontier.isEmpty {
                var next: [SegmentID] = []
                for segment in frontier {
                    guard let mine = try tables.segments.get(segment.rawValue, in: txn) else { continue }
                    if let window, !mine.span.overlaps(window) { continue }
                    for end in try edgeEnds(of: segment, in: txn) where end.kind == .near && !seen.contains(end.other) {
                        let edge = try self.edge(at: end, of: segment, in: txn)
                        let close = edge.properties.first { $0.0 == .closeSeconds }?.1 ?? 0
                        guard close >= closeSecondsMin, var other = try tables.segments.get(end.other.rawValue, in: txn) else { continue }
                        other.id = end.other
                        if let window, !other.span.overlaps(window) { continue }
                        let together = TimeSpan(startNanoseconds: max(mine.span.startNanoseconds, other.span.startNanoseconds),
                                                endNanoseconds: min(mine.span.endNanoseconds, other.span.endNanoseconds))
                            ?? other.span
                        contacts.append(Contact(hops: hop, contact: SegmentHit(segment: other, source: sources[other.sourceID.rawValue]!),
                                                via: segment, together: together, closeSeconds: close,
                                                distanceMin: edge.properties.first { $0.0 == .distanceMin }?.1 ?? .nan))
                        // Members of one identity share it: compute each closure once.
                        let members = try identities[end.other] ?? identity(of: end.other, in: txn)
                        for member in members { identities[member] = members }
                        for member in members where seen.insert(member).inserted {
                            next.append(member)
                        }
                        seen.insert(end.other)
                    }
                }
                frontier = next.sorted()
            }
            return contacts.sorted {
                ($0.hops, $0.together.startNanoseconds, $0.contact.segment.id) < ($1.hops, $1.together.startNanoseconds, $1.contact.segment.id)
            }
        }
    }
}
