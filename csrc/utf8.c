/* utf8.c — validation, lenient decoding and offset conversion. */
#include "internal.h"

/* Eight bytes at a time: are they all ASCII? */
static inline bool ascii8(const unsigned char *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return (w & UINT64_C(0x8080808080808080)) == 0;
}

/* Length of the well-formed sequence at p (1..4), or 0 if ill-formed.
 * With allow_surrogates, ED A0..BF 80..BF (an encoded surrogate) is 3. */
static size_t seq_len(const unsigned char *p, size_t avail, bool allow_surrogates) {
    unsigned char c = p[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) {
        if (avail < 2 || (p[1] & 0xC0) != 0x80) return 0;
        return 2;
    }
    if (c < 0xF0) {
        if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;                       /* overlong  */
        if (c == 0xED && p[1] >= 0xA0 && !allow_surrogates) return 0; /* surrogate */
        return 3;
    }
    if (c < 0xF5) {
        if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
            (p[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && p[1] < 0x90) return 0; /* overlong     */
        if (c == 0xF4 && p[1] >= 0x90) return 0; /* > U+10FFFF  */
        return 4;
    }
    return 0;
}

nt_status nt_utf8_validate(const char *text, size_t len, size_t *bad_offset) {
    if (text == NULL && len > 0) return NT_EINVAL;
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        if (len - i >= 8 && ascii8(p + i)) {
            i += 8;
            continue;
        }
        size_t n = seq_len(p + i, len - i, false);
        if (n == 0) {
            if (bad_offset) *bad_offset = i;
            return NT_EUTF8;
        }
        i += n;
    }
    return NT_OK;
}

size_t nt_utf8_decode(const char *text, size_t len, size_t pos, uint32_t *cp) {
    const unsigned char *p = (const unsigned char *)text + pos;
    unsigned char c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n = seq_len(p, len - pos, true);
    switch (n) {
    case 2: *cp = ((uint32_t)(c & 0x1F) << 6) | (p[1] & 0x3F); return 2;
    case 3:
        *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        return 3;
    case 4:
        *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
              ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
        return 4;
    default: *cp = 0xFFFD; return 1;
    }
}

/* Units in text[0:len): every byte that is not a continuation byte of a
 * decoded sequence starts a unit.  For lenient decoding this equals the
 * number of decode steps as long as ill-formed data is rare; we count exactly
 * by decoding when a non-ASCII byte is met. */
size_t nt_utf8_count(const char *text, size_t len) {
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0, units = 0;
    while (i < len) {
        if (len - i >= 8 && ascii8(p + i)) {
            i += 8;
            units += 8;
            continue;
        }
        if (p[i] < 0x80) {
            i++;
        } else {
            size_t n = seq_len(p + i, len - i, true);
            i += n ? n : 1;
        }
        units++;
    }
    return units;
}

/* ------------------------------------------------ byte -> unit offsets */

#define HIGH_BITS UINT64_C(0x8080808080808080)

/* Continuation bytes (10xxxxxx) of a word, one bit (0x80) in each. */
static inline uint64_t cont_bits(uint64_t w) { return w & ~(w << 1) & HIGH_BITS; }

/* Number of bytes with bit 7 set in m (m has no other bits), 0..8. */
static inline size_t count_high(uint64_t m) {
    return (size_t)(((m >> 7) * UINT64_C(0x0101010101010101)) >> 56);
}

/* Continuation bytes in p[a:b).  O((b - a) / 8 + 8). */
static size_t conts_between(const unsigned char *p, size_t a, size_t b) {
    size_t c = 0;
    while (b - a >= 8) {
        uint64_t w;
        memcpy(&w, p + a, 8);
        c += count_high(cont_bits(w));
        a += 8;
    }
    for (; a < b; a++) c += (p[a] & 0xC0) == 0x80;
    return c;
}

/* Offset of the first continuation byte in p[i:len), or len. */
static size_t next_cont(const unsigned char *p, size_t i, size_t len) {
    while (len - i >= 32) { /* ASCII first: no continuation byte without a high bit */
        uint64_t w[4];
        memcpy(w, p + i, 32);
        if (((w[0] | w[1] | w[2] | w[3]) & HIGH_BITS) != 0) break;
        i += 32;
    }
    while (len - i >= 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (cont_bits(w) != 0) break;
        i += 8;
    }
    while (i < len && (p[i] & 0xC0) != 0x80) i++;
    return i;
}

/* Does lenient decoding of p[0:len) meet only well-formed sequences (an
 * encoded surrogate counts as one)?  Then every byte that is not a
 * continuation byte starts exactly one unit.  O(len), 8 bytes at a time
 * over ASCII. */
