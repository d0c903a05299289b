// The trace's one answer shape, and its digest: SHA-256 of the answer's JSON without the
// digest field, so anyone holding the JSON can check it was not altered.
internal import Crypto
internal import Foundation

extension TraceAnswer {
    public var answer: Answer {
        var fields = [
            AnswerField("query", queryValue),
            AnswerField("store", .object([AnswerField("uuid", .string(storeUUID)),
                                          AnswerField("format_version", .int(Int(StoreFormat.formatVersion)))])),
            AnswerField("window_start", .string(format(window.startNanoseconds))),
            AnswerField("window_end", .string(format(window.endNanoseconds))),
            AnswerField("window_start_ns", .int(Int(window.startNanoseconds))), AnswerField("window_end_ns", .int(Int(window.endNanoseconds))),
            AnswerField("visits", .array(visits.map(visitValue))),
            AnswerField("transitions", .array(zip(visits, visits.dropFirst()).map(transitionValue))),
            AnswerField("gaps", .array(zip(visits, visits.dropFirst()).compactMap(gapValue))),
            AnswerField("uncertain", .array(uncertain.map(uncertainValue))),
            AnswerField("imports", .array(imports.map {
                .object([AnswerField("id", .int(Int($0.id))), AnswerField("file", .string($0.file)), AnswerField("sha256", .string($0.sha256))])
            })),
            AnswerField("configuration", .object(configuration.entries.map { AnswerField($0.key, .rawJSON($0.value)) })),
            AnswerField("verdicts", .array(verdicts.map(\.row))),
            AnswerField("clock_corrections", .array(clockCorrections.map { source, correction in
                .object([AnswerField("source", .string(source)), AnswerField("offset_s", .double(correction.offsetSeconds)),
                         AnswerField("drift_ppm", .double(correction.driftPPM))])
            })),
        ]
        fields.append(AnswerField("digest", .string(Self.digest(of: AnswerValue.object(fields).json))))
        return Answer(object: .object(fields), detailColumns: [
            "visits": ["camera", "entered", "left", "seconds", "segments", "confidence", "best_segment"].map { AnswerColumn($0) }
                + [AnswerColumn("inferred")],
            "transitions": ["from", "to", "gap_s", "plausible"].map { AnswerColumn($0) },
            "gaps": ["from", "to", "seconds"].map { AnswerColumn($0) },
            "uncertain": ["segment", "camera", "start", "similarity", "reason"].map { AnswerColumn($0) },
            "imports": ["id", "file", "sha256"].map { AnswerColumn($0) },
            "verdicts": LinkVerdict.columns,
            "clock_corrections": ["source", "offset_s", "drift_ppm"].map { AnswerColumn($0) },
        ], hiddenInTables: ["configuration", "window_start_ns", "window_end_ns", "store"])
    }

    /// SHA-256 (lowercase hex) of the answer's JSON without its digest field.
    static func digest(of json: String) -> String {
        SHA256.hash(data: Array(json.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    private var queryValue: AnswerValue {
        let seed: AnswerValue
        switch query.seed {
        case .segment(let name): seed = .object([AnswerField("segment", .string(name))])
        case .track(let source, let track): seed = .object([AnswerField("source", .string(source)), AnswerField("track", .string(track))])
        case .vector(let vector): seed = .object([AnswerField("vector_dimension", .int(vector.count))])
        }
        return .object([
            AnswerField("seed", seed), AnswerField("space", .optional(query.space)),
            AnswerField("accept_similarity", .rounded(acceptSimilarity, 4)), AnswerField("uncertain_similarity", .rounded(uncertainSimilarity, 4)),
            AnswerField("explain", .bool(query.explain)),
        ] + (TimeDisplay.everyTimeZoneName.map { [AnswerField("output_zone", .string($0))] } ?? []))
    }

    private func format(_ nanoseconds: Int64) -> String {
        anchor.map { TimeDisplay.format(nanoseconds, source: $0) } ?? TimeDisplay.format(utcNanoseconds: nanoseconds, zone: .gmt)
    }

    private func visitValue(_ visit: TraceVisit) -> AnswerValue {
        var fields = [
            AnswerField("camera", .string(visit.source.name)),
            AnswerField("entered", .string(TimeDisplay.format(visit.span.startNanoseconds, source: visit.source))),
            AnswerField("left", .string(TimeDisplay.format(visit.span.endNanoseconds, source: visit.source))),
            AnswerField("entered_ns", .int(Int(visit.span.startNanoseconds))), AnswerField("left_ns", .int(Int(visit.span.endNanoseconds))),
            AnswerField("seconds", .rounded(Double(visit.span.durationNanoseconds) / 1e9, 3)),
            AnswerField("segments", .int(visit.sightings.count)),
            AnswerField("confidence", visit.confidence.map { .rounded($0, 4) } ?? .null),
            AnswerField("best_segment", .string(visit.bestSighting.hit.name)),
            AnswerField("inferred", .bool(visit.isInferred)),
        ]
        if query.explain {
            fields.append(AnswerField("evidence", .array(visit.sightings.map { sighting in
                .object([
                    AnswerField("segment", .string(sighting.hit.name)), AnswerField("rule", .string(sighting.rule.rawValue)),
                    AnswerField("seed_similarity", sighting.seedSimilarity.map { .rounded($0, 4) } ?? .null),
                    AnswerField("group_similarity", sighting.groupSimilarity.map { .rounded($0, 4) } ?? .null),
                    AnswerField("via", .optional(sighting.via.map(\.description))),
                ])
            })))
        }
        return .object(fields)
    }

    private func transitionValue(_ pair: (TraceVisit, TraceVisit)) -> AnswerValue {
        .object([
            AnswerField("from", .string(pair.0.source.name)), AnswerField("to", .string(pair.1.source.name)),
            AnswerField("gap_s", .rounded(Double(pair.1.span.startNanoseconds - pair.0.span.endNanoseconds) / 1e9, 3)),
            AnswerField("plausible", .string(plausibility(pair.0, pair.1))),
        ])
    }

    private func gapValue(_ pair: (TraceVisit, TraceVisit)) -> AnswerValue? {
        guard pair.1.span.startNanoseconds > pair.0.span.endNanoseconds else { return nil }
        return .object([
            AnswerField("from", .string(TimeDisplay.format(pair.0.span.endNanoseconds, source: pair.0.source))),
            AnswerField("to", .string(TimeDisplay.format(pair.1.span.startNanoseconds, source: pair.1.source))),
            AnswerField("seconds", .rounded(Double(pair.1.span.startNanoseconds - pair.0.span.endNanoseconds) / 1e9, 3)),
        ])
    }

    private func uncertainValue(_ candidate: TraceUncertain) -> AnswerValue {
        .object([
            AnswerField("segment", .string(candidate.hit.name)), AnswerField("camera", .string(candidate.hit.source.name)),
            AnswerField("start", .string(TimeDisplay.format(candidate.hit.segment.span.startNanoseconds, source: candidate.hit.source))),
            AnswerField("start_ns", .int(Int(candidate.hit.segment.span.startNanoseconds))),
            AnswerField("similarity", .rounded(candidate.similarity, 4)), AnswerField("reason", .string(candidate.reason)),
        ])
    }
}
