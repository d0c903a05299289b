// `seggraph config show|set|quantize`: the store's linker thresholds and label roles, and how
// similarity searches measure distance.
public import ArgumentParser
public import SegGraph

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show or change the store's configuration (linker thresholds, label roles, vector quantization).",
        discussion: "After `config set`, run `seggraph relink` to recompute edges with the new values." + CommandExamples.appended("config"),
        subcommands: [Show.self, SetValue.self, Quantize.self], defaultSubcommand: Show.self)

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

    struct Quantize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make similarity searches of a space walk on int8 codes (faster) or on the float vectors.",
            discussion: """
                `int8` keeps a 1-byte code per dimension beside each float vector (576 bytes per \
                512-d vector, next to its 2,048): searches walk the graph on the codes and re-rank \
                the candidates they end with on the floats, so distances in answers stay exact. \
                `none` drops the codes. Imports keep the codes up to date. Example: \
                `seggraph config quantize int8 --space default`.
                """)
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "int8 or none.") var quantization: VectorQuantization
        @Option(help: "Embedding space (see `seggraph stats`).") var space = "default"

        func run() throws {
            try reportingErrors {
                print(try storeOptions.open().setVectorQuantization(quantization, space: space).summary)
            }
        }
    }
}

extension VectorQuantization: ExpressibleByArgument {}
