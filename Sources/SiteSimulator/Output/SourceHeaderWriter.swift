// The `source` object of a camera document: clock, geometry, topology, zones.

extension ByteWriter {
    func writeSourceHeader(camera: Int, plan: SitePlan) {
        let p = plan.parameters
        let cam = plan.layout.cameras[camera]
        let startMillis = p.siteStartUnixMilliseconds + Int64((cam.clockOffsetSeconds * 1000).rounded())
        write("{\"source\": {\"id\": ")
        write(string: cam.name)
        write(", \"start_time\": ")
        write(string: isoTimestamp(unixMilliseconds: startMillis, offsetMinutes: p.utcOffsetMinutes))
        write(", \"timezone\": ")
        write(string: p.timezone)
        write(", \"fps\": ")
        writeCompact(p.framesPerSecond)
        write(", \"width\": ")
        write(int: p.frameWidth)
        write(", \"height\": ")
        write(int: p.frameHeight)
        write(", \"position\": {\"x\": ")
        write(cam.x, decimals: 1)
        write(", \"y\": ")
        write(cam.y, decimals: 1)
        write("}, \"adjacent\": [")
        for (k, n) in cam.adjacent.enumerated() {
            if k > 0 { write(",") }
            write(string: plan.layout.cameras[n].name)
        }
        write("], \"entrance\": ")
        write(cam.isEntrance ? "true" : "false")
        write(", \"embedding_model\": ")
        write(string: p.embeddingModel)
        write(", \"zones\": {")
        writeZones(camera: camera, isEntrance: cam.isEntrance, width: p.frameWidth, height: p.frameHeight)
        write("}},\n \"segments\": [")
    }

    /// Whole numbers without a fraction ("5"), others with up to three decimals ("7.5").
    func writeCompact(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            write(int: Int(value))
        } else {
            write(seconds: value)
        }
    }

    /// Named polygons in pixels: entrances have an `entrance` zone at the lower left; some
    /// cameras have a `loading_dock` or a `restricted` area (fixed rules, so tests can predict).
    private func writeZones(camera: Int, isEntrance: Bool, width: Int, height: Int) {
        var zones: [(name: String, corners: [(Double, Double)])] = []
        if isEntrance {
            zones.append(("entrance", [(0, 0.555), (0.234, 0.555), (0.234, 1), (0, 1)]))
        }
        if camera % 5 == 2 {
            zones.append(("loading_dock", [(0.6, 0.6), (1, 0.6), (1, 1), (0.6, 1)]))
        }
        if camera % 4 == 3 {
            zones.append(("restricted", [(0.4, 0.35), (0.7, 0.35), (0.75, 0.7), (0.35, 0.7)]))
        }
        for (k, zone) in zones.enumerated() {
            if k > 0 { write(", ") }
            write(string: zone.name)
            write(": [")
            for (i, corner) in zone.corners.enumerated() {
                write(i > 0 ? ",[" : "[")
                write(int: Int((corner.0 * Double(width)).rounded()))
                write(",")
                write(int: Int((corner.1 * Double(height)).rounded()))
                write("]")
            }
            write("]")
        }
    }
}
