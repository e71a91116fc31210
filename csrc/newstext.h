/*
 * newstext.h — the whole contract of the newstext C core.
 *
 * The core is pure C11: it never includes Python.h, never prints, never aborts
 * and never exits.  It keeps no global mutable state: every function is
 * reentrant, and distinct handles may be used from distinct threads at once.
 * A handle that is only read (every *_run / *_split function takes it const)
 * may also be shared between threads.
 *
 * Conventions that hold for every function below unless it says otherwise:
 *
 *  - Text is passed as (const char *text, size_t len): UTF-8 bytes, not
 *    NUL-terminated (a NUL byte is an ordinary control character).  The core
 *    accepts any byte sequence.  Well-formed UTF-8 is decoded as usual; an
 *    encoded surrogate (ED A0..BF xx, as Python's "surrogatepass" writes a
 *    lone surrogate) decodes as that surrogate code point over its 3 bytes;
 *    every other ill-formed byte decodes as one U+FFFD over exactly 1 byte.
 *    So no input byte is ever skipped or lost, and offsets always land on the
 *    boundary of a decoded unit.
 *  - Offsets in results are byte offsets into the text, as int64_t, with
 *    start < end (half-open ranges), in increasing order and never
 *    overlapping unless the function says so.
 *  - Functions return nt_status: NT_OK (0) or a negative error.  Results are
 *    written only to out-parameters.  On error an output span array holds
 *    whatever was appended before the error (its len is valid, its memory
 *    still owned by the array): the caller may reuse or free it.
 *  - Memory comes from the nt_allocator given at creation (NULL means the C
 *    library's malloc/realloc/free).  A failed allocation returns
 *    NT_ENOMEM; nothing is leaked and handles stay usable.
 *  - Work that depends on input size is iterative: no recursion depth grows
 *    with the input.  Every function documents its complexity; all text
 *    scans are linear in len.
 *  - Long calls poll nt_interrupt (if set) about every NT_INTERRUPT_BYTES of
 *    input; a nonzero return stops the call with NT_EINTR.
 */
#ifndef NEWSTEXT_H
#define NEWSTEXT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NT_VERSION "0.1.0"

/* ------------------------------------------------------------------ status */

typedef enum nt_status {
    NT_OK = 0,
    NT_ENOMEM = -1,   /* an allocation failed                                 */
    NT_EINVAL = -2,   /* a bad argument: NULL where a pointer is required,
                         an unknown language or option bit                  */
    NT_EUTF8 = -3,    /* strict validation found ill-formed UTF-8             */
    NT_ETOOBIG = -4,  /* a size would overflow the core's arithmetic          */
    NT_EINTR = -5     /* the caller's interrupt callback asked to stop        */
} nt_status;

/* A static, human-readable name for a status ("out of memory", ...).
 * Never NULL; unknown values give "unknown status".  O(1). */
const char *nt_strerror(nt_status st);

/* The library version (NT_VERSION) and the Unicode version of the compiled
 * character tables, e.g. "17.0.0".  Static strings.  O(1). */
const char *nt_version(void);
const char *nt_unicode_version(void);

/* --------------------------------------------------------------- allocation */

/* An injectable allocator.  `ctx` is passed back on every call.  realloc and
 * free receive the size previously requested so a counting or failing
 * allocator needs no headers of its own.  malloc/realloc return NULL on
 * failure; the core then returns NT_ENOMEM.  Sizes are never 0. */
typedef struct nt_allocator {
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t old_size, size_t new_size);
    void (*free)(void *ctx, void *ptr, size_t size);
    void *ctx;
} nt_allocator;

/* The default allocator (C library malloc/realloc/free).  A pointer to a
 * constant object; never NULL. */
const nt_allocator *nt_allocator_default(void);

/* ---------------------------------------------------------------- interrupt */

#define NT_INTERRUPT_BYTES ((size_t)1 << 20)

/* Optional cancellation hook: called from the calling thread about every
 * NT_INTERRUPT_BYTES of processed input.  Return nonzero to stop the call,
 * which then returns NT_EINTR.  */
typedef struct nt_interrupt {
    int (*check)(void *ctx);
    void *ctx;
} nt_interrupt;

/* -------------------------------------------------------------- span arrays */

