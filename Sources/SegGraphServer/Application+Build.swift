// The read-only JSON endpoint, built apart from argv parsing so tests drive it in-process
// (Hummingbird's habit). The store must be open read-only: the server cannot write.
public import Hummingbird
public import SegGraph
internal import Logging

/// Where to listen and what to serve.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var limits: ServerLimits
    /// The OpenAPI document served at /v1/openapi.yaml (schema/openapi.yaml, as is).
    public var openAPI: String
    /// When set, every request but /v1/health must carry `Authorization: Bearer <token>`.
    public var bearerToken: String?
    /// When set, browsers on this origin may read the answers (CORS); none otherwise.
    public var corsOrigin: String?
    /// Decodes a segment's thumbnail (the CLI passes MediaProbe's; the server itself links no
    /// FFmpeg). `nil`: `thumbnail.jpg` answers 404. Arguments: what to decode, the longest side.
    public var thumbnailer: (@Sendable (ThumbnailRequest, Int) throws -> [UInt8])?

    public init(host: String = "127.0.0.1", port: Int = 8080, limits: ServerLimits = ServerLimits(), openAPI: String = "",
                bearerToken: String? = nil, corsOrigin: String? = nil,
                thumbnailer: (@Sendable (ThumbnailRequest, Int) throws -> [UInt8])? = nil) {
        self.host = host
        self.port = port
        self.limits = limits
        self.openAPI = openAPI
        self.bearerToken = bearerToken
        self.corsOrigin = corsOrigin
        self.thumbnailer = thumbnailer
    }

    /// Whether `host` is a loopback address (anything else needs a bearer token).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// The application serving `store` under /v1.
/// - Precondition: `store.isReadOnly`.
public func buildApplication(store: Store, configuration: ServerConfiguration) -> some ApplicationProtocol {
    precondition(store.isReadOnly, "the endpoint serves a store opened read-only")
    let router = buildRouter(store: store, configuration: configuration)
    var logger = Logger(label: "seggraph.serve")
    logger.logLevel = .info
    return Application(router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                                            serverName: "seggraph"), logger: logger)
}

/// The routes, for tests that drive them without a socket.
public func buildRouter(store: Store, configuration: ServerConfiguration) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: AccessLogMiddleware())
    if let origin = configuration.corsOrigin { router.add(middleware: CORSMiddleware(origin: origin)) }
    if let token = configuration.bearerToken { router.add(middleware: BearerTokenMiddleware(token: token)) }
    router.add(middleware: MethodGuardMiddleware())
    let endpoint = StoreEndpoint(store: store, limits: configuration.limits)
    StoreRoutes(endpoint: endpoint, openAPI: configuration.openAPI).addRoutes(to: router)
    SegmentRoutes(endpoint: endpoint, thumbnailer: configuration.thumbnailer).addRoutes(to: router)
    GraphRoutes(endpoint: endpoint).addRoutes(to: router)
    return router
}

/// Serves `store` until SIGINT or SIGTERM, then lets requests in flight finish.
public func serve(store: Store, configuration: ServerConfiguration) async throws {
    try await buildApplication(store: store, configuration: configuration).runService()
}
