import SegGraphModel

public struct UltralyticsImporter: Sendable {
    public let path: String
    public let displayName: String
    public let options: ImportOptions

    public init(path: String, displayName: String, options: ImportOptions) {
        self.path = path
        self.displayName = displayName
        self.options = options
    }

    public func run(into consumer: inout some SegmentConsumer) throws -> ImportReport {
        throw ImportError(file: displayName, location: nil, reason: "not implemented")
    }
}
