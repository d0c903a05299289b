// Annotations resolved into tracks: per-image boxes are grouped by (video, instance id); a
// YouTube-VIS annotation is a track by itself. Errors name the annotation's JSON path.
import SegGraphModel

struct COCOTrack {
    /// `instance_id`/`track_id`, or the YouTube-VIS annotation `id`.
    var key: Int64
    var videoID: Int64
    var label: String
    var categoryID: Int64
    var isCrowd: Bool
    var boxes: [COCOBox]
}

/// A resolution problem at `path` (`$.annotations[3].image_id`).
struct COCOResolveFailure: Error {
    var path: String
    var reason: String
}

enum COCOVIDTracks {
    /// Tracks by video id, each sorted by frame.
    static func resolve(_ file: COCOVIDFile) throws(COCOResolveFailure) -> [Int64: [COCOTrack]] {
        var tracks: [Int64: [Int64: COCOTrack]] = [:]
        let videoIDs = Set(file.videos.map(\.id))
        for (index, annotation) in file.annotations.enumerated() {
            let categoryID = annotation.categoryID!
            guard let label = file.categories[categoryID] else {
                throw COCOResolveFailure(path: annotation.path + ".category_id", reason: "category_id \(categoryID) is not in categories")
            }
            let (videoID, key, boxes) = try placed(annotation, index: index, images: file.images)
            guard videoIDs.contains(videoID) else {
                throw COCOResolveFailure(path: annotation.path, reason: "video \(videoID) is not in videos")
            }
            let empty = COCOTrack(key: key, videoID: videoID, label: label, categoryID: categoryID,
                                  isCrowd: annotation.isCrowd, boxes: [])
            tracks[videoID, default: [:]][key, default: empty].boxes += boxes
        }
        var result: [Int64: [COCOTrack]] = [:]
        for (videoID, byKey) in tracks {
            result[videoID] = try byKey.values.map { track throws(COCOResolveFailure) in try sorted(track, file) }
        }
        return result
    }

    /// The video, track key and boxes of one annotation.
    private static func placed(_ annotation: COCOAnnotation, index: Int,
                               images: [Int64: COCOImage]) throws(COCOResolveFailure) -> (Int64, Int64, [COCOBox]) {
        if let bboxes = annotation.bboxes {
            guard let videoID = annotation.videoID else {
                throw COCOResolveFailure(path: annotation.path, reason: "missing required field \"video_id\"")
            }
            guard let id = annotation.id else { throw COCOResolveFailure(path: annotation.path, reason: "missing required field \"id\"") }
            let boxes = bboxes.enumerated().compactMap { frame, box in
                box.map { COCOBox(frame: Int64(frame), x: $0[0], y: $0[1], width: $0[2], height: $0[3],
                                  score: annotation.score, annotation: index) }
            }
            return (videoID, id, boxes)
        }
        guard let imageID = annotation.imageID else {
            throw COCOResolveFailure(path: annotation.path, reason: "missing required field \"image_id\" (or YouTube-VIS \"bboxes\")")
        }
        guard let image = images[imageID] else {
            throw COCOResolveFailure(path: annotation.path + ".image_id", reason: "image_id \(imageID) is not in images")
        }
        guard let instance = annotation.instanceID else {
            throw COCOResolveFailure(path: annotation.path, reason: "missing \"instance_id\" (or TAO \"track_id\"): boxes without a track cannot form segments")
        }
        guard let bbox = annotation.bbox else { return (image.videoID, instance, []) }
        let box = COCOBox(frame: image.frame, x: bbox[0], y: bbox[1], width: bbox[2], height: bbox[3],
                          score: annotation.score, annotation: index)
        return (image.videoID, instance, [box])
    }

    private static func sorted(_ track: COCOTrack, _ file: COCOVIDFile) throws(COCOResolveFailure) -> COCOTrack {
        var track = track
        track.boxes.sort { ($0.frame, $0.annotation) < ($1.frame, $1.annotation) }
        for index in track.boxes.indices.dropFirst() where track.boxes[index].frame == track.boxes[index - 1].frame {
            let box = track.boxes[index]
            throw COCOResolveFailure(
                path: file.annotations[box.annotation].path,
                reason: "track \(track.key) of video \(track.videoID) already has a box in frame \(box.frame) (\(file.annotations[track.boxes[index - 1].annotation].path))")
        }
        return track
    }
}
