// One LMDB environment: a directory holding data.mdb and lock.mdb.
// One `Environment` per path per process (LMDB forbids opening the same
// environment twice in one process). Opened with MDB_NOTLS so read transactions
// are not tied to threads.
internal import CLMDB
internal import Glibc

/// How to open an environment.
package struct EnvironmentOptions: Sendable {
    /// Maximum number of named databases (`mdb_env_set_maxdbs`).
    package var maxDatabases: UInt32 = 32
    /// Maximum concurrent read transactions across all processes (`mdb_env_set_maxreaders`).
    package var maxReaders: UInt32 = 126
    /// Initial map size; grows automatically when a write hits `MDB_MAP_FULL`.
    package var mapSizeBytes: Int = 64 << 20
    /// Largest map size the automatic growth may reach.
    package var mapSizeMaxBytes: Int = 1 << 40
    /// Open with `MDB_RDONLY`: every write fails with EACCES.
    package var readOnly: Bool = false
    /// Create the directory if it does not exist.
    package var createDirectory: Bool = true

    package init() {}
}

/// Space used by an environment.
package struct EnvironmentInfo: Sendable, Equatable {
    package var mapSizeBytes: Int
    package var pageSizeBytes: Int
    /// Pages in use up to the last one written (the high-water mark of the file).
    package var usedBytes: Int
    package var lastTransactionID: Int
}

/// An open LMDB environment. Thread-safe: transactions may run on any thread;
/// writers are serialised by LMDB.
package final class Environment: @unchecked Sendable {
    let handle: OpaquePointer
    package let path: String
    package let options: EnvironmentOptions
    let resizeLock = ReadWriteLock()
    let mapFullSeen = AtomicFlag()

    /// Opens (and creates, unless read-only) the environment in directory `path`.
    /// - Throws: `LMDBError` with the failing call; `noSuchFile` when a read-only open
    ///   finds no store.
    package init(path: String, options: EnvironmentOptions = EnvironmentOptions()) throws(LMDBError) {
        self.path = path
        self.options = options
        if options.createDirectory && !options.readOnly {
            mkdir(path, 0o755)
        }
        var env: OpaquePointer?
        try check(mdb_env_create(&env), "mdb_env_create")
        guard let env else { throw LMDBError(code: 12, operation: "mdb_env_create") }
        do {
            try check(mdb_env_set_maxdbs(env, MDB_dbi(options.maxDatabases)), "mdb_env_set_maxdbs")
            try check(mdb_env_set_maxreaders(env, options.maxReaders), "mdb_env_set_maxreaders")
            try check(mdb_env_set_mapsize(env, options.mapSizeBytes), "mdb_env_set_mapsize")
            var flags = UInt32(MDB_NOTLS)
            if options.readOnly { flags |= UInt32(MDB_RDONLY) }
            try check(mdb_env_open(env, path, flags, 0o644), "mdb_env_open(\(path))")
        } catch {
            mdb_env_close(env)
            throw error
        }
        self.handle = env
    }

    deinit {
        mdb_env_close(handle)
    }

    package var isReadOnly: Bool { options.readOnly }

    /// Current map size, page size and the space actually used.
    package func info() -> EnvironmentInfo {
        var info = MDB_envinfo()
        var stat = MDB_stat()
        mdb_env_info(handle, &info)
        mdb_env_stat(handle, &stat)
        let pageSize = Int(stat.ms_psize)
        return EnvironmentInfo(
            mapSizeBytes: info.me_mapsize, pageSizeBytes: pageSize,
            usedBytes: (info.me_last_pgno + 1) * pageSize, lastTransactionID: info.me_last_txnid)
    }

    /// Drops this process's resident copies of the map's pages (`madvise(MADV_DONTNEED)`).
    /// Safe without MDB_WRITEMAP: the map is a read-only view of the file, so a dropped
    /// page is simply read again from the page cache on next access. Long scans call this
    /// so resident memory does not grow with the size of the store.
    package func releaseMappedPages() {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        guard let address = info.me_mapaddr else { return }
        let used = min(info.me_mapsize, (info.me_last_pgno + 1) * Int(sysconf(Int32(_SC_PAGESIZE))))
        _ = madvise(address, used, MADV_DONTNEED)
    }

    /// Returns memory freed by a large transaction to the operating system (`malloc_trim`):
    /// LMDB's dirty pages are malloc'd, and glibc keeps freed memory otherwise.
    package func releaseFreedMemory() {
        _ = glibcMallocTrim(0)
    }

    /// Flushes buffers to disk (`mdb_env_sync` with force).
    package func sync() throws(LMDBError) {
        try check(mdb_env_sync(handle, 1), "mdb_env_sync")
    }

    /// Writes a consistent copy of the environment to directory `path`
    /// (`mdb_env_copy2`), compacting free pages when `compact` is true.
    package func copy(to path: String, compact: Bool = true) throws(LMDBError) {
        mkdir(path, 0o755)
        try check(mdb_env_copy2(handle, path, compact ? UInt32(MDB_CP_COMPACT) : 0), "mdb_env_copy2(\(path))")
    }
}

/// glibc's `malloc_trim` (declared in <malloc.h>, which the Glibc module does not export).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
