// Answers a request from one snapshot of the store: the generation of that snapshot is the
// response's ETag, so `If-None-Match` is checked against the same state the answer comes from.
internal import Foundation
internal import Hummingbird
internal import SegGraph

struct StoreEndpoint: Sendable {
    let store: Store
    let limits: ServerLimits

    func etag(_ generation: UInt64) -> String { "\"\(store.uuid.prefix(8))-\(generation)\"" }

    /// Renders one snapshot's answer as `contentType`; 304 when the client has this generation.
    func respond(_ request: Request, contentType: String,
                 _ render: (borrowing Snapshot) throws -> (body: String, headers: HTTPFields)) -> Response {
        do {
            let known = request.headers[.ifNoneMatch]
            let outcome: (tag: String, rendered: (body: String, headers: HTTPFields)?) = try store.read(budgetSeconds: limits.queryTimeSecondsMax) { snapshot in
                let tag = etag(snapshot.generation)
                return known == tag ? (tag, nil) : (tag, try render(snapshot))
            }
            guard let rendered = outcome.rendered else {
                return Response(status: .notModified, headers: [.eTag: outcome.tag])
            }
            var headers: HTTPFields = [.contentType: contentType, .eTag: outcome.tag, .cacheControl: "no-cache"]
            headers.append(contentsOf: rendered.headers)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: rendered.body)))
        } catch {
            return Self.problem(Problem(error))
        }
    }

    /// Runs `answer` in one snapshot and writes its JSON.
    func respond(_ request: Request, extraHeaders: (any Answerable) -> HTTPFields = { _ in [:] },
                 _ answer: (borrowing Snapshot) throws -> any Answerable) -> Response {
        respond(request, contentType: "application/json") { snapshot in
            let result = try answer(snapshot)
            return (result.answer.json + "\n", extraHeaders(result))
        }
    }

    /// Builds a query from the request (a bad parameter is a problem answer) and answers it.
    func answer<Q: Query>(_ request: Request, extraHeaders: (any Answerable) -> HTTPFields = { _ in [:] },
                          _ build: () throws -> Q) -> Response where Q.Result: Answerable {
        do {
            let query = try build()
            return respond(request, extraHeaders: extraHeaders) { try query.run(in: $0) }
        } catch {
            return Self.problem(Problem(error))
        }
    }

    /// A trace drawn as SVG (`?format=svg`), with the same ETag rules as its JSON.
    func picture(_ request: Request, _ build: () throws -> TraceQuery) -> Response {
        do {
            let query = try build()
            return respond(request, contentType: "image/svg+xml") { (try query.run(in: $0).svg, [:]) }
        } catch {
            return Self.problem(Problem(error))
        }
    }

    /// `answer` for a POST whose body is a query vector.
    func answer<Q: Query>(vectorRequest request: Request, _ build: ([Float]) throws -> Q) async -> Response where Q.Result: Answerable {
        do {
            let vector = try await vectorBody(request)
            return answer(request) { try build(vector) }
        } catch {
            return Self.problem(Problem(error))
        }
    }

    static func problem(_ problem: Problem, headers: HTTPFields = [:]) -> Response {
        var all: HTTPFields = [.contentType: "application/problem+json"]
        all.append(contentsOf: headers)
        return Response(status: problem.status, headers: all, body: .init(byteBuffer: ByteBuffer(string: problem.json + "\n")))
    }

    /// The `{"vector": [numbers]}` body of a POST, at most `limits.bodyBytesMax` bytes.
    func vectorBody(_ request: Request) async throws -> [Float] {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limits.bodyBytesMax)
        } catch {
            throw Problem(.contentTooLarge, "the body is larger than \(limits.bodyBytesMax) bytes")
        }
        guard let body = try? JSONDecoder().decode(VectorBody.self, from: Data(buffer.readableBytesView)) else {
            throw Problem(.badRequest, "the body must be {\"vector\": [numbers]}", parameter: "vector")
        }
        guard !body.vector.isEmpty, body.vector.count <= Limits.embeddingDimensionMax else {
            throw Problem(.badRequest, "vector: expected 1…\(Limits.embeddingDimensionMax) numbers", parameter: "vector")
        }
        return body.vector.map(Float.init)
    }
}

/// A POST body carrying a query vector.
struct VectorBody: Decodable {
    let vector: [Double]
}
