// Two middlewares: only GET (and POST where a body carries a vector) reach the routes, anything
// else is 405 with Allow; and one access-log line per request (method, path, status,
// duration — never a query string, which may carry a vector).
internal import Foundation
internal import Hummingbird
internal import Logging

struct MethodGuardMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    static let postable: Set<String> = ["/v1/similar", "/v1/trace"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let allowed = Self.postable.contains(path) ? "GET, HEAD, POST" : "GET, HEAD"
        switch request.method {
        case .get, .head:
            if Self.postable.contains(path) && path == "/v1/similar" {
                return StoreEndpoint.problem(Problem(.methodNotAllowed, "use POST with a JSON body {\"vector\": […]}"), headers: [.allow: "POST"])
            }
            return try await next(request, context)
        case .post where Self.postable.contains(path):
            return try await next(request, context)
        default:
            return StoreEndpoint.problem(Problem(.methodNotAllowed, "\(request.method) is not served here; the endpoint is read-only"),
                                         headers: [.allow: allowed])
        }
    }
}

struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        // Hundredths of a millisecond by integer arithmetic: Foundation's String(format:) was a
        // visible share of a loaded server's time.
        let hundredths = elapsed.components.seconds * 100_000 + elapsed.components.attoseconds / 10_000_000_000_000
        let fraction = hundredths % 100
        context.logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) ms")
        return response
    }
}
