// Resolves a source named by a file against the store: creates it, or merges new facts
// into it. A source's clock cannot change while it has segments: their stored times
// would silently shift (a source emptied by `--replace` takes the new clock).
internal import Foundation
internal import LMDB
public import SegGraphModel

struct SourceMerge {
    let store: Store
    let fileName: String
    let request: ImportRequest

    func resolve(_ input: SourceInput, in txn: UnsafeWriteTransactionReference) throws -> Source {
        let name = request.sourceName ?? input.name
        try validate(input, name: name)
        let start = request.startTime ?? input.startTime
        let zone = request.timeZoneIdentifier ?? input.timeZoneIdentifier
        let video = videoFacts(input, sourceName: name)
        if let id = try store.tables.sourceNames.get(name, in: txn),
           var existing = try store.tables.sources.get(id, in: txn)?.value {
            if let start, try !hasSegments(existing.sourceID, in: txn) {
                // No segment depends on the clock (a source whose only file is being replaced
                // with a corrected start_time): the new clock simply wins.
                existing.startUTCNanoseconds = start.utcNanoseconds
                existing.startOffsetSeconds = start.offsetSeconds
            } else {
                try checkClock(existing, start: start)
                existing.startUTCNanoseconds = existing.startUTCNanoseconds ?? start?.utcNanoseconds
                existing.startOffsetSeconds = existing.startOffsetSeconds ?? start?.offsetSeconds
            }
            existing.timeZoneIdentifier = zone ?? existing.timeZoneIdentifier
            existing.framesPerSecond = input.framesPerSecond ?? request.framesPerSecond ?? existing.framesPerSecond ?? video?.framesPerSecond
            existing.width = input.width ?? existing.width ?? video?.width
            existing.height = input.height ?? existing.height ?? video?.height
            existing.videoPath = video?.path ?? input.videoPath ?? existing.videoPath
            existing.position = input.position.map { [$0.x, $0.y] } ?? existing.position
            if !input.adjacentSourceNames.isEmpty { existing.adjacentSourceNames = input.adjacentSourceNames }
            if !input.zones.isEmpty { existing.zones = Self.zones(input) }
            existing.embeddingModel = input.embeddingModel ?? existing.embeddingModel
            try store.tables.sources.put(id, JSONRecord(existing), in: txn)
            return existing
        }
        let id = UInt32(truncatingIfNeeded: try store.allocate(MetaKey.nextSourceID, in: txn))
        // The video's creation_time is the last resort for a new source's clock; an existing
        // source keeps its clock (its stored times depend on it).
        let clock = start ?? video?.startTime
        let source = Source(
            id: id, name: name, startUTCNanoseconds: clock?.utcNanoseconds, startOffsetSeconds: clock?.offsetSeconds,
            timeZoneIdentifier: zone, framesPerSecond: input.framesPerSecond ?? request.framesPerSecond ?? video?.framesPerSecond,
            width: input.width ?? video?.width, height: input.height ?? video?.height, videoPath: video?.path ?? input.videoPath, position: input.position.map { [$0.x, $0.y] },
            adjacentSourceNames: input.adjacentSourceNames, zones: Self.zones(input),
            embeddingModel: input.embeddingModel, extraJSON: input.extraJSON)
        try store.tables.sources.put(id, JSONRecord(source), in: txn)
        try store.tables.sourceNames.put(name, id, in: txn)
        return source
    }

    /// `--video`'s facts, else the probed `video` of the source object (relative to the file's
    /// folder). A `video` that cannot be probed is counted as a warning and kept as written.
    private func videoFacts(_ input: SourceInput, sourceName: String) -> VideoFacts? {
        var facts = request.videoFacts
        if facts == nil, let written = input.videoPath, let prober = request.videoProber {
            do {
                facts = try prober(Store.resolve(videoPath: written, importedFrom: absolutePath(request.path)))
            } catch {
                request.videoCollector?.unreadable += 1
            }
        }
        if var checked = facts {
            // The importer already counts boxes outside a frame size the file gives.
            if input.width != nil && input.height != nil { (checked.width, checked.height) = (nil, nil) }
            request.videoCollector?.factsBySource[sourceName] = checked
        }
        return facts
    }

    private func validate(_ input: SourceInput, name: String) throws {
        guard !name.isEmpty, name.utf8.count <= Limits.identifierBytesMax, !name.utf8.contains(0) else {
            throw ImportError(file: fileName, location: InputLocation(jsonPath: "$.source.id"),
                              reason: "source name must be 1 to \(Limits.identifierBytesMax) bytes without NUL characters")
        }
        for zone in [request.timeZoneIdentifier, input.timeZoneIdentifier].compactMap({ $0 })
        where TimeZone(identifier: zone) == nil {
            throw ImportError(file: fileName, location: InputLocation(jsonPath: "$.source.timezone"),
                              reason: "unknown time zone \"\(zone)\"\(DidYouMean.timeZoneHint(for: zone))")
        }
    }

    private func checkClock(_ existing: Source, start: WallClockTime?) throws {
        guard let start, existing.startUTCNanoseconds != start.utcNanoseconds else { return }
        let location = InputLocation(jsonPath: "$.source.start_time")
        if let current = existing.startUTCNanoseconds {
            throw ImportError(file: fileName, location: location, reason:
                "source \(existing.name) already starts at \(ISO8601.format(utcNanoseconds: current, offsetSeconds: existing.startOffsetSeconds ?? 0)); this import says \(ISO8601.format(utcNanoseconds: start.utcNanoseconds, offsetSeconds: start.offsetSeconds))")
        }
        throw ImportError(file: fileName, location: location, reason:
            "source \(existing.name) is relative-only and already has segments; it cannot get a start time now")
    }

    /// Whether any segment of `source` is stored (a replaced import's are already removed).
    private func hasSegments(_ source: SourceID, in txn: UnsafeWriteTransactionReference) throws -> Bool {
        let lower = Store.segmentKey(source: source, externalID: "")
        let upper = source.rawValue == .max ? nil : Store.segmentKey(source: SourceID(rawValue: source.rawValue + 1), externalID: "")
        var found = false
        try store.tables.segmentKeys.scanRaw(in: txn, from: lower, to: upper) { _, _ in
            found = true
            return false
        }
        return found
    }

    private static func zones(_ input: SourceInput) -> [ZoneRecord] {
        input.zones.map { ZoneRecord(name: $0.name, points: $0.polygon.map { [$0.x, $0.y] }) }
    }
}
