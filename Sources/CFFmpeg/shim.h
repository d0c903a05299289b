#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/display.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
#include <errno.h>
#include <math.h>

// Swift cannot import function-like or casting macros, so the few MediaProbe needs are
// wrapped here as static inline functions (no separate C target, nothing to link).

/// AVERROR_EOF: the demuxer or codec has no more data.
static inline int seggraph_averror_eof(void) { return AVERROR_EOF; }

/// AVERROR(EAGAIN): the codec wants input (decode) or has no output yet.
static inline int seggraph_averror_eagain(void) { return AVERROR(EAGAIN); }

/// AV_NOPTS_VALUE: "no timestamp" / "unknown duration".
static inline int64_t seggraph_nopts(void) { return AV_NOPTS_VALUE; }

/// Counter-clockwise rotation in degrees from the stream's display matrix, or NAN if the stream
/// has none. The side-data API moved in FFmpeg 7 (libavformat 61), hence the version switch.
static inline double seggraph_stream_rotation(const AVStream *stream) {
#if LIBAVFORMAT_VERSION_MAJOR >= 61
    const AVPacketSideData *sd = av_packet_side_data_get(stream->codecpar->coded_side_data,
                                                         stream->codecpar->nb_coded_side_data,
                                                         AV_PKT_DATA_DISPLAYMATRIX);
    if (!sd || sd->size < 9 * sizeof(int32_t)) return NAN;
    return av_display_rotation_get((const int32_t *)sd->data);
#else
    size_t size = 0;
    const uint8_t *data = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!data || size < 9 * sizeof(int32_t)) return NAN;
    return av_display_rotation_get((const int32_t *)data);
#endif
}
