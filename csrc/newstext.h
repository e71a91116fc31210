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
 * failure; the core then returns NT_ENOMEM.  Sizes are never 0.  Growing
 * buffers use realloc (so a large block can be remapped instead of copied);
 * the core shrinks a block with realloc only to undo a growth it could not
 * complete, and expects that to succeed as C's realloc does: if it is
 * refused, the buffers concerned are freed instead (see nt_spans_reserve). */
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

/* Make room for at least `n` more spans.  Amortised O(1) per span: the
 * capacity doubles, each column grown with the allocator's realloc.
 * NT_ENOMEM or NT_ETOOBIG on failure (the array is unchanged; only if the
 * allocator also refuses the shrinking realloc that undoes a partial growth
 * is the array emptied and its memory released). */
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

/* Copy the offsets into 4-byte arrays of at least s->len elements (caller
 * owned).  Every offset must fit in int32_t (0 <= offset <= INT32_MAX); the
 * caller checks that, e.g. from the text's length.  O(n). */
void nt_spans_narrow32(const nt_spans *s, int32_t *start, int32_t *end);

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

/* The same conversion, written to caller-owned 4-byte arrays start/end of at
 * least spans->len elements instead of in place, for a binding that hands
 * out narrow columns.  NT_ETOOBIG (nothing written) if the text has more
 * than INT32_MAX units, so that an offset could not fit.
 * well_formed (nonzero): the caller knows text is well-formed UTF-8, encoded
 * surrogates allowed (what a Python str encodes to with surrogatepass); this
 * skips an O(len) check.  If the claim is false the offsets are wrong but
 * still within [0, len]; nothing is read or written out of bounds.
 * *spans is left unchanged, except when the text turns out not to be
 * well-formed (well_formed 0): then it is converted in place first.
 * O(len + n) for spans in text order. */
nt_status nt_utf8_spans_to_units32(const char *text, size_t len, int well_formed,
                                   nt_spans *spans, int32_t *start, int32_t *end);

/* ---------------------------------------------------------------- languages */

typedef enum nt_lang {
    NT_LANG_AUTO = 0,
    NT_LANG_ID = 1,   /* Indonesian */
    NT_LANG_EN = 2    /* English    */
} nt_lang;

/* Guess whether text is Indonesian or English from function-word evidence
 * in at most its first 64 KiB: the language with more hits wins.  Counting
 * stops early once the evidence is decisive: as soon as one language has at
 * least 100 hits and at least 3 times as many as the other, it is the
 * answer (a news article gets there within a few hundred words, so a long
 * text costs no more than a short one; a text that switches language after
 * that point is judged by its beginning).  Text with no evidence either way
 * (empty, numbers only, another language) is NT_LANG_ID, the library's home
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

/* Tokenizer options (bit flags).  Reserved, not implemented yet: every
 * option bit, this one included, is NT_EINVAL for nt_tokenizer_new (found
 * by fuzz/fuzz_tokenize.c: the bit was documented but refused). */
#define NT_OPT_SPLIT_CLITICS 0x1u  /* planned: Indonesian: split -nya -ku -mu
                                      -lah -kah -pun and ku- kau- off words
                                      (guarded by an exception list) */

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
 * initialised; existing contents are kept).  Whitespace, control
 * characters and the invisible separators U+200B, U+2060 and U+FEFF (BOM)
 * separate tokens and are never part of one; every other
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
 * does; in Indonesian, a capitalised sentence adverb or stop word opening a
 * clause right after a lower-case word ends a headline run into the text.
 * A period inside a round bracket that closes a few tokens on, on the same
 * line, does not end a sentence.
 * Errors: NT_EINVAL (NULL arguments, or token spans that are empty, out of
 * order, overlapping or past len: checked before anything is appended),
 * NT_ENOMEM, NT_EINTR.  O(len + number of tokens). */
nt_status nt_sentences_split(const nt_tokenizer *tok, const char *text, size_t len,
                             const nt_spans *tokens, nt_spans *out,
                             const nt_interrupt *intr);


/* ---------------------------------------------------------------- keywords */

/* A set of words (stop words, a blacklist) given by the caller.  Words are
 * stored lower-cased (simple Unicode case mapping), so membership ignores
 * case.  A word may contain spaces: a blacklist entry "baca juga" names a
 * whole phrase.  Ownership: the set owns copies of its words.  Build it once
 * and share it read-only between threads. */
typedef struct nt_wordset nt_wordset;

/* Create an empty set.  alloc NULL = default; it must outlive the set.
 * *out is set only on NT_OK.  Errors: NT_EINVAL (out NULL), NT_ENOMEM.  O(1). */
nt_status nt_wordset_new(const nt_allocator *alloc, nt_wordset **out);

/* Free a set (NULL is a no-op).  O(size). */
void nt_wordset_free(nt_wordset *ws);

/* Add a word (UTF-8, len bytes; decoded with the lenient policy).  Adding a
 * word twice is harmless; an empty word is ignored.  Errors: NT_EINVAL,
 * NT_ENOMEM, NT_ETOOBIG (a word over 64 KiB).  Amortised O(len). */
nt_status nt_wordset_add(nt_wordset *ws, const char *word, size_t len);

/* Does the set hold this word (compared after lower-casing)?  O(len). */
int nt_wordset_has(const nt_wordset *ws, const char *word, size_t len);

/* Number of distinct words.  O(1). */
size_t nt_wordset_size(const nt_wordset *ws);

/* The compiled-in word lists the keyword extractor uses (csrc/data/). */
typedef enum nt_wordlist {
    NT_WORDLIST_STOP = 0,        /* stop words of the language             */
    NT_WORDLIST_CUES = 1,        /* speech cues of the language            */
    NT_WORDLIST_BOILERPLATE = 2  /* outlet boilerplate (both languages)    */
} nt_wordlist;

/* Entry i of a compiled-in list for lang (NT_LANG_ID or NT_LANG_EN): a
 * static NUL-terminated lower-case ASCII string, or NULL when i is past the
 * end or the arguments are unknown.  O(1). */
const char *nt_wordlist_entry(nt_lang lang, nt_wordlist list, size_t i);

/* Keyword extraction methods. */
typedef enum nt_kw_method {
    NT_KW_YAKE = 0,     /* YAKE (Campos et al. 2020), the 0.4.x reference */
    NT_KW_RAKE = 1,     /* RAKE (Rose et al. 2010): degree / frequency     */
    NT_KW_TEXTRANK = 2  /* word co-occurrence PageRank, phrases from runs  */
} nt_kw_method;

