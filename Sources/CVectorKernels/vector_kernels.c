// See vector_kernels.h. One body per kernel, written with vector extensions over 16 floats
// and compiled three times with different target attributes: the compiler lowers a 16-lane
// vector to one AVX-512 register, two AVX2 registers or four SSE registers, and the lanes
// compute the same values in each. FP contraction is off so no multiply-add becomes an FMA
// (which rounds once instead of twice and would change the result).
#pragma STDC FP_CONTRACT OFF
#include "vector_kernels.h"

typedef float f16v __attribute__((vector_size(64)));
typedef float f8v __attribute__((vector_size(32)));

// Unaligned loads as macros, not functions: a helper returning a vector would need the
// caller's target attribute to agree on how the vector is passed.
typedef float f16v_unaligned __attribute__((vector_size(64), aligned(4)));
typedef float f8v_unaligned __attribute__((vector_size(32), aligned(4)));
#define load16(p) (*(const f16v_unaligned *)(p))
#define load8(p) (*(const f8v_unaligned *)(p))

// The lanes are added from lane 0 up, starting at -0 (which leaves the first lane exact), as
// Swift's SIMD `sum()` does.
#define SUM_LANES(vector, lanes, out) do { \
        float s_ = -0.0f; \
        for (int l_ = 0; l_ < (lanes); l_++) s_ += (vector)[l_]; \
        (out) = s_; \
    } while (0)

// Every kernel sums one term per element in the same shape: two 16-lane accumulators over 32
// elements at a time, a 16-lane and an 8-lane tail, the lanes added up in order, then a scalar
// tail. TERM16(i), TERM8(i) and TERM1(i) give the term of the 16, 8 or 1 elements from i.
#define KERNEL_BODY(TERM16, TERM8, TERM1) \
    f16v acc0 = {0}, acc1 = {0}; \
    size_t i = 0; \
    for (; i + 32 <= count; i += 32) { \
        acc0 += TERM16(i); \
        acc1 += TERM16(i + 16); \
    } \
    if (i + 16 <= count) { acc0 += TERM16(i); i += 16; } \
    f8v acc8 = {0}; \
    if (i + 8 <= count) { acc8 = TERM8(i); i += 8; } \
    f16v both = acc0 + acc1; \
    float wide, narrow; \
    SUM_LANES(both, 16, wide); \
    SUM_LANES(acc8, 8, narrow); \
    float sum = wide + narrow; \
    for (; i < count; i++) sum += TERM1(i); \
    return sum;

// a·b
#define DOT16(i) (load16(a + (i)) * load16(b + (i)))
#define DOT8(i) (load8(a + (i)) * load8(b + (i)))
#define DOT1(i) (a[i] * b[i])
#define DOT_BODY KERNEL_BODY(DOT16, DOT8, DOT1)

// ‖a − b‖²
#define L2_16(i) ({ f16v d_ = load16(a + (i)) - load16(b + (i)); d_ * d_; })
#define L2_8(i) ({ f8v d_ = load8(a + (i)) - load8(b + (i)); d_ * d_; })
#define L2_1(i) ({ float d_ = a[i] - b[i]; d_ * d_; })
#define L2_BODY KERNEL_BODY(L2_16, L2_8, L2_1)

// q·codes with the int8 codes widened to floats.
typedef signed char i8x16_unaligned __attribute__((vector_size(16), aligned(1)));
typedef signed char i8x8_unaligned __attribute__((vector_size(8), aligned(1)));
#define widen16(p) __builtin_convertvector(*(const i8x16_unaligned *)(p), f16v)
#define widen8(p) __builtin_convertvector(*(const i8x8_unaligned *)(p), f8v)
#define DOT_I8_16(i) (load16(a + (i)) * widen16(codes + (i)))
#define DOT_I8_8(i) (load8(a + (i)) * widen8(codes + (i)))
#define DOT_I8_1(i) (a[i] * (float)codes[i])
#define DOT_I8_BODY KERNEL_BODY(DOT_I8_16, DOT_I8_8, DOT_I8_1)

__attribute__((target("avx512f")))
static float dot_i8_avx512(const float *a, const signed char *codes, size_t count) { DOT_I8_BODY }
__attribute__((target("avx2")))
static float dot_i8_avx2(const float *a, const signed char *codes, size_t count) { DOT_I8_BODY }
static float dot_i8_sse2(const float *a, const signed char *codes, size_t count) { DOT_I8_BODY }

__attribute__((target("avx512f")))
static float dot_avx512(const float *a, const float *b, size_t count) { DOT_BODY }
__attribute__((target("avx2")))
static float dot_avx2(const float *a, const float *b, size_t count) { DOT_BODY }
static float dot_sse2(const float *a, const float *b, size_t count) { DOT_BODY }

__attribute__((target("avx512f")))
static float l2_avx512(const float *a, const float *b, size_t count) { L2_BODY }
__attribute__((target("avx2")))
static float l2_avx2(const float *a, const float *b, size_t count) { L2_BODY }
static float l2_sse2(const float *a, const float *b, size_t count) { L2_BODY }

enum level { LEVEL_SSE2, LEVEL_AVX2, LEVEL_AVX512 };

// Asked each call: __builtin_cpu_supports reads a word the runtime filled in at load time,
// so there is no state of ours to set up or for threads to race on.
static inline enum level cpu_level(void) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx512f")) return LEVEL_AVX512;
    if (__builtin_cpu_supports("avx2")) return LEVEL_AVX2;
#endif
    return LEVEL_SSE2;
}

// NAME(a, b, count) runs the best level this CPU has; NAME_at(level, a, b, count) runs the
// one asked for (tests compare the levels), NaN when this CPU lacks it.
#define DISPATCH(NAME, KERNEL, SECOND) \
    static float KERNEL##_level(int level, const float *a, SECOND b, size_t count) { \
        switch (level) { \
        case LEVEL_AVX512: return KERNEL##_avx512(a, b, count); \
        case LEVEL_AVX2: return KERNEL##_avx2(a, b, count); \
        default: return KERNEL##_sse2(a, b, count); \
        } \
    } \
    float NAME(const float *a, SECOND b, size_t count) { return KERNEL##_level(cpu_level(), a, b, count); } \
    float NAME##_at(int level, const float *a, SECOND b, size_t count) { \
        return level > (int)cpu_level() ? __builtin_nanf("") : KERNEL##_level(level, a, b, count); \
    }

DISPATCH(seggraph_dot, dot, const float *)
DISPATCH(seggraph_l2_squared, l2, const float *)
DISPATCH(seggraph_dot_i8, dot_i8, const signed char *)

int seggraph_kernel_level(void) { return (int)cpu_level(); }

const char *seggraph_kernel_name(void) {
    switch (cpu_level()) {
    case LEVEL_AVX512: return "avx512";
    case LEVEL_AVX2: return "avx2";
    default: return "sse2";
    }
}
