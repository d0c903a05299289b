// One line of a MOTChallenge 2D file, parsed and checked field by field. Errors name the line
// and the field (`gt.txt: line 12, bb_left: field 3: expected a number, found "abc"`).
import SegGraphModel

/// `frame,id,bb_left,bb_top,bb_width,bb_height,conf,x,y,z`. Ten fields (MOT15, results,
/// detections): fields after `conf` are world coordinates, checked to be numbers, not kept.
/// Nine fields (MOT16/17/20 ground truth): `conf` is a 0/1 "consider" flag, not a confidence,
/// then `class` and `visibility`; the class names the label.
struct MOTRow {
    var frame: Int64
    var trackID: Int64
    var x: Float
    var y: Float
    var width: Float
    var height: Float
    /// `nil` for `-1` (unknown) or a missing column.
    var confidence: Double?
    /// MOT16+ ground-truth class (nine-field rows only).
    var classID: Int64?
    var line: Int

    static let fieldNames = ["frame", "id", "bb_left", "bb_top", "bb_width", "bb_height", "conf", "x", "y", "z"]
    /// Names of fields 8 and 9 in nine-field (MOT16+ ground truth) rows.
    static let groundTruthFieldNames = ["frame", "id", "bb_left", "bb_top", "bb_width", "bb_height", "conf", "class", "visibility"]
    static let fieldCountMin = 6
    /// Fields in MOT16/17/20 ground truth.
    static let groundTruthFieldCount = 9

    /// MOT16/17/20 ground-truth classes (MOT16 paper, table 5; 13 added by MOT20).
    static func label(classID: Int64?) -> String {
        let names = [1: "person", 2: "person_on_vehicle", 3: "car", 4: "bicycle", 5: "motorbike",
                     6: "non_motorized_vehicle", 7: "static_person", 8: "distractor", 9: "occluder",
                     10: "occluder_on_ground", 11: "occluder_full", 12: "reflection", 13: "crowd"]
        guard let classID else { return "person" }
        return names[Int(classID)] ?? "class_\(classID)"
    }
}

/// Parse failure of one field; the importer adds the file name.
struct MOTFieldError: Error {
    var line: Int
    var field: String
    var reason: String
}

enum MOTRowParser {
    /// Parses the trimmed, non-empty `text` of line `line`.
    static func parse(_ text: Substring, line: Int) throws(MOTFieldError) -> MOTRow {
        let fields = text.split(separator: ",", omittingEmptySubsequences: false)
        let names = fields.count == MOTRow.groundTruthFieldCount ? MOTRow.groundTruthFieldNames : MOTRow.fieldNames
        guard fields.count >= MOTRow.fieldCountMin else {
            throw MOTFieldError(line: line, field: names[fields.count],
                                reason: "expected at least \(MOTRow.fieldCountMin) comma-separated fields, found \(fields.count)")
        }
        guard fields.count <= names.count else {
            throw MOTFieldError(line: line, field: "line",
                                reason: "expected at most \(names.count) comma-separated fields, found \(fields.count)")
        }
        var values: [Double] = []
        values.reserveCapacity(fields.count)
        for (index, field) in fields.enumerated() {
            values.append(try number(field, index: index, name: names[index], line: line))
        }
        let frame = try integer(values[0], fields[0], index: 0, name: names[0], line: line)
        guard frame >= 1 else {
            throw MOTFieldError(line: line, field: "frame", reason: "field 1: frame \(frame) is below 1 (MOT frames are 1-based)")
        }
        let trackID = try integer(values[1], fields[1], index: 1, name: names[1], line: line)
        guard trackID >= 0 else {
            throw MOTFieldError(line: line, field: "id",
                                reason: "field 2: track id \(trackID): detections without a track id (det.txt) cannot form segments")
        }
        let box = try (0..<4).map { offset throws(MOTFieldError) in
            try coordinate(values[2 + offset], index: 2 + offset, name: names[2 + offset], line: line)
        }
        let groundTruth = values.count == MOTRow.groundTruthFieldCount
        let confidence = values.count > 6 && values[6] != -1 && !groundTruth ? values[6] : nil
        let classID = groundTruth ? try integer(values[7], fields[7], index: 7, name: names[7], line: line) : nil
        return MOTRow(frame: frame, trackID: trackID, x: box[0], y: box[1], width: box[2], height: box[3],
                      confidence: confidence, classID: classID, line: line)
    }

    private static func number(_ field: Substring, index: Int, name: String, line: Int) throws(MOTFieldError) -> Double {
        let text = field.trimmingSpaces
        // Double(_:) also accepts "nan", "inf" and hex floats: only finite values pass.
        guard let value = Double(text), value.isFinite else {
            throw MOTFieldError(line: line, field: name,
                                reason: "field \(index + 1): expected a number, found \"\(text)\"")
        }
        return value
    }

    /// Frame and id: integers, also when written `12.0` (savetxt with a float format).
    private static func integer(_ value: Double, _ field: Substring, index: Int, name: String, line: Int) throws(MOTFieldError) -> Int64 {
        guard value == value.rounded(), abs(value) <= Double(Int32.max) else {
            throw MOTFieldError(line: line, field: name,
                                reason: "field \(index + 1): expected an integer, found \"\(field.trimmingSpaces)\"")
        }
        return Int64(value)
    }

    private static func coordinate(_ value: Double, index: Int, name: String, line: Int) throws(MOTFieldError) -> Float {
        guard Float(value).isFinite else {
            throw MOTFieldError(line: line, field: name, reason: "field \(index + 1): \(value) is out of range for a 32-bit float")
        }
        guard index < 4 || value >= 0 else {
            throw MOTFieldError(line: line, field: name, reason: "field \(index + 1): \(name) \(value) is negative")
        }
        return Float(value)
    }
}

extension Substring {
    /// Without leading/trailing spaces, tabs and carriage returns.
    var trimmingSpaces: Substring {
        let isSpace = { (character: Character) in character == " " || character == "\t" || character == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}
