// Distance kernels and a prefetch hint for the vector index, in C because Swift has no way to
// compile one function for several instruction sets and pick one at run time. The build
// targets baseline x86-64 (SSE2) so the binary runs on any x86-64 machine; these kernels
// also have AVX2 and AVX-512 versions, chosen once by what the CPU supports.
//
// Every version computes bit for bit the same float as the others (and as the Swift kernels
// they replaced): the same 32 lanes accumulate the same products in the same order, products
// and sums are never fused into FMAs, and the lanes are added up in one fixed order. An
// index built on an AVX-512 machine is therefore the index an SSE2 machine would build.
#ifndef SEGGRAPH_VECTOR_KERNELS_H
#define SEGGRAPH_VECTOR_KERNELS_H

#include <stddef.h>

/// a·b over `count` floats.
float seggraph_dot(const float *a, const float *b, size_t count);

/// ‖a − b‖² over `count` floats.
float seggraph_l2_squared(const float *a, const float *b, size_t count);

/// a·c over `count` elements, with the int8 codes `c` widened to floats (the unscaled dot
/// product of a float query with an int8-quantized vector).
float seggraph_dot_i8(const float *a, const signed char *codes, size_t count);

/// Which kernels `seggraph_dot` and `seggraph_l2_squared` use on this CPU: "avx512", "avx2"
/// or "sse2".
const char *seggraph_kernel_name(void);

/// The kernels of one level (0 sse2, 1 avx2, 2 avx512), for tests that compare the levels;
/// NaN when this CPU lacks the level.
float seggraph_dot_at(int level, const float *a, const float *b, size_t count);
float seggraph_l2_squared_at(int level, const float *a, const float *b, size_t count);
float seggraph_dot_i8_at(int level, const float *a, const signed char *codes, size_t count);

/// The highest level this CPU has (see `seggraph_dot_at`).
int seggraph_kernel_level(void);

/// Asks the CPU to start loading the cache line at `address` (no fault if it is unmapped).
static inline void seggraph_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
