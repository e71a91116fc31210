/*
 * internal.h — helpers shared between the core's translation units.
 * Not part of the public contract (newstext.h is).
 */
#ifndef NT_INTERNAL_H
#define NT_INTERNAL_H

#include "newstext.h"
#include <stdbool.h>
#include <string.h>

/* ------------------------------------------------------------ allocation */

static inline const nt_allocator *nt_alloc_or_default(const nt_allocator *a) {
    return a ? a : nt_allocator_default();
}

/* Growable arrays of `size`-byte elements (every array in the core but the
 * three-column nt_spans): *items (NULL when *cap is 0) holds *cap elements.
 *
 * nt_array_reserve makes room for at least `need` elements.  The capacity
 * starts at `first` and doubles, clamped to the largest count whose byte
 * size fits in size_t; `first` 0 sizes the buffer to exactly `need` instead
 * (for arrays whose size is known up front).  The first buffer comes from
 * a->malloc, later ones from a->realloc.  NT_ETOOBIG when need * size
 * overflows size_t, NT_ENOMEM when the allocator fails: on either error
 * *items and *cap are unchanged (the array keeps its elements and its
 * memory).  Amortised O(1) per element.  `items` is a void * the caller copies its typed pointer into and
 * back out of (no type punning through void **).
 *
 * nt_array_push appends one element copied from x (size bytes), growing as
 * nt_array_reserve does; on error nothing changes.  Both are inline (the
 * growth itself is nt_array_grow in core.c), so that the common case, room
 * left, is a compare and, for push, a plain store of a constant size.
 *
 * nt_array_free releases the buffer (nothing when cap is 0). */
nt_status nt_array_grow(const nt_allocator *a, void **items, size_t *cap, size_t need, size_t size,
                        size_t first); /* the slow path of nt_array_reserve: need > *cap */
void nt_array_free(const nt_allocator *a, void *items, size_t cap, size_t size);

static inline nt_status nt_array_reserve(const nt_allocator *a, void **items, size_t *cap, size_t need,
                                         size_t size, size_t first) {
    return need <= *cap ? NT_OK : nt_array_grow(a, items, cap, need, size, first);
}

static inline nt_status nt_array_push(const nt_allocator *a, void **items, size_t *len, size_t *cap,
                                      const void *x, size_t size, size_t first) {
    if (*len == *cap) {
        if (*len == SIZE_MAX) return NT_ETOOBIG;
        nt_status st = nt_array_grow(a, items, cap, *len + 1, size, first);
        if (st != NT_OK) return st;
    }
    memcpy((char *)*items + *len * size, x, size);
    (*len)++;
    return NT_OK;
}

/* ------------------------------------------------- Unicode character data */

/* Unicode General_Category values, as stored in the generated tables
 * (csrc/ucd_tables.h, made by tools/gen_unicode.py). */
typedef enum nt_gc {
    NT_GC_Cn = 0, /* unassigned (also the value for anything unknown) */
    NT_GC_Lu, NT_GC_Ll, NT_GC_Lt, NT_GC_Lm, NT_GC_Lo,
    NT_GC_Mn, NT_GC_Mc, NT_GC_Me,
    NT_GC_Nd, NT_GC_Nl, NT_GC_No,
    NT_GC_Pc, NT_GC_Pd, NT_GC_Ps, NT_GC_Pe, NT_GC_Pi, NT_GC_Pf, NT_GC_Po,
    NT_GC_Sm, NT_GC_Sc, NT_GC_Sk, NT_GC_So,
    NT_GC_Zs, NT_GC_Zl, NT_GC_Zp,
    NT_GC_Cc, NT_GC_Cf, NT_GC_Cs, NT_GC_Co,
    NT_GC_COUNT
} nt_gc;

/* General category of a code point (cp > 0x10FFFF gives NT_GC_Cn). O(1). */
nt_gc nt_uc_category(uint32_t cp);

/* Simple (1:1) lower/upper case mappings; cp itself when it has none. O(1). */
uint32_t nt_uc_lower(uint32_t cp);
uint32_t nt_uc_upper(uint32_t cp);

/* White_Space: Zs, Zl, Zp, U+0009..U+000D, U+0085. O(1). */
bool nt_uc_is_space(uint32_t cp);

static inline bool nt_gc_is_letter(nt_gc g) { return g >= NT_GC_Lu && g <= NT_GC_Lo; }
static inline bool nt_gc_is_mark(nt_gc g) { return g >= NT_GC_Mn && g <= NT_GC_Me; }
static inline bool nt_gc_is_number(nt_gc g) { return g >= NT_GC_Nd && g <= NT_GC_No; }
static inline bool nt_gc_is_punct(nt_gc g) { return g >= NT_GC_Pc && g <= NT_GC_Po; }
static inline bool nt_gc_is_symbol(nt_gc g) { return g >= NT_GC_Sm && g <= NT_GC_So; }

/* --------------------------------------------------------------- lexicons */

