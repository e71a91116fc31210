/* keywords.c — single-document keyword extraction: YAKE, RAKE, TextRank.
 *
 * Written for newstext from the description of YAKE in Campos et al.,
 * "YAKE! Keyword extraction from single documents using multiple local
 * features" (Information Sciences 509, 2020) and of the behaviour of the
 * paper-era reference package (yake 0.4.x); no code of the reference is used.
 *
 * Pipeline (one call, one workspace, every array sized once from the token
 * count, so nothing is allocated per token):
 *   1. tokens and sentences from the tokenizer and the sentence splitter,
 *      plus the reference's line rule (a line starting with an ASCII capital
 *      starts a sentence);
 *   2. pass 1 over the tokens: word occurrences (hyphen compounds joined),
 *      their tags, sentence ids and blocks (runs of words between
 *      punctuation);
 *   3. pass 2: words and terms interned in hash tables, the directed
 *      co-occurrence graph, and the candidate phrases (1..n words ending at
 *      each word, inside its block);
 *   4. method-specific scores, a total order (score, then first-seen
 *      order), and the walk that drops near-duplicates with a bounded
 *      Levenshtein distance.
 * Deliberate differences from the reference are listed in
 * nt_keywords_extract's comment in newstext.h and in the README.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>

/* ------------------------------------------------------------ utilities */

static size_t utf8_put(uint32_t cp, unsigned char *o)
{
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

static inline uint64_t hash_step(uint64_t h, unsigned char b)
{
    return (h ^ b) * 0x100000001B3ull;
}
#define HASH_INIT 0xCBF29CE484222325ull

static inline uint64_t hash_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
}

static uint64_t hash_bytes(const unsigned char *p, size_t n)
{
    uint64_t h = HASH_INIT;
    for (size_t i = 0; i < n; i++)
        h = hash_step(h, p[i]);
    return hash_mix(h);
}

static void *xalloc(const nt_allocator *a, size_t n, size_t size)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / size)
        return NULL;
    return a->malloc(a->ctx, n * size);
}

static void xfree(const nt_allocator *a, void *p, size_t n, size_t size)
{
    if (p)
        a->free(a->ctx, p, (n ? n : 1) * size);
}

/* Grow a byte buffer to hold at least need bytes (geometric, from 64). */
static nt_status grow_bytes(const nt_allocator *a, unsigned char **buf, size_t *cap, size_t need)
{
    void *p = *buf;
    nt_status st = nt_array_reserve(a, &p, cap, need, 1, 64);
    *buf = p;
    return st;
}

/* The same for an array of 32-bit values. */
static nt_status grow_u32(const nt_allocator *a, uint32_t **buf, size_t *cap, size_t need)
{
    void *p = *buf;
    nt_status st = nt_array_reserve(a, &p, cap, need, sizeof **buf, 64);
    *buf = p;
    return st;
}

static size_t pow2_at_least(size_t n)
{
    size_t c = 16;
    while (c < n && c <= SIZE_MAX / 2)
        c *= 2;
    return c;
}

/* ------------------------------------------------------------- word sets */

struct nt_wordset {
    const nt_allocator *alloc;
    unsigned char *buf;
    size_t buf_len, buf_cap;
    uint32_t *off, *len; /* entries */
    size_t n, cap;
    uint32_t *slots;     /* entry index + 1, 0 = empty */
    size_t nslots;
};

nt_status nt_wordset_new(const nt_allocator *alloc, nt_wordset **out)
{
    if (!out)
        return NT_EINVAL;
    alloc = nt_alloc_or_default(alloc);
    nt_wordset *ws = alloc->malloc(alloc->ctx, sizeof *ws);
    if (!ws)
        return NT_ENOMEM;
    memset(ws, 0, sizeof *ws);
    ws->alloc = alloc;
    *out = ws;
    return NT_OK;
}

void nt_wordset_free(nt_wordset *ws)
{
    if (!ws)
        return;
    const nt_allocator *a = ws->alloc;
    if (ws->buf)
        a->free(a->ctx, ws->buf, ws->buf_cap);
    xfree(a, ws->off, ws->cap, 4);
    xfree(a, ws->len, ws->cap, 4);
    xfree(a, ws->slots, ws->nslots, 4);
    a->free(a->ctx, ws, sizeof *ws);
}

size_t nt_wordset_size(const nt_wordset *ws) { return ws ? ws->n : 0; }

/* Lookup of an already lower-cased word. */
static bool ws_has_lower(const nt_wordset *ws, const unsigned char *w, size_t n)
{
    if (!ws || ws->n == 0)
        return false;
    size_t mask = ws->nslots - 1;
    for (size_t i = hash_bytes(w, n) & mask;; i = (i + 1) & mask) {
        uint32_t e = ws->slots[i];
        if (e == 0)
            return false;
        e--;
        if (ws->len[e] == n && memcmp(ws->buf + ws->off[e], w, n) == 0)
            return true;
    }
}

static void ws_insert_slot(uint32_t *slots, size_t nslots, uint64_t h, uint32_t idx)
{
    size_t mask = nslots - 1;
    size_t i = h & mask;
    while (slots[i] != 0)
        i = (i + 1) & mask;
    slots[i] = idx + 1;
}

#define WS_MAX_WORD ((size_t)64 * 1024)

nt_status nt_wordset_add(nt_wordset *ws, const char *word, size_t len)
{
    if (!ws || (!word && len))
        return NT_EINVAL;
    if (len == 0)
        return NT_OK;
    if (len > WS_MAX_WORD)
        return NT_ETOOBIG;
    const nt_allocator *a = ws->alloc;
    /* lower-case into the tail of buf (at most 4 bytes per input byte) */
    nt_status st = grow_bytes(a, &ws->buf, &ws->buf_cap, ws->buf_len + 4 * len);
    if (st != NT_OK)
        return st;
    if (ws->buf_len + 4 * len > UINT32_MAX)
        return NT_ETOOBIG;
    unsigned char *dst = ws->buf + ws->buf_len;
    size_t m = 0;
    for (size_t p = 0; p < len;) {
        uint32_t cp;
        p += nt_utf8_decode(word, len, p, &cp);
        m += utf8_put(nt_uc_lower(cp), dst + m);
    }
    if (ws_has_lower(ws, dst, m))
        return NT_OK;
    if (ws->n + 1 > ws->cap) {
        size_t nc = ws->cap ? ws->cap * 2 : 16;
        uint32_t *no = xalloc(a, nc, 4), *nl = xalloc(a, nc, 4);
        if (!no || !nl) {
            xfree(a, no, nc, 4);
            xfree(a, nl, nc, 4);
            return NT_ENOMEM;
        }
        if (ws->n) {
            memcpy(no, ws->off, ws->n * 4);
            memcpy(nl, ws->len, ws->n * 4);
        }
        xfree(a, ws->off, ws->cap, 4);
        xfree(a, ws->len, ws->cap, 4);
        ws->off = no;
        ws->len = nl;
        ws->cap = nc;
    }
    if ((ws->n + 1) * 2 > ws->nslots) {
        size_t ns = pow2_at_least((ws->n + 1) * 4);
        uint32_t *sl = xalloc(a, ns, 4);
        if (!sl)
            return NT_ENOMEM;
        memset(sl, 0, ns * 4);
        for (size_t e = 0; e < ws->n; e++)
            ws_insert_slot(sl, ns, hash_bytes(ws->buf + ws->off[e], ws->len[e]), (uint32_t)e);
        xfree(a, ws->slots, ws->nslots, 4);
        ws->slots = sl;
        ws->nslots = ns;
    }
    ws->off[ws->n] = (uint32_t)ws->buf_len;
    ws->len[ws->n] = (uint32_t)m;
    ws_insert_slot(ws->slots, ws->nslots, hash_bytes(dst, m), (uint32_t)ws->n);
    ws->n++;
    ws->buf_len += m;
    return NT_OK;
}

int nt_wordset_has(const nt_wordset *ws, const char *word, size_t len)
{
    if (!ws || ws->n == 0 || (!word && len) || len == 0 || len > WS_MAX_WORD)
        return 0;
    /* hash the lower-cased probe as a stream, then compare the same way */
    uint64_t h = HASH_INIT;
    size_t m = 0;
    for (size_t p = 0; p < len;) {
        uint32_t cp;
        unsigned char b[4];
        p += nt_utf8_decode(word, len, p, &cp);
        size_t k = utf8_put(nt_uc_lower(cp), b);
        for (size_t j = 0; j < k; j++)
            h = hash_step(h, b[j]);
        m += k;
    }
    h = hash_mix(h);
    size_t mask = ws->nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t e = ws->slots[i];
        if (e == 0)
            return 0;
        e--;
        if (ws->len[e] != m)
            continue;
        const unsigned char *q = ws->buf + ws->off[e];
        bool eq = true;
        for (size_t p = 0, o = 0; p < len && eq;) {
            uint32_t cp;
            unsigned char b[4];
            p += nt_utf8_decode(word, len, p, &cp);
            size_t k = utf8_put(nt_uc_lower(cp), b);
            eq = memcmp(q + o, b, k) == 0;
            o += k;
        }
        if (eq)
            return 1;
    }
}

/* ------------------------------------------------------- compiled lists */

static nt_lexicon list_lexicon(nt_lang lang, nt_wordlist list, bool *ok)
{
    *ok = lang == NT_LANG_ID || lang == NT_LANG_EN;
    switch (list) {
    case NT_WORDLIST_STOP: return lang == NT_LANG_EN ? NT_LEX_STOP_EN : NT_LEX_STOP_ID;
    case NT_WORDLIST_CUES: return lang == NT_LANG_EN ? NT_LEX_CUES_EN : NT_LEX_CUES_ID;
    case NT_WORDLIST_BOILERPLATE: return NT_LEX_BOILERPLATE;
    }
    *ok = false;
    return NT_LEX_COUNT;
}

const char *nt_wordlist_entry(nt_lang lang, nt_wordlist list, size_t i)
{
    bool ok;
    nt_lexicon lex = list_lexicon(lang, list, &ok);
    return ok ? nt_lexicon_entry(lex, i) : NULL;
}

/* ------------------------------------------------------------- options */

void nt_keywords_opts_init(nt_keywords_opts *o, nt_lang lang)
{
    if (!o)
        return;
    memset(o, 0, sizeof *o);
    o->method = NT_KW_YAKE;
    o->top = 10;
    o->max_ngram = 3;
    o->dedup = 0.9;
    o->window = 1;
    o->min_chars = 3;
    /* English: the reference's plural fold and line handling (parity with
     * yake 0.4.8); Indonesian: neither (no plural "s"; a blank line after a
     * headline ends its sentence) */
    o->flags = lang == NT_LANG_EN ? NT_KW_FOLD_PLURAL : NT_KW_PARAGRAPHS;
}

