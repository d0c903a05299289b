// `seggraph stats`: counts, sizes, format, configuration.
import ArgumentParser
import Foundation
import SegGraph

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show counts, sizes on disk, format version and configuration.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let stats = try store.stats()
            let edges = try store.edgeCounts()
            let settings = try store.configurationEntries()
            let record = OutputRecord(fields: [
                ("store", .string(store.path)), ("uuid", .string(stats.uuid)),
                ("format_version", .int(Int(stats.formatVersion))),
                ("created", .string(TimeDisplay.format(utcNanoseconds: stats.createdAtUTCNanoseconds, zone: .current))),
                ("sources", .int(stats.sourceCount)), ("segments", .int(stats.segmentCount)), ("boxes", .int(stats.boxCount)),
                ("labels", .object(stats.labelCounts.map { ($0.label, .int($0.count)) })),
                ("embedding_spaces", .object(stats.spaces.map {
                    ($0.name, .object([("dimension", .int($0.dimension)), ("vectors", .int($0.vectorCount)),
                                       ("model", .optional($0.model))]))
                })),
                ("imports", .int(stats.activeImportCount)), ("imports_replaced", .int(stats.replacedImportCount)),
                ("lmdb_file_bytes", .int(stats.lmdbFileBytes)), ("lmdb_used_bytes", .int(stats.lmdbUsedBytes)),
                ("catalog_bytes", .int(stats.catalogFileBytes)),
                ("edges", .object(EdgeKind.allCases.map { ($0.description, .int(edges[$0] ?? 0)) })),
                ("config", .object(settings.map { ($0.key, .rawJSON($0.value)) })),
            ])
            RecordPrinter.printObject(record, format: output.format)
        }
    }
}
