// Typed ids: a SegmentID can never be passed where a SourceID is expected.

/// Dense internal id of a segment (graph node), allocated in import order from 1.
public struct SegmentID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The stored id (key of the `segments` table), from 1.
    public let rawValue: UInt64
    /// Wraps a raw id; whether such a segment exists is not checked.
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    /// By raw value, i.e. in import order.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    /// `#ID`, a form `Snapshot.segmentID(named:)` accepts.
    public var description: String { "#\(rawValue)" }
}

/// Dense internal id of a source (camera/video), from 1.
public struct SourceID: RawRepresentable, Hashable, Comparable, Sendable {
    /// The stored id (key of the `sources` table), from 1.
    public let rawValue: UInt32
    /// Wraps a raw id; whether such a source exists is not checked.
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// By raw value, i.e. in creation order.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Id of an entry in the imports ledger, from 1.
public struct ImportID: RawRepresentable, Hashable, Comparable, Sendable {
    /// The ledger id (`ImportRecord.id`), from 1.
    public let rawValue: UInt32
    /// Wraps a raw id; whether such an import exists is not checked.
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// By raw value, i.e. in import order.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Interned label or track name, used inside index keys to keep them fixed-width.
public struct NameID: RawRepresentable, Hashable, Sendable {
    /// The interned id, from 1, allocated per store.
    public let rawValue: UInt32
    /// Wraps a raw id.
    public init(rawValue: UInt32) { self.rawValue = rawValue }
}
