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

void nt_utf8_spans_to_units(const char *text, size_t len, nt_spans *spans) {
    const unsigned char *p = (const unsigned char *)text;
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