void nt_keywords_init(nt_keywords *kw, const nt_allocator *alloc)
{
    memset(kw, 0, sizeof *kw);
    kw->alloc = nt_alloc_or_default(alloc);
}

void nt_keywords_free(nt_keywords *kw)
{
    if (!kw)
        return;
    const nt_allocator *a = nt_alloc_or_default(kw->alloc);
    if (kw->items)
        a->free(a->ctx, kw->items, kw->cap * sizeof(nt_keyword));
    if (kw->buf)
        a->free(a->ctx, kw->buf, kw->buf_cap);
    kw->items = NULL;
    kw->buf = NULL;
    kw->len = kw->cap = kw->buf_len = kw->buf_cap = 0;
}

/* ------------------------------------------------------------------ tags */

enum { TAG_P = 0, TAG_N, TAG_A, TAG_D, TAG_U };

static inline bool ascii_punct(uint32_t c)
{
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
}

static inline bool is_digit_cp(uint32_t c)
{
    if (nt_uc_category(c) == NT_GC_Nd)
        return true;
    /* str.isdigit() also accepts superscript and subscript digits */
    return c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0x2070 && c <= 0x2079 && c != 0x2071 &&
                                                     c != 0x2072 && c != 0x2073) ||
           (c >= 0x2080 && c <= 0x2089);
}

static inline bool is_decimal_cp(uint32_t c) { return nt_uc_category(c) == NT_GC_Nd; }

/* Does the word (commas removed) parse as a Python float literal:
 * [sign] (digits [. digits] | . digits) [e [sign] digits], digits with
 * single underscores between them, or inf / infinity / nan?  This is the
 * reference's "digit" test. */
static bool parses_as_float(const unsigned char *s, size_t n)
{
    uint32_t cps[16];
    size_t m = 0;
    for (size_t p = 0; p < n;) {
        uint32_t c;
        p += nt_utf8_decode((const char *)s, n, p, &c);
        if (c == ',')
            continue;
        if (m == 16) {
            /* long: only digit strings matter; keep scanning generally */
            m = 17;
            break;
        }
        cps[m++] = c;
    }
    if (m == 17) {
        /* a long token: re-scan without the buffer (same grammar, no
         * specials since they are short) */
        size_t p = 0, i = 0;
        uint32_t c = 0;
        bool any = false, prev_digit = false, seen_dot = false, seen_e = false, need = false;
        while (p < n) {
            p += nt_utf8_decode((const char *)s, n, p, &c);
            if (c == ',')
                continue;
            if ((c == '+' || c == '-') && (i == 0 || (seen_e && need && !prev_digit))) {
                i++;
                prev_digit = false;
                continue;
            }
            if (is_decimal_cp(c)) {
                any = true;
                prev_digit = true;
                need = false;
            } else if (c == '_') {
                if (!prev_digit)
                    return false;
                /* must be followed by a digit */
                if (p >= n)
                    return false;
                uint32_t d;
                size_t k = nt_utf8_decode((const char *)s, n, p, &d);
                if (!is_decimal_cp(d))
                    return false;
                p += k;
                prev_digit = true;
            } else if (c == '.' && !seen_dot && !seen_e) {
                seen_dot = true;
                prev_digit = false;
            } else if ((c == 'e' || c == 'E') && any && !seen_e) {
                seen_e = true;
                need = true;
                prev_digit = false;
            } else {
                return false;
            }
            i++;
        }
        return any && !need;
    }
    size_t i = 0;
    if (i < m && (cps[i] == '+' || cps[i] == '-'))
        i++;
    /* specials */
    {
        static const char *const sp[] = {"inf", "infinity", "nan"};
        for (int k = 0; k < 3; k++) {
            size_t L = strlen(sp[k]);
            if (m - i != L)
                continue;
            bool eq = true;
            for (size_t j = 0; j < L && eq; j++) {
                uint32_t c = cps[i + j];
                if (c >= 'A' && c <= 'Z')
                    c += 32;
                eq = c == (uint32_t)sp[k][j];
            }
            if (eq)
                return true;
        }
    }
    size_t nd = 0;
#define DIGITS()                                                                           \
    do {                                                                                   \
        while (i < m && is_decimal_cp(cps[i])) {                                           \
            i++;                                                                           \
            cnt++;                                                                         \
            if (i + 1 < m && cps[i] == '_' && is_decimal_cp(cps[i + 1]))                   \
                i++;                                                                       \
        }                                                                                  \
    } while (0)
    size_t cnt = 0;
    DIGITS();
    nd += cnt;
    if (i < m && cps[i] == '.') {
        i++;
        cnt = 0;
        DIGITS();
        nd += cnt;
    }
    if (nd == 0)
        return false;
    if (i < m && (cps[i] == 'e' || cps[i] == 'E')) {
        i++;
        if (i < m && (cps[i] == '+' || cps[i] == '-'))
            i++;
        cnt = 0;
        DIGITS();
        if (cnt == 0)
            return false;
    }
#undef DIGITS
    return i == m;
}

/* The reference's tag of a word at position pos of its sentence. */
static int word_tag(const unsigned char *s, size_t n, size_t pos, bool digits_ok)
{
    if (parses_as_float(s, n))
        return TAG_D;
    size_t cd = 0, ca = 0, cx = 0, cu = 0, len = 0;
    uint32_t first = 0;
    for (size_t p = 0; p < n;) {
        uint32_t c;
        p += nt_utf8_decode((const char *)s, n, p, &c);
        if (len == 0)
            first = c;
        len++;
        nt_gc g = nt_uc_category(c);
        if (is_digit_cp(c))
            cd++;
        if (nt_gc_is_letter(g))
            ca++;
        if (ascii_punct(c))
            cx++;
        if (g == NT_GC_Lu)
            cu++;
    }
    /* a word longer than any word of a language (a blob with no space, a
     * letter with thousands of marks) is unusable like the reference's "u"
     * words: no phrase holds it, which also bounds the length of every
     * phrase the de-duplication compares (Levenshtein is quadratic in it) */
    if (len > NT_KW_MAX_WORD)
        return TAG_U;
    if (digits_ok && cd > 0 && ca > 0 && cx <= 1) /* COVID-19, G20, 5G */
        return cu == ca ? TAG_A : TAG_P;
    if ((cd > 0 && ca > 0) || (cd == 0 && ca == 0) || cx > 1) {
        return TAG_U;
    }
    if (len == cu)
        return TAG_A;
    if (cu == 1 && len > 1 && nt_uc_category(first) == NT_GC_Lu && pos > 0)
        return TAG_N;
    return TAG_P;
}

static inline bool tag_discard(int t) { return t == TAG_D || t == TAG_U; }

/* -------------------------------------------------------------- workspace */

typedef struct ws_t {
    const nt_allocator *a;
    const unsigned char *text;
    size_t len;
    nt_lang lang;
    const nt_keywords_opts *o;

    /* word occurrences (pass 1) */
    size_t nocc, occ_cap;
    size_t wt_cap; /* capacity of the w_* and t_* arrays: nocc (at least 1) */
    int64_t *o_start, *o_end;
    uint32_t *o_sent, *o_bstart, *o_word;
    uint8_t *o_tag;
    size_t nsent;
    size_t max_word_bytes;

    /* interned lower-case words */
    unsigned char *arena;
    size_t arena_len, arena_cap;
    size_t nwords;
    uint32_t *w_off, *w_len, *w_term;
    uint32_t *w_slots;
    size_t w_nslots;

    /* terms */
    size_t nterms;
    uint32_t *t_off, *t_len, *t_tf, *t_tfa, *t_tfn, *t_last, *t_nsent;
    uint8_t *t_stop, *t_cue;
    uint32_t *t_slots;
    size_t t_nslots;
    double *t_h;

    /* co-occurrence edges */
    size_t nedges, edge_cap;
    uint32_t *e_from, *e_to, *e_w;
    uint32_t *e_slots;
    size_t e_nslots;

    /* candidates */
    size_t ncand, cand_cap;
    uint32_t *c_end, *c_tf;
    uint8_t *c_n, *c_clean;
    double *c_score;
    uint32_t *c_slots;
    size_t c_nslots;

    unsigned char *scratch;
    size_t scratch_cap;
} ws_t;

static void ws_free(ws_t *w)
{
    const nt_allocator *a = w->a;
    xfree(a, w->o_start, w->occ_cap, 8);
    xfree(a, w->o_end, w->occ_cap, 8);
    xfree(a, w->o_sent, w->occ_cap, 4);
    xfree(a, w->o_bstart, w->occ_cap, 4);
    xfree(a, w->o_word, w->occ_cap, 4);
    xfree(a, w->o_tag, w->occ_cap, 1);
    if (w->arena)
        a->free(a->ctx, w->arena, w->arena_cap);
    xfree(a, w->w_off, w->wt_cap, 4);
    xfree(a, w->w_len, w->wt_cap, 4);
    xfree(a, w->w_term, w->wt_cap, 4);
    xfree(a, w->w_slots, w->w_nslots, 4);
    xfree(a, w->t_off, w->wt_cap, 4);
    xfree(a, w->t_len, w->wt_cap, 4);
    xfree(a, w->t_tf, w->wt_cap, 4);
    xfree(a, w->t_tfa, w->wt_cap, 4);
    xfree(a, w->t_tfn, w->wt_cap, 4);
    xfree(a, w->t_last, w->wt_cap, 4);
    xfree(a, w->t_nsent, w->wt_cap, 4);
    xfree(a, w->t_stop, w->wt_cap, 1);
    xfree(a, w->t_cue, w->wt_cap, 1);
    xfree(a, w->t_slots, w->t_nslots, 4);
    xfree(a, w->t_h, w->wt_cap, 8);
    xfree(a, w->e_from, w->edge_cap, 4);
    xfree(a, w->e_to, w->edge_cap, 4);
    xfree(a, w->e_w, w->edge_cap, 4);
    xfree(a, w->e_slots, w->e_nslots, 4);
    xfree(a, w->c_end, w->cand_cap, 4);
    xfree(a, w->c_tf, w->cand_cap, 4);
    xfree(a, w->c_n, w->cand_cap, 1);
    xfree(a, w->c_clean, w->cand_cap, 1);
    xfree(a, w->c_score, w->cand_cap, 8);
    xfree(a, w->c_slots, w->c_nslots, 4);
    if (w->scratch)
        a->free(a->ctx, w->scratch, w->scratch_cap);
}

