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
 * does.
 * Errors: NT_EINVAL, NT_ENOMEM, NT_EINTR.  O(len + number of tokens). */
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
#define NT_KW_FLAGS_ALL 0x3Fu

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
 * Errors: NT_EINVAL (NULL arguments, text NULL with len > 0, bad options),
 * NT_ENOMEM, NT_ETOOBIG, NT_EINTR; on error out is empty.
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
 * is not added.  Errors: NT_EINVAL, NT_ENOMEM, NT_ETOOBIG, NT_EINTR.
 * O(len + T*n) expected, like nt_keywords_extract without the ranking. */
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
 * named, including in reported speech without quotes (Ihsan menyebut, ...).
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

/* ------------------------------------------------- limits (issue 7) */

/* The longest word, in code points, that keyword extraction, tf-idf and
 * distinctive() use as a term: a longer one (a blob with no space, a letter
 * carrying thousands of combining marks) is treated like the YAKE
 * reference's unusable words and ends up in no phrase.  This bounds every
 * phrase to NT_KW_MAX_NGRAM * (NT_KW_MAX_WORD + 1) code points, so the
 * bounded-Levenshtein de-duplication of nt_keywords_extract costs O(1) per
 * comparison and the whole call stays linear in the text for a fixed top. */
#define NT_KW_MAX_WORD 100

#ifdef __cplusplus
}
#endif

#endif /* NEWSTEXT_H */
