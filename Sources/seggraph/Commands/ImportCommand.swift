// `seggraph import FILE…`: each file is one all-or-nothing transaction.
public import ArgumentParser
import Foundation
import Importers
import SegGraph
import SegGraphModel

extension InputFormat: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import segment JSON files into the store.",
        discussion: """
            Formats (auto-detected, or --format): a document {"source": {...}, "segments": [...]}, \
            a bare array of segments (the source is --source or the file's stem), JSON Lines \
            with a "source" field per line, MOTChallenge txt, CVAT for video 1.1 XML, \
            COCO-VID / YouTube-VIS JSON, Ultralytics tracking JSON (--fps when the file has no rate).

            Each file is all or nothing: on an error nothing of it is stored and seggraph exits \
            with code 3. Importing identical bytes again does nothing. --replace re-imports a \
            changed file: what the earlier import of the file at the same path brought is removed.

            The store is created if it does not exist.
            """ + CommandExamples.appended("import"))

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "Segment files to import.")
    var files: [String]

    @Option(help: "Source name for bare arrays; overrides names in the file.")
    var source: String?

    @Option(help: ArgumentHelp("Wall clock of t = 0, ISO-8601 with offset (overrides the file's start_time).", valueName: "iso8601"))
    var start: String?

    @Option(help: ArgumentHelp("IANA time zone of the source, e.g. Europe/Berlin.", valueName: "zone"))
    var tz: String?

    @Option(help: "Frame rate for formats that do not record one (MOT without seqinfo.ini, CVAT, Ultralytics).")
    var fps: Double?

    @Option(help: "Force the input format: document, array, jsonl, mot, cvat, coco-vid or ultralytics.")
    var format: InputFormat?

    @Option(help: "Embedding model name/version recorded with new embedding spaces.")
    var embeddingModel: String?

    @Option(help: ArgumentHelp("Embedding space for the plain `embedding` field (default: default).", valueName: "name"))
    var embeddingSpace: String?

    @Option(help: ArgumentHelp("The sources' video: fills fps, size and start time (creation_time) not given otherwise; segments past its end and boxes outside its frame are counted as warnings. A `video` in a document is probed the same way (relative to the document's folder).", valueName: "file"))
    var video: String?

    @Flag(help: "Replace what an earlier import of the file at the same path brought.")
    var replace = false

    @Option(help: ArgumentHelp("auto: a progress bar (bytes, file k of N, rate, ETA) when stderr is a terminal, nothing otherwise; bar; json: one JSON object per line on stderr, for programs; none.", valueName: "mode"))
    var progress: ProgressMode = .auto

    @Option(help: ArgumentHelp("Cores an import uses: 2 inserts vectors into the similarity index on a second core while the first derives edges; 1 does both on one (the store is the same either way).", valueName: "n"))
    var cores = 2

    // For crash, backup and concurrency tests: park the import mid-transaction (after N
    // segments of each file), say so on stderr, and wait to be killed. Not in --help.
    @Option(help: ArgumentHelp(visibility: .private))
    var pauseAfterSegments: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let fps, !(fps > 0 && fps <= 1000) { throw ValidationError("--fps must be in (0, 1000]") }
        if !(1...2).contains(cores) { throw ValidationError("--cores must be 1 or 2 (got \(cores))") }
        if files.isEmpty { throw ValidationError("give at least one file") }
        if files.count > Limits.filesPerImportMax { throw ValidationError("at most \(Limits.filesPerImportMax) files per call") }
        if let start, ISO8601.parse(start) == nil {
            throw ValidationError("--start \(start): expected ISO-8601 with an offset, e.g. 2026-11-20T14:00:00+01:00")
        }
        if let tz, TimeZone(identifier: tz) == nil { throw ValidationError("--tz \(tz): unknown time zone\(DidYouMean.timeZoneHint(for: tz))") }
        if let embeddingSpace, let problem = EmbeddingSpace.nameProblem(embeddingSpace) {
            throw ValidationError("--embedding-space: \(problem)")
        }
    }

    func run() throws {
        try reportingErrors {
            let videoFacts = try video.map { try VideoProbing.facts(path: $0) }
            let store = try openOrCreate()
            var records: [OutputRecord] = []
            let progress = ImportProgress(files: files, mode: self.progress)
            defer { progress.stop() }
            for (index, file) in files.enumerated() {
                var request = ImportRequest(
                    path: file, format: format, sourceName: source, startTime: start.flatMap(ISO8601.parse),
                    timeZoneIdentifier: tz, embeddingModel: embeddingModel, replace: replace, defaultSpaceName: embeddingSpace,
                    framesPerSecond: fps)
                request.videoFacts = videoFacts
                request.videoProber = VideoProbing.prober
                request.indexesConcurrently = cores == 2
                progress.begin(file: index)
                let pause = pauseAfterSegments
                request.progress = { count, bytes in
                    progress.advance(segments: count, bytesRead: bytes)
                    if count == pause { Self.pauseForever() }
                }
                let outcome: ImportOutcome
                do {
                    outcome = try store.importFile(request)
                } catch {
                    progress.stop()
                    // The files before this one are stored: say so before the error; the ones
                    // after it were not tried, and the user must not think they were.
                    if !records.isEmpty { printRecords(records) }
                    let untried = files.dropFirst(index + 1)
                    if !untried.isEmpty {
                        printError("seggraph: note: not imported (after the error): " + oneLine(untried.joined(separator: ", ")))
                    }
                    throw Self.naming(file, error)
                }
                let record = Self.record(outcome)
                records.append(record)
                // Each file's row as it finishes (the table with every file follows at the end).
                progress.finished(file: index, line: record.fields.prefix(6).map { "\($0.0) \($0.1.text)" }.joined(separator: "  "),
                                  fields: record.fields.map { ($0.0, $0.1.json) })
            }
            printRecords(records)
        }
    }

    private func printRecords(_ records: [OutputRecord]) {
        RecordPrinter.print(records, columns: ["file", "status", "segments", "boxes", "embeddings", "warnings", "import"],
                            format: output.format)
    }

    /// A storage error names the file whose import it stopped (bad input already does).
    private static func naming(_ file: String, _ error: any Error) -> any Error {
        guard var storeError = error as? StoreError, storeError.kind == .storage || storeError.kind == .limit,
              !storeError.message.hasPrefix(file) else { return error }
        storeError.message = "\(file): not stored: \(storeError.message)"
        return storeError
    }

    private static func pauseForever() -> Never {
        FileHandle.standardError.write(Data("seggraph: pausing mid-import (--pause-after-segments)\n".utf8))
        while true { sleep(60) }
    }

    private func openOrCreate() throws -> Store {
        do { return try storeOptions.open() } catch let error as StoreError where error.kind == .notFound {
            return try Store.create(at: storeOptions.path)
        }
    }

    static func record(_ outcome: ImportOutcome) -> OutputRecord {
        let (record, status): (ImportRecord, String)
        switch outcome {
        case .imported(let r): (record, status) = (r, r.replacedImportIDs.isEmpty ? "imported" : "replaced")
        case .importedCatalogBehind(let r, let reason):
            (record, status) = (r, r.replacedImportIDs.isEmpty ? "imported" : "replaced")
            printError("seggraph: \(r.fileName): stored; the SQL catalog could not follow (\(reason)): it catches up on the next import or `seggraph reindex`")
        case .alreadyImported(let r): (record, status) = (r, "unchanged (already imported)")
        }
        let warnings = record.warnings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        return OutputRecord(fields: [
            ("file", .string(record.fileName)), ("status", .string(status)), ("segments", .int(record.segmentCount)),
            ("boxes", .int(record.boxCount)), ("embeddings", .int(record.embeddingCount)),
            ("warnings", .string(warnings.isEmpty ? "-" : warnings)), ("import", .int(Int(record.id))),
            ("sha256", .string(record.sha256)), ("format", .string(record.format)),
        ])
    }
}