/* ------------------------------------------------------------ pass 1 */

static inline bool kind_is_word(int k)
{
    return k == NT_TOK_WORD || k == NT_TOK_NUMBER || k == NT_TOK_URL || k == NT_TOK_EMAIL ||
           k == NT_TOK_HASHTAG || k == NT_TOK_MENTION || k == NT_TOK_DATE || k == NT_TOK_TIME;
}

/* A clitic the reference drops: a token starting with an apostrophe
 * (ASCII or U+2019) and longer than one character ('s, 'll, ’s). */
static bool is_dropped_clitic(const unsigned char *s, size_t n)
{
    if (n >= 2 && s[0] == '\'')
        return true;
    return n > 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99;
}

/* Python's str.isspace() for one code point. */
static inline bool py_space(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 ||
           nt_uc_is_space(c);
}

/* The reference's line rule.  It reads the text line by line ("\n\t"
 * counts as a space, not a line break) and starts a new paragraph before
 * every line that begins, after spaces, with an ASCII capital; but its
 * segmenter joins the paragraph back when the text before the break ends
 * in white space, which is the case after an empty line or a line with
 * trailing spaces.  So a line break in the gap text[a:b) between two tokens
 * starts a sentence iff the token at b starts with A-Z and the character
 * just before the last line break of the gap is not white space. */
static bool ref_line_break(const unsigned char *s, size_t len, size_t a, size_t b)
{
    if (b >= len || s[b] < 'A' || s[b] > 'Z')
        return false;
    size_t x = b;
    while (x > a) {
        x--;
        if (s[x] == '\n' && !(x + 1 < len && s[x + 1] == '\t'))
            break;
        if (x == a)
            return false;
    }
    if (x < a || s[x] != '\n' || x == 0)
        return false;
    /* the character before the break (decode backwards to its start) */
    size_t p = x - 1;
    while (p > 0 && (s[p] & 0xC0) == 0x80 && x - p < 4)
        p--;
    uint32_t c;
    nt_utf8_decode((const char *)s, len, p, &c);
    if (c == '\t' && p > 0 && s[p - 1] == '\n')
        return false; /* "\n\t" became a space */
    return !py_space(c);
}

static bool gap_has_newline(const unsigned char *s, size_t a, size_t b)
{
    return b > a && memchr(s + a, '\n', b - a) != NULL;
}

/* Does the sentence that ends with token i end in terminal punctuation
 * (. ! ? … possibly followed by closing quotes and brackets)? */
static bool ends_terminal(const unsigned char *s, const nt_spans *t, size_t i)
{
    for (int back = 0; back < 4; back++) {
        size_t a = (size_t)t->start[i], b = (size_t)t->end[i];
        int k = t->kind[i];
        if (k == NT_TOK_PUNCT) {
            unsigned char last = s[b - 1];
            if (last == '.' || last == '!' || last == '?')
                return true;
            if (b - a >= 3 && s[b - 3] == 0xE2 && s[b - 2] == 0x80 && s[b - 1] == 0xA6)
                return true; /* … */
            if (!(b - a == 1 && (last == ')' || last == ']')))
                return false;
        } else if (k != NT_TOK_QUOTE) {
            /* an abbreviation token keeps its period: "Inc." */
            return k == NT_TOK_WORD && s[b - 1] == '.';
        }
        if (i == 0)
            return false;
        i--;
    }
    return false;
}

static nt_status pass1(ws_t *w, const nt_spans *toks, const nt_spans *sents,
                       const nt_interrupt *intr)
{
    const unsigned char *s = w->text;
    size_t si = 0;        /* current splitter sentence */
    size_t pos = 0;       /* position in the current sentence */
    size_t bstart = 0;    /* first occurrence of the current block */
    bool first = true;
    size_t sent_id = 0;
    size_t next_poll = NT_INTERRUPT_BYTES;
    bool digits_ok = (w->o->flags & NT_KW_DIGITS) != 0;
    bool paragraphs = (w->o->flags & NT_KW_PARAGRAPHS) != 0;
    for (size_t i = 0; i < toks->len; i++) {
        size_t ts = (size_t)toks->start[i], te = (size_t)toks->end[i];
        if (intr && intr->check && ts >= next_poll) {
            next_poll = ts + NT_INTERRUPT_BYTES;
            if (intr->check(intr->ctx))
                return NT_EINTR;
        }
        bool split_here = false;
        while (si < sents->len && ts >= (size_t)sents->end[si]) {
            si++;
            split_here = true;
        }
        bool new_sent = first;
        if (!first) {
            size_t pe = (size_t)toks->end[i - 1];
            if (paragraphs) {
                /* newstext's sentences, plus the reference's capital lines */
                new_sent = split_here || ref_line_break(s, w->len, pe, ts);
            } else if (gap_has_newline(s, pe, ts)) {
                /* a sentence end at a line break: the reference's rule
                 * decides, unless the sentence ended in punctuation */
                new_sent = (split_here && ends_terminal(s, toks, i - 1)) ||
                           ref_line_break(s, w->len, pe, ts);
            } else {
                new_sent = split_here;
            }
        }
        if (new_sent) {
            if (!first)
                sent_id++;
            first = false;
            pos = 0;
            bstart = w->nocc;
        }
        int k = toks->kind[i];
        if (!kind_is_word(k)) {
            bstart = w->nocc; /* punctuation, quotes, symbols end a block */
            pos++;
            continue;
        }
        if (is_dropped_clitic(s + ts, te - ts))
            continue;
        /* join hyphen compounds the tokenizer split: w - w with no spaces */
        size_t j = i;
        while (j + 2 < toks->len && toks->kind[j + 1] == NT_TOK_PUNCT &&
               toks->end[j + 1] - toks->start[j + 1] == 1 && s[toks->start[j + 1]] == '-' &&
               toks->start[j + 1] == toks->end[j] && toks->start[j + 2] == toks->end[j + 1] &&
               (toks->kind[j + 2] == NT_TOK_WORD || toks->kind[j + 2] == NT_TOK_NUMBER) &&
               (toks->kind[j] == NT_TOK_WORD || toks->kind[j] == NT_TOK_NUMBER) &&
               (si >= sents->len || toks->start[j + 2] < sents->end[si]))
            j += 2;
        te = (size_t)toks->end[j];
        i = j;
        size_t o = w->nocc++;
        w->o_start[o] = (int64_t)ts;
        w->o_end[o] = (int64_t)te;
        w->o_sent[o] = (uint32_t)sent_id;
        w->o_bstart[o] = (uint32_t)bstart;
        w->o_tag[o] = (uint8_t)word_tag(s + ts, te - ts, pos, digits_ok);
        if (te - ts > w->max_word_bytes)
            w->max_word_bytes = te - ts;
        pos++;
    }
    w->nsent = first ? 0 : sent_id + 1;
    return NT_OK;
}

/* ------------------------------------------------------------ pass 2 */

/* A speech cue or boilerplate word (unless NT_KW_CUES): a stop word that
 * also may not appear inside a phrase. */
static bool is_cue(const ws_t *w, const unsigned char *k, size_t n)
{
    bool en = w->lang == NT_LANG_EN;
    return !(w->o->flags & NT_KW_CUES) &&
           (nt_lexicon_has(en ? NT_LEX_CUES_EN : NT_LEX_CUES_ID, (const char *)k, n) ||
            nt_lexicon_has(NT_LEX_BOILERPLATE, (const char *)k, n));
}

static bool is_stop(const ws_t *w, const unsigned char *k, size_t n)
{
    const nt_keywords_opts *o = w->o;
    bool en = w->lang == NT_LANG_EN;
    if (!(o->flags & NT_KW_NO_BUILTIN) &&
        nt_lexicon_has(en ? NT_LEX_STOP_EN : NT_LEX_STOP_ID, (const char *)k, n))
        return true;
    return is_cue(w, k, n) || ws_has_lower(o->stopwords, k, n);
}

/* The id of the lower-cased word low[0..n) whose hash_bytes() is h,
 * interning it (and its term) on first sight. */
static uint32_t intern_word(ws_t *w, const unsigned char *low, size_t n, uint64_t h,
                            nt_status *st)
{
    size_t mask = w->w_nslots - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
        uint32_t e = w->w_slots[i];
        if (e == 0)
            break;
        e--;
        if (w->w_len[e] == n && memcmp(w->arena + w->w_off[e], low, n) == 0)
            return e;
    }
    *st = grow_bytes(w->a, &w->arena, &w->arena_cap, w->arena_len + n);
    if (*st != NT_OK)
        return 0;
    if (w->arena_len + n > UINT32_MAX) {
        *st = NT_ETOOBIG;
        return 0;
    }
    uint32_t id = (uint32_t)w->nwords++;
    memcpy(w->arena + w->arena_len, low, n);
    w->w_off[id] = (uint32_t)w->arena_len;
    w->w_len[id] = (uint32_t)n;
    w->arena_len += n;
    w->w_slots[i] = id + 1;

    /* its term: the English plural fold drops a final s after 3+ chars;
     * with NT_KW_STEM the term is the word's stem, appended to the arena */
    size_t tn = n;
    const unsigned char *tk = w->arena + w->w_off[id];
    if (w->o->flags & NT_KW_STEM) {
        size_t bound = nt_stem_bound(n);
        *st = grow_bytes(w->a, &w->arena, &w->arena_cap, w->arena_len + bound);
        if (*st != NT_OK)
            return 0;
        if (w->arena_len + bound > UINT32_MAX) {
            *st = NT_ETOOBIG;
            return 0;
        }
        *st = nt_stem(w->lang, (const char *)w->arena + w->w_off[id], n, NULL,
                      (char *)w->arena + w->arena_len, bound, &tn);
        if (*st != NT_OK)
            return 0;
        tk = w->arena + w->arena_len;
    } else if (w->o->flags & NT_KW_FOLD_PLURAL) {
        if (n > 0 && low[n - 1] == 's' && nt_utf8_count((const char *)low, n) > 3)
            tn = n - 1;
    }
    uint64_t th = hash_bytes(tk, tn);
    size_t tmask = w->t_nslots - 1;
    size_t ti = th & tmask;
    for (;; ti = (ti + 1) & tmask) {
        uint32_t e = w->t_slots[ti];
        if (e == 0)
            break;
        e--;
        if (w->t_len[e] == tn && memcmp(w->arena + w->t_off[e], tk, tn) == 0) {
            w->w_term[id] = e;
            return id;
        }
    }
    uint32_t t = (uint32_t)w->nterms++;
    w->t_off[t] = (uint32_t)(tk - w->arena);
    w->t_len[t] = (uint32_t)tn;
    if (tk != w->arena + w->w_off[id])
        w->arena_len += tn; /* keep the stem */
    w->t_slots[ti] = t + 1;
    /* stop word: the word or its folded key is listed, or the key has fewer
     * than min_chars characters besides ASCII punctuation */
    size_t chars = 0;
    for (size_t p = 0; p < tn;) {
        uint32_t c;
        p += nt_utf8_decode((const char *)tk, tn, p, &c);
        chars += !ascii_punct(c);
    }
    w->t_stop[t] = is_stop(w, low, n) || (tn != n && is_stop(w, tk, tn)) || chars < w->o->min_chars;
    w->t_cue[t] = is_cue(w, low, n) || (tn != n && is_cue(w, tk, tn));

    w->w_term[id] = t;
    return id;
}

