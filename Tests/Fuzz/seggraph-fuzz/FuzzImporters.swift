// libFuzzer entry point (built by `make fuzz` with -sanitize=fuzzer,address): each input is
// written to a file and imported by every importer with its format forced — native document,
// array and JSON Lines, MOT, CVAT, COCO-VID, Ultralytics. An input may be refused
// (ImportError); it must never crash, hang or touch memory it does not own. $FUZZ_FORMAT picks
// one format (default: all, one after another).
import Foundation
import Importers
import SegGraphModel

/// Counts what the importer delivers; keeps nothing.
struct CountingConsumer: SegmentConsumer {
    var segments = 0
    mutating func consume(source: SourceInput) throws {}
    mutating func consume(segment: SegmentInput) throws { segments += 1 }
}

let formats: [InputFormat] = {
    guard let chosen = ProcessInfo.processInfo.environment["FUZZ_FORMAT"] else { return InputFormat.allCases }
    return InputFormat.allCases.filter { $0.rawValue == chosen }
}()
let scratch = NSTemporaryDirectory() + "seggraph-fuzz-\(getpid()).input"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FileManager.default.createFile(atPath: scratch, contents: Data(bytes: data, count: size))
    for format in formats {
        let importer = AnyImporter(path: scratch, displayName: "fuzz", options:
            ImportOptions(format: format, defaultSourceName: "fuzz", framesPerSecond: 25))
        var consumer = CountingConsumer()
        do {
            _ = try importer.run(into: &consumer)
        } catch is ImportError {
            // A refusal is an answer.
        } catch {
            fatalError("\(format): not an ImportError: \(error)")
        }
    }
    return 0
}

// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's
// driver from there. Without `make fuzz` (-DFUZZING, -sanitize=fuzzer) there is no libFuzzer
// to call, and the binary only says how to build it (so `swift build` of every product works).
#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("seggraph_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
@_cdecl("seggraph_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FileHandle.standardError.write(Data("seggraph-fuzz: build and run it with `make fuzz` (libFuzzer, -sanitize=fuzzer)\n".utf8))
    return 2
}
#endif
