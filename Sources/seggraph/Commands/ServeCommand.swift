// `seggraph serve`: the read-only JSON endpoint over a store.
import ArgumentParser
import Foundation
import SegGraph
import SegGraphServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the store read-only as JSON over HTTP (GET /v1/…; the contract is /v1/openapi.yaml).",
        discussion: """
            The store is opened read-only: the server cannot write. Each request is answered from one \
            snapshot, so an import by another process shows in later requests without a restart; \
            responses carry an ETag of the store's generation. Errors are application/problem+json. \
            A query that runs longer than --time-budget is stopped and answered 503. \
            Stop with Ctrl-C (SIGINT) or SIGTERM; requests in flight finish.

            Beyond loopback (--host 0.0.0.0 or an interface address) every request but /v1/health must \
            carry Authorization: Bearer TOKEN, where TOKEN is the first line of --token-file (at least \
            16 characters; keep the file private). Browsers on other origins may read answers only \
            with --cors ORIGIN.

            Over HTTP, and beyond loopback with a token:
              curl 'http://127.0.0.1:8080/v1/segments?source=cam_00&from=14:00&to=14:05'
              curl 'http://127.0.0.1:8080/v1/trace?segment=cam_02%2Fseg_000012&from=14:00&to=14:30'
              head -c 24 /dev/urandom | base64 > token && chmod 600 token
              seggraph serve --host 0.0.0.0 --token-file token --cors https://ops.example
              curl -H "Authorization: Bearer $(cat token)" http://HOST:8080/v1/stats
            """ + CommandExamples.appended("serve"))

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Address to bind (default: loopback only).") var host: String = "127.0.0.1"
    @Option(help: "Port.") var port: Int = 8080
    @Option(help: ArgumentHelp("File whose first line is the bearer token (required beyond loopback).", valueName: "file"))
    var tokenFile: String?
    @Option(help: ArgumentHelp("Let browsers on this origin read answers (CORS), e.g. https://ops.example.", valueName: "origin"))
    var cors: String?
    @Option(help: "Seconds a query may run before it is answered 503.") var timeBudget: Double = 10

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be in 1...65535") }
        guard timeBudget > 0, timeBudget <= 3600 else { throw ValidationError("--time-budget must be in (0, 3600] seconds") }
        if !ServerConfiguration.isLoopback(host) && tokenFile == nil {
            throw ValidationError("--host \(host) is reachable from other machines: give --token-file FILE (a bearer token)")
        }
        if let cors, !(cors.hasPrefix("https://") || cors.hasPrefix("http://")) || cors.dropFirst(8).contains("/") {
            throw ValidationError("--cors \(cors): expected an origin like https://ops.example (scheme and host, no path)")
        }
    }

    /// The token: the file's first line, trimmed; refused when short.
    private func readToken() throws -> String? {
        guard let tokenFile else { return nil }
        guard let data = FileManager.default.contents(atPath: tokenFile) else {
            throw StoreError(.invalidArgument, "\(tokenFile): cannot read the token file", parameter: "token-file")
        }
        let token = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard token.count >= 16, token.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw StoreError(.invalidArgument, "\(tokenFile): the token must be one line of at least 16 visible ASCII characters",
                             parameter: "token-file")
        }
        return token
    }

    func run() async throws {
        let store: Store
        let token: String?
        do {
            token = try readToken()
            store = try storeOptions.open(readOnly: true)
        } catch { try reportingErrors { throw error }; return }
        var limits = ServerLimits()
        limits.queryTimeSecondsMax = timeBudget
        let configuration = ServerConfiguration(host: host, port: port, limits: limits, openAPI: OpenAPIDocument.text,
                                                bearerToken: token, corsOrigin: cors,
                                                thumbnailer: { request, maxSide in try VideoProbing.jpeg(request, margin: 0.15, maxSide: maxSide) })
        print("serving \(storeOptions.path) read-only on http://\(host):\(port)/v1/\(token == nil ? "" : " (bearer token required)")\(cors.map { ", CORS for \($0)" } ?? "") (Ctrl-C stops)")
        try await serve(store: store, configuration: configuration)
    }
}