static inline uint64_t pair_hash(uint32_t a, uint32_t b)
{
    return hash_mix(((uint64_t)a << 32) ^ b ^ 0x9E3779B97F4A7C15ull);
}

static void add_edge(ws_t *w, uint32_t a, uint32_t b)
{
    size_t mask = w->e_nslots - 1;
    for (size_t i = pair_hash(a, b) & mask;; i = (i + 1) & mask) {
        uint32_t e = w->e_slots[i];
        if (e == 0) {
            uint32_t id = (uint32_t)w->nedges++;
            w->e_from[id] = a;
            w->e_to[id] = b;
            w->e_w[id] = 1;
            w->e_slots[i] = id + 1;
            return;
        }
        e--;
        if (w->e_from[e] == a && w->e_to[e] == b) {
            w->e_w[e]++;
            return;
        }
    }
}

static uint32_t edge_weight(const ws_t *w, uint32_t a, uint32_t b)
{
    size_t mask = w->e_nslots - 1;
    for (size_t i = pair_hash(a, b) & mask;; i = (i + 1) & mask) {
        uint32_t e = w->e_slots[i];
        if (e == 0)
            return 0;
        e--;
        if (w->e_from[e] == a && w->e_to[e] == b)
            return w->e_w[e];
    }
}

/* What identifies a candidate's word: the lower-cased word, or with
 * NT_KW_STEM its term (the stem), so inflected variants merge. */
static inline uint32_t unit(const ws_t *w, size_t k)
{
    return (w->o->flags & NT_KW_STEM) ? w->w_term[w->o_word[k]] : w->o_word[k];
}

static uint64_t cand_hash(const ws_t *w, size_t end, size_t n)
{
    uint64_t h = HASH_INIT ^ n;
    for (size_t k = end + 1 - n; k <= end; k++)
        h = (h ^ unit(w, k)) * 0x100000001B3ull;
    return hash_mix(h);
}

static void add_candidate(ws_t *w, size_t end, size_t n, bool clean)
{
    uint64_t h = cand_hash(w, end, n);
    size_t mask = w->c_nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t e = w->c_slots[i];
        if (e == 0) {
            uint32_t id = (uint32_t)w->ncand++;
            w->c_end[id] = (uint32_t)end;
            w->c_n[id] = (uint8_t)n;
            w->c_tf[id] = 1;
            w->c_clean[id] = clean;
            w->c_slots[i] = id + 1;
            return;
        }
        e--;
        if (w->c_n[e] != n)
            continue;
        size_t ce = w->c_end[e];
        bool eq = true;
        for (size_t k = 0; k < n && eq; k++)
            eq = unit(w, ce - k) == unit(w, end - k);
        if (eq) {
            w->c_tf[e]++;
            w->c_clean[e] |= clean;
            return;
        }
    }
}

/* Pass 2 is two loops over the word occurrences: the first interns each
 * lower-cased word and counts its term, the second adds the co-occurrence
 * edges and the candidates ending there (in the same order as one loop
 * would: ids and results are the same).  Every add is a probe at a random
 * slot of a hash table; once the tables outgrow the CPU's caches (text of
 * distinct words, ~1 MB) each probe waits on memory and the time per word
 * grows with the text (2.6x per doubling, issue 7).  So both loops prefetch
 * the slots of occurrences ahead of the one they add: the first lower-cases
 * and hashes PF_WORDS - 1 words ahead (a ring of scratch buffers), the
 * second computes the slots PF_AHEAD occurrences ahead.  The prefetches are
 * hints; without a compiler that has them the loops are the same. */
#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH_W(p) __builtin_prefetch((p), 1, 1)
#else
#define PREFETCH_W(p) ((void)(p))
#endif
#define PF_WORDS 4 /* a power of two */
#define PF_AHEAD 8
/* Below this many candidate slots (256 KiB) the tables stay in cache and
 * loop 2's prefetching would only repeat the hashing: it is skipped. */
#define PF_MIN_SLOTS ((size_t)1 << 16)

/* Lower-case occurrence k into dst; returns its length in bytes. */
static size_t lower_occ(const ws_t *w, size_t k, unsigned char *dst)
{
    size_t a = (size_t)w->o_start[k], b = (size_t)w->o_end[k], m = 0;
    for (size_t p = a; p < b;) {
        uint32_t c;
        p += nt_utf8_decode((const char *)w->text, b, p, &c);
        m += utf8_put(nt_uc_lower(c), dst + m);
    }
    return m;
}

/* Prefetch the edge and candidate slots occurrence k will probe (its words
 * are interned: loop 1 is done). */
static void prefetch_occ(const ws_t *w, size_t k)
{
    size_t bs = w->o_bstart[k], n = w->o->max_ngram, win = w->o->window;
    if (!tag_discard(w->o_tag[k])) {
        uint32_t t = w->w_term[w->o_word[k]];
        size_t from = k - bs > win ? k - win : bs;
        for (size_t j = from; j < k; j++)
            PREFETCH_W(&w->e_slots[pair_hash(w->w_term[w->o_word[j]], t) & (w->e_nslots - 1)]);
    }
    for (size_t len = 1; len <= n && len <= k - bs + 1; len++)
        PREFETCH_W(&w->c_slots[cand_hash(w, k, len) & (w->c_nslots - 1)]);
}

static nt_status pass2(ws_t *w, const nt_interrupt *intr)
{
    size_t n = w->o->max_ngram, win = w->o->window;
    size_t next_poll = NT_INTERRUPT_BYTES;
    size_t stride = w->scratch_cap / PF_WORDS; /* one word's buffer */
    size_t mlen[PF_WORDS];
    uint64_t hash[PF_WORDS];
    /* loop 1: words and terms; occurrence k + PF_WORDS - 1 is lower-cased,
     * hashed and prefetched while k is interned */
    for (size_t k = 0; k < w->nocc + PF_WORDS - 1; k++) {
        if (k < w->nocc) {
            size_t r = k & (PF_WORDS - 1);
            unsigned char *buf = w->scratch + r * stride;
            mlen[r] = lower_occ(w, k, buf);
            hash[r] = hash_bytes(buf, mlen[r]);
            PREFETCH_W(&w->w_slots[hash[r] & (w->w_nslots - 1)]);
            PREFETCH_W(&w->t_slots[hash[r] & (w->t_nslots - 1)]); /* the term, unfolded */
        }
        if (k < PF_WORDS - 1)
            continue;
        size_t i = k - (PF_WORDS - 1), r = i & (PF_WORDS - 1);
        size_t a = (size_t)w->o_start[i];
        if (intr && intr->check && a >= next_poll) {
            next_poll = a + NT_INTERRUPT_BYTES;
            if (intr->check(intr->ctx))
                return NT_EINTR;
        }
        nt_status st = NT_OK;
        uint32_t wid = intern_word(w, w->scratch + r * stride, mlen[r], hash[r], &st);
        if (st != NT_OK)
            return st;
        w->o_word[i] = wid;
        uint32_t t = w->w_term[wid];
        int tag = w->o_tag[i];
        w->t_tf[t]++;
        if (tag == TAG_A)
            w->t_tfa[t]++;
        if (tag == TAG_N)
            w->t_tfn[t]++;
        uint32_t sid = w->o_sent[i];
        if (w->t_nsent[t] == 0 || w->t_last[t] != sid) {
            w->t_nsent[t]++;
            w->t_last[t] = sid;
        }
    }
    /* loop 2: edges and candidates */
    next_poll = NT_INTERRUPT_BYTES;
    size_t ahead = w->c_nslots >= PF_MIN_SLOTS ? PF_AHEAD : 0;
    for (size_t k = 0; k < w->nocc && k < ahead; k++)
        prefetch_occ(w, k);
    for (size_t k = 0; k < w->nocc; k++) {
        size_t a = (size_t)w->o_start[k];
        if (intr && intr->check && a >= next_poll) {
            next_poll = a + NT_INTERRUPT_BYTES;
            if (intr->check(intr->ctx))
                return NT_EINTR;
        }
        if (ahead && k + ahead < w->nocc)
            prefetch_occ(w, k + ahead);
        uint32_t t = w->w_term[w->o_word[k]];
        int tag = w->o_tag[k];
        size_t bs = w->o_bstart[k];
        if (!tag_discard(tag)) {
            size_t from = k - bs > win ? k - win : bs;
            for (size_t j = from; j < k; j++)
                if (!tag_discard(w->o_tag[j]))
                    add_edge(w, w->w_term[w->o_word[j]], t);
        }
        bool clean = !tag_discard(tag);
        for (size_t len = 1; len <= n && len <= k - bs + 1; len++) {
            if (len > 1)
                clean = clean && !tag_discard(w->o_tag[k + 1 - len]);
            add_candidate(w, k, len, clean);
        }
    }
    return NT_OK;
}

/* ------------------------------------------------------------- YAKE */

