// One catalog row, made from a stored segment and its source's name.
internal import GRDB

struct CatalogRow: Equatable {
    var id: Int64
    var source: String
    var externalID: String
    var type: String
    var label: String
    var startNanoseconds: Int64
    var endNanoseconds: Int64
    var confidence: Double?
    var track: String?
    var boxCount: Int
    var importID: Int64
    var attributes: String

    init(_ segment: Segment, sourceName: String) {
        id = Int64(segment.id.rawValue)
        source = sourceName
        externalID = segment.externalID
        type = segment.type
        label = segment.label
        startNanoseconds = segment.span.startNanoseconds
        endNanoseconds = segment.span.endNanoseconds
        confidence = segment.confidence
        track = segment.trackID
        boxCount = segment.boxCount
        importID = Int64(segment.importID.rawValue)
        attributes = segment.attributesJSON
    }

    init(row: Row) {
        id = row["id"]
        source = row["source"]
        externalID = row["external_id"]
        type = row["type"]
        label = row["label"]
        startNanoseconds = row["start_ns"]
        endNanoseconds = row["end_ns"]
        confidence = row["confidence"]
        track = row["track"]
        boxCount = row["box_count"]
        importID = row["import_id"]
        attributes = row["attributes"]
    }

    func insert(_ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO segments(id, source, external_id, type, label, start_ns, end_ns, confidence, track,
                                 box_count, import_id, attributes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [id, source, externalID, type, label, startNanoseconds, endNanoseconds,
                                          confidence, track, boxCount, importID, attributes])
        let text = try db.cachedStatement(sql: "INSERT INTO segment_text(rowid, label, attributes) VALUES (?, ?, ?)")
        try text.execute(arguments: [id, label, attributes])
    }
}
