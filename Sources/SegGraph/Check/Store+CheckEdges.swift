// `check`, continued: edges are stored at both ends, between live segments, with properties.
internal import LMDB

extension Store {
    func checkEdges(into report: inout ConsistencyReport, in txn: borrowing ReadTransaction) throws {
        var outgoing = 0
        var entries = 0
        try tables.adjacency.scanRaw(in: txn) { key, value in
            entries += 1
            let segment = SegmentID(rawValue: try UInt64(decoding: key))
            let end = try AdjacencyEntry(decoding: value).end
            let mirror = EdgeEnd(kind: end.kind, direction: end.direction == .outgoing ? .incoming : .outgoing, other: segment)
            if !(try tables.segments.contains(segment.rawValue, in: txn)) {
                report.fail("\(end.kind) edge at missing segment \(segment)")
            }
            if !(try tables.segments.contains(end.other.rawValue, in: txn)) {
                report.fail("\(end.kind) edge from \(segment) to missing segment \(end.other)")
            }
            if !(try hasEnd(mirror, at: end.other, in: txn)) {
                report.fail("\(end.kind) edge \(segment)–\(end.other) is stored at one end only")
            }
            if end.direction == .outgoing {
                outgoing += 1
                if !(try tables.edgeProperties.contains(EdgePropertiesRecord.key(end.kind, from: segment, to: end.other), in: txn)) {
                    report.fail("\(end.kind) edge \(segment)→\(end.other) has no properties record")
                }
            }
            return true
        }
        if entries != outgoing * 2 { report.fail("\(entries) adjacency entries for \(outgoing) edges (expected twice as many)") }
        let properties = try tables.edgeProperties.count(in: txn)
        if properties != outgoing { report.fail("\(properties) edge property records for \(outgoing) edges") }
        report.checked("edges", outgoing)
    }

    private func hasEnd(_ end: EdgeEnd, at segment: SegmentID, in txn: borrowing ReadTransaction) throws -> Bool {
        var found = false
        try tables.adjacency.scanDuplicates(of: segment.rawValue, in: txn) { bytes in
            found = try AdjacencyEntry(decoding: bytes).end == end
            return !found
        }
        return found
    }
}
