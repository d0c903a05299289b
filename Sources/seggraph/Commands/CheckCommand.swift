// `seggraph check`: prove the store consistent, or name each problem and exit 5.
import ArgumentParser
import SegGraph

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify that every index agrees with the records, the catalog with LMDB, and the ledger's counts.",
        discussion: "Exits 0 when consistent, 5 with one line per problem otherwise." + CommandExamples.appended("check"))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open()
            let report = try store.check()
            let record = OutputRecord(fields: [
                ("consistent", .bool(report.isConsistent)), ("problems", .int(report.problemCount)),
                ("checked", .object(report.checkedCounts.map { AnswerField($0.what, .int($0.count)) })),
                ("problem_list", .array(report.problems.map(OutputValue.string))),
            ])
            if output.format == .json {
                RecordPrinter.printObject(record, format: .json)
            } else {
                for problem in report.problems { print("problem: \(problem)") }
                if report.problemCount > report.problems.count {
                    print("… and \(report.problemCount - report.problems.count) more problems")
                }
                let counts = report.checkedCounts.map { "\($0.count) \($0.what)" }.joined(separator: ", ")
                print(report.isConsistent ? "ok: \(counts)" : "FAILED: \(report.problemCount) problems (\(counts))")
            }
            if !report.isConsistent { throw ExitCode(ExitStatus.inconsistent) }
        }
    }
}
