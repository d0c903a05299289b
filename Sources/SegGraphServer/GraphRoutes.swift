// GET /v1/contacts, /v1/path, /v1/trace; POST /v1/trace (by a query vector).
internal import Hummingbird
internal import SegGraph

struct GraphRoutes {
    let endpoint: StoreEndpoint

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/v1/contacts") { request, _ -> Response in
            do {
                let parameters = QueryParameters(request.uri)
                let query = ContactsQuery(segment: try Self.required(parameters, "segment"), hops: try parameters.int("hops", default: 1),
                                          closeSecondsMin: try parameters.double("min-overlap") ?? 0, window: try parameters.window())
                return endpoint.respond(request) { try query.run(in: $0) }
            } catch {
                return StoreEndpoint.problem(Problem(error))
            }
        }
        router.get("/v1/path") { request, _ -> Response in
            do {
                let parameters = QueryParameters(request.uri)
                let query = PathQuery(from: try Self.required(parameters, "from"), to: try Self.required(parameters, "to"),
                                      kinds: try EdgeKind.parseList(parameters.strings("kind")))
                return endpoint.respond(request) { try query.run(in: $0) }
            } catch {
                return StoreEndpoint.problem(Problem(error))
            }
        }
        router.get("/v1/trace") { request, _ -> Response in
            do {
                let parameters = QueryParameters(request.uri)
                let seed: TraceSeed
                if let segment = parameters.string("segment") {
                    seed = .segment(QueryParameters.segmentName(segment))
                } else if let track = parameters.string("track") {
                    let parts = track.split(separator: ":", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else { throw Problem(.badRequest, "track \(track): expected SOURCE:TRACK", parameter: "track") }
                    seed = .track(source: parts[0], track: parts[1])
                } else {
                    throw Problem(.badRequest, "give segment or track (POST a vector to /v1/trace)", parameter: "segment")
                }
                let query = try Self.trace(seed, parameters)
                return endpoint.respond(request) { try query.run(in: $0) }
            } catch {
                return StoreEndpoint.problem(Problem(error))
            }
        }
        router.post("/v1/trace") { request, _ -> Response in
            do {
                let vector = try await endpoint.vectorBody(request)
                let query = try Self.trace(.vector(vector), QueryParameters(request.uri))
                return endpoint.respond(request) { try query.run(in: $0) }
            } catch {
                return StoreEndpoint.problem(Problem(error))
            }
        }
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
