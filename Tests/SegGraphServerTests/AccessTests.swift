// Goal: beyond loopback only a bearer of the token is answered (compared in constant time, the
// health probe excepted); browsers get CORS headers only for the configured origin; a query
// that outlives its time budget is stopped with 503, while short ones pass. Method: the real
// router in process (HummingbirdTesting) over the EndpointTests store, configured with a token,
// an origin, and a budget of zero seconds for the timeout case.
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SegGraph
import SegGraphServer
import Testing

@Suite(.serialized) struct AccessTests {
    static let token = "s3cret-token-0123456789"

    static func application(_ configuration: ServerConfiguration) -> some ApplicationProtocol {
        Application(router: buildRouter(store: EndpointTests.store, configuration: configuration))
    }

    @Test func onlyTheBearerOfTheTokenIsAnswered() async throws {
        try await Self.application(ServerConfiguration(bearerToken: Self.token)).test(.router) { client in
            try await client.execute(uri: "/v1/stats", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/v1/stats", method: .get, headers: [.authorization: "Bearer \(Self.token)x"]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/v1/stats", method: .get, headers: [.authorization: "Bearer \(Self.token)"]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/health", method: .get) { response in
                #expect(response.status == .ok, "liveness probes need no token")
            }
        }
        #expect(ServerConfiguration.isLoopback("127.0.0.1") && ServerConfiguration.isLoopback("::1"))
        #expect(!ServerConfiguration.isLoopback("0.0.0.0") && !ServerConfiguration.isLoopback("192.168.1.4"))
    }

    @Test func corsHeadersOnlyForTheConfiguredOrigin() async throws {
        try await Self.application(ServerConfiguration(corsOrigin: "https://ops.example")).test(.router) { client in
            try await client.execute(uri: "/v1/stats", method: .get, headers: [.origin: "https://ops.example"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == "https://ops.example")
            }
            try await client.execute(uri: "/v1/stats", method: .get, headers: [.origin: "https://evil.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(uri: "/v1/stats", method: .options, headers: [.origin: "https://ops.example"]) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowMethods]?.contains("GET") == true)
            }
        }
        try await Self.application(ServerConfiguration()).test(.router) { client in
            try await client.execute(uri: "/v1/stats", method: .get, headers: [.origin: "https://ops.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil, "no CORS unless asked for")
            }
        }
    }

    @Test func theTimelinePageIsServedWithoutAToken() async throws {
        try await Self.application(ServerConfiguration(bearerToken: Self.token)).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(page.hasPrefix("<!doctype html>") && page.contains("/v1/trace?") && page.contains("Bearer "))
            }
        }
    }

    @Test func aQueryOverItsTimeBudgetIs503() async throws {
        var limits = ServerLimits()
        limits.queryTimeSecondsMax = 0
        try await Self.application(ServerConfiguration(limits: limits)).test(.router) { client in
            try await client.execute(uri: "/v1/segments?limit=50", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = String(buffer: response.body)
                #expect(body.contains("time budget"), "\(body)")
            }
        }
        try await Self.application(ServerConfiguration()).test(.router) { client in
            try await client.execute(uri: "/v1/segments?limit=50", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