#define NT_KW_MAX_NGRAM 16
#define NT_KW_MAX_WINDOW 16

/* The longest text, in UTF-8 bytes, that nt_keywords_extract and
 * nt_corpus_add accept: 134,217,727 bytes (128 MiB - 1).  Their word,
 * phrase and candidate indices are 32-bit and a text yields at most
 * 2 * NT_KW_MAX_NGRAM index entries per byte.  A longer text is
 * NT_ETOOBIG (OverflowError in Python) before any work is done. */
#define NT_KW_MAX_TEXT ((size_t)UINT32_MAX / NT_KW_MAX_NGRAM / 2)

/* Option bits (nt_keywords_opts.flags). */
#define NT_KW_FOLD_PLURAL 0x1u   /* English plural fold: a term key ending in
                                    "s", longer than 3, loses the "s" (the
                                    reference's rule; set by default for
                                    English only)                           */
#define NT_KW_DIGITS 0x2u        /* words mixing letters and digits (COVID-19,
                                    G20, 5G) are ordinary words instead of
                                    "unusual" ones, so they can be keywords */
#define NT_KW_NO_BUILTIN 0x4u    /* do not use the compiled-in stop list of
                                    the language (opts.stopwords replaces
                                    it)                                     */
#define NT_KW_CUES 0x8u          /* let speech cues and outlet boilerplate be
                                    ordinary words (default: stop words)    */
#define NT_KW_PARAGRAPHS 0x10u   /* sentences are nt_sentences_split's (a
                                    blank line always ends one) plus the
                                    capital-line rule, instead of the
                                    reference's line handling, which joins a
                                    line without final punctuation to the
                                    next paragraph                          */
#define NT_KW_STEM 0x20u         /* merge inflected variants: terms and
                                    phrases are keyed by nt_stem() of their
                                    words (no plural fold); the phrase shown
                                    is the first variant met              */
#define NT_KW_CLEAN 0x40u        /* run on the article's clean view
                                    (nt_clean_view_build with
                                    NT_CLEAN_KEEP_TEXT, in the tokenizer's
                                    language): menus, "Baca juga" links,
                                    captions, bylines and other metadata
                                    give no keyword and no corpus term.
                                    Keyword offsets index the original
                                    text.  Costs one nt_clean_run more.    */
#define NT_KW_FLAGS_ALL 0x7Fu

typedef struct nt_keywords_opts {
    nt_kw_method method;
    size_t top;              /* at most this many keywords (0 = none)       */
    size_t max_ngram;        /* words per phrase, 1..NT_KW_MAX_NGRAM        */
    double dedup;            /* YAKE/TextRank/RAKE: drop a phrase whose
                                similarity (1 - Levenshtein / longer length,
                                over lower-cased code points) to an accepted
                                one exceeds this; >= 1 keeps every phrase;
                                must be in [0, 1] or >= 1                   */
    size_t window;           /* YAKE/TextRank co-occurrence window,
                                1..NT_KW_MAX_WINDOW (YAKE reference: 1)     */
    size_t min_chars;        /* a term with fewer characters (ASCII
                                punctuation not counted) is a stop word
                                (reference: 3; 2 keeps EU, AI)              */
    unsigned flags;          /* NT_KW_* bits                                */
    const nt_wordset *stopwords;  /* extra stop words (NULL = none)         */
    const nt_wordset *blacklist;  /* words or phrases never returned        */
} nt_keywords_opts;

/* Defaults for lang (NT_LANG_ID or NT_LANG_EN): YAKE, top 10, max_ngram 3,
 * dedup 0.9, window 1, min_chars 3, no user sets; flags NT_KW_FOLD_PLURAL
 * for English (the reference's behaviour), NT_KW_PARAGRAPHS for
 * Indonesian.  O(1). */
void nt_keywords_opts_init(nt_keywords_opts *opts, nt_lang lang);

/* One keyword.  The phrase is the surface form of its first occurrence: its
 * words as written, joined by single spaces (a hyphenated word stays whole). */
typedef struct nt_keyword {
    double score;        /* YAKE: lower is better; RAKE, TextRank: higher */
    size_t count;        /* occurrences of the phrase in the text         */
    size_t phrase;       /* byte offset of the phrase in nt_keywords.buf  */
    size_t phrase_len;   /* its length in bytes                           */
    int64_t start, end;  /* byte span of the first occurrence in the text */
} nt_keyword;

/* Results, best first.  Owns items and buf. */
typedef struct nt_keywords {
    nt_keyword *items;
    size_t len, cap;
    char *buf;           /* phrases, UTF-8, not NUL-separated            */
    size_t buf_len, buf_cap;
    const nt_allocator *alloc;
} nt_keywords;

/* Initialise empty results (no allocation).  alloc NULL = default.  O(1). */
void nt_keywords_init(nt_keywords *kw, const nt_allocator *alloc);

/* Release the memory and reset to empty; safe to call twice.  O(1). */
void nt_keywords_free(nt_keywords *kw);

/* Extract keywords from text with the tokenizer's language.  Replaces the
 * contents of out.  Sentences: the sentence ends nt_sentences_split finds
 * after terminal punctuation (. ! ? …, with closing quotes), plus the
 * reference's line rule: a line starting (after spaces) with an ASCII
 * capital starts a new sentence when the line before it is not empty and
 * has no trailing space (so a headline directly above the body stays a
 * sentence of its own; after a blank line the reference joins the lines,
 * and so does this default).  NT_KW_PARAGRAPHS uses every sentence end of
 * nt_sentences_split instead (a blank line always ends a sentence).
 * Words are the tokenizer's words, numbers, URLs, e-mails, hashtags,
 * mentions, dates and times, with hyphen compounds joined back
 * (state-of-the-art, COVID-19); clitic tokens that start with an apostrophe
 * ('s, 'll) are dropped; every punctuation, quote or symbol token (ASCII or
 * not: “ ” — … included) ends a phrase.  Stop words are the compiled-in list
 * of the language (unless NT_KW_NO_BUILTIN), its speech cues and the
 * boilerplate list (unless NT_KW_CUES), and opts->stopwords.
 * NT_KW_CLEAN runs all of this on the clean view of the text (title, body
 * and headings: nt_clean_view_build with NT_CLEAN_KEEP_TEXT, in the
 * tokenizer's language) and maps each keyword's start/end back to the text
 * (a phrase joined across a left-out piece under the reference line rule
 * gets a span covering it); on a text whose every piece is kept the result
 * equals that without the flag.
 * Errors: NT_EINVAL (NULL arguments, text NULL with len > 0, bad options),
 * NT_ENOMEM, NT_ETOOBIG (len > NT_KW_MAX_TEXT; with NT_KW_CLEAN the view's
 * length counts), NT_EINTR; on error out is empty.
 * Complexity: O(len + T*(n + w)) expected for T tokens, n = max_ngram,
 * w = window (hash tables sized once from T), plus O(C log C) to rank C
 * candidates, plus the de-duplication: at most C*top bounded Levenshtein
 * comparisons of O(L*k) each (L = phrase length, k = the distance bound
 * (1 - dedup)*L, with an early exit).  No allocation per token. */
