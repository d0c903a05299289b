// Who may ask: a bearer token (required when the server listens beyond loopback), compared in
// constant time so its bytes cannot be guessed from response times; and which browser origin
// may read the answers (CORS, off unless named).
internal import Hummingbird

struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let token: [UInt8]

    init(token: String) { self.token = Array(token.utf8) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Liveness probes, CORS preflights and the page (which asks for the token) carry none.
        if request.uri.path == "/v1/health" || request.uri.path == "/" || request.method == .options {
            return try await next(request, context)
        }
        let header = request.headers[.authorization] ?? ""
        guard header.hasPrefix("Bearer "), Self.constantTimeEqual(Array(header.utf8.dropFirst(7)), token) else {
            return StoreEndpoint.problem(Problem(.unauthorized, "this endpoint needs Authorization: Bearer <token>"),
                                         headers: [.wwwAuthenticate: "Bearer realm=\"seggraph\""])
        }
        return try await next(request, context)
    }

    /// Equal bytes, in time that depends only on the lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for i in 0..<max(a.count, b.count) {
            difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return difference == 0
    }
}

struct CORSMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let origin: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.headers[.origin] == origin else { return try await next(request, context) }
        var response: Response
        if request.method == .options {
            response = Response(status: .noContent, headers: [
                .accessControlAllowMethods: "GET, HEAD, POST", .accessControlAllowHeaders: "Authorization, Content-Type, If-None-Match",
                .accessControlMaxAge: "600",
            ])
        } else {
            response = try await next(request, context)
        }
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
        response.headers[.accessControlExposeHeaders] = "ETag, Link"
        return response
    }
}
