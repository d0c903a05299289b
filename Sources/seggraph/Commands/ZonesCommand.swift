// `seggraph zones list|set`: named polygons per source.
import ArgumentParser
import SegGraph

struct ZonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zones", abstract: "List or set named zones (polygons in a source's pixels).",
        subcommands: [List.self, SetZone.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every source's zones.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let sources = try storeOptions.open(readOnly: true).sourceSummaries().map(\.source)
                let records = sources.flatMap { source in
                    source.zones.map { zone in
                        OutputRecord(fields: [("source", .string(source.name)), ("zone", .string(zone.name)),
                                              ("points", .array(zone.points.map { .array($0.map(OutputValue.double)) }))])
                    }
                }
                RecordPrinter.print(records, columns: ["source", "zone", "points"], format: output.format)
            }
        }
    }

    struct SetZone: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Add or replace a zone: `zones set cam_04 loading_dock '0,400 300,400 300,720 0,720'`.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "Source name.") var source: String
        @Argument(help: "Zone name.") var name: String
        @Argument(help: "Polygon as 'x,y x,y x,y …' in pixels.") var polygon: String

        func run() throws {
            try reportingErrors {
                let points = try polygon.split(separator: " ").map { pair -> [Double] in
                    let values = pair.split(separator: ",").compactMap { Double($0) }
                    guard values.count == 2 else { throw StoreError(.invalidArgument, "polygon point \(pair): expected x,y") }
                    return values
                }
                try storeOptions.open().setZone(source: source, name: name, points: points)
                print("zone \(source):\(name) set (\(points.count) points)")
            }
        }
    }
}