nt_status nt_keywords_extract(const nt_tokenizer *tok, const char *text, size_t len,
                              const nt_keywords_opts *opts, nt_keywords *out,
                              const nt_interrupt *intr);

/* ------------------------------------------------------- corpus methods */

/* Term counts over many documents, for tf-idf and for the terms that set
 * one group of documents apart.  Terms are the keyword candidates of each
 * document (nt_keywords_extract's phrases of 1..opts->max_ngram words, with
 * the same stop words, cues, blacklist and validity rules), keyed by their
 * lower-cased form.  The options are copied; their word sets must outlive
 * the corpus.  Not thread-safe while documents are being added; read-only
 * afterwards. */
typedef struct nt_corpus nt_corpus;

/* Create an empty corpus.  Errors: NT_EINVAL (bad options), NT_ENOMEM.
 * O(1). */
nt_status nt_corpus_new(const nt_keywords_opts *opts, const nt_allocator *alloc,
                        nt_corpus **out);
void nt_corpus_free(nt_corpus *c);

/* Count the terms of one more document (its index is nt_corpus_docs()
 * before the call), tokenized with tok's language.  On error the document
 * is not added.  With NT_KW_CLEAN in the corpus's options the terms are
 * those of the document's clean view (title, body and headings; see
 * nt_clean_view_build), cleaned in tok's language.
 * Errors: NT_EINVAL, NT_ENOMEM, NT_ETOOBIG (len > NT_KW_MAX_TEXT),
 * NT_EINTR.  O(len + T*n) expected, like nt_keywords_extract without the
 * ranking (plus one nt_clean_run with NT_KW_CLEAN). */
nt_status nt_corpus_add(nt_corpus *c, const nt_tokenizer *tok, const char *text, size_t len,
                        const nt_interrupt *intr);

size_t nt_corpus_docs(const nt_corpus *c);
size_t nt_corpus_terms(const nt_corpus *c);

/* The lower-cased key of term id (not NUL-terminated; *len bytes), NULL
 * when out of range.  O(1). */
const char *nt_corpus_term(const nt_corpus *c, size_t id, size_t *len);

typedef struct nt_termscore {
    uint32_t term;     /* term id (nt_corpus_term)                         */
    double score;      /* higher is better                                 */
    uint64_t count;    /* tf-idf: count in the document; distinctive:
                          count in the group                                */
    uint64_t other;    /* tf-idf: document frequency; distinctive: count in
                          the other documents                               */
} nt_termscore;

typedef struct nt_termscores {
    nt_termscore *items;
    size_t len, cap;
    const nt_allocator *alloc;
} nt_termscores;

void nt_termscores_init(nt_termscores *ts, const nt_allocator *alloc);
void nt_termscores_free(nt_termscores *ts);

/* The top terms of document doc by tf-idf: (1 + ln tf) * (ln((1 + N) /
 * (1 + df)) + 1), L2-normalised over the document's terms (scikit-learn's
 * smooth_idf and sublinear_tf).  Terms with df < min_df are left out.
 * Errors: NT_EINVAL, NT_ENOMEM.  O(k log k) for the k terms of doc. */
nt_status nt_corpus_tfidf(const nt_corpus *c, size_t doc, size_t top, size_t min_df,
                          nt_termscores *out);

/* The terms that set the documents with groups[d] == group apart from all
 * the others: the weighted log-odds ratio with an informative Dirichlet
 * prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"), the prior being
 * the whole corpus's counts times `prior` (alpha_w = prior * y_w).  Score:
 * the z-score delta_w / sqrt(1/(y_i + alpha_w) + 1/(y_j + alpha_w)), with
 * delta_w = log-odds in the group minus log-odds in the rest.  groups has
 * nt_corpus_docs() entries; terms counted fewer than min_count times in the
 * group are left out.  Errors: NT_EINVAL (prior not > 0), NT_ENOMEM.
 * O(pairs + T log T). */
nt_status nt_corpus_distinctive(const nt_corpus *c, const uint32_t *groups, uint32_t group,
                                size_t top, double prior, size_t min_count,
                                nt_termscores *out);

/* ------------------------------------------------------------------ stem */

/* Room the output of nt_stem needs for a word of len bytes: 3 * len + 4
 * (an ill-formed byte is written as U+FFFD, 3 bytes).  O(1). */
size_t nt_stem_bound(size_t len);

/* Stem one word.  lang NT_LANG_ID: rule-based confix stripping (meN-, peN-
 * with their assimilations, ber-, di-, ter-, per-, ke-...-an, se-, -kan,
 * -an, -i, and with a root list also -lah/-kah/-pun/-tah and -nya/-ku/-mu),
 * reduplication folded (kata-kata -> kata); roots (may be NULL) is a root
 * dictionary that picks among the possible readings and stops stripping at
 * a known word.  NT_LANG_EN: Porter2.  Writes the lower-cased stem (UTF-8,
 * not NUL-terminated) to out and its length to *out_len; a word with
 * characters other than ASCII letters (and - for Indonesian, ' for English)
 * comes back lower-cased only.  Errors: NT_EINVAL (NULL arguments, lang not
 * ID/EN), NT_ETOOBIG (cap < nt_stem_bound(len)).  O(len); no allocation. */