/* A growable array of spans in struct-of-arrays form, so that each column can
 * be handed to Python as one contiguous buffer.
 *   start[i], end[i]  byte offsets (converted in place to other units by the
 *                     binding if it wishes; the core itself only writes)
 *   kind[i]           a small per-span code whose meaning depends on the
 *                     producer (nt_token_kind for tokens, 0 for sentences)
 * Ownership: the array owns its three buffers; nt_spans_free releases them.
 * The struct itself is caller-owned (usually on the stack). */
typedef struct nt_spans {
    int64_t *start;
    int64_t *end;
    uint8_t *kind;
    size_t len;
    size_t cap;
    const nt_allocator *alloc;
} nt_spans;

/* Initialise an empty array (no allocation).  alloc NULL = default.  O(1). */
void nt_spans_init(nt_spans *s, const nt_allocator *alloc);

/* Make room for at least `n` more spans.  Amortised O(1) per span;
 * NT_ENOMEM or NT_ETOOBIG on failure (the array is unchanged). */
nt_status nt_spans_reserve(nt_spans *s, size_t n);

/* Append one span, growing geometrically.  Amortised O(1). */
nt_status nt_spans_push(nt_spans *s, int64_t start, int64_t end, uint8_t kind);

/* Forget the contents, keep the memory.  O(1). */
void nt_spans_clear(nt_spans *s);

/* Release the memory and reset to empty.  Safe on an initialised empty
 * array and safe to call twice.  O(1). */
void nt_spans_free(nt_spans *s);

/* Take the three buffers out of the array (the caller now owns them and frees
 * each with the array's allocator, sizes cap*8, cap*8, cap*1); the array is
 * left empty.  Lets a binding expose results without copying.  O(1). */
void nt_spans_release(nt_spans *s, int64_t **start, int64_t **end, uint8_t **kind,
                      size_t *len, size_t *cap);

/* --------------------------------------------------------------------- UTF-8 */

/* Strict validation (RFC 3629: no overlongs, no surrogates, <= U+10FFFF).
 * Returns NT_OK, or NT_EUTF8 with *bad_offset (if non-NULL) set to the byte
 * offset of the first ill-formed sequence.  ASCII is checked 8 bytes at a
 * time.  O(len). */
nt_status nt_utf8_validate(const char *text, size_t len, size_t *bad_offset);

/* Decode one unit at `pos` (pos < len) with the lenient policy described at
 * the top of this file.  Stores the code point (U+FFFD for an ill-formed
 * byte) and returns the number of bytes consumed (1..4, never 0). O(1). */
size_t nt_utf8_decode(const char *text, size_t len, size_t pos, uint32_t *cp);

/* Number of decoded units (= Python str characters for text that came from a
 * str) in text[0:len).  O(len) with an ASCII fast path. */
size_t nt_utf8_count(const char *text, size_t len);

/* Convert the byte offsets of a span array to unit offsets in place (the
 * units of nt_utf8_count: Python str indices for text that came from a str).
 * Offsets must lie on unit boundaries.  O(len + n) when the spans are in
 * text order and do not overlap (as every producer in this library makes
 * them); otherwise still correct but O(len * n) in the worst case. */
void nt_utf8_spans_to_units(const char *text, size_t len, nt_spans *spans);

/* ---------------------------------------------------------------- languages */

typedef enum nt_lang {
    NT_LANG_AUTO = 0,
    NT_LANG_ID = 1,   /* Indonesian */
    NT_LANG_EN = 2    /* English    */
} nt_lang;

/* Guess whether text is Indonesian or English from function-word evidence
 * in (at most) its first 64 KiB.  Text with no evidence either way (empty,
 * numbers only, another language) is NT_LANG_ID, the library's home
 * language.  Never NT_LANG_AUTO.  O(min(len, 64 KiB)). */
nt_lang nt_lang_detect(const char *text, size_t len);

/* ---------------------------------------------------------------- tokenizer */

