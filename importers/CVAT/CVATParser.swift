// SAX pass over a CVAT for video 1.1 file: keeps the task metadata SegGraph needs and every
// track's shapes (reduced to boxes). Element paths decide meaning, so same-named elements
// elsewhere (`<labels><label><name>`, `<segments><segment><id>`) are not confused.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SegGraphModel

/// Task metadata (`<meta><task>` or `<meta><job>`).
struct CVATMeta {
    var taskID: Int64?
    var name: String?
    var startFrame: Int64 = 0
    var stopFrame: Int64?
    var size: Int64?
    /// `step=N` of `<frame_filter>`: task frame i is video frame start_frame + i·N.
    var frameStep: Int64 = 1
    var width: Int?
    var height: Int?
    var videoPath: String?
}

struct CVATTrack {
    var id: Int64
    var label: String
    var labelSource: String?
    var groupID: Int64?
    var shapes: [CVATShape] = []
    var line: Int
}

final class CVATParser: NSObject, XMLParserDelegate {
    let displayName: String
    // Internal rather than private: CVATParser+Elements.swift fills them.
    var meta = CVATMeta()
    var tracks: [CVATTrack] = []
    var skippedShapes = 0
    private(set) var error: ImportError?
    var stack: [String] = []
    var text = ""
    var track: CVATTrack?
    var shape: CVATShape?
    var attributeName: String?
    var shapeCount = 0
    let parser: XMLParser

    init(data: Data, displayName: String) {
        self.displayName = displayName
        parser = XMLParser(data: data)
        super.init()
        parser.delegate = self
    }

    /// Parses everything; the first problem is in `error`.
    func parse() {
        // On Linux the parser recovers from some errors and still returns true, so both the
        // result and the error callback are checked.
        if !parser.parse(), error == nil, let problem = parser.parserError {
            reportXMLError(problem)
        }
        if error == nil, !sawRoot {
            fail(field: "xml", "no <annotations> element")
        }
    }

    private var sawRoot = false

    func fail(field: String, _ reason: String) {
        guard error == nil else { return }
        error = ImportError(displayName, line: parser.lineNumber, field: location(field), reason)
        parser.abortParsing()
    }

    /// `track[@id="3"]/box[@frame="12"]/@xtl`, or the element path outside tracks.
    private func location(_ field: String) -> String {
        guard let track, stack.count >= 2, stack[1] == "track" else {
            return "/" + stack.joined(separator: "/") + (field.isEmpty ? "" : "/" + field)
        }
        var out = "track[@id=\"\(track.id)\"]"
        if let shape, stack.count >= 3 { out += "/\(stack[2])[@frame=\"\(shape.frame)\"]" }
        return field.isEmpty ? out : out + "/" + field
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        stack.append(name)
        text = ""
        switch stack.count {
        case 1:
            sawRoot = true
            if name != "annotations" { fail(field: "", "root element is <\(name)>, expected <annotations> (CVAT for video 1.1)") }
        case 2 where name == "image":
            fail(field: "", "this is CVAT for images (<image> elements); export the task as CVAT for video 1.1")
        case 2 where name == "track":
            startTrack(attributes)
        case 3 where stack[1] == "meta" && name == "project":
            fail(field: "", "CVAT project exports are not supported; export each task as CVAT for video 1.1")
        case 3 where stack[1] == "track":
            startShape(name, attributes)
        case 4 where stack[1] == "track" && name == "attribute" && shape != nil:
            attributeName = attributes["name"] ?? ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        reportXMLError(parseError)
    }

    /// `invalid XML: mismatched closing tag (column 3)`. Codes are libxml2's (which
    /// NSXMLParserError mirrors); the Swift enum's case order differs on Linux, so a table.
    private func reportXMLError(_ problem: any Error) {
        let code = (problem as NSError).code
        let known = [4: "empty document", 5: "unexpected end of document", 9: "invalid character",
                     23: "unescaped '&'", 38: "attribute without a value", 39: "unquoted attribute value",
                     41: "unterminated attribute value", 42: "attribute repeated", 68: "unescaped '<'",
                     73: "expected '>'", 76: "mismatched closing tag"]
        fail(field: "", "invalid XML: \(known[code] ?? "parser error \(code)") (column \(parser.columnNumber))")
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { stack.removeLast(); text = "" }
        if stack.count >= 3, stack[1] == "meta" {
            endMetaElement()
        } else if stack.count == 4, stack[1] == "track", let attributeName, shape != nil {
            shape!.attributes.append((attributeName, text))
            self.attributeName = nil
        } else if stack.count == 3, stack[1] == "track", let shape {
            track?.shapes.append(shape)
            self.shape = nil
        } else if stack.count == 2, name == "track", let track {
            tracks.append(track)
            self.track = nil
        }
    }
}