nt_status nt_stem(nt_lang lang, const char *word, size_t len, const nt_wordset *roots, char *out,
                  size_t cap, size_t *out_len);
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
 * named, including in reported speech without quotes (Ihsan menyebut, ...);
 * a line with no final punctuation (a headline) names no source.  A name in
 * apposition after a role wins over the role (kata juru bicara X, Name, ...);
 * an unnamed source is its noun phrase ("...," a senior official told / X's
 * office said / Kelompok masyarakat sipil menyebut), carried to the next
 * sentence only; verbs in a relative clause (yang/who/which ...) are
 * skipped.  A quote inside a sentence made only of capitalised words (and
 * function words) is a name: NT_QUOTE_OTHER.
 *
 * Errors: NT_EINVAL (NULL tok/out, NULL text with len > 0), NT_ENOMEM,
 * NT_ETOOBIG (more than 2^32 - 1 tokens: token indices are kept in 32 bits),
 * NT_EINTR.  O(len + q log q) for q quotes (they are sorted into text
 * order at the end): a fixed number of passes over the tokens, every
 * look-around bounded by a constant number of tokens, a hash table of name
 * words for canonical names; memory about 40 bytes per token, allocated in
 * a few arrays up front (no allocation per token). */
nt_status nt_quotes_extract(const nt_tokenizer *tok, const char *text, size_t len,
                            nt_quotes *out, const nt_interrupt *intr);

/* Convert every offset of the quotes (except -1) from bytes to units (the
 * units of nt_utf8_count: Python str indices).  O(len + n log n). */
nt_status nt_quotes_to_units(const char *text, size_t len, nt_quotes *q);

/* ------------------------------------------------------------------- dates */

/* One date and/or time expression found in text (nt_dates_find).
 *   start, end     byte offsets of the whole expression, day name and
 *                  "pukul" cue included: "Rabu (13/9/2023)",
 *                  "19 Juni 2024, 11:03 WIB", "pukul 16.00"
 *   year           4-digit year, 0 when neither written nor resolved
 *   month, day     1-12 / 1-31, 0 when not written ("September 2023" has
 *                  day 0; a time alone has month 0 and day 0)
 *   hour, minute   0-23 / 0-59, -1 when no time is written
 *   weekday        1 (Monday) .. 7 (Sunday) when a day name is written, else 0
 *   flags          NT_DATE_YEAR_RESOLVED: the year was not written but taken
 *                  from the reference date (the year that puts the date
 *                  nearest to it)
 *   zone_start, zone_end  byte offsets of the zone name ("WIB", "ET"), or
 *                  both -1 when none is written */
typedef struct nt_date {
    int64_t start, end;
    int64_t zone_start, zone_end;
    int16_t year;
    uint8_t month, day;
    int8_t hour, minute;
    uint8_t weekday;
    uint8_t flags;
} nt_date;

#define NT_DATE_YEAR_RESOLVED 0x1u

/* A growable array of nt_date (same ownership rules as nt_spans). */
typedef struct nt_dates {
    nt_date *items;
    size_t len;
    size_t cap;
    const nt_allocator *alloc;
} nt_dates;

/* Initialise an empty array (no allocation); alloc NULL = default.  O(1). */
void nt_dates_init(nt_dates *d, const nt_allocator *alloc);
/* Release the memory; safe on an empty array and safe to call twice.  O(1). */
void nt_dates_free(nt_dates *d);

/* Find date and time expressions in text, appending one nt_date per
 * expression to `out` (initialised; existing contents kept), in text order,
 * never overlapping.  Shapes (Indonesian and English):
 *   13/9/2023  14/09/2023  13-9-2023  2023-09-13 (ISO, with an optional
 *   THH:MM)  14/09 and (13/9) without a year (day first; a bare a/b needs
 *   two-digit parts, brackets or a day name before it)  14 September 2023
 *   13 Sept  September 13, 2023  Sept. 13  Juni 2024  day names before a
 *   date: Rabu (13/9/2023), Rabu, 13 September 2023, Wednesday, Sept. 13
 *   times after a date or alone: 14:54 WIB  11.03 WITA  3:45 p.m. ET
 *   pukul 16.00  jam 9.30 WIT  at 10 a.m.
 * Month and day names are those of csrc/data/months.txt and weekdays.txt;
 * abbreviations count only when capitalised.  Impossible dates (31/2/2024)
 * are not reported.  `ref` (may be NULL) supplies the year of dates
 * written without one: its year, month and day must be set (others ignored).
 * Errors: NT_EINVAL (NULL out, or NULL text with len > 0), NT_ENOMEM,
 * NT_EINTR.  O(len). */
nt_status nt_dates_find(const char *text, size_t len, const nt_date *ref, nt_dates *out,
                        const nt_interrupt *intr);

/* ------------------------------------------------------------------- clean */

/* Labels of the pieces of an article (the kind column of nt_article.pieces). */
typedef enum nt_line_label {
    NT_LINE_BODY = 0,        /* the article's own text                         */
    NT_LINE_TITLE = 1,       /* the headline                                   */
    NT_LINE_HEADING = 2,     /* a section subheading inside the body           */
    NT_LINE_BOILERPLATE = 3, /* menus, related links, ads, sharing, comments   */
    NT_LINE_METADATA = 4,    /* date, byline, dateline, credits, source, URL   */
    NT_LINE_CAPTION = 5,     /* photo captions and photo credits               */
    NT_LINE_LABEL_COUNT = 6
} nt_line_label;

/* Static lower-case name of a label ("body", ...); "unknown" out of range. */
const char *nt_line_label_name(int label);

/* Metadata fields (the kind column of nt_article.fields). */
typedef enum nt_meta_field {
    NT_FIELD_NONE = 0,
    NT_FIELD_TITLE = 1,
    NT_FIELD_OUTLET = 2,
    NT_FIELD_DATE = 3,      /* the publication date expression              */
    NT_FIELD_DATELINE = 4,  /* the place: "MOSKWA" in "MOSKWA, KOMPAS.com -" */
    NT_FIELD_AUTHOR = 5,
    NT_FIELD_EDITOR = 6,
    NT_FIELD_AGENCY = 7,    /* news agencies and sources credited           */
    NT_FIELD_URL = 8,
    NT_FIELD_COUNT = 9
} nt_meta_field;

/* Static lower-case name of a field ("title", ...); "unknown" out of range. */
const char *nt_meta_field_name(int field);