/* Token kinds (the kind column of token spans). */
typedef enum nt_token_kind {
    NT_TOK_WORD = 0,      /* words, hyphen compounds, reduplication,
                             abbreviations with their dot, initialisms     */
    NT_TOK_NUMBER = 1,    /* 10.000  42,7  2.375.000  1950-an  ke-18 is a word */
    NT_TOK_PUNCT = 2,     /* . , ; : ! ? ( ) - — … and the like           */
    NT_TOK_SYMBOL = 3,    /* % $ + = © emoji, other symbols               */
    NT_TOK_URL = 4,
    NT_TOK_EMAIL = 5,
    NT_TOK_HASHTAG = 6,
    NT_TOK_MENTION = 7,
    NT_TOK_QUOTE = 8,     /* " “ ” ‘ ’ « » „ ‹ › and ' used as a quote   */
    NT_TOK_DATE = 9,      /* 13/9/2023  14/09  2023-09-13                 */
    NT_TOK_TIME = 10,     /* 14:54  16.00 after "pukul"/"jam"              */
    NT_TOK_KIND_COUNT = 11
} nt_token_kind;

/* Static lower-case name of a kind ("word", "number", ...); "unknown" for
 * values out of range.  O(1). */
const char *nt_token_kind_name(int kind);

/* Tokenizer options (bit flags). */
#define NT_OPT_SPLIT_CLITICS 0x1u  /* Indonesian: split -nya -ku -mu -lah -kah
                                      -pun and ku- kau- off words (guarded by
                                      an exception list); English: always on */

typedef struct nt_tokenizer nt_tokenizer;

/* Create a tokenizer for `lang` (NT_LANG_ID or NT_LANG_EN; NT_LANG_AUTO is
 * NT_EINVAL: detect first with nt_lang_detect) with option bits `opts`
 * (unknown bits are NT_EINVAL).  `alloc` NULL = default; the allocator must
 * outlive the handle.  *out is set only on NT_OK.  O(1). */
nt_status nt_tokenizer_new(nt_lang lang, unsigned opts, const nt_allocator *alloc,
                           nt_tokenizer **out);

/* Free a tokenizer (NULL is a no-op).  O(1). */
void nt_tokenizer_free(nt_tokenizer *tok);

/* The language the tokenizer was made for.  O(1). */
nt_lang nt_tokenizer_lang(const nt_tokenizer *tok);

/* Tokenize text, appending one span per token to `out` (which must be
 * initialised; existing contents are kept).  Whitespace and control
 * characters separate tokens and are never part of one; every other
 * character belongs to exactly one token.  Tokens are in text order and do
 * not overlap.  `intr` may be NULL.
 * Errors: NT_EINVAL (NULL tok/out, or NULL text with len > 0), NT_ENOMEM,
 * NT_EINTR.  O(len); no allocation per token beyond the amortised growth of
 * `out`. */
nt_status nt_tokenizer_run(const nt_tokenizer *tok, const char *text, size_t len,
                           nt_spans *out, const nt_interrupt *intr);

/* ------------------------------------------------------------ sentences */

/* Split text into sentences using the tokens `tokens` produced by
 * nt_tokenizer_run(tok, text, len, ...) on the same text.  Appends one span
 * per sentence to `out` (kind 0): each starts at its first token and ends
 * after its last token (closing quotes and brackets included), so the
 * spans never include surrounding whitespace.  Every token belongs to
 * exactly one sentence.
 * Boundaries: . ! ? … and runs of them, unless the period belongs to an
 * abbreviation, an initial, a number or a list marker; a line break followed
 * by a capitalised line ends a sentence when the line has no final
 * punctuation (headlines, bylines); a blank line (paragraph break) always
 * does.
 * Errors: NT_EINVAL, NT_ENOMEM, NT_EINTR.  O(len + number of tokens). */
nt_status nt_sentences_split(const nt_tokenizer *tok, const char *text, size_t len,
                             const nt_spans *tokens, nt_spans *out,
                             const nt_interrupt *intr);

/* ------------------------------------------------------------------ quotes */

/* Kinds of quoted spans. */
typedef enum nt_quote_kind {
    NT_QUOTE_DIRECT = 0,   /* speech: "...," kata Putin / Putin menjawab, "..."  */
    NT_QUOTE_PARTIAL = 1,  /* a quoted fragment inside reported speech:
                              Kim menjanjikan "dukungan penuh"                  */
    NT_QUOTE_OTHER = 2,    /* not speech: headings, terms, names, scare quotes  */
    NT_QUOTE_KIND_COUNT = 3
} nt_quote_kind;

/* Static lower-case name of a quote kind ("direct", "partial", "other");
 * "unknown" out of range.  O(1). */
const char *nt_quote_kind_name(int kind);

