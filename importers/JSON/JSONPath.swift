// The position of the value being parsed, kept as a stack so errors can name it as
// `$.segments[12].bounding_boxes[4].w`. Keys are byte ranges into the mapped file, so pushing
// a key costs no allocation; text is built only when an error is reported.

/// One step of a JSON path.
enum JSONPathComponent {
    /// An array element.
    case index(Int)
    /// An object member whose key is in the file at `start..<start+count` (between the quotes).
    case key(start: Int, count: Int, escaped: Bool)
    /// An object member named by the importer (used for errors raised after an object closed).
    case name(StaticString)
}

/// A stack of path components; also bounds nesting depth.
struct JSONPath {
    private(set) var components: [JSONPathComponent] = []

    init() { components.reserveCapacity(16) }

    var depth: Int { components.count }

    @inline(__always) mutating func push(_ component: JSONPathComponent) {
        components.append(component)
    }

    @inline(__always) mutating func pop() { components.removeLast() }

    @inline(__always) mutating func setTop(_ component: JSONPathComponent) {
        components[components.count - 1] = component
    }

    var top: JSONPathComponent? { components.last }

    /// Drops everything above `depth` (used when an element is abandoned, e.g. per JSON line).
    mutating func truncate(to depth: Int) {
        if components.count > depth { components.removeLast(components.count - depth) }
    }

    /// `$`, then `[i]`, `.name`, or `["odd key"]` for keys that are not identifiers.
    func render(keyText: (Int, Int, Bool) -> String) -> String {
        var out = "$"
        for component in components { append(component, to: &out, keyText: keyText) }
        return out
    }

    func append(_ component: JSONPathComponent, to out: inout String,
                keyText: (Int, Int, Bool) -> String) {
        switch component {
        case .index(let index): out += "[\(index)]"
        case .name(let name): out += "." + name.description
        case .key(let start, let count, let escaped):
            let key = keyText(start, count, escaped)
            if Self.isIdentifier(key) {
                out += "." + key
            } else {
                out += "[\""
                for character in key {
                    if character == "\\" || character == "\"" { out += "\\" }
                    out.append(character)
                }
                out += "\"]"
            }
        }
    }

    static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(0x30...0x39).contains(first) else { return false }
        return key.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
                || (0x61...0x7A).contains(byte) || byte == 0x5F
        }
    }
}

/// A parse failure. The path is not rendered here: the reader is `inout`, so at the catch site
/// its path stack is still exactly where the failure happened.
struct JSONFailure: Error {
    var reason: String
    /// Byte column (1-based) for syntax errors; `nil` for semantic errors.
    var column: Int?
    /// Line of the failing byte (1-based).
    var line: Int
    /// Extra steps below the reader's path (for checks made after an object closed).
    var suffix: [JSONPathComponent] = []
}