/* The result of nt_clean_run.
 *   pieces  a partition of the text: pieces[0].start == 0, each piece ends
 *           where the next starts, the last ends at len; kind is an
 *           nt_line_label.  A piece is a line, or part of a line where
 *           metadata and body share it ("PYONGYANG, KOMPAS.TV - Presiden..."
 *           gives a metadata piece and a body piece); the line break and
 *           any blank lines after a piece belong to it, and whitespace
 *           before the first line belongs to the first piece.
 *   fields  metadata values as spans of the text (kind nt_meta_field), in
 *           text order, at most one TITLE, OUTLET, DATE, DATELINE and URL;
 *           spans hold no surrounding space or punctuation.
 *   date    the publication date/time (date.year == 0 and date.month == 0
 *           when none was found): from a date line or byline, else the
 *           first fully written date of the first body paragraphs; a time
 *           written with the date is included. */
typedef struct nt_article {
    nt_spans pieces;
    nt_spans fields;
    nt_date date;
} nt_article;

/* Initialise (no allocation); alloc NULL = default.  O(1). */
void nt_article_init(nt_article *a, const nt_allocator *alloc);
/* Release the memory; safe to call twice.  O(1). */
void nt_article_free(nt_article *a);

/* Label every line of a plain-text news scrape and extract its metadata.
 * `out` must be initialised; its previous contents are cleared.  lang is
 * NT_LANG_ID, NT_LANG_EN or NT_LANG_AUTO (detected from the first 2 KiB).  Evidence: the line
 * patterns of csrc/data/line_patterns.txt, dates (nt_dates_find), line
 * length, stop-word density, final punctuation, capitalisation, position,
 * lines repeated within the article, and the labels of neighbouring lines
 * (a short line between body paragraphs is a heading; an unsure line takes
 * its neighbours' label).
 * Errors: NT_EINVAL (NULL out, NULL text with len > 0, bad lang),
 * NT_ENOMEM, NT_EINTR.  O(len) time; memory O(number of lines). */
nt_status nt_clean_run(const char *text, size_t len, nt_lang lang, nt_article *out,
                       const nt_interrupt *intr);

/* The article's own text only: append to `out` one span per body or
 * heading piece (kind: NT_LINE_BODY or NT_LINE_HEADING), trimmed of
 * surrounding whitespace, in text order — the entry point for tools that
 * analyse clean text (keywords, quotes).  Same errors and cost as
 * nt_clean_run. */
nt_status nt_clean_body(const char *text, size_t len, nt_lang lang, nt_spans *out,
                        const nt_interrupt *intr);

/* How an outlet writes its name, looked up by a name or domain found in
 * text ("KOMPAS.TV" -> "Kompas.TV", "p.dw.com" -> "DW"; leading "www." or
 * subdomains are tried away), from csrc/data/outlets.txt.  NULL when not
 * listed.  Static string.  O(len + log n). */
const char *nt_outlet_name(const char *name, size_t len);

/* ------------------------------------------- clean view (issue 3, item 5) */

/* The clean view of an article is what keywords, quotes and corpus terms
 * run on when the caller asks for clean text (NT_KW_CLEAN,
 * nt_quotes_extract_clean, Python's clean=True): the text of the pieces
 * nt_clean_run labels with the kept labels, everything else left out, and a
 * map back to byte offsets of the original text.
 *
 * Layout.  Kept pieces that touch in the original form one run, copied
 * byte for byte (line breaks and blank lines included), so a text whose
 * every piece is kept gives a view equal to the text and the same results
 * as without the clean option.  Between two runs (where pieces were left
 * out) the first run loses its trailing white space and one separator
 * follows: "\n\n" when the skipped bytes (that white space and the pieces
 * left out) hold a blank line, else "\n".  So a paragraph break survives,
 * and a dropped line still ends the line before it: no token, quote pair or
 * sentence of the view joins text across a piece that was left out, except
 * where blank lines already join lines for the YAKE reference's line rule
 * (NT_KW_PARAGRAPHS unset), as they do in the original.  The view is never
 * longer than the text.
 *
 * Keeping the title: a headline is a sentence of the article (the YAKE
 * reference keeps a headline line as a sentence), so NT_KW_CLEAN and
 * nt_quotes_extract_clean keep it along with body and headings. */
#define NT_CLEAN_KEEP(label) (1u << (unsigned)(label))
#define NT_CLEAN_KEEP_TEXT                                                  \
    (NT_CLEAN_KEEP(NT_LINE_TITLE) | NT_CLEAN_KEEP(NT_LINE_BODY) |           \
     NT_CLEAN_KEEP(NT_LINE_HEADING))
#define NT_CLEAN_KEEP_ALL ((1u << NT_LINE_LABEL_COUNT) - 1u)

/* One run of the view: bytes [view, view + len) of the view are bytes
 * [orig, orig + len) of the original text. */
typedef struct nt_clean_seg {
    int64_t view;
    int64_t orig;
    int64_t len;
} nt_clean_seg;

/* A clean view.  text/len is the view; it points into the original text
 * when the view is one run (no copy: the original must then outlive every
 * use of text), else into buf, owned by the view.  segs are the runs in
 * order (segs[0].view == 0 when nsegs > 0).  Ownership: the view owns buf
 * and segs; nt_clean_view_free releases them.  The struct itself is
 * caller-owned. */
typedef struct nt_clean_view {
    const char *text;
    size_t len;
    char *buf;
    size_t buf_cap;
    nt_clean_seg *segs;
    size_t nsegs, segs_cap;
    const nt_allocator *alloc;
} nt_clean_view;

/* Initialise an empty view (text "" and len 0; no allocation).  alloc NULL
 * = default; it must outlive the view.  O(1). */
void nt_clean_view_init(nt_clean_view *v, const nt_allocator *alloc);

/* Release the memory and reset to empty; safe to call twice.  O(1). */
void nt_clean_view_free(nt_clean_view *v);

/* Build the view of text from an article nt_clean_run made of the same
 * text, keeping the pieces whose label bit is set in keep (NT_CLEAN_KEEP
 * bits; NT_CLEAN_KEEP_TEXT for title, body and headings).  Replaces the
 * contents of out (its memory is reused).  Errors: NT_EINVAL (NULL
 * a/out, NULL text with len > 0, keep with bits outside
 * NT_CLEAN_KEEP_ALL, pieces that are not a partition of [0, len)),
 * NT_ENOMEM; on error out is empty.  O(len) time; memory: the view (at most
 * len bytes, none when it is one run) and one nt_clean_seg per run. */
