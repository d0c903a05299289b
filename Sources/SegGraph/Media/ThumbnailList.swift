// What `thumbnail` (and `find --thumbnails`) report: one row per picture written, with the
// frame and box it shows. The CLI writes the pictures; the engine owns the answer's shape,
// with pixels rounded to 0.1 and seconds to ms like every other answer.

/// A picture written for a segment.
public struct ThumbnailWritten: Sendable {
    /// What was decoded.
    public var request: ThumbnailRequest
    /// The file written (the contact sheet's, for a cell of one).
    public var file: String
    /// Bytes of the file (the whole sheet's for a cell).
    public var bytes: Int
    /// The number drawn in the segment's cell of a contact sheet; nil for a picture of its own.
    public var cell: Int?

    public init(request: ThumbnailRequest, file: String, bytes: Int, cell: Int? = nil) {
        self.request = request
        self.file = file
        self.bytes = bytes
        self.cell = cell
    }
}

/// The pictures written, in the order asked.
public struct ThumbnailList: Sendable, Answerable {
    public var pictures: [ThumbnailWritten]
    /// Lines for people: segments skipped (no video) and where the pictures went.
    public var notes: [String]

    public init(pictures: [ThumbnailWritten], notes: [String] = []) {
        self.pictures = pictures
        self.notes = notes
    }

    /// JSON (`schema/answers/thumbnails.schema.json`): an array of `{segment, cell, file, video,
    /// frame, offset_s, box: {x, y, w, h}, bytes}`.
    public var answer: Answer {
        let sheet = pictures.contains { $0.cell != nil }
        let rows: [AnswerValue] = pictures.map { picture in
            let request = picture.request
            var frame: AnswerValue = .null, offset: AnswerValue = .null
            switch request.position {
            case .frameIndex(let index): frame = .int(index)
            case .timeSeconds(let seconds): offset = .rounded(seconds, 3)
            }
            let box = request.box
            return .object([
                AnswerField("segment", .string(request.segmentName)),
                AnswerField("cell", .optional(picture.cell)),
                AnswerField("file", .string(picture.file)),
                AnswerField("video", .string(request.videoPath)),
                AnswerField("frame", frame),
                AnswerField("offset_s", offset),
                AnswerField("box", .object([
                    AnswerField("x", .rounded(Double(box.x), 1)), AnswerField("y", .rounded(Double(box.y), 1)),
                    AnswerField("w", .rounded(Double(box.width), 1)), AnswerField("h", .rounded(Double(box.height), 1)),
                ])),
                AnswerField("bytes", .int(picture.bytes)),
            ])
        }
        let columns = (sheet ? [AnswerColumn("cell")] : []) + [
            AnswerColumn("segment"), AnswerColumn("file"), AnswerColumn("frame"), AnswerColumn("offset_s"),
            AnswerColumn("x", path: ["box", "x"]), AnswerColumn("y", path: ["box", "y"]),
            AnswerColumn("w", path: ["box", "w"]), AnswerColumn("h", path: ["box", "h"]), AnswerColumn("bytes"),
        ]
        return Answer(list: rows, columns: columns, notes: notes)
    }
}
