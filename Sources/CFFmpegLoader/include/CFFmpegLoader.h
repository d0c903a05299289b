// The FFmpeg functions MediaProbe calls, resolved on first use (see loader.c).
#pragma once

/// 1 when the FFmpeg libraries are loaded (after the first call into one of them).
int seggraph_ffmpeg_loaded(void);