nt_status nt_clean_view_from_article(const char *text, size_t len, const nt_article *a,
                                     unsigned keep, nt_clean_view *out);

/* nt_clean_run (lang as there) and nt_clean_view_from_article in one call,
 * the article's memory from out's allocator and released before
 * returning.  Errors: those of both, NT_EINTR.  O(len). */
nt_status nt_clean_view_build(const char *text, size_t len, nt_lang lang, unsigned keep,
                              nt_clean_view *out, const nt_interrupt *intr);

/* Map a byte offset of the view to the original text.  is_end = 0: off is
 * the first byte of something (a start); is_end != 0: off is one past its
 * last byte (an end), mapped through its last byte.  A negative off (the
 * "none" of nt_quote) is returned unchanged.  An offset inside a separator
 * maps to the start of the next run (starts) or the end of the previous
 * one (ends); the core's results never start or end in white space, so
 * this only matters for spans that cross a separator (a keyword phrase
 * under the reference line rule), whose mapped range then covers the
 * pieces left out.  O(log nsegs). */
int64_t nt_clean_view_orig(const nt_clean_view *v, int64_t off, int is_end);

/* nt_quotes_extract on the clean view of text (NT_CLEAN_KEEP_TEXT,
 * cleaned in nt_tokenizer_lang(tok)), with every offset of the appended
 * quotes mapped back to the original text, so [start, end) indexes text
 * (quotes never cross a line, hence never a separator).  Quotes in menus,
 * related-article lists, captions and bylines are not reported, and a
 * speaker is never taken from them.  On error, the quotes appended before
 * it are in out with mapped offsets.  Errors: those of nt_clean_run and
 * nt_quotes_extract.  O(len + q log q), plus the view (at most len bytes).
 * NT_ETOOBIG counts the tokens of the view. */
nt_status nt_quotes_extract_clean(const nt_tokenizer *tok, const char *text, size_t len,
                                  nt_quotes *out, const nt_interrupt *intr);

/* ------------------------------------------------- batch (issue 6) */

/* Many documents at once on a pool of POSIX threads that lives for one
 * call (csrc/batch.c; build and link with -pthread).  Each document gets
 * the tasks below; its results go to its own nt_batch_doc, so the output
 * is exactly what the single-document functions give, whatever the number
 * of threads. */

/* Tasks (nt_batch_opts.tasks bits).  The language of each document is
 * always settled first: langs[i], or nt_lang_detect of the text when that
 * is NT_LANG_AUTO (or langs is NULL). */
#define NT_BATCH_CLEAN 0x1u      /* nt_clean_run -> doc.article, doc.outlet  */
#define NT_BATCH_TOKENS 0x2u     /* nt_tokenizer_run -> doc.tokens           */
#define NT_BATCH_SENTENCES 0x4u  /* nt_sentences_split -> doc.sentences (the
                                    tokens are kept only with TOKENS)       */
#define NT_BATCH_QUOTES 0x8u     /* nt_quotes_extract -> doc.quotes          */
#define NT_BATCH_KEYWORDS 0x10u  /* nt_keywords_extract -> doc.keywords with
                                    kw_id or kw_en by the document's language */
#define NT_BATCH_UNITS 0x20u     /* convert every offset (tokens, sentences,
                                    quotes, article pieces and fields) to
                                    units (str indices), as the binding
                                    needs; keyword and date offsets stay
                                    bytes                                  */
#define NT_BATCH_COUNTS 0x40u    /* only the numbers of tokens and sentences
                                    (doc.n_tokens, doc.n_sentences), without
                                    keeping the spans                       */
#define NT_BATCH_TASKS_ALL 0x7Fu
#define NT_BATCH_MAX_THREADS 256

/* One document's results.  status: NT_OK when all its tasks ran; NT_EINTR
 * when it was not run or not finished (the batch was cancelled, or stopped
 * because another document failed); otherwise that task's error.  lang: the
 * language used (never AUTO once run).  outlet: with NT_BATCH_CLEAN, the
 * listed spelling (nt_outlet_name) of the article's OUTLET field, NULL when
 * there is none or it is not listed (looked up before any unit
 * conversion).  n_tokens, n_sentences: with TOKENS, SENTENCES or COUNTS,
 * how many tokens (and, with SENTENCES or COUNTS, sentences) the text has.
 * The arrays follow the ownership rules of their types. */
typedef struct nt_batch_doc {
    nt_status status;
    nt_lang lang;
    nt_article article;
    const char *outlet;
    size_t n_tokens, n_sentences;
    nt_spans tokens;
    nt_spans sentences;
    nt_quotes quotes;
    nt_keywords keywords;
} nt_batch_doc;

/* Initialise n result slots (no allocation; status NT_EINTR), their arrays
 * using alloc (NULL = default; it must be thread-safe: workers allocate
 * through it at once).  Free them with nt_batch_docs_free (safe twice).
 * O(n). */
void nt_batch_docs_init(nt_batch_doc *docs, size_t n, const nt_allocator *alloc);
void nt_batch_docs_free(nt_batch_doc *docs, size_t n);

/* Options of nt_batch_run.
 *   tasks      NT_BATCH_* bits (unknown bits are NT_EINVAL)
 *   langs      n languages (AUTO, ID or EN), or NULL for all AUTO
 *   tok_id, tok_en  tokenizers for Indonesian and English (required; shared
 *              read-only by the workers)
 *   kw_id, kw_en    keyword options per language (required with KEYWORDS)
 *   threads    worker threads, >= 1 (capped at n and NT_BATCH_MAX_THREADS)
 *   chunk      documents a worker takes at a time (0 = 1); workers take
 *              the next chunk by an atomic counter, so a slow document
 *              holds back only its own worker
 *   poll       optional, called on the CALLING thread about every poll_ms
 *              milliseconds (0 = 50) while the workers run, and once when
 *              they have finished, with the number of documents finished so
 *              far (for progress) and n.  A nonzero return cancels: the
 *              workers stop between documents, and within a long document
 *              at its next interrupt check (about every NT_INTERRUPT_BYTES);
 *              the call then returns NT_EINTR.
 *   alloc      allocator for the pool's own memory (NULL = default)       */
