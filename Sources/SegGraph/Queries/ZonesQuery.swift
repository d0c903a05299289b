// `zones`: every source's named polygons.

/// Every zone of every source, by (source, zone).
public struct ZonesQuery: Query {
    /// Every zone; there are no parameters.
    public init() {}

    /// Zones by source name, then in stored order (by name once `Store.setZone` changed the
    /// source, else as the imported file listed them).
    /// - Throws: `.storage` or `.corrupt` when stored sources cannot be read.
    public func run(in snapshot: borrowing Snapshot) throws -> ZoneList {
        ZoneList(zones: try snapshot.sources().flatMap { source in source.zones.map { (source.name, $0) } })
    }
}

/// Zones with the source they belong to.
public struct ZoneList: Sendable, Answerable {
    /// (source name, zone) pairs.
    public var zones: [(source: String, zone: ZoneRecord)]

    /// JSON (`schema/answers/zones.schema.json`): an array of `{source, zone, points}`, points
    /// as `[[x, y], …]` in pixels.
    public var answer: Answer {
        let rows = zones.map { entry in
            AnswerValue.object([
                AnswerField("source", .string(entry.source)), AnswerField("zone", .string(entry.zone.name)),
                AnswerField("points", .array(entry.zone.points.map { .array($0.map(AnswerValue.double)) })),
            ])
        }
        return Answer(list: rows, columns: ["source", "zone", "points"].map { AnswerColumn($0) })
    }
}

extension ZoneRecord {
    /// `'x,y x,y x,y …'` in pixels → points.
    /// - Throws: `.invalidArgument` naming the bad point, or for fewer than 3 points.
    public static func parsePolygon(_ text: String) throws -> [[Double]] {
        let points = try text.split(separator: " ").map { pair -> [Double] in
            let values = pair.split(separator: ",").compactMap { Double($0) }
            guard values.count == 2, values.allSatisfy(\.isFinite) else {
                throw StoreError(.invalidArgument, "polygon point \(pair): expected x,y", parameter: "polygon")
            }
            return values
        }
        guard points.count >= 3 else {
            throw StoreError(.invalidArgument, "polygon: a zone needs at least 3 points x,y", parameter: "polygon")
        }
        return points
    }
}
