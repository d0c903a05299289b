// `seggraph zones list|set`: named polygons per source.
import ArgumentParser
import SegGraph

struct ZonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zones", abstract: "List or set named zones (polygons in a source's pixels).",
        discussion: CommandExamples.section("zones"),
        subcommands: [List.self, SetZone.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every source's zones.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                output.write(try storeOptions.run(ZonesQuery()))
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
                let points = try ZoneRecord.parsePolygon(polygon)
                try storeOptions.open().setZone(source: source, name: name, points: points)
                print("zone \(source):\(name) set (\(points.count) points)")
            }
        }
    }
}
