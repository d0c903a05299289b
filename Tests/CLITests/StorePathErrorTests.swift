// Goal: a --store that cannot be a store gets one readable line and a documented exit code,
// never a Foundation error dump. Method: the binary run on a plain file and on a path whose
// parent cannot exist; stderr and the exit status are compared exactly.
import Foundation
import Testing
import TestSupport

struct StorePathErrorTests {
    @Test func aFileIsNotAStore() throws {
        let directory = TemporaryDirectory("store-path")
        let file = directory.write("plain.txt", "not a store\n")
        let result = try Command.seggraph(["init", "--store", file])
        #expect(result.status == 2)
        #expect(result.stderr == "seggraph: \(file): exists and is not a directory (--store)\n")
    }

    @Test func anImpossiblePathNamesTheReason() throws {
        let result = try Command.seggraph(["init", "--store", "/proc/seggraph-no-such/store"])
        #expect(result.status == 1)
        #expect(result.stderr == "seggraph: /proc/seggraph-no-such/store: cannot create the store directory: No such file or directory (--store)\n")
    }
}