typedef struct nt_batch_opts {
    unsigned tasks;
    const nt_lang *langs;
    const nt_tokenizer *tok_id, *tok_en;
    const nt_keywords_opts *kw_id, *kw_en;
    size_t threads;
    size_t chunk;
    int (*poll)(void *ctx, size_t done, size_t n);
    void *poll_ctx;
    unsigned poll_ms;
    const nt_allocator *alloc;
} nt_batch_opts;

/* Run the tasks over texts[0..n) (texts[i] of lens[i] bytes; the texts must
 * stay unchanged until the call returns) on o->threads worker threads,
 * writing docs[i] (initialised with nt_batch_docs_init, empty).  The calling
 * thread only waits and polls.  Worker threads block asynchronous
 * signals (all but SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT and
 * SIGSYS), so signals reach the calling thread and its poll.  No global
 * state: concurrent calls are independent.
 * Returns NT_OK when every document's tasks ran; NT_EINTR when poll
 * cancelled; else the error of the failing document (the batch stops at
 * the first failure: the others are finished or left NT_EINTR).
 * Errors: NT_EINVAL (NULL arguments, threads 0, unknown task bits or
 * languages, a NULL text with length > 0, a missing tokenizer or keyword
 * options), NT_ENOMEM (no memory for the pool, or not even one thread
 * could be started; fewer threads than asked are used when only some
 * start), or a task's error.  O(sum of the tasks' costs) work, spread over
 * the threads; O(threads) memory besides the results. */
nt_status nt_batch_run(const char *const *texts, const size_t *lens, size_t n, const nt_batch_opts *o,
                       nt_batch_doc *docs);

/* ------------------------------------------------- limits (issue 7) */

/* The longest word, in code points, that keyword extraction, tf-idf and
 * distinctive() use as a term: a longer one (a blob with no space, a letter
 * carrying thousands of combining marks) is treated like the YAKE
 * reference's unusable words and ends up in no phrase.  This bounds every
 * phrase to NT_KW_MAX_NGRAM * (NT_KW_MAX_WORD + 1) code points, so the
 * bounded-Levenshtein de-duplication of nt_keywords_extract costs O(1) per
 * comparison and the whole call stays linear in the text for a fixed top. */
#define NT_KW_MAX_WORD 100

/* ------------------------------------------------ entities (quotes.c) */

/* Kinds of named entities: a best guess from the text alone. */
typedef enum nt_entity_kind {
    NT_ENTITY_PERSON = 0, /* a personal name (the default for a name run)          */
    NT_ENTITY_ORG = 1,    /* an acronym (KPK, KCNA), a run of institution, role or
                             country words (Kremlin, Badan Pusat Statistik, Korea
                             Utara), an outlet or agency (Kompas, Reuters)        */
    NT_ENTITY_PLACE = 2,  /* a lone name written after di/ke/dari, in/at/from      */
    NT_ENTITY_KIND_COUNT = 3
} nt_entity_kind;

/* Static lower-case name of a kind ("person", "org", "place"); "unknown" out
 * of range.  O(1). */
const char *nt_entity_kind_name(int kind);

/* One mention.  [start, end) is the name as written at this mention, titles
 * and roles left out ("Putin" in "Presiden Putin", "Sergei Lavrov" in
 * "Menteri Luar Negeri Rusia Sergei Lavrov"); [canon_start, canon_end) is the
 * canonical name of its entity: the longest name in the text holding the
 * mention's words (as for quote speakers: "Putin" -> "Vladimir Putin"),
 * then names equal up to ASCII case and hyphens merged under the first one
 * met ("Kim Jong-un" -> "Kim Jong Un").  kind is the same for every mention
 * of one canonical name (the most common kind among them; ties go person,
 * place, org). */
typedef struct nt_entity {
    int64_t start, end;
    int64_t canon_start, canon_end;
    uint8_t kind; /* nt_entity_kind */
} nt_entity;

/* A growable array of mentions; same ownership rules as nt_spans. */
typedef struct nt_entities {
    nt_entity *items;
    size_t len, cap;
    const nt_allocator *alloc;
} nt_entities;

void nt_entities_init(nt_entities *e, const nt_allocator *alloc); /* no allocation, O(1) */
void nt_entities_free(nt_entities *e);                            /* safe twice, O(1)    */

/* Find the named-entity mentions of text, appending them to `out` in text
 * order.  Shares the name machinery of nt_quotes_extract (runs of
 * capitalised words within a paragraph, name particles such as bin/van,
 * titles and role words stripped from the front, the inventory of names for
 * canonical forms).  Not entities: function words and the capitalised
 * words of the quote-stop list (weekdays, months, Namun, Baca, Foto), a
 * bare title or role ("kata Presiden"), a lone capitalised word that opens
 * a sentence (or follows an opening quote mark or a colon), is never
 * capitalised inside one and is no part of a longer name ("Pedagang
 * menyebut ...", "Kedua pemimpin ..."), such a word glued before a name
 * capitalised in running text ("Kunjungan Putin" gives "Putin"), lone
 * abbreviations and two-letter words (Rp, Jl), single letters (I), time
 * zones (WIB), runs longer than 6 words after stripping, and in headlines
 * (paragraphs whose words are all capitalised but function words) every
 * word the text never capitalises inside a sentence.  Mentions inside
 * quotation marks count.  Kinds: an acronym, an outlet or agency
 * (csrc/data/outlets.txt, agencies.txt) or a run with a role word is an
 * org; a name opened or closed by a place word (Pulau, Kali, Street) or a
 * lone name written after di/ke/dari, in/at/from is a place; one opened or
 * closed by an organisation word (Institut, School, Inc) an org; any other
 * name a person.
 * Errors: NT_EINVAL (NULL tok/out, NULL text with len > 0), NT_ENOMEM,
 * NT_ETOOBIG, NT_EINTR.  O(len + m log m) for m mentions (the alias merge
 * sorts them by a hash of their canonical name): a fixed number of passes
 * over the tokens with bounded look-around; memory as nt_quotes_extract. */
nt_status nt_entities_extract(const nt_tokenizer *tok, const char *text, size_t len, nt_entities *out,
                              const nt_interrupt *intr);

/* Convert every offset of the mentions from bytes to units (Python str
 * indices).  Errors: NT_EINVAL, NT_ENOMEM, NT_ETOOBIG.  O(len + n log n). */
nt_status nt_entities_to_units(const char *text, size_t len, nt_entities *e);

/* ------------------------------------------- near-duplicates (similar.c) */