/* Quote flags (the flags field). */
#define NT_QUOTE_UNCLOSED 0x1u  /* the marks could not be balanced: the quote was
                                   recovered up to its paragraph's end (or from
                                   the paragraph's start) — check it by eye   */
#define NT_QUOTE_CARRIED  0x2u  /* the speaker was carried over from an earlier
                                   source (-nya cue, pronoun, continuation)    */

/* One quote.  Offsets are byte offsets into the text, half-open; -1 means
 * "none".  [start, end) is the quoted text without its marks and without
 * surrounding spaces.  [speaker_start, speaker_end) is the mention the
 * speaker was read from (-1 when carried over); [name_start, name_end) is the
 * canonical speaker: the longest mention of the same person in the article
 * ("Putin" -> "Vladimir Putin"), titles and roles left out; -1 when the
 * speaker is unknown (always for NT_QUOTE_OTHER).  [cue_start, cue_end) is
 * the cue word (kata, ujarnya, mengatakan, said), -1 when there is none. */
typedef struct nt_quote {
    int64_t start, end;
    int64_t speaker_start, speaker_end;
    int64_t name_start, name_end;
    int64_t cue_start, cue_end;
    uint8_t kind;   /* nt_quote_kind */
    uint8_t flags;  /* NT_QUOTE_* bits */
} nt_quote;

/* A growable array of quotes; same ownership rules as nt_spans. */
typedef struct nt_quotes {
    nt_quote *items;
    size_t len;
    size_t cap;
    const nt_allocator *alloc;
} nt_quotes;

/* Initialise an empty array (no allocation).  alloc NULL = default.  O(1). */
void nt_quotes_init(nt_quotes *q, const nt_allocator *alloc);

/* Release the memory and reset to empty; safe twice.  O(1). */
void nt_quotes_free(nt_quotes *q);

/* Find the quotes in text and who said them, appending them to `out` in text
 * order (by start).  Uses `tok` (its language selects nothing but the
 * tokenizer; the cue lists cover Indonesian and English together) to
 * tokenize and split sentences internally.
 *
 * Pairing: double marks (" “ ” „ « » ‟) pair by parity within a paragraph
 * (a line), whatever the glyph; with an odd count the mark whose removal
 * leaves the most consistently oriented pairs is the stray one, and the
 * quote it opens runs to the paragraph's end (or from the paragraph's start
 * to it, when it looks like a closer) with NT_QUOTE_UNCLOSED — unless the
 * next paragraph opens with a mark (a quote continued over paragraphs).
 * Single marks (' ‘ ’) pair only outside double quotes and only as an opener
 * before a letter and a closer after one; apostrophes inside words are
 * never marks (the tokenizer keeps O'Brien, Jum'at, don’t whole).
 *
 * Attribution, in order: a cue after the closing mark ("...," kata X /
 * katanya / kata dia / said X / X said / — X / X mengutip pernyataan Y); a
 * reporting clause before an opening ", " or ": " (X mengatakan, "..." /
 * X: "..."); for a quote inside a sentence, the subject of the sentence's
 * first reporting verb (partial quotes) or Menurut X / according to X; a
 * quote opening a sentence or paragraph without any cue continues the
 * previous speaker.  Pronouns and -nya cues take the source most recently
 * named, including in reported speech without quotes (Ihsan menyebut, ...).
 *
 * Errors: NT_EINVAL (NULL tok/out, NULL text with len > 0), NT_ENOMEM,
 * NT_ETOOBIG (more than 2^32 - 1 tokens: token indices are kept in 32 bits),
 * NT_EINTR.  O(len): a fixed number of passes over the tokens, every
 * look-around bounded by a constant number of tokens, a hash table of name
 * words for canonical names; memory about 40 bytes per token, allocated in
 * a few arrays up front (no allocation per token). */
nt_status nt_quotes_extract(const nt_tokenizer *tok, const char *text, size_t len,
                            nt_quotes *out, const nt_interrupt *intr);

/* Convert every offset of the quotes (except -1) from bytes to units (the
 * units of nt_utf8_count: Python str indices).  O(len + n log n). */
nt_status nt_quotes_to_units(const char *text, size_t len, nt_quotes *q);

#ifdef __cplusplus
}
#endif

#endif /* NEWSTEXT_H */
