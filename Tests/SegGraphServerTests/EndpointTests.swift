// Goal: the endpoint answers every route from the store read-only, with the library's bytes
// (the same as the CLI's --json), problem+json errors with the right status and parameter,
// 405 with Allow for writes, ETag/If-None-Match, a bounded body, and cursor pages that
// together give exactly the unpaged listing. Method: a simulated site imported into a store,
// reopened read-only, served by the real router in process (HummingbirdTesting, no socket).
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SegGraph
import SegGraphServer
import SiteSimulator
import Testing
import TestSupport

@Suite(.serialized) struct EndpointTests {
    static let directory = TemporaryDirectory("endpoint")
    static let store: Store = {
        let path = directory.file("store")
        let site = directory.file("site")
        _ = try! SiteSimulator(SimulationParameters(cameras: 3, people: 20, hours: 0.2, framesPerSecond: 2,
                                                    embeddingDimension: 16, seed: 9)).write(to: site)
        do {
            let writer = try! Store.create(at: path)
            for camera in 0..<3 { _ = try! writer.importFile(ImportRequest(path: site + "/cam_0\(camera).json")) }
        }
        return try! Store.open(at: path, readOnly: true)
    }()

    static func application() -> some ApplicationProtocol {
        Application(router: buildRouter(store: store, configuration: ServerConfiguration(openAPI: "openapi: 3.1.0\n")))
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    static func json(_ response: TestResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text(response).utf8))
    }

    @Test func answersAreTheLibrarysBytes() async throws {
        let seed = try Self.store.run(SegmentsQuery(filter: { var f = SegmentFilter(); f.labels = ["person"]; f.limit = 1; return f }())).hits[0].name
        let encoded = seed.replacingOccurrences(of: "/", with: "%2F")
        let expected = try Self.store.run(TraceQuery(seed: .segment(seed))).answer.json + "\n"
        let neighbors = try Self.store.run(NeighborsQuery(segment: seed, hops: 2)).answer.json + "\n"
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/v1/trace?segment=\(encoded)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(Self.text(response) == expected)
            }
            try await client.execute(uri: "/v1/segments/\(encoded)/neighbors?hops=2", method: .get) { response in
                #expect(Self.text(response) == neighbors)
            }
        }
    }

    @Test func similarCountIsKOrLimitNotBoth() async throws {
        let seed = try Self.store.run(SegmentsQuery(filter: { var f = SegmentFilter(); f.labels = ["person"]; f.limit = 1; return f }())).hits[0].name
        let encoded = seed.replacingOccurrences(of: "/", with: "%2F")
        let expected = try Self.store.run(SimilarQuery(seed: .segment(seed), k: 3)).answer.json + "\n"
        try await Self.application().test(.router) { client in
            for count in ["k=3", "limit=3"] {
                try await client.execute(uri: "/v1/segments/\(encoded)/similar?\(count)", method: .get) { response in
                    #expect(response.status == .ok, "\(count)")
                    #expect(Self.text(response) == expected, "\(count)")
                }
            }
            try await client.execute(uri: "/v1/segments/\(encoded)/similar?k=3&limit=3", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(Self.text(response).contains("give k or limit (the same count), not both"))
            }
        }
    }

    @Test func pagesTogetherAreTheWholeListing() async throws {
        var all = SegmentFilter()
        all.limit = 100_000
        let expected = try Self.store.run(SegmentsQuery(filter: all)).hits.map(\.name)
        try #require(expected.count > 50)
        let (names, pages) = try await Self.application().test(.router) { client -> ([String], Int) in
            var names: [String] = []
            var uri: String? = "/v1/segments?limit=17"
            var pages = 0
            while let next = uri {
                pages += 1
                try #require(pages < 100)
                let (rows, link) = try await client.execute(uri: next, method: .get) { response -> ([String], String?) in
                    #expect(response.status == .ok)
                    let rows = try #require(try Self.json(response) as? [[String: Any]])
                    return (rows.compactMap { $0["segment"] as? String }, response.headers[HTTPField.Name("Link")!])
                }
                names += rows
                uri = link.map { $0.dropFirst().split(separator: ">")[0].description }
            }
            return (names, pages)
        }
        #expect(names == expected)
        #expect(pages == (expected.count + 16) / 17)
    }

    @Test func errorsAreProblems() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/v1/segments/cam_00%2Fnope", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try #require(try Self.json(response) as? [String: Any])
                #expect(problem["status"] as? Int == 404)
            }
            try await client.execute(uri: "/v1/segments?limit=abc", method: .get) { response in
                #expect(response.status == .badRequest)
                let problem = try #require(try Self.json(response) as? [String: Any])
                #expect(problem["parameter"] as? String == "limit")
            }
            try await client.execute(uri: "/v1/contacts?segment=%231&hops=99", method: .get) { response in
                #expect(response.status == .badRequest)
                let problem = try #require(try Self.json(response) as? [String: Any])
                #expect(problem["parameter"] as? String == "hops")
            }
            try await client.execute(uri: "/v1/stats", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
            let big = ByteBuffer(string: "{\"vector\": [" + Array(repeating: "0.123456", count: 40_000).joined(separator: ",") + "]}")
            try await client.execute(uri: "/v1/similar", method: .post, body: big) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: "/v1/trace", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func etagFollowsTheGeneration() async throws {
        try await Self.application().test(.router) { client in
            let tag = try await client.execute(uri: "/v1/stats", method: .get) { response in
                let tag = try #require(response.headers[.eTag])
                let stats = try #require(try Self.json(response) as? [String: Any])
                #expect(stats["store"] as? String == ".", "the server must not reveal its disk paths")
                return tag
            }
            try await client.execute(uri: "/v1/stats", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/v1/stats", method: .get, headers: [.ifNoneMatch: "\"other\""]) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