static nt_status yake_term_scores(ws_t *w)
{
    const nt_allocator *a = w->a;
    size_t T = w->nterms;
    double *pl_deg = xalloc(a, T, 8), *pl_w = xalloc(a, T, 8);
    double *pr_deg = xalloc(a, T, 8), *pr_w = xalloc(a, T, 8);
    uint32_t *off = xalloc(a, T + 1, 4), *ids = xalloc(a, w->nocc, 4);
    nt_status st = NT_OK;
    if (!pl_deg || !pl_w || !pr_deg || !pr_w || !off || !ids) {
        st = NT_ENOMEM;
        goto done;
    }
    for (size_t t = 0; t < T; t++)
        pl_deg[t] = pl_w[t] = pr_deg[t] = pr_w[t] = 0.0;
    for (size_t e = 0; e < w->nedges; e++) {
        pr_deg[w->e_from[e]] += 1.0;
        pr_w[w->e_from[e]] += w->e_w[e];
        pl_deg[w->e_to[e]] += 1.0;
        pl_w[w->e_to[e]] += w->e_w[e];
    }
    /* distinct sentence ids per term, in order */
    off[0] = 0;
    for (size_t t = 0; t < T; t++)
        off[t + 1] = off[t] + w->t_nsent[t];
    for (size_t t = 0; t < T; t++)
        w->t_last[t] = UINT32_MAX; /* reused: last sentence written */
    for (size_t t = 0; t < T; t++)
        w->t_nsent[t] = 0; /* reused as the fill count */
    for (size_t k = 0; k < w->nocc; k++) {
        uint32_t t = w->w_term[w->o_word[k]];
        uint32_t sid = w->o_sent[k];
        if (w->t_last[t] != sid) {
            ids[off[t] + w->t_nsent[t]++] = sid;
            w->t_last[t] = sid;
        }
    }
    /* statistics of the non-stop terms' frequencies */
    double sum = 0.0, maxtf = 0.0;
    size_t nvalid = 0;
    for (size_t t = 0; t < T; t++) {
        if (w->t_tf[t] > maxtf)
            maxtf = w->t_tf[t];
        if (!w->t_stop[t]) {
            sum += w->t_tf[t];
            nvalid++;
        }
    }
    if (nvalid == 0) {
        for (size_t t = 0; t < T; t++)
            w->t_h[t] = 0.0;
        goto done;
    }
    double avg = sum / (double)nvalid, var = 0.0;
    for (size_t t = 0; t < T; t++)
        if (!w->t_stop[t]) {
            double d = w->t_tf[t] - avg;
            var += d * d;
        }
    double sd = sqrt(var / (double)nvalid);
    double nsent = (double)(w->nsent ? w->nsent : 1);
    for (size_t t = 0; t < T; t++) {
        double tf = w->t_tf[t];
        double pwl = pl_w[t] == 0 ? 0.0 : pl_deg[t] / pl_w[t];
        double pwr = pr_w[t] == 0 ? 0.0 : pr_deg[t] / pr_w[t];
        double rel = (0.5 + (pwl * (tf / maxtf))) + (0.5 + (pwr * (tf / maxtf)));
        double freq = tf / (avg + sd);
        size_t d = w->t_nsent[t];
        double spread = (double)d / nsent;
        double tfa = w->t_tfa[t], tfn = w->t_tfn[t];
        double casef = (tfa > tfn ? tfa : tfn) / (1.0 + log(tf));
        const uint32_t *li = ids + off[t];
        double med = (d & 1) ? (double)li[d / 2] : ((double)li[d / 2 - 1] + (double)li[d / 2]) / 2.0;
        double posf = log(log(3.0 + med));
        w->t_h[t] = (posf * rel) / (casef + (freq / rel) + (spread / rel));
    }
done:
    xfree(a, pl_deg, T, 8);
    xfree(a, pl_w, T, 8);
    xfree(a, pr_deg, T, 8);
    xfree(a, pr_w, T, 8);
    xfree(a, off, T + 1, 4);
    xfree(a, ids, w->nocc, 4);
    return st;
}

static inline uint32_t cand_term(const ws_t *w, size_t c, size_t i)
{
    size_t first = w->c_end[c] + 1 - w->c_n[c];
    return w->w_term[w->o_word[first + i]];
}

/* Valid: some occurrence has no u/d word, the first and last words are not
 * stop words (the reference's rule), and no word is a speech cue or
 * boilerplate (ours: "Reyes said Tuesday" is not a keyword). */
static bool cand_valid(const ws_t *w, size_t c)
{
    size_t n = w->c_n[c];
    if (!w->c_clean[c] || w->t_stop[cand_term(w, c, 0)] || w->t_stop[cand_term(w, c, n - 1)])
        return false;
    for (size_t i = 1; i + 1 < n; i++)
        if (w->t_cue[cand_term(w, c, i)])
            return false;
    return true;
}

static void yake_cand_scores(ws_t *w)
{
    for (size_t c = 0; c < w->ncand; c++) {
        if (!cand_valid(w, c)) {
            w->c_score[c] = NAN;
            continue;
        }
        size_t n = w->c_n[c];
        double prod = 1.0, sum = 0.0;
        for (size_t i = 0; i < n; i++) {
            uint32_t t = cand_term(w, c, i);
            if (!w->t_stop[t]) {
                sum += w->t_h[t];
                prod *= w->t_h[t];
            } else {
                /* valid candidates never start or end with a stop word */
                uint32_t tp = cand_term(w, c, i - 1), tn = cand_term(w, c, i + 1);
                double p1 = 0.0, p2 = 0.0;
                uint32_t e1 = edge_weight(w, tp, t), e2 = edge_weight(w, t, tn);
                if (e1)
                    p1 = (double)e1 / (double)w->t_tf[tp];
                if (e2)
                    p2 = (double)e2 / (double)w->t_tf[tn];
                double prob = p1 * p2;
                prod *= (1 + (1 - prob));
                sum -= (1 - prob);
            }
        }
        w->c_score[c] = prod / ((sum + 1) * (double)w->c_tf[c]);
    }
}

/* ------------------------------------------------------------- RAKE */

/* RAKE: phrases are the maximal runs of non-stop words (here: candidates
 * of up to max_ngram words whose words are all non-stop terms); a word
 * scores degree/frequency, where degree counts the words of every phrase
 * occurrence it appears in (itself included); a phrase scores the sum of
 * its words' scores.  Higher is better; scores are negated internally so
 * that one ascending order serves every method. */
static nt_status rake_scores(ws_t *w)
{
    const nt_allocator *a = w->a;
    size_t T = w->nterms;
    double *deg = xalloc(a, T, 8);
    if (!deg)
        return NT_ENOMEM;
    for (size_t t = 0; t < T; t++)
        deg[t] = 0.0;
    /* maximal runs: walk occurrences; a run breaks at a block start, a stop
     * word or a u/d word, and is capped at max_ngram words */
    size_t nmax = w->o->max_ngram;
    size_t run = 0;
    for (size_t k = 0; k <= w->nocc; k++) {
        bool brk = k == w->nocc || w->o_bstart[k] == k ||
                   w->t_stop[w->w_term[w->o_word[k]]] || tag_discard(w->o_tag[k]) || run == nmax;
        if (brk && run) {
            for (size_t j = k - run; j < k; j++)
                deg[w->w_term[w->o_word[j]]] += (double)run;
            run = 0;
        }
        if (k < w->nocc && !w->t_stop[w->w_term[w->o_word[k]]] && !tag_discard(w->o_tag[k]))
            run++;
    }
    for (size_t c = 0; c < w->ncand; c++) {
        size_t n = w->c_n[c];
        bool ok = w->c_clean[c];
        double sc = 0.0;
        for (size_t i = 0; i < n && ok; i++) {
            uint32_t t = cand_term(w, c, i);
            ok = !w->t_stop[t];
            sc += deg[t] / (double)w->t_tf[t];
        }
        w->c_score[c] = ok ? -sc : NAN;
    }
    xfree(a, deg, T, 8);
    return NT_OK;
}

/* ----------------------------------------------------------- TextRank */

/* TextRank (Mihalcea & Tarau 2004) without a part-of-speech model: the
 * nodes are the non-stop terms, an undirected edge joins two of them that
 * occur within `window` words of each other inside a block (stop words and
 * u/d words are skipped but still count as distance), weighted by how often
 * they do; PageRank with damping 0.85 iterates to a change below 1e-10 (at
 * most 100 rounds).  A phrase (candidate with non-stop first and last words)
 * scores the mean rank of its content words times (1 + (m - 1) / 2) for m
 * content words, so a phrase beats its weaker parts but not a far stronger
 * single word.  Higher is better (negated internally, like RAKE). */
static nt_status textrank_scores(ws_t *w)
{
    const nt_allocator *a = w->a;
    size_t T = w->nterms, E = w->nedges;
    double *r = xalloc(a, T, 8), *nr = xalloc(a, T, 8), *ow = xalloc(a, T, 8);
    nt_status st = NT_OK;
    if (!r || !nr || !ow) {
        st = NT_ENOMEM;
        goto done;
    }
    size_t nodes = 0;
    for (size_t t = 0; t < T; t++) {
        ow[t] = 0.0;
        nodes += !w->t_stop[t];
    }
    /* the YAKE graph is directed; TextRank uses it symmetrised */
    for (size_t e = 0; e < E; e++) {
        uint32_t x = w->e_from[e], y = w->e_to[e];
        if (w->t_stop[x] || w->t_stop[y] || x == y)
            continue;
        ow[x] += w->e_w[e];
        ow[y] += w->e_w[e];
    }
    double init = nodes ? 1.0 / (double)nodes : 0.0;
    for (size_t t = 0; t < T; t++)
        r[t] = w->t_stop[t] ? 0.0 : init;
    for (int it = 0; it < 100 && nodes; it++) {
        for (size_t t = 0; t < T; t++)
            nr[t] = w->t_stop[t] ? 0.0 : (1.0 - 0.85) / (double)nodes;
        double dangling = 0.0;
        for (size_t t = 0; t < T; t++)
            if (!w->t_stop[t] && ow[t] == 0.0)
                dangling += r[t];
        for (size_t t = 0; t < T; t++)
            if (!w->t_stop[t])
                nr[t] += 0.85 * dangling / (double)nodes;
        for (size_t e = 0; e < E; e++) {
            uint32_t x = w->e_from[e], y = w->e_to[e];
            if (w->t_stop[x] || w->t_stop[y] || x == y)
                continue;
            nr[y] += 0.85 * r[x] * w->e_w[e] / ow[x];
            nr[x] += 0.85 * r[y] * w->e_w[e] / ow[y];
        }
        double diff = 0.0;
        for (size_t t = 0; t < T; t++) {
            diff += fabs(nr[t] - r[t]);
            r[t] = nr[t];
        }
        if (diff < 1e-10)
            break;
    }
    for (size_t c = 0; c < w->ncand; c++) {
        if (!cand_valid(w, c)) {
            w->c_score[c] = NAN;
            continue;
        }
        size_t n = w->c_n[c];
        double sc = 0.0;
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            uint32_t t = cand_term(w, c, i);
            if (!w->t_stop[t]) {
                sc += r[t];
                m++;
            }
        }
        w->c_score[c] = -(sc / (double)m) * (1.0 + 0.5 * (double)(m - 1));
    }
done:
    xfree(a, r, T, 8);
    xfree(a, nr, T, 8);
    xfree(a, ow, T, 8);
    return st;
}

/* ------------------------------------------------------- rank and dedup */

typedef struct {
    double score;
    uint32_t id;
} rank_item;

