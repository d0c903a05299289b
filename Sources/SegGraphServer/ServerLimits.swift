// The endpoint's bounds, in one place.

/// Limits the endpoint enforces on every request.
public struct ServerLimits: Sendable {
    /// Rows per page of a listing.
    public var pageSizeMax = 1_000
    /// Bytes of a POST body (a query vector of 4,096 floats as JSON fits in 64 KiB).
    public var bodyBytesMax = 256 * 1024
    /// Seconds a query may run before it is stopped and answered 503.
    public var queryTimeSecondsMax = 10.0

    public init() {}
}
