// `seggraph verify answer.json`: does the store still give a recorded trace answer?
import ArgumentParser
import Foundation
import SegGraph

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-run a saved `trace --json` answer and say whether the store still gives it, byte for byte.",
        discussion: """
            The answer names its question (seed, space, similarities, exact window); verify asks it again \
            in one snapshot and compares. It also checks the file's digest against its own content, so an \
            edited file is caught. Exits 0 when verified, 5 when the file was edited or the store now \
            answers differently (the fields that changed are named).

            Example:
              seggraph trace --segment cam_03/seg_000034 --from 14:00 --to 15:00 --json > evidence.json
              seggraph verify evidence.json
            """ + CommandExamples.appended("verify"))

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "A file written by `seggraph trace --json`.") var answer: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            guard let data = FileManager.default.contents(atPath: answer) else {
                throw StoreError(.invalidArgument, "\(answer): cannot read the file", parameter: "answer")
            }
            let result = try storeOptions.run(TraceVerificationQuery(answer: Array(data), fileName: answer))
            output.write(result)
            if !result.verified { throw ExitCode(ExitStatus.inconsistent) }
        }
    }
}
