// The store: one LMDB environment (the source of truth) plus a derived SQLite catalog,
// in one directory. All reads run in one LMDB snapshot; one writer at a time.
internal import Foundation
internal import LMDB

/// An open SegGraph store.
///
/// Threading: `Store` is safe to share across threads. Lifetime: one `Store` per path
/// per process (LMDB forbids opening an environment twice in one process).
public final class Store: @unchecked Sendable {
    /// The store's directory, as passed to `create(at:)` or `open(at:readOnly:)`.
    public let path: String
    /// Opened read-only: writes throw `StoreError` kind `.readOnly`.
    public let isReadOnly: Bool
    /// Lowercase UUID made at creation; a backup keeps it.
    public let uuid: String
    /// Creation time in UTC nanoseconds since 1970; 0 when the store does not record it.
    public let createdAtUTCNanoseconds: Int64
    let environment: Environment
    let tables: StoreTables
    let catalogLock = NSLock()
    var openedCatalog: Catalog?
    let sourceCache = GenerationCache<[UInt32: Source]>()
    let correctedSourceCache = GenerationCache<[UInt32: Source]>()
    let configurationCache = GenerationCache<StoreConfiguration>()
    let topologyCache = GenerationCache<LearnedTopology>()
    let spaceCache = GenerationCache<[EmbeddingSpace]>()
    /// Decoded HNSW headers by space id (decoding the JSON was a sixth of a quick search).
    let hnswHeaderCache = GenerationCache<[UInt32: HNSWHeader]>()
    let hnswUpperListsCache = GenerationCache<[UInt32: HNSWUpperLists]>()
    /// Imports whose vectors were indexed on a second core (for tests; only changed inside
    /// the write transaction, which serialises it).
    nonisolated(unsafe) var importsIndexedConcurrently = 0
    let ledgerCache = GenerationCache<ImportLedger>()
    let latestEndCache = GenerationCache<Int64?>()

    /// Creates a new, empty store in directory `path`.
    /// - Throws: `StoreError.alreadyExists` when `path` already holds a store.
    public static func create(at path: String) throws -> Store {
        if FileManager.default.fileExists(atPath: path + "/" + StoreFormat.dataFileName) {
            throw StoreError(.alreadyExists, "\(path): a store already exists here")
        }
        let directoryExisted = FileManager.default.fileExists(atPath: path)
        try createDirectory(path)
        do {
            let environment = try translatingStorageErrors { try Environment(path: path, options: environmentOptions(readOnly: false)) }
            let tables = try translatingStorageErrors { try StoreTables(environment: environment) }
            try translatingStorageErrors { try environment.write { txn in
                try tables.meta.put(MetaKey.formatVersion, encode(UInt64(StoreFormat.formatVersion)), in: txn)
                try tables.meta.put(MetaKey.storeUUID, Array(UUID().uuidString.lowercased().utf8), in: txn)
                try tables.meta.put(MetaKey.createdAt, encode(UInt64(bitPattern: currentUTCNanoseconds())), in: txn)
                try tables.meta.put(MetaKey.configuration, Array(StoreConfiguration.defaults.jsonText.utf8), in: txn)
            } }
            return try Store(environment: environment, tables: tables, path: path)
        } catch {
            // A half-made store (the disk filled, say) would never open again: leave nothing.
            for file in [StoreFormat.dataFileName, "lock.mdb", StoreFormat.catalogFileName] {
                try? FileManager.default.removeItem(atPath: path + "/" + file)
            }
            if !directoryExisted { try? FileManager.default.removeItem(atPath: path) }
            guard var storeError = error as? StoreError, !storeError.message.hasPrefix(path) else { throw error }
            storeError.message = "\(path): cannot create the store (nothing was left behind): \(storeError.message)"
            throw storeError
        }
    }

    /// Opens an existing store.
    /// - Parameter readOnly: open with `MDB_RDONLY`; every write fails.
    /// - Throws: `StoreError.notFound` when `path` holds no store, `.formatVersion` when
    ///   it was written by another format version.
    public static func open(at path: String, readOnly: Bool = false) throws -> Store {
        guard FileManager.default.fileExists(atPath: path + "/" + StoreFormat.dataFileName) else {
            throw StoreError(.notFound, "\(path): no store here (create one with `seggraph init`)")
        }
        let environment = try translatingStorageErrors { try Environment(path: path, options: environmentOptions(readOnly: readOnly)) }
        let tables: StoreTables
        do {
            tables = try StoreTables(environment: environment)
        } catch let error as LMDBError where error.code == LMDBError.notFound {
            throw StoreError(.corrupt, "\(path): not a SegGraph store (table missing: \(error.operation))", cause: error.description)
        } catch {
            throw StoreError.translating(error)
        }
        let store = try Store(environment: environment, tables: tables, path: path)
        if !readOnly { try store.upgradeFormat() }
        // Recovery: a process that died between the LMDB commit and the catalog update
        // left the catalog behind; bring it level before anyone reads it.
        if !readOnly { try store.syncCatalog() }
        return store
    }

