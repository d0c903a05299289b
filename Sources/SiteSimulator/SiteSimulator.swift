// The public entry point: plan the site once, then stream one document per camera and the
// ground truth. See DESIGN.md ("Input: segments") for the document shape written here.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A deterministic generator of a multi-camera site's segmentation output.
///
/// Same parameters (including the seed) give byte-identical files on every run. The event plan
/// (≈ 100 bytes per segment plus one identity vector per person and object) is held in memory;
/// boxes and embeddings are computed while writing, one segment at a time.
public struct SiteSimulator: Sendable {
    public let parameters: SimulationParameters

    public init(_ parameters: SimulationParameters) {
        self.parameters = parameters
    }

    /// Writes `cam_XX.json` for every camera and `ground_truth.json` into `directory`
    /// (created if missing; existing files of the same names are replaced).
    ///
    /// - Parameters:
    ///   - directory: output directory.
    ///   - progress: called after each camera with the fraction of segments written (0...1],
    ///     on the calling thread.
    /// - Returns: files, counts and bytes written.
    /// - Throws: `SimulationError` for invalid parameters (`.invalidParameters`), an output
    ///   directory that cannot be created (`.cannotCreateDirectory`), or a failed file write.
    /// - Complexity: O(segments · (boxes + dimension)) time; memory O(segments + people · dimension).
    public func write(to directory: String, progress: ((Double) -> Void)? = nil) throws -> SimulationSummary {
        try parameters.validate()
        try Self.makeDirectory(directory)
        let plan = SitePlan(parameters)
        let writer = CameraDocumentWriter(plan: plan)
        var summary = SimulationSummary()
        let total = max(plan.segments.count, 1)
        var done = 0
        for camera in plan.layout.cameras.indices {
            let path = directory + "/" + plan.layout.cameras[camera].name + ".json"
            try writer.write(camera: camera, to: path, summary: &summary)
            summary.filesWritten.append(path)
            done += plan.byCamera[camera].count
            progress?(Double(done) / Double(total))
        }
        let truthPath = directory + "/ground_truth.json"
        summary.bytesWritten += try GroundTruthWriter(plan: plan).write(to: truthPath)
        summary.filesWritten.append(truthPath)
        summary.peopleSeen = plan.people.filter { !$0.appearances.isEmpty }.count
        summary.activityCount = plan.segments.filter { $0.role.isActivity }.count
        summary.spuriousCount = plan.segments.filter { if case .spurious = $0.role { true } else { false } }.count
        return summary
    }

    private static func makeDirectory(_ path: String) throws(SimulationError) {
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
        if mkdir(path, 0o755) != 0 {
            throw SimulationError(code: .cannotCreateDirectory, message: "cannot create output directory",
                                  path: path, systemError: errno)
        }
    }
}
