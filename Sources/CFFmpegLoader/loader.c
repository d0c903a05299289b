// FFmpeg, loaded only by the commands that read video. Linking libavformat pulls in about
// 130 shared libraries (codecs, TLS, X11, …), and the dynamic loader resolved all of them
// at every start, even for `seggraph stats`. Here each FFmpeg function MediaProbe calls is a
// trampoline with the real prototype (the FFmpeg headers check every signature): on first
// use it dlopens the library whose major version the headers name and calls through.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/display.h>
#include <libswscale/swscale.h>
#include "CFFmpegLoader.h"

#define SG_STR2(x) #x
#define SG_STR(x) SG_STR2(x)

enum { SG_AVFORMAT, SG_AVCODEC, SG_AVUTIL, SG_SWSCALE, SG_LIBRARIES };
static const char *const sg_names[SG_LIBRARIES] = {
    "libavformat.so." SG_STR(LIBAVFORMAT_VERSION_MAJOR),
    "libavcodec.so." SG_STR(LIBAVCODEC_VERSION_MAJOR),
    "libavutil.so." SG_STR(LIBAVUTIL_VERSION_MAJOR),
    "libswscale.so." SG_STR(LIBSWSCALE_VERSION_MAJOR),
};
static void *sg_handles[SG_LIBRARIES];

int seggraph_ffmpeg_loaded(void) { return sg_handles[SG_AVFORMAT] != NULL; }

/// The address of `name` in library `library`. A missing library is an installation error:
/// say which one and stop, like the dynamic loader would have at start.
static void *sg_symbol(int library, const char *name) {
    void *handle = __atomic_load_n(&sg_handles[library], __ATOMIC_ACQUIRE);
    if (!handle) {
        handle = dlopen(sg_names[library], RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            fprintf(stderr, "seggraph: cannot load %s (install FFmpeg's libraries, e.g. apt-get install libavformat-dev): %s\n",
                    sg_names[library], dlerror());
            exit(1);
        }
        __atomic_store_n(&sg_handles[library], handle, __ATOMIC_RELEASE);
    }
    void *symbol = dlsym(handle, name);
    if (!symbol) {
        fprintf(stderr, "seggraph: %s has no %s\n", sg_names[library], name);
        exit(1);
    }
    return symbol;
}

