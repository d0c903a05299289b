// GET /, /v1/health, /v1/stats, /v1/sources, /v1/sources/{id}, /v1/topology, /v1/openapi.yaml.
internal import Hummingbird
internal import SegGraph

struct StoreRoutes {
    let endpoint: StoreEndpoint
    let openAPI: String

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: TimelinePage.html)))
        }
        router.get("/v1/health") { _, _ -> Response in
            let body = AnswerValue.object([AnswerField("status", .string("ok")), AnswerField("store", .string(endpoint.store.uuid))]).json
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body + "\n")))
        }
        router.get("/v1/stats") { request, _ -> Response in
            endpoint.respond(request) { var stats = try StatsQuery().run(in: $0); stats.path = "."; return stats }
        }
        router.get("/v1/sources") { request, _ -> Response in
            endpoint.respond(request) { try SourcesQuery().run(in: $0) }
        }
        router.get("/v1/sources/{id}") { request, context -> Response in
            let name = context.parameters.get("id") ?? ""
            return endpoint.respond(request) { snapshot in
                let list = try SourcesQuery().run(in: snapshot)
                guard let summary = list.summaries.first(where: { $0.source.name == name }) else {
                    throw Problem(.notFound, "unknown source \"\(name)\"", parameter: "id")
                }
                return SingleSource(summary: summary)
            }
        }
        router.get("/v1/topology") { request, _ -> Response in
            endpoint.answer(request) { TopologyQuery(linksMin: try QueryParameters(request.uri).int("links-min", default: 2)) }
        }
        router.get("/v1/openapi.yaml") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: ByteBuffer(string: openAPI)))
        }
    }
}

/// One source's summary as an object (the row `sources` lists).
struct SingleSource: Answerable {
    let summary: SourceSummary
    var answer: Answer { Answer(object: SourceList.row(summary)) }
}
