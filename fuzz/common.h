/* common.h — what every libFuzzer target in fuzz/ shares (issue 7).
 *
 * Input layout: the first FZ_OPT_BYTES bytes choose options (language,
 * method, flags...; missing bytes read as 0), the rest is the text.  Seeds
 * written by fuzz/make_corpus.py start with FZ_OPT_BYTES zero bytes.
 *
 * Invariant helpers: an independent implementation of the core's lenient
 * UTF-8 policy (csrc/newstext.h: well-formed sequences and encoded
 * surrogates decode whole, any other byte is one U+FFFD) gives the unit
 * boundaries every offset must land on; span checks (inside the text,
 * start <= end, in order, not overlapping); separators between tokens.
 * A violated invariant prints the file, line and condition and aborts, which
 * libFuzzer reports as a crash and saves as an artifact.
 */
#ifndef NT_FUZZ_COMMON_H
#define NT_FUZZ_COMMON_H

#include "internal.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FZ_OPT_BYTES 4

#define FZ_REQUIRE(c)                                                                  \
    do {                                                                               \
        if (!(c)) {                                                                    \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #c);  \
            abort();                                                                   \
        }                                                                              \
    } while (0)

/* Every call the harnesses make must succeed (inputs are never too big). */
#define FZ_OK(call) FZ_REQUIRE((call) == NT_OK)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct fz_input {
    uint8_t opt[FZ_OPT_BYTES];
    const char *text;      /* the text after the option bytes               */
    size_t len;
    int valid;             /* text is strict UTF-8 (RFC 3629)               */
    uint8_t *boundary;     /* len + 1 flags: offset i starts a decoded unit */
    size_t *units;         /* len + 1: units before offset i (Python index) */
} fz_input;

/* Length of the well-formed sequence at s[i] (RFC 3629 table 3-7), with
 * encoded surrogates (ED A0..BF 80..BF) accepted when `surrogates`; 0 when
 * ill-formed. */
static inline size_t fz_seq_len(const uint8_t *s, size_t n, size_t i, int surrogates)
{
    uint8_t c = s[i];
    if (c < 0x80)
        return 1;
    size_t k;
    uint8_t lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED && !surrogates)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (i + k > n || s[i + 1] < lo || s[i + 1] > hi)
        return 0;
    for (size_t j = 2; j < k; j++)
        if ((s[i + j] & 0xC0) != 0x80)
            return 0;
    return k;
}

static inline int fz_utf8_valid(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k = fz_seq_len(s, n, i, 0);
        if (k == 0)
            return 0;
        i += k;
    }
    return 1;
}

static inline void fz_begin(fz_input *in, const uint8_t *data, size_t size)
{
    memset(in->opt, 0, sizeof in->opt);
    size_t k = size < FZ_OPT_BYTES ? size : FZ_OPT_BYTES;
    memcpy(in->opt, data, k);
    const uint8_t *s = data + k;
    in->text = (const char *)s;
    in->len = size - k;
    in->valid = fz_utf8_valid(s, in->len);
    in->boundary = calloc(in->len + 1, 1);
    in->units = calloc(in->len + 1, sizeof *in->units);
    FZ_REQUIRE(in->boundary && in->units);
    size_t u = 0;
    for (size_t i = 0; i < in->len;) {
        size_t n = fz_seq_len(s, in->len, i, 1);
        if (n == 0)
            n = 1;
        in->boundary[i] = 1;
        for (size_t j = 0; j < n; j++)
            in->units[i + j] = u;
        u++;
        i += n;
    }
    in->boundary[in->len] = 1;
    in->units[in->len] = u;
}

static inline void fz_end(fz_input *in)
{
    free(in->boundary);
    free(in->units);
}

static inline int fz_on_boundary(const fz_input *in, int64_t off)
{
    return off >= 0 && (uint64_t)off <= in->len && in->boundary[off];
}