// One trampoline: the pointer is resolved once; races only repeat the same lookup.
#define SG_CALL(library, name, ...)                                                 \
    static __typeof__(&name) real;                                                  \
    __typeof__(&name) fn = __atomic_load_n(&real, __ATOMIC_ACQUIRE);                \
    if (!fn) {                                                                       \
        fn = (__typeof__(&name))sg_symbol(library, #name);                           \
        __atomic_store_n(&real, fn, __ATOMIC_RELEASE);                               \
    }                                                                                \
    return fn(__VA_ARGS__);

// libavformat
int avformat_open_input(AVFormatContext **ps, const char *url, const AVInputFormat *fmt, AVDictionary **options) {
    SG_CALL(SG_AVFORMAT, avformat_open_input, ps, url, fmt, options) }
int avformat_find_stream_info(AVFormatContext *ic, AVDictionary **options) {
    SG_CALL(SG_AVFORMAT, avformat_find_stream_info, ic, options) }
void avformat_close_input(AVFormatContext **s) { SG_CALL(SG_AVFORMAT, avformat_close_input, s) }
int av_find_best_stream(AVFormatContext *ic, enum AVMediaType type, int wanted_stream_nb, int related_stream,
                        const AVCodec **decoder_ret, int flags) {
    SG_CALL(SG_AVFORMAT, av_find_best_stream, ic, type, wanted_stream_nb, related_stream, decoder_ret, flags) }
int av_read_frame(AVFormatContext *s, AVPacket *pkt) { SG_CALL(SG_AVFORMAT, av_read_frame, s, pkt) }
int av_seek_frame(AVFormatContext *s, int stream_index, int64_t timestamp, int flags) {
    SG_CALL(SG_AVFORMAT, av_seek_frame, s, stream_index, timestamp, flags) }
#if LIBAVFORMAT_VERSION_MAJOR < 61
uint8_t *av_stream_get_side_data(const AVStream *stream, enum AVPacketSideDataType type, size_t *size) {
    SG_CALL(SG_AVFORMAT, av_stream_get_side_data, stream, type, size) }
#endif

// libavcodec
AVCodecContext *avcodec_alloc_context3(const AVCodec *codec) { SG_CALL(SG_AVCODEC, avcodec_alloc_context3, codec) }
const AVCodec *avcodec_find_decoder(enum AVCodecID id) { SG_CALL(SG_AVCODEC, avcodec_find_decoder, id) }
const AVCodec *avcodec_find_encoder(enum AVCodecID id) { SG_CALL(SG_AVCODEC, avcodec_find_encoder, id) }
void avcodec_flush_buffers(AVCodecContext *avctx) { SG_CALL(SG_AVCODEC, avcodec_flush_buffers, avctx) }
void avcodec_free_context(AVCodecContext **avctx) { SG_CALL(SG_AVCODEC, avcodec_free_context, avctx) }
const char *avcodec_get_name(enum AVCodecID id) { SG_CALL(SG_AVCODEC, avcodec_get_name, id) }
int avcodec_open2(AVCodecContext *avctx, const AVCodec *codec, AVDictionary **options) {
    SG_CALL(SG_AVCODEC, avcodec_open2, avctx, codec, options) }
int avcodec_parameters_to_context(AVCodecContext *codec, const AVCodecParameters *par) {
    SG_CALL(SG_AVCODEC, avcodec_parameters_to_context, codec, par) }
int avcodec_receive_frame(AVCodecContext *avctx, AVFrame *frame) { SG_CALL(SG_AVCODEC, avcodec_receive_frame, avctx, frame) }
int avcodec_receive_packet(AVCodecContext *avctx, AVPacket *avpkt) { SG_CALL(SG_AVCODEC, avcodec_receive_packet, avctx, avpkt) }
int avcodec_send_frame(AVCodecContext *avctx, const AVFrame *frame) { SG_CALL(SG_AVCODEC, avcodec_send_frame, avctx, frame) }
int avcodec_send_packet(AVCodecContext *avctx, const AVPacket *avpkt) { SG_CALL(SG_AVCODEC, avcodec_send_packet, avctx, avpkt) }
AVPacket *av_packet_alloc(void) { SG_CALL(SG_AVCODEC, av_packet_alloc) }
void av_packet_free(AVPacket **pkt) { SG_CALL(SG_AVCODEC, av_packet_free, pkt) }
void av_packet_unref(AVPacket *pkt) { SG_CALL(SG_AVCODEC, av_packet_unref, pkt) }
#if LIBAVFORMAT_VERSION_MAJOR >= 61
const AVPacketSideData *av_packet_side_data_get(const AVPacketSideData *sd, int nb_sd, enum AVPacketSideDataType type) {
    SG_CALL(SG_AVCODEC, av_packet_side_data_get, sd, nb_sd, type) }
#endif

// libavutil
AVDictionaryEntry *av_dict_get(const AVDictionary *m, const char *key, const AVDictionaryEntry *prev, int flags) {
    SG_CALL(SG_AVUTIL, av_dict_get, m, key, prev, flags) }
AVFrame *av_frame_alloc(void) { SG_CALL(SG_AVUTIL, av_frame_alloc) }
int av_frame_apply_cropping(AVFrame *frame, int flags) { SG_CALL(SG_AVUTIL, av_frame_apply_cropping, frame, flags) }
void av_frame_free(AVFrame **frame) { SG_CALL(SG_AVUTIL, av_frame_free, frame) }
int av_frame_get_buffer(AVFrame *frame, int align) { SG_CALL(SG_AVUTIL, av_frame_get_buffer, frame, align) }
void av_log_set_level(int level) { SG_CALL(SG_AVUTIL, av_log_set_level, level) }
int av_strerror(int errnum, char *errbuf, size_t errbuf_size) { SG_CALL(SG_AVUTIL, av_strerror, errnum, errbuf, errbuf_size) }
double av_display_rotation_get(const int32_t matrix[9]) { SG_CALL(SG_AVUTIL, av_display_rotation_get, matrix) }

// libswscale
struct SwsContext *sws_getContext(int srcW, int srcH, enum AVPixelFormat srcFormat, int dstW, int dstH,
                                  enum AVPixelFormat dstFormat, int flags, SwsFilter *srcFilter,
                                  SwsFilter *dstFilter, const double *param) {
    SG_CALL(SG_SWSCALE, sws_getContext, srcW, srcH, srcFormat, dstW, dstH, dstFormat, flags, srcFilter, dstFilter, param) }
void sws_freeContext(struct SwsContext *swsContext) { SG_CALL(SG_SWSCALE, sws_freeContext, swsContext) }
int sws_scale_frame(struct SwsContext *c, AVFrame *dst, const AVFrame *src) { SG_CALL(SG_SWSCALE, sws_scale_frame, c, dst, src) }
