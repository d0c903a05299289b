// `seggraph backup DEST`: a consistent, compacted hot copy of the store (Store.backup).
import ArgumentParser
import SegGraph

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent, compacted copy of the store into a new directory.",
        discussion: """
            Safe while another process imports: LMDB copies the last committed snapshot \
            (mdb_env_copy2 with compaction, so free pages are left behind). The copy's catalog \
            is rebuilt from that snapshot, so it always matches it; the live catalog is never \
            locked. The copy keeps the store's UUID and passes `seggraph check`. DEST must not \
            exist or be an empty directory.
            """ + CommandExamples.appended("backup"))

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "Directory to create the copy in.")
    var destination: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let summary = try store.backup(to: destination)
            let record = OutputRecord(fields: [
                ("backup", .string(summary.path)), ("uuid", .string(summary.uuid)),
                ("segments", .int(summary.segmentCount)), ("lmdb_bytes", .int(summary.lmdbFileBytes)),
                ("catalog_bytes", .int(summary.catalogFileBytes)),
            ])
            RecordPrinter.printObject(record, format: output.format)
        }
    }
}
