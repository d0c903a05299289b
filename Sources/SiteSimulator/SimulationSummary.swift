// What `SiteSimulator.write` produced, for the CLI's report and the benchmarks' sanity checks.

/// Counts of one label across the whole site.
public struct LabelCount: Sendable, Equatable {
    public var label: String
    public var segments: Int
    public var boxes: Int
}

/// The result of writing a simulated site.
public struct SimulationSummary: Sendable {
    /// Paths of every file written, camera documents first (in camera order), ground truth last.
    public var filesWritten: [String] = []
    /// Per-label segment and box counts, sorted by label.
    public var labels: [LabelCount] = []
    public var segmentCount: Int = 0
    public var boxCount: Int = 0
    /// Bytes written over all files.
    public var bytesWritten: Int64 = 0
    /// Number of people who appeared in at least one camera.
    public var peopleSeen: Int = 0
    public var spuriousCount: Int = 0
    public var activityCount: Int = 0

    /// Segment count of one label (0 if absent).
    public func segments(labelled label: String) -> Int {
        labels.first { $0.label == label }?.segments ?? 0
    }

    mutating func add(label: String, boxes: Int) {
        segmentCount += 1
        boxCount += boxes
        if let i = labels.firstIndex(where: { $0.label == label }) {
            labels[i].segments += 1
            labels[i].boxes += boxes
        } else {
            labels.append(LabelCount(label: label, segments: 1, boxes: boxes))
            labels.sort { $0.label < $1.label }
        }
    }
}