    private init(environment: Environment, tables: StoreTables, path: String) throws {
        self.environment = environment
        self.tables = tables
        self.path = path
        self.isReadOnly = environment.isReadOnly
        let (version, uuid, created) = try translatingStorageErrors { try environment.read { txn in
            (try tables.meta.get(MetaKey.formatVersion, in: txn).map(decodeUInt64),
             try tables.meta.get(MetaKey.storeUUID, in: txn).map { String(decoding: $0, as: UTF8.self) },
             try tables.meta.get(MetaKey.createdAt, in: txn).map(decodeUInt64))
        } }
        guard let version, let uuid else {
            throw StoreError(.corrupt, "\(path): not a SegGraph store (no format version or UUID in meta; if its creation was interrupted, remove \(StoreFormat.dataFileName) and lock.mdb and import again)")
        }
        guard StoreFormat.readableVersions.contains(UInt32(truncatingIfNeeded: version)) else {
            throw StoreError(.formatVersion, "\(path): store format version \(version) is not supported by this seggraph (it reads version \(StoreFormat.readableVersions.lowerBound)\(StoreFormat.readableVersions.count > 1 ? "–\(StoreFormat.readableVersions.upperBound)" : ""))")
        }
        self.uuid = uuid
        self.createdAtUTCNanoseconds = Int64(bitPattern: created ?? 0)
    }

    /// Format 1 → 2: opening the tables created `verdicts`; record the new version.
    private func upgradeFormat() throws {
        // A read first: a current store never waits for another process's write transaction.
        let current = try translatingStorageErrors { try environment.read { txn in
            try tables.meta.get(MetaKey.formatVersion, in: txn).map(decodeUInt64) ?? 0
        } }
        guard current < UInt64(StoreFormat.formatVersion) else { return }
        try translatingStorageErrors { try environment.write { txn in
            let version = try tables.meta.get(MetaKey.formatVersion, in: txn).map(decodeUInt64) ?? 0
            if version < UInt64(StoreFormat.formatVersion) {
                try tables.meta.put(MetaKey.formatVersion, encode(UInt64(StoreFormat.formatVersion)), in: txn)
            }
        } }
    }

    /// The store's directory, created if needed; one readable line when that fails.
    private static func createDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StoreError(.invalidArgument, "\(path): exists and is not a directory", parameter: "store") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
            let reason = underlying.map { String(cString: strerror(Int32($0.code))) } ?? "cannot create it"
            throw StoreError(.storage, "\(path): cannot create the store directory: \(reason)", parameter: "store", cause: "\(error)")
        }
    }

    private static func environmentOptions(readOnly: Bool) -> EnvironmentOptions {
        var options = EnvironmentOptions()
        options.readOnly = readOnly
        options.mapSizeMaxBytes = mapSizeCapBytes()
        options.mapSizeBytes = min(256 << 20, options.mapSizeMaxBytes)
        return options
    }

    /// The most the store's file may grow to: `SEGGRAPH_MAP_MAX` when set (bytes, or with a
    /// binary suffix K, M, G or T, e.g. `512M`; at least 64 K), so an operator can bound a store
    /// below the disk's size (and the fault tests can make `MDB_MAP_FULL` happen at any moment
    /// of an import); else `Limits.mapSizeMaxBytes`. A value that does not parse is ignored.
    static func mapSizeCapBytes() -> Int {
        guard let text = ProcessInfo.processInfo.environment["SEGGRAPH_MAP_MAX"], let bytes = parseByteSize(text),
              (64 << 10...Limits.mapSizeMaxBytes).contains(bytes) else { return Limits.mapSizeMaxBytes }
        return bytes
    }

    /// `4096`, `300K`, `512M`, `2G`, `1T` (binary units, any case) as bytes; nil otherwise.
    static func parseByteSize(_ text: String) -> Int? {
        let shifts: [Character: Int] = ["K": 10, "M": 20, "G": 30, "T": 40]
        var digits = Substring(text.uppercased())
        var shift = 0
        if let last = digits.last, let unit = shifts[last] {
            shift = unit
            digits = digits.dropLast()
        }
        guard let number = Int(digits), number >= 0, number <= Int.max >> shift else { return nil }
        return number << shift
    }
}

func encode(_ value: UInt64) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }

func decodeUInt64(_ bytes: [UInt8]) -> UInt64 {
    guard bytes.count == 8 else { return 0 }
    return bytes.withUnsafeBytes { UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)) }
}

func currentUTCNanoseconds() -> Int64 {
    Int64((Date().timeIntervalSince1970 * 1e9).rounded())
}
