// --from / --to with --date and --tz, or --last: a time window in any of the accepted forms.
import ArgumentParser
import SegGraph

struct TimeWindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Window start: ISO-8601 with offset; a clock time (14:00, 14:00:30) in the source's zone on its first day (--date, --tz to choose); source seconds (12.5s); now-1h; or latest-10m (from the end of the store's latest segment: for recorded data).", valueName: "time"))
    var from: String?

    @Option(help: ArgumentHelp("Window end, same forms as --from.", valueName: "time"))
    var to: String?

    @Option(help: ArgumentHelp("Date for clock times (default: the source's first day; without --source, the day all sources start).", valueName: "yyyy-mm-dd"))
    var date: String?

    @Option(help: ArgumentHelp("Zone for clock times (default: the source's zone; without --source, the zone all sources share — refused when they differ).", valueName: "zone"))
    var tz: String?

    @Option(help: ArgumentHelp("The last DURATION up to now (10m, 1h, 30s), instead of --from/--to. For recorded data, count from the store's latest segment: --from latest-10m.", valueName: "duration"))
    var last: String?

    /// The window as the engine takes it; the engine validates it.
    func spec() throws -> TimeWindowSpec {
        try TimeWindowSpec(from: from, to: to, date: date, timeZone: tz, last: last)
    }
}
