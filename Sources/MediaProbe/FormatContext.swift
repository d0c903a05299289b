// The one owner of an AVFormatContext (an open container). Everything that needs the demuxer
// goes through this class, so the close happens exactly once, in deinit, whatever path
// (success or throw) the caller takes.
import CFFmpeg
import Glibc

final class FormatContext {
    /// Never NULL while the object lives; not to be stored outside it.
    let pointer: UnsafeMutablePointer<AVFormatContext>
    let path: String

    /// Opens the container and reads stream info (which may decode a few packets).
    /// - Throws: `.cannotOpen` with FFmpeg's reason (missing file, unknown format),
    ///   `.cannotReadStreams` when stream parameters cannot be found.
    init(path: String) throws(MediaProbeError) {
        // A FIFO or a device would make libavformat wait for data forever: regular files only.
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            throw MediaProbeError(.cannotOpen, path: path, action: "cannot open", reason: "not a regular file")
        }
        _ = FFmpegStatus.silenced
        var context: UnsafeMutablePointer<AVFormatContext>? = nil
        let opened = avformat_open_input(&context, path, nil, nil)
        guard opened >= 0, let context else {
            throw MediaProbeError(.cannotOpen, path: path, action: "cannot open", status: opened)
        }
        self.pointer = context
        self.path = path
        let found = avformat_find_stream_info(context, nil)
        if found < 0 {
            throw MediaProbeError(.cannotReadStreams, path: path, action: "cannot read streams",
                                  status: found)
        }
    }

    deinit {
        var context: UnsafeMutablePointer<AVFormatContext>? = pointer
        avformat_close_input(&context)
    }

    var streamCount: Int { Int(pointer.pointee.nb_streams) }

    /// Stream `index`; valid while `self` lives.
    func stream(_ index: Int) -> UnsafeMutablePointer<AVStream> {
        precondition(index >= 0 && index < streamCount, "stream index out of range")
        return pointer.pointee.streams[index]!
    }

    var formatName: String { string(pointer.pointee.iformat?.pointee.name, default: "unknown") }

    /// The stream a player would show (skips cover-art pictures), not simply stream 0.
    /// - Throws: `.noVideoStream` when the file has none.
    func bestVideoStreamIndex() throws(MediaProbeError) -> Int {
        let index = av_find_best_stream(pointer, AVMEDIA_TYPE_VIDEO, -1, -1, nil, 0)
        guard index >= 0 else {
            throw MediaProbeError(.noVideoStream, path: path, action: "has no video stream",
                                  reason: "")
        }
        return Int(index)
    }

    /// Container duration in seconds, nil when the header has none.
    var durationSeconds: Double? {
        let duration = pointer.pointee.duration
        guard duration != FFmpegStatus.noTimestamp, duration > 0 else { return nil }
        return Double(duration) / Double(AV_TIME_BASE)
    }

    /// Tag value from the container's metadata, else from stream `streamIndex`'s.
    func tag(_ key: String, streamIndex: Int?) -> String? {
        if let entry = av_dict_get(pointer.pointee.metadata, key, nil, 0) {
            return string(entry.pointee.value)
        }
        guard let streamIndex,
              let entry = av_dict_get(stream(streamIndex).pointee.metadata, key, nil, 0)
        else { return nil }
        return string(entry.pointee.value)
    }

    /// Makes the demuxer skip every stream but `keep`, so reading packets costs no more than
    /// the video stream needs.
    func discardAllStreams(except keep: Int) {
        for index in 0..<streamCount where index != keep {
            stream(index).pointee.discard = AVDISCARD_ALL
        }
    }
}
