// GET /v1/contacts, /v1/path, /v1/trace; POST /v1/trace (by a query vector).
internal import Hummingbird
internal import SegGraph

struct GraphRoutes {
    let endpoint: StoreEndpoint

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/v1/contacts") { request, _ -> Response in
            endpoint.answer(request) {
                let parameters = QueryParameters(request.uri)
                return ContactsQuery(segment: try Self.required(parameters, "segment"), hops: try parameters.int("hops", default: 1),
                                     closeSecondsMin: try parameters.double("min-overlap") ?? 0, window: try parameters.window())
            }
        }
        router.get("/v1/path") { request, _ -> Response in
            endpoint.answer(request) {
                let parameters = QueryParameters(request.uri)
                return PathQuery(from: try Self.required(parameters, "from"), to: try Self.required(parameters, "to"),
                                 kinds: try EdgeKind.parseList(parameters.strings("kind")))
            }
        }
        router.get("/v1/trace") { request, _ -> Response in
            let parameters = QueryParameters(request.uri)
            switch parameters.string("format") ?? "json" {
            case "json":
                return endpoint.answer(request) { try Self.trace(try Self.seed(parameters), parameters) }
            case "svg":
                return endpoint.picture(request) { try Self.trace(try Self.seed(parameters), parameters) }
            case let other:
                return StoreEndpoint.problem(Problem(.badRequest, "format \(other): expected json or svg", parameter: "format"))
            }
        }
        router.post("/v1/trace") { request, _ -> Response in
            await endpoint.answer(vectorRequest: request) { try Self.trace(.vector($0), QueryParameters(request.uri)) }
        }
    }

    /// `segment=…` or `track=SOURCE:TRACK`.
    static func seed(_ parameters: QueryParameters) throws -> TraceSeed {
        if let segment = parameters.string("segment") { return .segment(QueryParameters.segmentName(segment)) }
        guard let track = parameters.string("track") else {
            throw Problem(.badRequest, "give segment or track (POST a vector to /v1/trace)", parameter: "segment")
        }
        let parts = track.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw Problem(.badRequest, "track \(track): expected SOURCE:TRACK", parameter: "track") }
        return .track(source: parts[0], track: parts[1])
    }

    static func trace(_ seed: TraceSeed, _ parameters: QueryParameters) throws -> TraceQuery {
        TraceQuery(seed: seed, window: try parameters.window(), space: parameters.string("space"),
                   acceptSimilarityMin: try parameters.double("accept"), uncertainSimilarityMin: try parameters.double("uncertain") ?? 0.45,
                   explain: try parameters.bool("explain"))
    }

    static func required(_ parameters: QueryParameters, _ name: String) throws -> String {
        guard let value = parameters.string(name), !value.isEmpty else {
            throw Problem(.badRequest, "\(name) is required", parameter: name)
        }
        return QueryParameters.segmentName(value)
    }
}
