// `sources set-clock`: record how a camera's clock is off. Applied whenever the store is read
// (every query sees true times) and by the linker's `same_as` rule from the next import or
// `relink` on; the stored times are never rewritten.
internal import LMDB

extension Store {
    /// Sets (or, with an identity correction, clears) `source`'s clock correction.
    /// - Throws: `.notFound` for an unknown source, `.invalidArgument` for an offset beyond a
    ///   day or a drift beyond ±1000 ppm, or a non-finite value.
    public func setClockCorrection(source: String, _ correction: ClockCorrection) throws {
        guard correction.offsetSeconds.isFinite, abs(correction.offsetSeconds) <= 86_400 else {
            throw StoreError(.invalidArgument, "offset must be within ±86400 seconds", parameter: "offset")
        }
        guard correction.driftPPM.isFinite, abs(correction.driftPPM) <= 1_000 else {
            throw StoreError(.invalidArgument, "drift must be within ±1000 ppm", parameter: "drift-ppm")
        }
        try writeChangingAnswers { txn in
            guard let id = try tables.sourceNames.get(source, in: txn), var record = try tables.sources.get(id, in: txn)?.value else {
                throw StoreError(.notFound, "unknown source \"\(source)\"", parameter: "source")
            }
            record.clockCorrection = correction.isIdentity ? nil : correction
            try tables.sources.put(id, JSONRecord(record), in: txn)
        }
    }
}