static int rank_cmp(const void *pa, const void *pb)
{
    const rank_item *x = pa, *y = pb;
    bool xn = isnan(x->score), yn = isnan(y->score);
    if (xn != yn)
        return xn ? 1 : -1;
    if (!xn) {
        if (x->score < y->score)
            return -1;
        if (x->score > y->score)
            return 1;
    }
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Code points of a candidate's lower-cased key ("w1 w2 w3") into *buf. */
static nt_status cand_key_cps(const ws_t *w, size_t c, uint32_t **buf, size_t *cap, size_t *n)
{
    size_t first = w->c_end[c] + 1 - w->c_n[c], m = 0;
    for (size_t i = 0; i < w->c_n[c]; i++) {
        uint32_t wd = w->o_word[first + i];
        const char *p = (const char *)w->arena + w->w_off[wd];
        size_t L = w->w_len[wd];
        nt_status st = grow_u32(w->a, buf, cap, m + L + 1);
        if (st != NT_OK)
            return st;
        if (i)
            (*buf)[m++] = ' ';
        for (size_t q = 0; q < L;) {
            uint32_t cp;
            q += nt_utf8_decode(p, L, q, &cp);
            (*buf)[m++] = cp;
        }
    }
    *n = m;
    return NT_OK;
}

/* Is Levenshtein(a, b) < k?  Exits as soon as every entry of a DP row is
 * >= k (row minima never decrease) and skips the DP entirely when the
 * lengths alone differ by k or more.  row must hold lb + 1 entries x 2. */
static bool lev_below(const uint32_t *a, size_t la, const uint32_t *b, size_t lb, size_t k,
                      uint32_t *row)
{
    if (k == 0)
        return false;
    if ((la > lb ? la - lb : lb - la) >= k)
        return false;
    uint32_t *prev = row, *cur = row + lb + 1;
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (uint32_t)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (uint32_t)i;
        uint32_t mn = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            uint32_t del = prev[j] + 1, ins = cur[j - 1] + 1, sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            uint32_t v = del < ins ? del : ins;
            v = v < sub ? v : sub;
            cur[j] = v;
            if (v < mn)
                mn = v;
        }
        if (mn >= k)
            return false;
        uint32_t *t = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb] < k;
}

/* The smallest distance d with 1 - d/m <= lim, evaluated exactly as the
 * reference does (in double), so the bounded test decides the same way. */
static size_t dedup_bound(size_t m, double lim)
{
    double dm = (double)m;
    size_t d = (size_t)ceil((1.0 - lim) * dm);
    if (d > m)
        d = m;
    while (d > 0 && 1.0 - (double)(d - 1) / dm <= lim)
        d--;
    while (d < m && !(1.0 - (double)d / dm <= lim))
        d++;
    return d;
}

