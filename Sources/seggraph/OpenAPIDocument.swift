// schema/openapi.yaml, embedded at build time so `serve` sends the contract as written.

enum OpenAPIDocument {
    static let text = String(decoding: PackageResources.openapi_yaml, as: UTF8.self)
}
