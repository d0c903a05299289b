// --from / --to with --date and --tz: a time window in any of the accepted forms.
import ArgumentParser
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

    /// The window as the engine takes it; the engine validates it.
    func spec() throws -> TimeWindowSpec {
        try TimeWindowSpec(from: from, to: to, date: date, timeZone: tz)
    }
}