/* Near-duplicate documents by MinHash over word shingles.
 *
 * A document is the set of its shingles: runs of `shingle` consecutive
 * words (tokens of tok other than punctuation and quote marks, as
 * tokenize(punct=False) gives them: words, numbers, symbols, dates, URLs...;
 * lower-cased by the simple Unicode case mapping), each hashed to
 * 64 bits; a text with fewer words than `shingle` (but at least one) is one
 * shingle of all its words; a text without words has no shingles and is
 * never anyone's duplicate.  Similarity is the Jaccard index of two shingle
 * sets, |A n B| / |A u B| (over the 64-bit hashes: a collision is ~n^2/2^65
 * likely).  Each document also gets a MinHash signature: num_perm 32-bit
 * minima, one per hash function seeded from `seed`.  nt_simindex_pairs
 * splits the signatures into bands of r rows (nt_simindex_rows: the most
 * rows for which a pair exactly at the threshold shares a band with
 * probability >= 0.995), takes documents equal on a whole band as
 * candidates and keeps those whose exact Jaccard reaches the threshold: no
 * false positives, and a pair at similarity s >= threshold is missed with
 * probability (1 - s^r)^(num_perm/r) <= 0.005. */
#define NT_SIM_MAX_SHINGLE 32u
#define NT_SIM_MAX_PERM 4096u

typedef struct nt_simopts {
    unsigned shingle;  /* words per shingle, 1..NT_SIM_MAX_SHINGLE (default 3) */
    unsigned num_perm; /* signature length, 1..NT_SIM_MAX_PERM (default 128)   */
    uint64_t seed;     /* seeds the hash functions (default 1)                */
} nt_simopts;

/* Defaults: shingle 3, num_perm 128, seed 1.  O(1). */
void nt_simopts_init(nt_simopts *o);

typedef struct nt_simindex nt_simindex;

/* A new empty index (opts NULL = defaults; they are copied).  Errors:
 * NT_EINVAL (NULL out, options out of range), NT_ENOMEM.  O(num_perm). */
nt_status nt_simindex_new(const nt_simopts *opts, const nt_allocator *alloc, nt_simindex **out);

/* Free the index and everything it holds; NULL is a no-op.  O(1). */
void nt_simindex_free(nt_simindex *ix);

/* Add one document (its id is nt_simindex_docs() before the call).  On
 * error the document is not added and the index is unchanged.  Errors:
 * NT_EINVAL (NULL ix/tok, NULL text with len > 0), NT_ENOMEM, NT_ETOOBIG
 * (2^32 - 2 documents), NT_EINTR (from the tokenizer).  O(len + w*shingle +
 * s log s + s*num_perm) for w words and s distinct shingles; the index keeps
 * 8 bytes per distinct shingle and 4*num_perm + 8 bytes per document. */
nt_status nt_simindex_add(nt_simindex *ix, const nt_tokenizer *tok, const char *text, size_t len,
                          const nt_interrupt *intr);

/* Documents added, and distinct shingles of document doc (0 when out of
 * range).  O(1). */
size_t nt_simindex_docs(const nt_simindex *ix);
size_t nt_simindex_shingles(const nt_simindex *ix, size_t doc);

/* Exact Jaccard similarity of the shingle sets of documents a and b, in
 * [0, 1]; 0 when either is out of range or has no shingles.  O(|A| + |B|). */
double nt_simindex_jaccard(const nt_simindex *ix, size_t a, size_t b);

/* Rows per LSH band used by nt_simindex_pairs for this signature length and
 * threshold (a divisor of num_perm; 1 when no divisor reaches 0.995).  O(num_perm). */
unsigned nt_simindex_rows(unsigned num_perm, double threshold);

/* One pair of near-duplicate documents, a < b. */
typedef struct nt_simpair {
    uint32_t a, b;
    double similarity; /* exact Jaccard of the shingle sets */
} nt_simpair;

/* A growable array of pairs; same ownership rules as nt_spans. */
typedef struct nt_simpairs {
    nt_simpair *items;
    size_t len, cap;
    const nt_allocator *alloc;
} nt_simpairs;

void nt_simpairs_init(nt_simpairs *p, const nt_allocator *alloc); /* no allocation, O(1) */
void nt_simpairs_free(nt_simpairs *p);                            /* safe twice, O(1)    */

/* Which pairs to consider (NULL = all): groups, when not NULL, holds one
 * label per document (nt_simindex_docs() of them) and only documents of
 * different groups are paired (articles of different outlets, quotes of
 * different articles); documents with fewer than min_shingles distinct
 * shingles (or none) are left out. */
typedef struct nt_simfilter {
    const uint32_t *groups;
    size_t min_shingles;
} nt_simfilter;

/* Append every pair of documents (a < b) allowed by f whose shingle sets'
 * Jaccard similarity is >= threshold and that share at least one LSH band
 * (see above), ordered by (a, b).  Errors: NT_EINVAL (NULL ix/out,
 * threshold not in (0, 1]), NT_ENOMEM, NT_ETOOBIG, NT_EINTR (polled once
 * per band and every 4096 candidates).  Cost: O(bands * n log n) to bucket
 * n documents, plus O(c log c + sum of |A| + |B|) over the c candidate
 * pairs: about linear in the corpus when few documents collide, quadratic
 * only in the size of a group of mutual near-duplicates (every pair of it
 * is output). */
nt_status nt_simindex_pairs(const nt_simindex *ix, double threshold, const nt_simfilter *f, nt_simpairs *out,
                            const nt_interrupt *intr);

/* The exact answer: every pair allowed by f with Jaccard >= threshold, no
 * misses, by a prefix-filter join (AllPairs, Bayardo et al. 2007: with the
 * shingles of each set in one global order, rarest first, two sets at
 * Jaccard >= t share a shingle among the first n - ceil(t n) + 1 of each;
 * a size filter drops pairs with min(|A|,|B|) < t max(|A|,|B|)); then
 * exact verification as above.  Uses no signatures.  Same errors as
 * nt_simindex_pairs.  Cost: O(S log S) for S shingles in all, plus the
 * candidate pairs (documents sharing a rare prefix shingle) and their
 * verification; memory 12-16 bytes per shingle. */
nt_status nt_simindex_join(const nt_simindex *ix, double threshold, const nt_simfilter *f, nt_simpairs *out,
                           const nt_interrupt *intr);

#ifdef __cplusplus
}
#endif

#endif /* NEWSTEXT_H */