/* A span [a, b) inside the text, on unit boundaries, a <= b (a < b when
 * nonempty). */
static inline void fz_check_span(const fz_input *in, int64_t a, int64_t b, int nonempty)
{
    FZ_REQUIRE(fz_on_boundary(in, a));
    FZ_REQUIRE(fz_on_boundary(in, b));
    FZ_REQUIRE(nonempty ? a < b : a <= b);
}

/* Spans [from, sp->len) of an array: each valid, in text order, not
 * overlapping. */
static inline void fz_check_spans(const fz_input *in, const nt_spans *sp, size_t from, int nonempty)
{
    int64_t prev = 0;
    for (size_t i = from; i < sp->len; i++) {
        fz_check_span(in, sp->start[i], sp->end[i], nonempty);
        FZ_REQUIRE(sp->start[i] >= prev);
        prev = sp->end[i];
    }
}

/* The tail of `sp` from `from` equals `ref` exactly (the appending property:
 * what a call appends to a non-empty array is what it gives in an empty
 * one). */
static inline void fz_same_spans(const nt_spans *sp, size_t from, const nt_spans *ref)
{
    FZ_REQUIRE(sp->len - from == ref->len);
    for (size_t i = 0; i < ref->len; i++) {
        FZ_REQUIRE(sp->start[from + i] == ref->start[i]);
        FZ_REQUIRE(sp->end[from + i] == ref->end[i]);
        FZ_REQUIRE(sp->kind[from + i] == ref->kind[i]);
    }
}

/* Decoded unit at a boundary, with the documented lenient policy. */
static inline uint32_t fz_cp_at(const fz_input *in, size_t i, size_t *n)
{
    const uint8_t *s = (const uint8_t *)in->text;
    size_t k = fz_seq_len(s, in->len, i, 1);
    if (k == 0) {
        *n = 1;
        return 0xFFFD;
    }
    *n = k;
    if (k == 1)
        return s[i];
    if (k == 2)
        return ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
    if (k == 3)
        return ((uint32_t)(s[i] & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    return ((uint32_t)(s[i] & 0x07) << 18) | ((uint32_t)(s[i + 1] & 0x3F) << 12) |
           ((uint32_t)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
}

/* A separator for the tokenizer: White_Space, a control character, or one
 * of the invisible separators U+200B (zero-width space), U+2060 (word
 * joiner) and U+FEFF (BOM). */
static inline int fz_is_separator(uint32_t cp)
{
    return nt_uc_is_space(cp) || nt_uc_category(cp) == NT_GC_Cc || cp == 0x200B || cp == 0x2060 ||
           cp == 0xFEFF;
}

/* Text [a, b) holds separators only. */
static inline int fz_only_separators(const fz_input *in, size_t a, size_t b)
{
    for (size_t i = a, n; i < b; i += n)
        if (!fz_is_separator(fz_cp_at(in, i, &n)))
            return 0;
    return 1;
}

/* Languages the option bits pick: 0 ID, 1 EN (tokenizers need one). */
static inline nt_lang fz_lang(uint8_t bit)
{
    return (bit & 1) ? NT_LANG_EN : NT_LANG_ID;
}

/* A split point of the text for the "pieces" checks: a unit boundary
 * chosen by an option byte. */
static inline size_t fz_cut(const fz_input *in, uint8_t pick)
{
    size_t at = in->len ? (size_t)pick * in->len / 255 : 0;
    while (!in->boundary[at])
        at++;
    return at;
}

/* An all-empty span array prefilled with `n` spans of some other text, so
 * that a call appending to it must ignore them. */
static inline void fz_prefill(nt_spans *sp, size_t n)
{
    for (size_t i = 0; i < n; i++)
        FZ_OK(nt_spans_push(sp, (int64_t)(1000000 + 7 * i), (int64_t)(1000005 + 7 * i), 0));
}

#endif /* NT_FUZZ_COMMON_H */