/* Word lists compiled in from the files in csrc/data/ by tools/gen_lexicons.py. */
typedef enum nt_lexicon {
    NT_LEX_ABBREV_ID = 0,  /* Indonesian abbreviations that keep their dot */
    NT_LEX_ABBREV_EN,      /* English abbreviations that keep their dot    */
    NT_LEX_TITLES,         /* titles before names (both languages)         */
    NT_LEX_LANG_ID,        /* Indonesian function words (language guess)   */
    NT_LEX_LANG_EN,        /* English function words (language guess)     */
    NT_LEX_STOP_ID,        /* Indonesian stop words (keywords)             */
    NT_LEX_STOP_EN,        /* English stop words (keywords)                */
    NT_LEX_CUES_ID,        /* Indonesian speech cues (never keywords)      */
    NT_LEX_CUES_EN,        /* English speech cues (never keywords)         */
    NT_LEX_BOILERPLATE,    /* outlet boilerplate words (never keywords)    */
    NT_LEX_QUOTE_CUE_POST, /* quotes: cues after a closing mark (kata, said) */
    NT_LEX_QUOTE_CUE_VERB, /* quotes: reporting verbs after a subject       */
    NT_LEX_QUOTE_PRONOUNS, /* quotes: pronouns standing for a speaker       */
    NT_LEX_QUOTE_ADJUNCTS, /* quotes: words that end a post-cue speaker     */
    NT_LEX_QUOTE_SKIP,     /* quotes: adverbs between subject and verb      */
    NT_LEX_QUOTE_STOP,     /* quotes: capitalised words never in a name     */
    NT_LEX_QUOTE_ROLES,    /* quotes: role/place words before a name        */
    NT_LEX_COUNT
} nt_lexicon;

/* Is the word (UTF-8, len bytes, without any trailing dot) in the list?
 * An entry written all in lower case matches ignoring ASCII case ("prof"
 * matches "Prof" and "PROF"); an entry with a capital matches exactly ("No"
 * matches "No" but not "no").  O(1): a generated hash index per list. */
bool nt_lexicon_has(nt_lexicon lex, const char *word, size_t len);

/* Is the word (without its dot) an abbreviation that takes a period?  Both
 * languages' lists apply to both languages: Indonesian news cites "Ltd." and
 * "Inc.", and English text quotes Indonesian names with "H." or "Jl.". */
static inline bool nt_abbrev_has(nt_lang lang, const char *word, size_t len) {
    nt_lexicon first = lang == NT_LANG_EN ? NT_LEX_ABBREV_EN : NT_LEX_ABBREV_ID;
    nt_lexicon second = lang == NT_LANG_EN ? NT_LEX_ABBREV_ID : NT_LEX_ABBREV_EN;
    return nt_lexicon_has(first, word, len) || nt_lexicon_has(second, word, len);
}

/* ------------------------------------------------- keywords (lexicon walk) */

/* Number of entries in a compiled-in list, and entry i (fold entries first,
 * then exact ones; a static NUL-terminated string), NULL when i is out of
 * range.  O(1). */
size_t nt_lexicon_size(nt_lexicon lex);
const char *nt_lexicon_entry(nt_lexicon lex, size_t i);

/* ---------------------------------------------------------------- phrases */

/* Phrase lists compiled in from csrc/data by tools/gen_phrases.py
 * (csrc/phrase_tables.h): keys are lower-case ASCII, sorted bytewise. */
typedef enum nt_phrase_list {
    NT_PH_MONTHS = 0,  /* value: month 1-12; a = 1 for an abbreviation     */
    NT_PH_WEEKDAYS,    /* value: 1 (Monday) .. 7; a = 1 for an abbreviation */
    NT_PH_ZONES,       /* value: offset from UTC in minutes                 */
    NT_PH_LINES,       /* a: nt_line_label, b: nt_pattern_mode, c: field    */
    NT_PH_AGENCIES,
    NT_PH_OUTLETS,     /* text: the display name                            */
    NT_PH_ROLES,       /* job titles next to a byline name                  */
    NT_PH_COUNT
} nt_phrase_list;

typedef enum nt_pattern_mode {
    NT_PM_LINE = 0, NT_PM_PREFIX, NT_PM_LABEL, NT_PM_FIELD
} nt_pattern_mode;

typedef struct nt_phrase {
    const char *key;
    const char *text;
    int16_t value;
    uint8_t len, a, b, c;
} nt_phrase;

/* Find the entry whose key equals s[0:len) ignoring ASCII case; NULL if
 * none (or len is 0 or above 63).  O(len + log n), no allocation. */
const nt_phrase *nt_phrase_find(nt_phrase_list list, const char *s, size_t len);

/* Days since 1970-01-01 of a proleptic Gregorian date.  O(1). */
int64_t nt_days_from_civil(int y, int m, int d);

/* Do the n bytes at a equal the lower-case ASCII b, ignoring ASCII case? */
static inline bool strncasecmp_ascii(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)a[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
        if (c != (unsigned char)b[i]) return false;
    }
    return true;
}

/* Is the character ending just before byte i (i > 0) a letter?  Backs up
 * over at most 3 continuation bytes.  O(1). */
bool nt_letter_before(const char *text, size_t len, size_t i);

#endif /* NT_INTERNAL_H */
