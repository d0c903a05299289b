// GET /v1/segments, /v1/segments/{id}, …/neighbors, …/similar, …/thumbnail.jpg, /v1/find;
// POST /v1/similar.
internal import Hummingbird
internal import HTTPTypes
internal import HummingbirdCore
internal import SegGraph

struct SegmentRoutes {
    let endpoint: StoreEndpoint
    let thumbnailer: (@Sendable (ThumbnailRequest, Int) throws -> [UInt8])?

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/v1/segments") { request, _ -> Response in
            endpoint.answer(request, extraHeaders: { result in
                guard let next = (result as? SegmentList)?.nextCursor else { return [:] }
                return [HTTPField.Name("Link")!: "<\(Self.nextLink(request.uri, cursor: next))>; rel=\"next\""]
            }) {
                let parameters = QueryParameters(request.uri)
                var filter = try parameters.filter(pageSizeMax: endpoint.limits.pageSizeMax)
                if let text = parameters.string("cursor") {
                    guard let cursor = SegmentCursor(text) else { throw Problem(.badRequest, "cursor \(text): not a cursor from a next link", parameter: "cursor") }
                    filter.after = cursor
                }
                return SegmentsQuery(filter: filter)
            }
        }
        router.get("/v1/segments/{id}") { request, context -> Response in
            endpoint.answer(request) {
                ShowQuery(segment: QueryParameters.segmentName(context.parameters.get("id") ?? ""),
                          boxesShown: try QueryParameters(request.uri).bool("boxes") ? Limits.boxesPerSegmentMax : 0)
            }
        }
        router.get("/v1/segments/{id}/neighbors") { request, context -> Response in
            endpoint.answer(request) {
                let parameters = QueryParameters(request.uri)
                return NeighborsQuery(segment: QueryParameters.segmentName(context.parameters.get("id") ?? ""),
                                      kinds: try EdgeKind.parseList(parameters.strings("kind")),
                                      hops: try parameters.int("hops", default: 1), window: try parameters.window())
            }
        }
        router.get("/v1/segments/{id}/similar") { request, context -> Response in
            endpoint.answer(request) {
                try Self.similar(.segment(QueryParameters.segmentName(context.parameters.get("id") ?? "")), QueryParameters(request.uri))
            }
        }
        router.get("/v1/segments/{id}/thumbnail.jpg") { request, context -> Response in
            thumbnail(request, segment: QueryParameters.segmentName(context.parameters.get("id") ?? ""))
        }
        router.post("/v1/similar") { request, _ -> Response in
            await endpoint.answer(vectorRequest: request) { try Self.similar(.vector($0), QueryParameters(request.uri)) }
        }
        router.get("/v1/find") { request, _ -> Response in
            endpoint.answer(request) { try Self.find(QueryParameters(request.uri), pageSizeMax: endpoint.limits.pageSizeMax) }
        }
    }

    /// The JPEG of a segment's box from its source's video; 404 when the source has no video.
    func thumbnail(_ request: Request, segment: String) -> Response {
        do {
            guard let thumbnailer else { throw Problem(.notFound, "this server decodes no video (thumbnails are off)") }
            let parameters = QueryParameters(request.uri)
            let maxSide = try parameters.int("max-side", default: 256)
            guard (16...1024).contains(maxSide) else { throw Problem(.badRequest, "max-side must be in 16…1024", parameter: "max-side") }
            let frame = try parameters.string("frame").map { _ in try parameters.int("frame", default: 0) }
            if let frame, frame < 0 { throw Problem(.badRequest, "frame must be ≥ 0", parameter: "frame") }
            let generation = try endpoint.store.read { $0.generation }
            let tag = endpoint.etag(generation)
            if request.headers[.ifNoneMatch] == tag { return Response(status: .notModified, headers: [.eTag: tag]) }
            let chosen = try endpoint.store.thumbnailRequest(for: segment, frame: frame)
            let jpeg: [UInt8]
            do { jpeg = try thumbnailer(chosen, maxSide) } catch {
                throw Problem(.unprocessableContent, "the frame of \(chosen.segmentName) could not be decoded")
            }
            return Response(status: .ok, headers: [.contentType: "image/jpeg", .eTag: tag, .cacheControl: "no-cache"],
                            body: .init(byteBuffer: ByteBuffer(bytes: jpeg)))
        } catch {
            return StoreEndpoint.problem(Problem(error))
        }
    }

    static func find(_ parameters: QueryParameters, pageSizeMax: Int) throws -> FindQuery {
        var query = FindQuery()
        query.filter = try parameters.filter(pageSizeMax: pageSizeMax)
        query.with = try parameters.strings("with").map { try EdgePredicate(parsing: $0) }
        query.without = try parameters.strings("without").map { try EdgePredicate(parsing: $0, parameter: "without") }
        query.zone = try parameters.string("zone").map(ZoneReference.init(parsing:))
        query.sequences = try (parameters.values["then"] ?? []).map { try SequencePredicate(relation: .then, parsing: $0) }
            + (parameters.values["during"] ?? []).map { try SequencePredicate(relation: .during, parsing: $0) }
            + (parameters.values["overlaps"] ?? []).map { try SequencePredicate(relation: .overlaps, parsing: $0) }
        if try parameters.bool("clips") { query.clipGapSeconds = try parameters.double("clip-gap") ?? 2 }
        return query
    }

    static func similar(_ seed: SimilaritySeed, _ parameters: QueryParameters) throws -> SimilarQuery {
        let groupBy = parameters.string("group-by")
        guard groupBy == nil || groupBy == "source" else {
            throw Problem(.badRequest, "group-by \(groupBy!): only source is supported", parameter: "group-by")
        }
        // One knob for result counts: `limit` as on every list, `k` as HNSW users write it.
        if parameters.string("k") != nil && parameters.string("limit") != nil {
            throw Problem(.badRequest, "give k or limit (the same count), not both", parameter: "k")
        }
        let k = try parameters.string("limit") != nil ? parameters.int("limit", default: 10) : parameters.int("k", default: 10)
        return SimilarQuery(seed: seed, space: parameters.string("space") ?? "default", k: k,
                            expansionSearch: try parameters.string("ef").map { _ in try parameters.int("ef", default: 0) },
                            filter: try parameters.filter(pageSizeMax: Limits.queryResultsMax), groupBySource: groupBy == "source")
    }

    /// The request's URI with `cursor` replaced.
    static func nextLink(_ uri: URI, cursor: SegmentCursor) -> String {
        let kept = (uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("cursor=") }
        return uri.path + "?" + (kept + ["cursor=\(cursor)"]).joined(separator: "&")
    }
}
