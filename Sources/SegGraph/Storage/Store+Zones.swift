// Zones: named polygons per source, from the source document or `seggraph zones set`.
internal import LMDB

extension Store {
    /// Adds or replaces zone `name` of `source`.
    /// - Throws: `StoreError.invalidArgument` for a polygon with fewer than 3 points.
    public func setZone(source: String, name: String, points: [[Double]]) throws {
        guard points.count >= 3, points.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isFinite) }) else {
            throw StoreError(.invalidArgument, "zone \(name): a polygon needs at least 3 points x,y")
        }
        try writeChangingAnswers { txn in
            guard let id = try tables.sourceNames.get(source, in: txn), var record = try tables.sources.get(id, in: txn)?.value else {
                throw StoreError(.notFound, "unknown source \"\(source)\"")
            }
            record.zones.removeAll { $0.name == name }
            record.zones.append(ZoneRecord(name: name, points: points))
            record.zones.sort { $0.name < $1.name }
            try tables.sources.put(id, JSONRecord(record), in: txn)
        }
    }
}
