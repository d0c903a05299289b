// `seggraph config show|set`: the store's linker thresholds and label roles.
import ArgumentParser
import SegGraph

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show or change the store's configuration (linker thresholds, label roles).",
        discussion: "After `config set`, run `seggraph relink` to recompute edges with the new values." + CommandExamples.appended("config"),
        subcommands: [Show.self, SetValue.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every setting.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let entries = try storeOptions.open(readOnly: true).read { try $0.configuration() }.entries
                RecordPrinter.print(entries.map { OutputRecord(fields: [("key", .string($0.key)), ("value", .rawJSON($0.value))]) },
                                    columns: ["key", "value"], format: output.format)
            }
        }
    }

    struct SetValue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set one setting to a JSON value, e.g. `config set nearDurationSecondsMin 3`.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "Setting name (see `config show`).") var key: String
        // Captures `-1` too, which would otherwise be read as an option.
        @Argument(parsing: .allUnrecognized, help: "JSON value: 2.5, -1, '[\"person\"]', '{\"bag\": \"holds\"}'.")
        var values: [String] = []

        func validate() throws {
            guard values.count == 1 else { throw ValidationError("give exactly one JSON value after the setting name") }
        }

        func run() throws {
            let value = values[0]
            try reportingErrors {
                try storeOptions.open().setConfiguration(key: key, jsonValue: value)
                print("\(key) = \(value) (run `seggraph relink` to apply it to existing edges)")
            }
        }
    }
}
