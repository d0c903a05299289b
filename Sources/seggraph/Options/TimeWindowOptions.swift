// --from / --to with --date and --tz: a time window in any of the accepted forms.
import ArgumentParser
import Foundation
import SegGraph

struct TimeWindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Window start: ISO-8601 with offset, a clock time (14:00, 14:00:30) with --date, or source seconds (12.5s).", valueName: "time"))
    var from: String?

    @Option(help: ArgumentHelp("Window end, same forms as --from.", valueName: "time"))
    var to: String?

    @Option(help: ArgumentHelp("Date for clock times (default: the source's first day).", valueName: "yyyy-mm-dd"))
    var date: String?

    @Option(help: ArgumentHelp("Zone for clock times (default: the source's zone, else the machine's).", valueName: "zone"))
    var tz: String?

    func validate() throws {
        if let tz, TimeZone(identifier: tz) == nil { throw ValidationError("--tz \(tz): unknown time zone") }
    }

    /// The window on the clock of `source` (the single --source, when there is one).
    func window(source: Source?) throws -> TimeSpan? {
        guard from != nil || to != nil else { return nil }
        let zone = tz.flatMap(TimeZone.init(identifier:)) ?? source.map(TimeDisplay.timeZone(for:)) ?? TimeZone.current
        let defaultDate = source.flatMap { source in
            source.startUTCNanoseconds.map { String(TimeDisplay.format(utcNanoseconds: $0, zone: zone).prefix(10)) }
        }
        let parser = TimeParser(date: date, timeZone: zone, defaultDate: defaultDate)
        let start = try from.map { try parser.parse($0, option: "--from").nanoseconds(on: source, option: "--from") } ?? Int64.min / 4
        let end = try to.map { try parser.parse($0, option: "--to").nanoseconds(on: source, option: "--to") } ?? Int64.max / 4
        guard let span = TimeSpan(startNanoseconds: start, endNanoseconds: end) else {
            throw StoreError(.invalidArgument, "--to is before --from")
        }
        return span
    }
}
