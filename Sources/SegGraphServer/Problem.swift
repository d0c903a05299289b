// Errors as RFC 9457 problem details (`application/problem+json`): a type, a title, the
// status, a detail in the engine's words and the offending parameter. Never a stack trace or
// a path of the server's disk.
public import HTTPTypes
internal import SegGraph
internal import SegGraphModel

/// An error answer of the endpoint.
public struct Problem: Error, Sendable {
    public var status: HTTPResponse.Status
    public var detail: String
    public var parameter: String?

    public init(_ status: HTTPResponse.Status, _ detail: String, parameter: String? = nil) {
        self.status = status
        self.detail = detail
        self.parameter = parameter
    }

    /// The problem an engine error is: 400 a bad parameter, 404 unknown, 422 an impossible or
    /// too large query, 503 the store cannot answer or the query ran out of its time budget;
    /// anything else 500 without details.
    init(_ error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case let error as StoreError:
            let status: HTTPResponse.Status = switch error.kind {
            case .invalidArgument: .badRequest
            case .notFound: .notFound
            case .limit, .conflict: .unprocessableContent
            case .storage, .corrupt, .formatVersion, .timeout: .serviceUnavailable
            case .readOnly, .alreadyExists: .methodNotAllowed
            }
            // Storage messages may name files; the detail keeps only the engine's words.
            let detail = status == .serviceUnavailable && error.kind != .timeout
                ? "the store cannot answer (\(error.kind.rawValue))" : error.message
            self.init(status, detail, parameter: error.parameter)
        default:
            self.init(.internalServerError, "internal error")
        }
    }

    /// The problem+json body.
    var json: String {
        var fields = [
            AnswerField("type", .string("https://seggraph.dev/problems/\(status.code)")),
            AnswerField("title", .string(status.reasonPhrase)),
            AnswerField("status", .int(status.code)), AnswerField("detail", .string(detail)),
        ]
        if let parameter { fields.append(AnswerField("parameter", .string(parameter))) }
        return AnswerValue.object(fields).json
    }
}