static bool blacklisted(const ws_t *w, size_t c, const uint32_t *key, size_t n,
                        unsigned char *tmp)
{
    const nt_wordset *bl = w->o->blacklist;
    if (!bl || bl->n == 0)
        return false;
    size_t first = w->c_end[c] + 1 - w->c_n[c];
    for (size_t i = 0; i < w->c_n[c]; i++) {
        uint32_t wd = w->o_word[first + i];
        if (ws_has_lower(bl, w->arena + w->w_off[wd], w->w_len[wd]))
            return true;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        m += utf8_put(key[i], tmp + m);
    return ws_has_lower(bl, tmp, m);
}

static nt_status emit(ws_t *w, size_t c, nt_keywords *out)
{
    const nt_allocator *a = out->alloc;
    size_t first = w->c_end[c] + 1 - w->c_n[c], last = w->c_end[c];
    size_t need = 0;
    for (size_t k = first; k <= last; k++)
        need += (size_t)(w->o_end[k] - w->o_start[k]) + 1;
    void *p = out->items;
    nt_status st = nt_array_reserve(a, &p, &out->cap, out->len + 1, sizeof *out->items, 16);
    out->items = p;
    if (st != NT_OK)
        return st;
    unsigned char *buf = (unsigned char *)out->buf;
    st = grow_bytes(a, &buf, &out->buf_cap, out->buf_len + need);
    out->buf = (char *)buf;
    if (st != NT_OK)
        return st;
    nt_keyword *kw = &out->items[out->len++];
    kw->score = w->c_score[c];
    kw->count = w->c_tf[c];
    kw->phrase = out->buf_len;
    kw->start = w->o_start[first];
    kw->end = w->o_end[last];
    for (size_t k = first; k <= last; k++) {
        if (k > first)
            out->buf[out->buf_len++] = ' ';
        size_t L = (size_t)(w->o_end[k] - w->o_start[k]);
        memcpy(out->buf + out->buf_len, w->text + w->o_start[k], L);
        out->buf_len += L;
    }
    kw->phrase_len = out->buf_len - kw->phrase;
    return NT_OK;
}

static nt_status rank_and_emit(ws_t *w, nt_keywords *out, const nt_interrupt *intr)
{
    const nt_allocator *a = w->a;
    size_t nvalid = 0;
    for (size_t c = 0; c < w->ncand; c++)
        nvalid += !isnan(w->c_score[c]);
    rank_item *items = xalloc(a, nvalid, sizeof(rank_item));
    uint32_t *key = NULL, *pool = NULL, *row = NULL;
    size_t key_cap = 0, pool_cap = 0, row_cap = 0;
    size_t *acc_off = NULL, *acc_len = NULL;
    unsigned char *tmp = NULL;
    size_t tmp_cap = 0;
    size_t top = w->o->top;
    nt_status st = NT_OK;
    if (!items)
        return NT_ENOMEM;
    size_t m = 0;
    for (size_t c = 0; c < w->ncand; c++)
        if (!isnan(w->c_score[c])) {
            items[m].score = w->c_score[c];
            items[m].id = (uint32_t)c;
            m++;
        }
    qsort(items, nvalid, sizeof(rank_item), rank_cmp);
    size_t nacc_cap = top < nvalid ? top : nvalid;
    acc_off = xalloc(a, nacc_cap, sizeof(size_t));
    acc_len = xalloc(a, nacc_cap, sizeof(size_t));
    if (!acc_off || !acc_len) {
        st = NT_ENOMEM;
        goto done;
    }
    bool dedup = w->o->dedup < 1.0;
    size_t pool_len = 0, nacc = 0;
    for (size_t r = 0; r < nvalid && nacc < top; r++) {
        if (intr && intr->check && (r & 0xFFFF) == 0xFFFF && intr->check(intr->ctx)) {
            st = NT_EINTR;
            goto done;
        }
        size_t c = items[r].id, kn = 0;
        st = cand_key_cps(w, c, &key, &key_cap, &kn);
        if (st != NT_OK)
            goto done;
        if (w->o->blacklist && w->o->blacklist->n) {
            st = grow_bytes(a, &tmp, &tmp_cap, kn * 4 + 4);
            if (st != NT_OK)
                goto done;
            if (blacklisted(w, c, key, kn, tmp))
                continue;
        }
        bool ok = true;
        if (dedup) {
            st = grow_u32(a, &row, &row_cap, 2 * (kn + 1));
            if (st != NT_OK)
                goto done;
            for (size_t j = 0; j < nacc && ok; j++) {
                size_t lb = acc_len[j];
                size_t mx = kn > lb ? kn : lb;
                if (mx == 0) {
                    ok = false; /* two empty keys are identical */
                    break;
                }
                size_t bound = dedup_bound(mx, w->o->dedup);
                /* distance < bound  <=>  similarity > dedup: a near-duplicate */
                if (lev_below(pool + acc_off[j], lb, key, kn, bound, row))
                    ok = false;
            }
        }
        if (!ok)
            continue;
        st = grow_u32(a, &pool, &pool_cap, pool_len + kn + 1);
        if (st != NT_OK)
            goto done;
        memcpy(pool + pool_len, key, kn * 4);
        acc_off[nacc] = pool_len;
        acc_len[nacc] = kn;
        pool_len += kn;
        nacc++;
        st = emit(w, c, out);
        if (st != NT_OK)
            goto done;
    }
done:
    xfree(a, items, nvalid, sizeof(rank_item));
    xfree(a, acc_off, nacc_cap, sizeof(size_t));
    xfree(a, acc_len, nacc_cap, sizeof(size_t));
    xfree(a, key, key_cap, 4);
    xfree(a, pool, pool_cap, 4);
    xfree(a, row, row_cap, 4);
    if (tmp)
        a->free(a->ctx, tmp, tmp_cap);
    return st;
}

/* ------------------------------------------------------------- driver */

static nt_status ws_alloc(ws_t *w, size_t T)
{
    const nt_allocator *a = w->a;
    w->occ_cap = T ? T : 1;
    w->o_start = xalloc(a, w->occ_cap, 8);
    w->o_end = xalloc(a, w->occ_cap, 8);
    w->o_sent = xalloc(a, w->occ_cap, 4);
    w->o_bstart = xalloc(a, w->occ_cap, 4);
    w->o_word = xalloc(a, w->occ_cap, 4);
    w->o_tag = xalloc(a, w->occ_cap, 1);
    if (!w->o_start || !w->o_end || !w->o_sent || !w->o_bstart || !w->o_word || !w->o_tag)
        return NT_ENOMEM;
    return NT_OK;
}

static nt_status ws_alloc2(ws_t *w)
{
    const nt_allocator *a = w->a;
    /* words and terms are interned from the word occurrences, so nocc
     * bounds both: sizing these arrays (some of them zeroed below) by the
     * token count instead made a text of punctuation touch 20 bytes per
     * token for nothing (issue 7) */
    size_t W = w->nocc ? w->nocc : 1, cap = W;
    w->wt_cap = W;
    size_t n = w->o->max_ngram, win = w->o->window;
    w->w_off = xalloc(a, cap, 4);
    w->w_len = xalloc(a, cap, 4);
    w->w_term = xalloc(a, cap, 4);
    w->t_off = xalloc(a, cap, 4);
    w->t_len = xalloc(a, cap, 4);
    w->t_tf = xalloc(a, cap, 4);
    w->t_tfa = xalloc(a, cap, 4);
    w->t_tfn = xalloc(a, cap, 4);
    w->t_last = xalloc(a, cap, 4);
    w->t_nsent = xalloc(a, cap, 4);
    w->t_stop = xalloc(a, cap, 1);
    w->t_cue = xalloc(a, cap, 1);
    w->t_h = xalloc(a, cap, 8);
    w->w_nslots = w->t_nslots = pow2_at_least(2 * W);
    w->w_slots = xalloc(a, w->w_nslots, 4);
    w->t_slots = xalloc(a, w->t_nslots, 4);
    w->edge_cap = W * win;
    w->e_from = xalloc(a, w->edge_cap, 4);
    w->e_to = xalloc(a, w->edge_cap, 4);
    w->e_w = xalloc(a, w->edge_cap, 4);
    w->e_nslots = pow2_at_least(2 * w->edge_cap);
    w->e_slots = xalloc(a, w->e_nslots, 4);
    w->cand_cap = W * n;
    w->c_end = xalloc(a, w->cand_cap, 4);
    w->c_tf = xalloc(a, w->cand_cap, 4);
    w->c_n = xalloc(a, w->cand_cap, 1);
    w->c_clean = xalloc(a, w->cand_cap, 1);
    w->c_score = xalloc(a, w->cand_cap, 8);
    w->c_nslots = pow2_at_least(2 * w->cand_cap);
    w->c_slots = xalloc(a, w->c_nslots, 4);
    w->scratch_cap = PF_WORDS * (4 * w->max_word_bytes + 4); /* pass2's ring */
    w->scratch = a->malloc(a->ctx, w->scratch_cap);
    if (!w->w_off || !w->w_len || !w->w_term || !w->t_off || !w->t_len || !w->t_tf ||
        !w->t_tfa || !w->t_tfn || !w->t_last || !w->t_nsent || !w->t_stop || !w->t_cue || !w->t_h ||
        !w->w_slots || !w->t_slots || !w->e_from || !w->e_to || !w->e_w || !w->e_slots ||
        !w->c_end || !w->c_tf || !w->c_n || !w->c_clean || !w->c_score || !w->c_slots ||
        !w->scratch)
        return NT_ENOMEM;
    memset(w->w_slots, 0, w->w_nslots * 4);
    memset(w->t_slots, 0, w->t_nslots * 4);
    memset(w->e_slots, 0, w->e_nslots * 4);
    memset(w->c_slots, 0, w->c_nslots * 4);
    memset(w->t_tf, 0, cap * 4);
    memset(w->t_tfa, 0, cap * 4);
    memset(w->t_tfn, 0, cap * 4);
    memset(w->t_nsent, 0, cap * 4);
    memset(w->t_last, 0, cap * 4);
    return grow_bytes(a, &w->arena, &w->arena_cap, w->len + 16);
}

static bool opts_ok(const nt_keywords_opts *o)
{
    if ((o->flags & ~NT_KW_FLAGS_ALL) != 0)
        return false;
    if (o->method != NT_KW_YAKE && o->method != NT_KW_RAKE && o->method != NT_KW_TEXTRANK)
        return false;
    if (o->max_ngram < 1 || o->max_ngram > NT_KW_MAX_NGRAM)
        return false;
    if (o->window < 1 || o->window > NT_KW_MAX_WINDOW)
        return false;
    if (!(o->dedup >= 0.0)) /* also rejects NaN */
        return false;
    if (o->min_chars > 64)
        return false;
    return true;
}

/* Tokens, sentences, pass 1 and pass 2 for one text into a fresh
 * workspace (released by ws_free, also on error). */
static nt_status analyse(ws_t *w, const nt_tokenizer *tok, const char *text, size_t len,
                         const nt_keywords_opts *opts, const nt_allocator *alloc,
                         const nt_interrupt *intr)
{
    memset(w, 0, sizeof *w);
    w->a = alloc;
    w->text = (const unsigned char *)text;
    w->len = len;
    w->lang = nt_tokenizer_lang(tok);
    w->o = opts;
    nt_spans toks, sents;
    nt_spans_init(&toks, w->a);
    nt_spans_init(&sents, w->a);
    nt_status st = nt_tokenizer_run(tok, text, len, &toks, intr);
    if (st == NT_OK)
        st = nt_sentences_split(tok, text, len, &toks, &sents, intr);
    if (st == NT_OK)
        st = ws_alloc(w, toks.len);
    if (st == NT_OK)
        st = pass1(w, &toks, &sents, intr);
    nt_spans_free(&toks);
    nt_spans_free(&sents);
    if (st == NT_OK)
        st = ws_alloc2(w);
    if (st == NT_OK)
        st = pass2(w, intr);
    return st;
}

/* NT_KW_CLEAN: extract from the clean view (csrc/cleanview.c) without the
 * flag, then map the first-occurrence spans back to the text. */
static nt_status extract_clean(const nt_tokenizer *tok, const char *text, size_t len,
                               const nt_keywords_opts *opts, nt_keywords *out,
                               const nt_interrupt *intr)
{
    nt_clean_view v;
    nt_clean_view_init(&v, out->alloc);
    nt_status st = nt_clean_view_build(text, len, nt_tokenizer_lang(tok), NT_CLEAN_KEEP_TEXT, &v, intr);
    if (st == NT_OK) {
        nt_keywords_opts o = *opts;
        o.flags &= ~NT_KW_CLEAN;
        st = nt_keywords_extract(tok, v.text, v.len, &o, out, intr);
    }
    for (size_t i = 0; i < out->len; i++) {
        nt_keyword *k = &out->items[i];
        int64_t s = nt_clean_view_orig(&v, k->start, 0);
        k->end = k->end > k->start ? nt_clean_view_orig(&v, k->end, 1) : s;
        k->start = s;
    }
    nt_clean_view_free(&v);
    return st;
}

nt_status nt_keywords_extract(const nt_tokenizer *tok, const char *text, size_t len,
                              const nt_keywords_opts *opts, nt_keywords *out,
                              const nt_interrupt *intr)
{
    if (!tok || !opts || !out || (!text && len))
        return NT_EINVAL;
    if (!opts_ok(opts))
        return NT_EINVAL;
    out->len = 0;
    out->buf_len = 0;
    if (!out->alloc)
        out->alloc = nt_allocator_default();
    if (len == 0 || opts->top == 0)
        return NT_OK;
    if (opts->flags & NT_KW_CLEAN)
        return extract_clean(tok, text, len, opts, out, intr);
    /* every index below is a uint32_t */
    if (len > NT_KW_MAX_TEXT)
        return NT_ETOOBIG;

    ws_t w;
    nt_status st = analyse(&w, tok, text, len, opts, out->alloc, intr);
    if (st == NT_OK) {
        switch (opts->method) {
        case NT_KW_YAKE:
            st = yake_term_scores(&w);
            if (st == NT_OK)
                yake_cand_scores(&w);
            break;
        case NT_KW_RAKE:
            st = rake_scores(&w);
            break;
        case NT_KW_TEXTRANK:
            st = textrank_scores(&w);
            break;
        }
    }
    if (st == NT_OK)
        st = rank_and_emit(&w, out, intr);
    ws_free(&w);
    if (st != NT_OK) {
        out->len = 0;
        out->buf_len = 0;
    }
    /* RAKE and TextRank ranked on negated scores: report them positive */
    if (opts->method != NT_KW_YAKE)
        for (size_t i = 0; i < out->len; i++)
            out->items[i].score = -out->items[i].score;
    return st;
}

/* ---------------------------------------------------------------- corpus */

struct nt_corpus {
    const nt_allocator *a;
    nt_keywords_opts opts;
    /* terms: lower-cased phrase keys in an arena, hash-interned */
    unsigned char *arena;
    size_t arena_len, arena_cap;
    struct corpus_term {
        uint64_t count; /* occurrences in the corpus */
        uint32_t off, len;
        uint32_t df;    /* documents containing the term */
    } *terms;
    size_t nterms, tcap;
    uint32_t *slots;
    size_t nslots;
    /* per document: (term, count) pairs in pair_term/pair_count from
     * doc_off[d] to doc_off[d + 1] */
    struct corpus_pair {
        uint32_t term, count;
    } *pairs;
    size_t npairs, pcap;
    size_t *doc_off;
    size_t ndocs, dcap;
};

nt_status nt_corpus_new(const nt_keywords_opts *opts, const nt_allocator *alloc, nt_corpus **out)
{
    if (!opts || !out || !opts_ok(opts))
        return NT_EINVAL;
    alloc = nt_alloc_or_default(alloc);
    nt_corpus *c = alloc->malloc(alloc->ctx, sizeof *c);
    if (!c)
        return NT_ENOMEM;
    memset(c, 0, sizeof *c);
    c->a = alloc;
    c->opts = *opts;
    c->dcap = 16;
    c->doc_off = xalloc(alloc, c->dcap, sizeof(size_t));
    if (!c->doc_off) {
        alloc->free(alloc->ctx, c, sizeof *c);
        return NT_ENOMEM;
    }
    c->doc_off[0] = 0;
    *out = c;
    return NT_OK;
}

void nt_corpus_free(nt_corpus *c)
{
    if (!c)
        return;
    const nt_allocator *a = c->a;
    if (c->arena)
        a->free(a->ctx, c->arena, c->arena_cap);
    xfree(a, c->terms, c->tcap, sizeof *c->terms);
    xfree(a, c->slots, c->nslots, 4);
    xfree(a, c->pairs, c->pcap, sizeof *c->pairs);
    xfree(a, c->doc_off, c->dcap, sizeof(size_t));
    a->free(a->ctx, c, sizeof *c);
}

size_t nt_corpus_docs(const nt_corpus *c) { return c ? c->ndocs : 0; }
size_t nt_corpus_terms(const nt_corpus *c) { return c ? c->nterms : 0; }

const char *nt_corpus_term(const nt_corpus *c, size_t id, size_t *len)
{
    if (!c || id >= c->nterms) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = c->terms[id].len;
    return (const char *)c->arena + c->terms[id].off;
}

/* Grow an array of n-byte items from cap to at least need (geometric). */
static nt_status grow_items(const nt_allocator *a, void **p, size_t *cap, size_t need, size_t size)
{
    return nt_array_reserve(a, p, cap, need, size, 16);
}

static nt_status corpus_reserve_terms(nt_corpus *c, size_t need)
{
    const nt_allocator *a = c->a;
    void *p = c->terms;
    nt_status st = grow_items(a, &p, &c->tcap, need, sizeof *c->terms);
    c->terms = p;
    if (st != NT_OK)
        return st;
    /* keep the table at most half full; checked on every call, not only
     * when terms grew: a failed slot allocation after a successful terms
     * growth must be retried, or the table could fill up and a probe never
     * find an empty slot */
    if (c->tcap * 2 > c->nslots) {
        size_t ns = pow2_at_least(c->tcap * 2);
        uint32_t *sl = xalloc(a, ns, 4);
        if (!sl)
            return NT_ENOMEM;
        memset(sl, 0, ns * 4);
        for (size_t t = 0; t < c->nterms; t++)
            ws_insert_slot(sl, ns, hash_bytes(c->arena + c->terms[t].off, c->terms[t].len), (uint32_t)t);
        xfree(a, c->slots, c->nslots, 4);
        c->slots = sl;
        c->nslots = ns;
    }
    return NT_OK;
}

static nt_status corpus_add_text(nt_corpus *c, const nt_tokenizer *tok, const char *text,
                                 size_t len, const nt_interrupt *intr);

nt_status nt_corpus_add(nt_corpus *c, const nt_tokenizer *tok, const char *text, size_t len,
                        const nt_interrupt *intr)
{
    if (!c || !tok || (!text && len))
        return NT_EINVAL;
    if (!(c->opts.flags & NT_KW_CLEAN))
        return corpus_add_text(c, tok, text, len, intr);
    /* NT_KW_CLEAN: count the terms of the clean view (csrc/cleanview.c) */
    nt_clean_view v;
    nt_clean_view_init(&v, c->a);
    nt_status st = nt_clean_view_build(text, len, nt_tokenizer_lang(tok), NT_CLEAN_KEEP_TEXT, &v, intr);
    if (st == NT_OK)
        st = corpus_add_text(c, tok, v.text, v.len, intr);
    nt_clean_view_free(&v);
    return st;
}

static nt_status corpus_add_text(nt_corpus *c, const nt_tokenizer *tok, const char *text,
                                 size_t len, const nt_interrupt *intr)
{
    if (len > NT_KW_MAX_TEXT)
        return NT_ETOOBIG;
    void *dp = c->doc_off;
    nt_status st = grow_items(c->a, &dp, &c->dcap, c->ndocs + 2, sizeof(size_t));
    c->doc_off = dp;
    if (st != NT_OK)
        return st;
    size_t first_pair = c->npairs, first_term = c->nterms, first_arena = c->arena_len;
    ws_t w;
    st = len ? analyse(&w, tok, text, len, &c->opts, c->a, intr) : NT_OK;
    if (!len)
        memset(&w, 0, sizeof w), w.a = c->a;
    unsigned char *key = NULL;
    size_t key_cap = 0;
    for (size_t k = 0; st == NT_OK && k < w.ncand; k++) {
        if (!cand_valid(&w, k))
            continue;
        /* the lower-cased key "w1 w2 w3" */
        size_t first = w.c_end[k] + 1 - w.c_n[k], m = 0;
        for (size_t i = 0; i < w.c_n[k] && st == NT_OK; i++) {
            uint32_t wd = w.o_word[first + i];
            st = grow_bytes(c->a, &key, &key_cap, m + w.w_len[wd] + 1);
            if (st != NT_OK)
                break;
            if (i)
                key[m++] = ' ';
            memcpy(key + m, w.arena + w.w_off[wd], w.w_len[wd]);
            m += w.w_len[wd];
        }
        if (st != NT_OK)
            break;
        if (c->opts.blacklist && ws_has_lower(c->opts.blacklist, key, m))
            continue;
        st = corpus_reserve_terms(c, c->nterms + 1);
        if (st != NT_OK)
            break;
        uint64_t h = hash_bytes(key, m);
        size_t mask = c->nslots - 1, i = h & mask;
        uint32_t t = UINT32_MAX;
        for (;; i = (i + 1) & mask) {
            uint32_t e = c->slots[i];
            if (e == 0)
                break;
            e--;
            if (c->terms[e].len == m && memcmp(c->arena + c->terms[e].off, key, m) == 0) {
                t = e;
                break;
            }
        }
        if (t == UINT32_MAX) {
            st = grow_bytes(c->a, &c->arena, &c->arena_cap, c->arena_len + m);
            if (st != NT_OK)
                break;
            if (c->arena_len + m > UINT32_MAX) {
                st = NT_ETOOBIG;
                break;
            }
            t = (uint32_t)c->nterms++;
            memcpy(c->arena + c->arena_len, key, m);
            c->terms[t].off = (uint32_t)c->arena_len;
            c->terms[t].len = (uint32_t)m;
            c->terms[t].count = 0;
            c->terms[t].df = 0;
            c->arena_len += m;
            c->slots[i] = t + 1;
        }
        void *pp = c->pairs;
        st = grow_items(c->a, &pp, &c->pcap, c->npairs + 1, sizeof *c->pairs);
        c->pairs = pp;
        if (st != NT_OK)
            break;
        c->pairs[c->npairs].term = t;
        c->pairs[c->npairs].count = w.c_tf[k];
        c->npairs++;
    }
    if (key)
        c->a->free(c->a->ctx, key, key_cap);
    if (len)
        ws_free(&w);
    if (st != NT_OK) {
        /* roll the document back, with the terms it interned: their ids
         * would otherwise shift every later term's, and nt_corpus_terms()
         * would count them.  They are the newest entries of the hash table,
         * so clearing their slots breaks no older entry's probe chain. */
        c->npairs = first_pair;
        if (c->nterms > first_term) {
            for (size_t i = 0; i < c->nslots; i++)
                if (c->slots[i] > first_term)
                    c->slots[i] = 0;
            c->nterms = first_term;
            c->arena_len = first_arena;
        }
        return st;
    }
    for (size_t p = first_pair; p < c->npairs; p++) {
        c->terms[c->pairs[p].term].count += c->pairs[p].count;
        c->terms[c->pairs[p].term].df++;
    }
    c->ndocs++;
    c->doc_off[c->ndocs] = c->npairs;
    return NT_OK;
}

void nt_termscores_init(nt_termscores *ts, const nt_allocator *alloc)
{
    memset(ts, 0, sizeof *ts);
    ts->alloc = nt_alloc_or_default(alloc);
}

void nt_termscores_free(nt_termscores *ts)
{
    if (!ts)
        return;
    const nt_allocator *a = nt_alloc_or_default(ts->alloc);
    xfree(a, ts->items, ts->cap, sizeof(nt_termscore));
    ts->items = NULL;
    ts->len = ts->cap = 0;
}

static int score_desc_cmp(const void *pa, const void *pb)
{
    const nt_termscore *x = pa, *y = pb;
    if (x->score > y->score)
        return -1;
    if (x->score < y->score)
        return 1;
    return x->term < y->term ? -1 : x->term > y->term;
}

/* Keep the best `top` of n scored items in out (sorted, best first). */
static nt_status keep_top(nt_termscores *out, nt_termscore *items, size_t n, size_t top)
{
    qsort(items, n, sizeof *items, score_desc_cmp);
    size_t k = n < top ? n : top;
    void *p = out->items;
    nt_status st = grow_items(out->alloc, &p, &out->cap, k ? k : 1, sizeof(nt_termscore));
    out->items = p;
    if (st != NT_OK)
        return st;
    memcpy(out->items, items, k * sizeof *items);
    out->len = k;
    return NT_OK;
}

nt_status nt_corpus_tfidf(const nt_corpus *c, size_t doc, size_t top, size_t min_df,
                          nt_termscores *out)
{
    if (!c || !out || doc >= c->ndocs)
        return NT_EINVAL;
    if (!out->alloc)
        out->alloc = nt_allocator_default();
    out->len = 0;
    size_t a = c->doc_off[doc], b = c->doc_off[doc + 1], n = b - a;
    nt_termscore *items = xalloc(out->alloc, n, sizeof *items);
    if (!items)
        return NT_ENOMEM;
    double N = (double)c->ndocs, norm = 0.0;
    size_t m = 0;
    for (size_t p = a; p < b; p++) {
        uint32_t t = c->pairs[p].term;
        double tf = (double)c->pairs[p].count;
        double idf = log((1.0 + N) / (1.0 + (double)c->terms[t].df)) + 1.0;
        double s = (1.0 + log(tf)) * idf;
        norm += s * s;
        if (c->terms[t].df < min_df)
            continue;
        items[m].term = t;
        items[m].score = s;
        items[m].count = c->pairs[p].count;
        items[m].other = c->terms[t].df;
        m++;
    }
    norm = sqrt(norm);
    for (size_t i = 0; i < m; i++)
        items[i].score = norm > 0 ? items[i].score / norm : 0.0;
    nt_status st = keep_top(out, items, m, top);
    xfree(out->alloc, items, n, sizeof *items);
    return st;
}

nt_status nt_corpus_distinctive(const nt_corpus *c, const uint32_t *groups, uint32_t group,
                                size_t top, double prior, size_t min_count, nt_termscores *out)
{
    if (!c || !groups || !out || !(prior > 0.0) || !isfinite(prior))
        return NT_EINVAL;
    if (!out->alloc)
        out->alloc = nt_allocator_default();
    out->len = 0;
    const nt_allocator *a = out->alloc;
    size_t T = c->nterms;
    uint64_t *in = xalloc(a, T, 8);
    nt_termscore *items = xalloc(a, T, sizeof *items);
    if (!in || !items) {
        xfree(a, in, T, 8);
        xfree(a, items, T, sizeof *items);
        return NT_ENOMEM;
    }
    memset(in, 0, (T ? T : 1) * 8);
    double n_in = 0.0, n_all = 0.0;
    for (size_t d = 0; d < c->ndocs; d++) {
        bool mine = groups[d] == group;
        for (size_t p = c->doc_off[d]; p < c->doc_off[d + 1]; p++) {
            n_all += c->pairs[p].count;
            if (mine) {
                in[c->pairs[p].term] += c->pairs[p].count;
                n_in += c->pairs[p].count;
            }
        }
    }
    double n_out = n_all - n_in;
    size_t m = 0;
    for (size_t t = 0; t < T; t++) {
        double yi = (double)in[t], yall = (double)c->terms[t].count, yj = yall - yi;
        if (in[t] < min_count || yall == 0)
            continue;
        double aw = prior * yall;
        /* the rest of each side's counts, computed from exact integer
         * differences; both are 0 when this term is the whole vocabulary,
         * and then its odds are infinite on both sides: no contrast, score 0
         * (it was NaN; found by fuzz/fuzz_corpus.c) */
        double rest_i = (n_in - yi) + prior * (n_all - yall);
        double rest_j = (n_out - yj) + prior * (n_all - yall);
        double score = 0.0;
        if (rest_i > 0 && rest_j > 0) {
            double li = log((yi + aw) / rest_i);
            double lj = log((yj + aw) / rest_j);
            double var = 1.0 / (yi + aw) + 1.0 / (yj + aw);
            score = (li - lj) / sqrt(var);
        }
        items[m].term = (uint32_t)t;
        items[m].score = score;
        items[m].count = in[t];
        items[m].other = c->terms[t].count - in[t];
        m++;
    }
    nt_status st = keep_top(out, items, m, top);
    xfree(a, in, T, 8);
    xfree(a, items, T, sizeof *items);
    return st;
}
