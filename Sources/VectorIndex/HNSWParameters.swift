// Construction and search parameters of the HNSW graph, with the paper's names beside ours
// (Malkov & Yashunin, "Efficient and robust approximate nearest neighbor search using
// Hierarchical Navigable Small World graphs", 2016/2018). Every limit lives here.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parameters of an `HNSWIndex`.
public struct HNSWParameters: Hashable, Sendable {
    /// Largest accepted vector dimension (a 4096-float vector is 16 KiB per node).
    public static let dimensionMax = 4096
    /// Largest accepted `connectivity`; beyond ~64 the graph only grows without gaining recall.
    public static let connectivityMax = 128
    /// Highest level a node may be drawn to. With mL = 1/ln M the chance of reaching level 16
    /// is M^-16, so the cap never binds in practice; it bounds the per-node level array.
    public static let levelMax = 16
    /// Largest accepted `expansionAdd` / `expansionSearch`.
    public static let expansionMax = 4096

    /// M: neighbours kept per node on levels ≥ 1; level 0 keeps `baseConnectivity` = 2M.
    public var connectivity: Int
    /// efConstruction: size of the dynamic candidate list while inserting.
    public var expansionAdd: Int
    /// ef: default size of the dynamic candidate list while searching (raised to k if smaller).
    public var expansionSearch: Int
    /// Seed of the level generator; the same seed and insertion order give the same graph.
    public var seed: UInt64
    /// keepPrunedConnections (Algorithm 4): fill a node's list up to its bound with
    /// candidates the heuristic discarded. Off by default, as in the paper's experiments.
    public var keepsPrunedConnections: Bool

    /// Mmax0: neighbours kept per node on level 0.
    @inlinable public var baseConnectivity: Int { connectivity * 2 }

    /// mL = 1/ln M: the level normalisation factor that makes the expected number of levels
    /// grow as log N with an average of M neighbours per level.
    public var levelMultiplier: Double { 1 / log(Double(connectivity)) }

    /// Creates parameters; the defaults are hnswlib's common choices (M = 16, efC = 200).
    ///
    /// - Precondition: `2 <= connectivity <= connectivityMax`, expansions in `1...expansionMax`.
    public init(
        connectivity: Int = 16, expansionAdd: Int = 200, expansionSearch: Int = 64,
        seed: UInt64 = 100, keepsPrunedConnections: Bool = false
    ) {
        precondition((2...Self.connectivityMax).contains(connectivity), "connectivity out of range")
        precondition((1...Self.expansionMax).contains(expansionAdd), "expansionAdd out of range")
        precondition((1...Self.expansionMax).contains(expansionSearch), "expansionSearch out of range")
        self.connectivity = connectivity
        self.expansionAdd = expansionAdd
        self.expansionSearch = expansionSearch
        self.seed = seed
        self.keepsPrunedConnections = keepsPrunedConnections
    }

    /// The most neighbours a node may keep on `level`.
    @inlinable
    public func degreeMax(level: Int) -> Int {
        level == 0 ? baseConnectivity : connectivity
    }
}
