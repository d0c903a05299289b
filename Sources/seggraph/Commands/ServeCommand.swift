// `seggraph serve`: the read-only JSON endpoint over a store.
import ArgumentParser
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
            Stop with Ctrl-C (SIGINT) or SIGTERM; requests in flight finish.

            Examples:
              seggraph serve --store site.store &
              curl 'http://127.0.0.1:8080/v1/segments?source=cam_00&from=14:00&to=14:05'
              curl 'http://127.0.0.1:8080/v1/trace?segment=cam_03%2Fseg_000005&from=14:00&to=14:30'
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Address to bind (default: loopback only).") var host: String = "127.0.0.1"
    @Option(help: "Port.") var port: Int = 8080

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be in 1...65535") }
        guard host == "127.0.0.1" || host == "::1" || host == "localhost" else {
            throw ValidationError("--host \(host): only loopback is served until bearer tokens are implemented")
        }
    }

    func run() async throws {
        let store: Store
        do { store = try storeOptions.open(readOnly: true) } catch { try reportingErrors { throw error }; return }
        let configuration = ServerConfiguration(host: host, port: port, openAPI: OpenAPIDocument.text)
        print("serving \(storeOptions.path) read-only on http://\(host):\(port)/v1/ (Ctrl-C stops)")
        try await serve(store: store, configuration: configuration)
    }
}
