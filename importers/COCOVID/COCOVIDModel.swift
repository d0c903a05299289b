// What the COCO-VID / TAO / YouTube-VIS parser keeps: small records, resolved against each
// other only after the whole file is read (the top-level keys may come in any order).

struct COCOVideo {
    var id: Int64
    var name: String?
    /// YouTube-VIS has no name: the folder of its first `file_names` entry names the video.
    var firstFileName: String?
    var width: Int?
    var height: Int?
    var framesPerSecond: Double?
    var path: String
}

/// An `images` entry of the per-image layout: which video and frame it is.
struct COCOImage {
    var videoID: Int64
    /// `frame_id` (mmtracking CocoVID, 0-based) or `frame_index` (TAO).
    var frame: Int64
    var width: Int?
    var height: Int?
}

/// A box with where it was read, before it is placed on a track.
struct COCOBox {
    var frame: Int64
    var x: Float
    var y: Float
    var width: Float
    var height: Float
    var score: Double?
    /// Index in `annotations`, for errors.
    var annotation: Int
}

/// One annotation: a box on an image (per-image layout) or a whole track with one box per
/// video frame (YouTube-VIS `bboxes`, `null` where the object is absent).
struct COCOAnnotation {
    var id: Int64?
    var videoID: Int64?
    var imageID: Int64?
    var categoryID: Int64?
    /// `instance_id` (CocoVID) or `track_id` (TAO).
    var instanceID: Int64?
    var bbox: [Float]?
    var bboxes: [[Float]?]?
    var score: Double?
    var isCrowd = false
    /// `$.annotations[i]`, for errors found while resolving.
    var path: String
}

/// Everything the parser kept.
struct COCOVIDFile {
    var videos: [COCOVideo] = []
    var images: [Int64: COCOImage] = [:]
    var categories: [Int64: String] = [:]
    var annotations: [COCOAnnotation] = []
    var boxCount = 0
}