static bool units_are_lead_bytes(const unsigned char *p, size_t len) {
    size_t i = 0;
    while (i < len) {
        if (len - i >= 32) {
            uint64_t w[4];
            memcpy(w, p + i, 32);
            if (((w[0] | w[1] | w[2] | w[3]) & HIGH_BITS) == 0) {
                i += 32;
                continue;
            }
        }
        if (len - i >= 8) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if ((w & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
        }
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t m = seq_len(p + i, len - i, true);
        if (m == 0) return false;
        i += m;
    }
    return true;
}

/* The general conversion: walk decoded units from the last offset (or from
 * the start when an offset goes backwards). */
static void spans_to_units_walk(const unsigned char *p, size_t len, nt_spans *spans) {
    size_t byte = 0, unit = 0;
    for (size_t k = 0; k < 2 * spans->len; k++) {
        int64_t *slot = (k & 1) ? &spans->end[k >> 1] : &spans->start[k >> 1];
        size_t target = *slot < 0 ? 0 : (size_t)*slot;
        if (target > len) target = len;
        if (target < byte) { /* out of order: count again from the start */
            byte = 0;
            unit = 0;
        }
        while (byte < target) {
            if (target - byte >= 8 && ascii8(p + byte)) {
                byte += 8;
                unit += 8;
                continue;
            }
            if (p[byte] < 0x80) {
                byte++;
            } else {
                size_t m = seq_len(p + byte, len - byte, true);
                byte += m ? m : 1;
            }
            unit++;
        }
        *slot = (int64_t)unit;
    }
}

/* When every unit starts at a non-continuation byte, the unit offset of
 * byte offset x is x minus the continuation bytes before x (also for an x
 * inside a sequence, where the walk above gives the same).  Keep that count
 * for the current offset and the position of the next continuation byte:
 * an offset that does not pass it costs O(1), and finding the next one
 * reads the text 8 bytes at a time, so the whole pass is
 * O(n + len / 8 + number of continuation bytes) for spans in text order. */
/* The state of the conversion below, between two offsets. */
typedef struct unit_conv {
    const unsigned char *p;
    size_t len;
    size_t at;    /* the previous offset                    */
    size_t conts; /* continuation bytes in p[0:at)          */
    size_t nc;    /* the first continuation byte >= at, or len */
} unit_conv;

static void unit_conv_move(unit_conv *u, size_t x) {
    if (x >= u->at) {
        u->conts += conts_between(u->p, u->nc, x);
    } else { /* out of order */
        u->conts -= conts_between(u->p, x, u->at);
    }
    u->nc = next_cont(u->p, x, u->len);
}

static inline int64_t unit_of(unit_conv *u, int64_t off) {
    size_t x = off < 0 ? 0 : (size_t)off;
    if (x > u->len) x = u->len;
    if (x > u->nc || x < u->at) unit_conv_move(u, x);
    u->at = x;
    return (int64_t)(x - u->conts);
}

/* The conversion for text whose units all start at a non-continuation byte:
 * read the byte offsets st_in/en_in[0:n) and write unit offsets to st64/en64
 * (which may be st_in/en_in themselves) or, when st32 is non-NULL, to
 * st32/en32.  Inlined into its two callers, where the choice is constant. */
static inline void lead_spans_to_units(const unsigned char *p, size_t len, const int64_t *st_in,
                                       const int64_t *en_in, size_t n, int64_t *st64,
                                       int64_t *en64, int32_t *st32, int32_t *en32) {
    unit_conv u = {p, len, 0, 0, next_cont(p, 0, len)};
    size_t k = 0;
    while (k < n) {
        /* The spans up to the next continuation byte, in order: unit_of
         * would subtract the same count from each and move nothing, so do
         * just that in a tight loop. */
        int64_t lo = (int64_t)u.at, hi = (int64_t)u.nc, c = (int64_t)u.conts;
        while (k < n) {
            int64_t a = st_in[k], b = en_in[k];
            if (a < lo || a > b || b > hi) break;
            if (st32 != NULL) {
                st32[k] = (int32_t)(a - c);
                en32[k] = (int32_t)(b - c);
            } else {
                st64[k] = a - c;
                en64[k] = b - c;
            }
            lo = b;
            k++;
        }
        u.at = (size_t)lo;
        if (k == n) break;
        int64_t a = unit_of(&u, st_in[k]), b = unit_of(&u, en_in[k]);
        if (st32 != NULL) {
            st32[k] = (int32_t)a;
            en32[k] = (int32_t)b;
        } else {
            st64[k] = a;
            en64[k] = b;
        }
        k++;
    }
}

void nt_utf8_spans_to_units(const char *text, size_t len, nt_spans *spans) {
    if (spans == NULL || spans->len == 0) return;
    const unsigned char *p = (const unsigned char *)text;
    if (!units_are_lead_bytes(p, len)) {
        spans_to_units_walk(p, len, spans);
        return;
    }
    lead_spans_to_units(p, len, spans->start, spans->end, spans->len, spans->start, spans->end,
                        NULL, NULL);
}

nt_status nt_utf8_spans_to_units32(const char *text, size_t len, int well_formed,
                                   nt_spans *spans, int32_t *start, int32_t *end) {
    if (spans == NULL || spans->len == 0) return NT_OK;
    /* units <= bytes, so only a text over 2 GiB needs counting */
    if (len > (size_t)INT32_MAX && nt_utf8_count(text, len) > (size_t)INT32_MAX)
        return NT_ETOOBIG;
    const unsigned char *p = (const unsigned char *)text;
    if (!well_formed && !units_are_lead_bytes(p, len)) {
        spans_to_units_walk(p, len, spans);
        nt_spans_narrow32(spans, start, end);
        return NT_OK;
    }
    lead_spans_to_units(p, len, spans->start, spans->end, spans->len, NULL, NULL, start, end);
    return NT_OK;
}
