// Positions and zones: `{"x":..,"y":..}` or `[x, y]`; zones as `{name: polygon}` or
// `[{"name":..,"polygon":..}]`.
import SegGraphModel

extension SourceParser {
    static func readPoint(_ reader: inout JSONReader) throws(JSONFailure) -> SitePosition {
        if reader.peek() == UInt8(ascii: "[") {
            try reader.enterArray()
            var coordinates: [Double] = []
            var index = 0
            while try reader.nextElement(index) {
                guard index < 2 else { throw reader.failure("a point has 2 coordinates, found more") }
                coordinates.append(try reader.readDouble())
                index += 1
            }
            guard coordinates.count == 2 else { throw reader.failure("a point has 2 coordinates, found \(coordinates.count)") }
            return SitePosition(x: coordinates[0], y: coordinates[1])
        }
        var x: Double?
        var y: Double?
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            if reader.token(key, is: "x") { x = try reader.readDouble() }
            else if reader.token(key, is: "y") { y = try reader.readDouble() }
            else { try reader.skipValue() }
        }
        guard let x else { throw reader.failure("missing required field \"x\"") }
        guard let y else { throw reader.failure("missing required field \"y\"") }
        return SitePosition(x: x, y: y)
    }

    static func readZones(_ reader: inout JSONReader) throws(JSONFailure) -> [Zone] {
        var zones: [Zone] = []
        if try reader.consumeNull() { return zones }
        if reader.peek() == UInt8(ascii: "{") {
            try reader.enterObject()
            var first = true
            while let key = try reader.nextKey(&first) {
                try checkZoneCount(zones, reader)
                let name = try reader.decode(key)
                zones.append(Zone(name: name, polygon: try readPolygon(&reader)))
            }
            return zones
        }
        try reader.enterArray()
        var index = 0
        while try reader.nextElement(index) {
            try checkZoneCount(zones, reader)
            zones.append(try readZoneObject(&reader))
            index += 1
        }
        return zones
    }

    private static func readZoneObject(_ reader: inout JSONReader) throws(JSONFailure) -> Zone {
        var name: String?
        var polygon: [SitePosition]?
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            if reader.token(key, is: "name") { name = try reader.readString(maxBytes: ImportLimits.labelBytesMax) }
            else if reader.token(key, is: "polygon") { polygon = try readPolygon(&reader) }
            else { try reader.skipValue() }
        }
        guard let name else { throw reader.failure("missing required field \"name\"") }
        guard let polygon else { throw reader.failure("missing required field \"polygon\"") }
        return Zone(name: name, polygon: polygon)
    }

    private static func readPolygon(_ reader: inout JSONReader) throws(JSONFailure) -> [SitePosition] {
        var points: [SitePosition] = []
        try reader.enterArray()
        var index = 0
        while try reader.nextElement(index) {
            guard index < ImportLimits.polygonVerticesMax else {
                throw reader.failure("more than \(ImportLimits.polygonVerticesMax) polygon vertices")
            }
            points.append(try readPoint(&reader))
            index += 1
        }
        guard points.count >= 3 else { throw reader.failure("a polygon needs at least 3 points, found \(points.count)") }
        return points
    }

    private static func checkZoneCount(_ zones: [Zone], _ reader: JSONReader) throws(JSONFailure) {
        guard zones.count < ImportLimits.zonesPerSourceMax else {
            throw reader.failure("more than \(ImportLimits.zonesPerSourceMax) zones")
        }
    }
}
