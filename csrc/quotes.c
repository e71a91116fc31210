/*
 * quotes.c — who said what: quoted spans, their speakers, cues and kinds.
 *
 * Works on the tokens and sentences of the text (made here with the caller's
 * tokenizer) in a fixed number of linear passes:
 *
 *  1. per-token flags (paragraph start, capitalised word, mark glyph);
 *  2. mark pairing per paragraph (a line): double marks by parity, the stray
 *     mark of an odd count chosen so the pairs are best oriented, single
 *     marks only outside double quotes and only when they face a letter;
 *  3. an inventory of runs of capitalised words (names), with a hash table
 *     from each name word to the longest run holding it: the canonical name;
 *  4. attribution in text order, keeping the most recently named source for
 *     -nya cues, pronouns and continuations; reported speech without quotes
 *     (X menyebut, ... / Menurut X) updates that source too.
 *
 * Every look-around is bounded by a constant number of tokens, so the whole
 * is O(len).  Memory: a few arrays sized by the token count, allocated once.
 */
#include "internal.h"

#include <stdlib.h>

#define NONE ((size_t)-1)
#define MAX_RUN 6        /* longest run of capitalised words taken as a name */
#define LOOK_BACK 40     /* tokens scanned back from a verb or a mark        */
#define LOOK_AHEAD 14    /* tokens scanned after a closing mark              */

enum { F_PARA = 1, F_CAP = 2, F_DQ = 4, F_SQ = 8, F_INSIDE = 16, F_STOP = 32, F_HEADLINE = 64 };
enum { C_DONE = 1, C_VERB = 2, C_POST = 4, C_PDONE = 128,  /* lazily computed cue classes  */
       N_DONE = 8, N_FUNC = 16, N_TITLE = 32, N_ROLE = 64 }; /* and name-word classes */

typedef struct rawq {
    size_t o, c;      /* open / close mark token, NONE when missing   */
    size_t a, b;      /* content tokens [a, b)                        */
    uint8_t flags;
} rawq;

typedef struct run {
    size_t a, b;      /* name tokens (titles stripped)                */
    size_t title;     /* token of the title before the name, or NONE  */
} run;

typedef struct hent {
    uint32_t key;     /* token holding the key word; HNONE = empty    */
    uint32_t val;     /* run index                                    */
    uint8_t is_title; /* 0 name word, 1 title, 2 place, 3 latest run  */
} hent;
#define HNONE UINT32_MAX

typedef struct spk {
    int64_t ms, me, ns, ne;
    bool valid, carried;
    bool person;      /* a personal name (not a role, an institution, a noun) */
    bool noun;        /* a common-noun phrase (masyarakat sipil, senior official):
                         never carried to later quotes as their source */
} spk;

typedef struct ctx {
    const char *s;
    size_t n;
    const int64_t *ts, *te;
    const uint8_t *tk;
    size_t nt;
    uint8_t *fl;        /* per-token flags                          */
    uint8_t *cls;       /* per-token cue classes, computed on demand */
    uint32_t *sfirst;   /* first token of the token's sentence       */
    uint32_t *slast;    /* one past the last token of the sentence   */
    uint32_t *pend;     /* one past the last token of the paragraph  */
    run *runs;
    size_t nruns, capruns;
    hent *ht;
    size_t htcap;
    const nt_allocator *al;
    spk last;           /* most recently named source                */
    spk local;          /* an unnamed source (senior official) quoted last,  */
    size_t local_next;  /* and the end of its sentence: the source of a quote
                           in the next sentence                          */
    size_t title_cursor;
} ctx;

const char *nt_quote_kind_name(int kind) {
    switch (kind) {
    case NT_QUOTE_DIRECT: return "direct";
    case NT_QUOTE_PARTIAL: return "partial";
    case NT_QUOTE_OTHER: return "other";
    default: return "unknown";
    }
}

void nt_quotes_init(nt_quotes *q, const nt_allocator *alloc) {
    q->items = NULL;
    q->len = q->cap = 0;
    q->alloc = nt_alloc_or_default(alloc);
}

void nt_quotes_free(nt_quotes *q) {
    nt_array_free(q->alloc, q->items, q->cap, sizeof *q->items);
    q->items = NULL;
    q->len = q->cap = 0;
}

static nt_status quotes_push(nt_quotes *q, const nt_quote *x) {
    void *p = q->items;
    nt_status st = nt_array_push(q->alloc, &p, &q->len, &q->cap, x, sizeof *x, 16);
    q->items = p;
    return st;
}

/* ------------------------------------------------------------ token tests */

static size_t tlen(const ctx *c, size_t i) { return (size_t)(c->te[i] - c->ts[i]); }
static const char *tptr(const ctx *c, size_t i) { return c->s + c->ts[i]; }
static bool is_word(const ctx *c, size_t i) { return i < c->nt && c->tk[i] == NT_TOK_WORD; }
static bool is_cap(const ctx *c, size_t i) { return i < c->nt && (c->fl[i] & F_CAP); }

static bool lex(const ctx *c, nt_lexicon l, size_t i) {
    return is_word(c, i) && nt_lexicon_has(l, tptr(c, i), tlen(c, i));
}

/* A title word, with or without its abbreviation dot (Sen., Dr., Prof). */
/* Name-word classes of a word, looked up once and cached: function word,
 * title (with or without its abbreviation dot: Sen., Dr., Prof), role word. */
static uint8_t name_class(const ctx *c, size_t i) {
    if (i >= c->nt) return 0;
    uint8_t k = c->cls[i];
    if (k & N_DONE) return k;
    k |= N_DONE;
    if (c->tk[i] == NT_TOK_WORD) {
        size_t n = tlen(c, i);
        const char *p = tptr(c, i);
        if (nt_lexicon_has(NT_LEX_LANG_ID, p, n) || nt_lexicon_has(NT_LEX_LANG_EN, p, n)) k |= N_FUNC;
        if (nt_lexicon_has(NT_LEX_QUOTE_ROLES, p, n)) k |= N_ROLE;
        if (n > 1 && p[n - 1] == '.') n--;
        if (nt_lexicon_has(NT_LEX_TITLES, p, n)) k |= N_TITLE;
    }
    c->cls[i] = k;
    return k;
}

static bool is_title(const ctx *c, size_t i) { return (name_class(c, i) & N_TITLE) != 0; }
static bool is_role(const ctx *c, size_t i) { return (name_class(c, i) & N_ROLE) != 0; }

static bool func_word(const ctx *c, size_t i) { return (name_class(c, i) & N_FUNC) != 0; }

/* ASCII case-insensitive comparison of token i with a lower-case literal. */
static bool word_is(const ctx *c, size_t i, const char *w) {
    if (!is_word(c, i)) return false;
    size_t n = strlen(w);
    if (tlen(c, i) != n) return false;
    const char *p = tptr(c, i);
    for (size_t k = 0; k < n; k++) {
        char ch = p[k];
        if (ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
        if (ch != w[k]) return false;
    }
    return true;
}

static bool punct_is(const ctx *c, size_t i, char ch) {
    return i < c->nt && c->tk[i] == NT_TOK_PUNCT && tlen(c, i) == 1 && tptr(c, i)[0] == ch;
}

static bool is_dash(const ctx *c, size_t i) {
    if (i >= c->nt || c->tk[i] != NT_TOK_PUNCT) return false;
    const char *p = tptr(c, i);
    size_t n = tlen(c, i);
    if (n == 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94))
        return true; /* – — */
    return (n == 1 || n == 2) && p[0] == '-' && p[n - 1] == '-';
}

static bool is_pronoun(const ctx *c, size_t i) { return lex(c, NT_LEX_QUOTE_PRONOUNS, i); }

/* Is token i a -nya form of a post cue (katanya, ujarnya)? */
static bool is_nya_cue(const ctx *c, size_t i) {
    if (!is_word(c, i)) return false;
    size_t n = tlen(c, i);
    const char *p = tptr(c, i);
    if (n < 6) return false;
    if ((p[n - 3] | 0x20) != 'n' || (p[n - 2] | 0x20) != 'y' || (p[n - 1] | 0x20) != 'a') return false;
    return nt_lexicon_has(NT_LEX_QUOTE_CUE_POST, p, n - 3) || word_is(c, i, "menurutnya");
}

static bool adjacent(const ctx *c, size_t i, size_t j) { return c->te[i] == c->ts[j]; }

/* Name particles that may sit inside a name before a capitalised word. */
static bool particle(const ctx *c, size_t i) {
    if (!is_word(c, i) || tlen(c, i) > 5 || is_cap(c, i)) return false;
    static const char *const p[] = {"bin", "binti", "van", "von", "der", "de", "da", "al", "el", "la", "dos"};
    for (size_t k = 0; k < sizeof p / sizeof p[0]; k++)
        if (word_is(c, i, p[k])) return !is_cap(c, i);
    return false;
}

static bool name_word(const ctx *c, size_t i) {
    return i < c->nt && (c->fl[i] & (F_CAP | F_STOP)) == F_CAP;
}

/* Cue classes of a lower-case word, looked up once and cached: only words
 * outside quotes and near marks are ever asked. */
static uint8_t cue_class(const ctx *c, size_t i, uint8_t want) {
    if (i >= c->nt) return 0;
    uint8_t k = c->cls[i];
    uint8_t done = want == C_VERB ? C_DONE : C_PDONE;
    if (k & done) return k;
    k |= done;
    if (c->tk[i] == NT_TOK_WORD && !(c->fl[i] & F_CAP) && tlen(c, i) >= 3) {
        const char *w = tptr(c, i);
        size_t wl = tlen(c, i);
        if (want == C_VERB && nt_lexicon_has(NT_LEX_QUOTE_CUE_VERB, w, wl)) k |= C_VERB;
        if (want == C_POST && nt_lexicon_has(NT_LEX_QUOTE_CUE_POST, w, wl)) k |= C_POST;
    }
    c->cls[i] = k;
    return k;
}
static bool is_verb(const ctx *c, size_t i) { return (cue_class(c, i, C_VERB) & C_VERB) != 0; }
static bool is_post(const ctx *c, size_t i) { return (cue_class(c, i, C_POST) & C_POST) != 0; }

/* ----------------------------------------------------------------- runs */

/* "( ABBREV ) Name" inside a run, starting at token j (a name word before
 * it): the organisation's short form between a role and a person. */
static bool paren_abbrev(const ctx *c, size_t j, size_t lim) {
    return j >= 1 && j + 3 < lim && name_word(c, j - 1) && punct_is(c, j, '(') && name_word(c, j + 1) &&
           punct_is(c, j + 2, ')') && name_word(c, j + 3);
}

/* The run of name words starting at i (i itself a name word), within one
 * paragraph, at most MAX_RUN + 2 tokens.  Returns one past its end. */
static size_t run_fwd(const ctx *c, size_t i) {
    size_t j = i + 1, lim = c->pend[i];
    while (j < lim && j - i < 2 * MAX_RUN + 2) {
        if (name_word(c, j)) j++;
        else if ((particle(c, j) || is_title(c, j)) && j + 1 < lim && name_word(c, j + 1)) j += 2;
        else if (paren_abbrev(c, j, lim)) j += 4; /* Majelis Ulama Indonesia (MUI) Anwar Abbas */
        else break;
    }
    return j;
}

/* The run of name words ending at j (inclusive; j a name word), not before lo. */
static size_t run_back(const ctx *c, size_t j, size_t lo) {
    size_t i = j;
    while (i > lo && j - i < 2 * MAX_RUN + 1 && !(c->fl[i] & F_PARA)) {
        if (name_word(c, i - 1)) i--;
        else if (i >= lo + 5 && paren_abbrev(c, i - 4, c->pend[i - 4])) i -= 4;
        else if (i - 1 > lo && particle(c, i - 1) && name_word(c, i - 2) && !(c->fl[i - 1] & F_PARA)) i -= 2;
        else break;
    }
    return i;
}

/* An all-capital word of 2+ letters (DKPKP, LAKMI, PT): an organisation. */
static bool acronym(const ctx *c, size_t i) {
    size_t n = tlen(c, i), up = 0;
    const char *p = tptr(c, i);
    for (size_t k = 0; k < n; k++) up += p[k] >= 'A' && p[k] <= 'Z';
    return n >= 2 && up == n;
}

/* A capitalised Indonesian derived noun (Kebijakan, Peraturan, Ketidakhadiran,
 * Tujuannya): ke-/pe-...-an or ...-nya, never a name. */
static bool common_noun(const ctx *c, size_t i) {
    size_t n = tlen(c, i);
    const char *p = tptr(c, i);
    if (n < 6) return false;
    char a = (char)(p[0] | 0x20), b = p[1];
    bool an = p[n - 2] == 'a' && p[n - 1] == 'n';
    bool nya = n > 6 && p[n - 3] == 'n' && p[n - 2] == 'y' && p[n - 1] == 'a';
    if (nya || (an && (a == 'k' || a == 'p') && b == 'e')) return true;
    /* loanword nouns: Kolaborasi, Transformasi, Komunitas, Nasionalisme */
    if ((p[n - 3] == 'a' && p[n - 2] == 's' && p[n - 1] == 'i') ||
        (p[n - 4] == 'i' && p[n - 3] == 't' && p[n - 2] == 'a' && p[n - 1] == 's') ||
        (p[n - 4] == 'i' && p[n - 3] == 's' && p[n - 2] == 'm' && p[n - 1] == 'e'))
        return true;
    /* reduplicated nouns: Undang-Undang */
    const char *h = memchr(p, '-', n);
    if (h != NULL) {
        size_t l = (size_t)(h - p);
        if (2 * l + 1 == n) {
            size_t k = 0;
            while (k < l && (p[k] | 0x20) == (h[1 + k] | 0x20)) k++;
            if (k == l) return true;
        }
    }
    return false;
}

typedef enum { R_NONE, R_NAME, R_ROLE, R_INST } rtype;

/* A run of names extended over "dan"/"and"/"of"/"at" inside a long role
 * (Kepala Seksi Pasca Panen dan Pengolahan Hasil Pertanian DKPKP Eti
 * Rohaeti): one past its end. */
static rtype strip_run(const ctx *c, size_t a, size_t b, size_t *na, size_t *nb, size_t *title);
static size_t run_chain(const ctx *c, size_t i) {
    size_t e = run_fwd(c, i);
    size_t na, nb, title;
    for (int hops = 0; (e - i >= 3 || strip_run(c, i, e, &na, &nb, &title) != R_NAME) && hops < 4 && e + 1 < c->pend[i]; hops++) {
        if (!(word_is(c, e, "dan") || word_is(c, e, "and") || word_is(c, e, "of") || word_is(c, e, "at")) ||
            !name_word(c, e + 1))
            break;
        e = run_fwd(c, e + 1);
    }
    return e;
}



static hent *ht_find(const ctx *c, size_t word, uint8_t is_title);

/* Was token i's word seen as a place (after di/ke/dari, in/at/from)? */
static bool known_place(const ctx *c, size_t i) {
    if (c->htcap == 0) return false;
    return ht_find(c, i, 2)->key != HNONE;
}

/* Strip a run [a, b): leading function/stop words go; leading titles and
 * role/place words go while a name remains.  Returns the type and the name
 * tokens in *na, *nb, the last title token before the name in *title. */
static rtype strip_run(const ctx *c, size_t a, size_t b, size_t *na, size_t *nb, size_t *title) {
    *title = NONE;
    while (a < b && (func_word(c, a) || lex(c, NT_LEX_QUOTE_STOP, a) || !is_cap(c, a))) a++;
    if (a >= b) return R_NONE;
    /* the name starts after the last title or role word that leaves one */
    size_t k = a;
    bool any_title = false;
    for (size_t m = a; m < b; m++) {
        bool t = is_title(c, m);
        /* an acronym names an organisation unless it sits inside a name
         * (Bambang PS Brodjonegoro) */
        bool org_acr = acronym(c, m) && (k == m || m == a || is_role(c, m - 1) || common_noun(c, m - 1) ||
                                         acronym(c, m - 1) || !is_cap(c, m - 1));
        if (t || is_role(c, m) || particle(c, m) || common_noun(c, m) || org_acr || !is_cap(c, m)) {
            if (t) {
                any_title = true;
                *title = m;
            }
            if (m + 1 < b || k == m) k = m + 1;
        }
    }
    if (k < b) {
        /* a place between the title and the name: Kepala BPBD Kudus Anton */
        while (b - k >= 3 && k > a && known_place(c, k)) k++;
        *na = k;
        *nb = b;
        return R_NAME;
    }
    *na = a;
    *nb = b;
    return any_title ? R_ROLE : R_INST;
}

/* ----------------------------------------------------------- hash table */

static uint64_t hash_word(const ctx *c, size_t i) {
    uint64_t h = 1469598103934665603ull;
    const unsigned char *p = (const unsigned char *)tptr(c, i);
    for (size_t k = 0, n = tlen(c, i); k < n; k++) {
        unsigned char ch = p[k];
        if (ch >= 'A' && ch <= 'Z') ch = (unsigned char)(ch - 'A' + 'a');
        h = (h ^ ch) * 1099511628211ull;
    }
    return h;
}

static bool same_word(const ctx *c, size_t i, size_t j) {
    size_t n = tlen(c, i);
    if (n != tlen(c, j)) return false;
    const char *p = tptr(c, i), *q = tptr(c, j);
    for (size_t k = 0; k < n; k++) {
        char x = p[k], y = q[k];
        if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

static hent *ht_find(const ctx *c, size_t word, uint8_t is_title) {
    size_t mask = c->htcap - 1;
    size_t h = (size_t)(hash_word(c, word) ^ (is_title ? 0x9e3779b97f4a7c15ull * is_title : 0)) & mask;
    for (;;) {
        hent *e = &c->ht[h];
        if (e->key == HNONE) return e;
        if (e->is_title == is_title && same_word(c, e->key, word)) return e;
        h = (h + 1) & mask;
    }
}

/* --------------------------------------------------------------- speakers */

static size_t run_len(const run *r) { return r->b - r->a; }

/* Does the token sequence [a, b) occur contiguously inside run r? */
static bool run_contains(const ctx *c, const run *r, size_t a, size_t b) {
    size_t n = b - a, m = run_len(r);
    for (size_t off = 0; off + n <= m; off++) {
        size_t k = 0;
        while (k < n && same_word(c, r->a + off + k, a + k)) k++;
        if (k == n) return true;
    }
    return false;
}

static spk spk_none(void) {
    spk s = {-1, -1, -1, -1, false, false, false, false};
    return s;
}

/* A speaker that is the common-noun phrase [a, b] (tokens, inclusive). */
static spk spk_noun(const ctx *c, size_t a, size_t b) {
    spk s = {c->ts[a], c->te[b], c->ts[a], c->te[b], true, false, false, true};
    return s;
}

/* A speaker from name tokens [a, b): canonical = the longest inventory run
 * containing them. */
static spk spk_from_name(const ctx *c, size_t a, size_t b) {
    spk s = {c->ts[a], c->te[b - 1], c->ts[a], c->te[b - 1], true, false, true, false};
    if (b - a == 1) {
        /* a lone acronym (KPK, KCNA) is an institution */
        const char *p = tptr(c, a);
        size_t n = tlen(c, a), up = 0;
        for (size_t k = 0; k < n; k++) up += p[k] >= 'A' && p[k] <= 'Z';
        if (n >= 2 && up == n) s.person = false;
    }
    if (c->htcap == 0 || b - a > MAX_RUN) return s;
    const run *best = NULL;
    /* prefer the person most recently named in full with these words
     * (two Budis in one article), else the longest name anywhere */
    for (size_t k = a; k < b; k++) {
        hent *e = ht_find(c, k, 3);
        if (e->key == HNONE) continue;
        const run *r = &c->runs[e->val];
        if (run_len(r) > b - a && (best == NULL || run_len(r) > run_len(best)) && run_contains(c, r, a, b))
            best = r;
    }
    if (best) {
        s.ns = c->ts[best->a];
        s.ne = c->te[best->b - 1];
        return s;
    }
    for (size_t k = a; k < b; k++) {
        hent *e = ht_find(c, k, 0);
        if (e->key == HNONE) continue;
        const run *r = &c->runs[e->val];
        if (run_len(r) > b - a && (best == NULL || run_len(r) > run_len(best)) && run_contains(c, r, a, b))
            best = r;
    }
    if (best) {
        s.ns = c->ts[best->a];
        s.ne = c->te[best->b - 1];
    }
    return s;
}

/* Make inventory runs that start before token `upto` visible to title lookups. */
static void titles_advance(ctx *c, size_t upto) {
    while (c->title_cursor < c->nruns && c->runs[c->title_cursor].a < upto) {
        const run *r = &c->runs[c->title_cursor];
        if (c->htcap && run_len(r) >= 2 && r->title != NONE) {
            /* the most recent full mention (after a title) of each name word */
            for (size_t w = r->a; w < r->b; w++) {
                hent *e = ht_find(c, w, 3);
                if (e->key == HNONE) {
                    e->key = (uint32_t)w;
                    e->is_title = 3;
                }
                e->val = (uint32_t)c->title_cursor;
            }
        }
        if (r->title != NONE && c->htcap) {
            hent *e = ht_find(c, r->title, 1);
            if (e->key == HNONE) {
                e->key = (uint32_t)r->title;
                e->is_title = 1;
            }
            e->val = (uint32_t)c->title_cursor;
        }
        c->title_cursor++;
    }
}

/* A speaker from a run of name words [a, b). */
static spk spk_from_run(ctx *c, size_t a, size_t b) {
    size_t na, nb, title;
    rtype t = strip_run(c, a, b, &na, &nb, &title);
    if (t == R_NONE) return spk_none();
    if (t == R_NAME) {
        spk s = spk_from_name(c, na, nb);
        bool org_tail = false; /* Badan Pusat Statistik, Satgas Kampung Tangguh */
        for (size_t k = a; k < na && !org_tail; k++) org_tail = is_role(c, k) || common_noun(c, k) || acronym(c, k);
        if (nb - na == 1 && (known_place(c, na) || (title == NONE && org_tail)))
            s.person = false; /* a place (di Surabaya) or the tail of an organisation's name */
        return s;
    }
    spk s = {c->ts[na], c->te[nb - 1], c->ts[na], c->te[nb - 1], true, false, false, false};
    if (t == R_ROLE && nb - na == 1 && c->htcap) {
        /* a bare title ("kata Presiden"): the person last named with it */
        titles_advance(c, na);
        hent *e = ht_find(c, na, 1);
        if (e->key != HNONE) {
            const run *r = &c->runs[e->val];
            spk full = spk_from_name(c, r->a, r->b);
            s.ns = full.ns;
            s.ne = full.ne;
            s.person = full.person;
        }
    }
    return s;
}

static spk carried(const ctx *c) {
    spk s = c->last;
    s.ms = s.me = -1;
    s.carried = true;
    return s;
}

/* The source carried to a -nya cue, a pronoun or a continuation at token
 * i: the unnamed source quoted in the sentence before or this one ("...,"
 * seorang warga mengatakan. "..." / "...," katanya), else the most recently
 * named source, else none. */
static spk carried_at(const ctx *c, size_t i) {
    if (c->local.valid && i < c->nt && c->sfirst[i] <= c->local_next) {
        spk s = c->local;
        s.ms = s.me = -1;
        s.carried = true;
        return s;
    }
    return c->last.valid ? carried(c) : spk_none();
}

static bool is_skip(const ctx *c, size_t j) {
    if (j >= c->nt) return false;
    uint8_t k = c->tk[j];
    if (k == NT_TOK_NUMBER || k == NT_TOK_DATE || k == NT_TOK_TIME) return true;
    if (punct_is(c, j, '(') || punct_is(c, j, ')')) return true;
    return lex(c, NT_LEX_QUOTE_SKIP, j) || lex(c, NT_LEX_QUOTE_STOP, j);
}

static bool is_preposition(const ctx *c, size_t i) {
    if (!is_word(c, i) || tlen(c, i) > 6) return false;
    return word_is(c, i, "di") || word_is(c, i, "pada") || word_is(c, i, "dalam") || word_is(c, i, "ke") ||
           word_is(c, i, "dari") || word_is(c, i, "kepada") || word_is(c, i, "in") || word_is(c, i, "at") ||
           word_is(c, i, "to") || word_is(c, i, "from") || word_is(c, i, "of") || word_is(c, i, "on") ||
           word_is(c, i, "dengan") || word_is(c, i, "with") || word_is(c, i, "oleh") || word_is(c, i, "by");
}

/* A run whose name comes after a role or title (Fraksi Nasdem Willy Aditya):
 * a person even after a preposition, unlike "di Jakarta". */
static bool role_introduced(const ctx *c, size_t a, size_t b) {
    size_t na, nb, title;
    if (strip_run(c, a, b, &na, &nb, &title) != R_NAME || na <= a) return false;
    if (nb - na >= 2 || title != NONE) return true;
    spk s = spk_from_name(c, na, nb); /* a short name of someone named in full */
    return s.ne - s.ns > s.me - s.ms;
}

static bool content_word(const ctx *c, size_t i) {
    return is_word(c, i) && !is_cap(c, i) && !func_word(c, i) && !lex(c, NT_LEX_QUOTE_ADJUNCTS, i) &&
           !lex(c, NT_LEX_QUOTE_CUE_VERB, i) && !lex(c, NT_LEX_QUOTE_SKIP, i);
}

/* Does word i end in an English possessive 's (the word "'s" itself, or a
 * word it is fused to: O’Brien’s)? */
static bool possessive(const ctx *c, size_t i) {
    if (!is_word(c, i)) return false;
    size_t n = tlen(c, i);
    const char *p = tptr(c, i);
    if (n >= 2 && (p[n - 1] | 0x20) == 's' && p[n - 2] == '\'') return true;
    return n >= 4 && (p[n - 1] | 0x20) == 's' && (unsigned char)p[n - 4] == 0xE2 && (unsigned char)p[n - 3] == 0x80 &&
           (unsigned char)p[n - 2] == 0x99; /* ’s */
}

/* A capitalised word opening a sentence that is a verb, not a noun: an
 * Indonesian meN-/ber- verb (Menurutnya, Berdasarkan) or an existential
 * opener (Terdapat stiker putih bertuliskan ..., Tampak spanduk ...). */
static bool verb_opener(const ctx *c, size_t i) {
    size_t n = tlen(c, i);
    const char *p = tptr(c, i);
    if (n >= 7 && (p[0] | 0x20) == 'm' && p[1] == 'e' && (p[2] == 'm' || p[2] == 'n')) return true;
    if (n >= 7 && (p[0] | 0x20) == 'b' && p[1] == 'e' && p[2] == 'r') return true;
    return word_is(c, i, "terdapat") || word_is(c, i, "terlihat") || word_is(c, i, "tampak") ||
           word_is(c, i, "terpasang") || word_is(c, i, "ada");
}

/* The first token of the noun phrase ending at token h (its head in English,
 * its last modifier in Indonesian), not before lo: the lower-case content
 * words before h (masyarakat sipil, senior official), an English possessive
 * (O'Brien's office, the company's spokesman) and a capitalised common noun
 * opening the sentence (Kelompok masyarakat sipil).  Function words (the,
 * seorang) are left out.  At most 4 words before h. */
static size_t noun_phrase_back(const ctx *c, size_t h, size_t lo) {
    size_t k = h;
    while (k > lo && h - k < 4) {
        if (content_word(c, k - 1) && !possessive(c, k - 1)) k--;
        else if (possessive(c, k - 1) && !func_word(c, k - 1) && (k - 1 > lo || is_cap(c, k - 1))) {
            /* Name's (one word) / Name 's / noun 's (two) */
            size_t n = tlen(c, k - 1);
            bool bare = n == 2 || (n == 4 && (unsigned char)tptr(c, k - 1)[0] == 0xE2);
            size_t w = bare ? k - 2 : k - 1;
            if (name_word(c, w)) return run_back(c, w, lo);
            if (!content_word(c, w)) break;
            k = w;
        } else break;
    }
    if (k == lo + 1 && name_word(c, lo) && !func_word(c, lo) && !acronym(c, lo) && !is_title(c, lo) &&
        !verb_opener(c, lo))
        k = lo;
    return k;
}

/* The relative pronoun (yang, who, which) opening a clause that runs up to
 * the token before v, at most 16 words back with no punctuation between and
 * no new clause (a conjunction before a function word or a capitalised
 * word: "... dan para ekonom menilai", "... and the economists said");
 * NONE when there is none. */
static size_t relative_pronoun_before(const ctx *c, size_t v, size_t lo) {
    for (size_t y = v; y > lo && v - y < 16;) {
        y--;
        if (!is_word(c, y)) return NONE;
        if ((word_is(c, y, "dan") || word_is(c, y, "serta") || word_is(c, y, "tetapi") || word_is(c, y, "namun") ||
             word_is(c, y, "sedangkan") || word_is(c, y, "and") || word_is(c, y, "but") || word_is(c, y, "while")) &&
            y + 1 < v && (func_word(c, y + 1) || is_cap(c, y + 1)))
            return NONE;
        if (!is_cap(c, y) && (word_is(c, y, "yang") || word_is(c, y, "who") || word_is(c, y, "which")))
            return y; /* not the WHO */
    }
    return NONE;
}

/* Is the verb at v inside a relative clause (Seorang diplomat yang terlibat
 * ... dan meminta ...; officials who attended said)?  Scans back over at
 * most 16 words with no punctuation between for yang/who/which.  A verb
 * introducing reported speech (followed by a comma, a colon, bahwa or that)
 * is the main verb after the clause, not inside it. */
static bool in_relative(const ctx *c, size_t v, size_t lo) {
    if (punct_is(c, v + 1, ',') || punct_is(c, v + 1, ':') || word_is(c, v + 1, "bahwa") || word_is(c, v + 1, "that"))
        return false;
    return relative_pronoun_before(c, v, lo) != NONE;
}

/* The subject of the reporting verb at token v, looking back no further
 * than lo (the sentence start). */
static spk subject_of(ctx *c, size_t v, size_t lo) {
    if (v <= lo) return spk_none();
    size_t j = v - 1, skipped = 0;
    while (j > lo && skipped < 8 && is_skip(c, j)) {
        j--;
        skipped++;
    }
    if (is_skip(c, j)) return spk_none();
    if (is_pronoun(c, j)) return carried_at(c, j);
    if (content_word(c, j)) {
        /* a relative clause before the verb: the subject is before it
         * (Warga yang tinggal di tepi sungai mengatakan) */
        size_t y = relative_pronoun_before(c, v, lo);
        if (y != NONE && y > lo && (content_word(c, y - 1) || name_word(c, y - 1))) j = y - 1;
    }
    if (content_word(c, j)) {
        /* a noun, perhaps with a place after it: spanduk di salah satu gedung */
        size_t k = j;
        while (k > lo && j - k < 5 && is_word(c, k - 1) && !is_cap(c, k - 1) && !is_preposition(c, k - 1)) k--;
        if (k > lo + 1 && is_preposition(c, k - 1) && content_word(c, k - 2)) j = k - 2;
        else if (k > lo + 1 && is_preposition(c, k - 1) && name_word(c, k - 2))
            return spk_from_run(c, run_back(c, k - 2, lo), k - 1);
        return spk_noun(c, noun_phrase_back(c, j, lo), j);
    }
    if (name_word(c, j)) {
        size_t a = run_back(c, j, lo);
        /* a long role joined by of/and/dan: Vice President of Marketplace X Kurnia Rosyada */
        for (int hops = 0; hops < 3 && a >= lo + 2 && name_word(c, a - 2) &&
                           (word_is(c, a - 1, "of") || word_is(c, a - 1, "and") || word_is(c, a - 1, "dan"));
             hops++) {
            size_t a2 = run_back(c, a - 2, lo), na2, nb2, t2;
            rtype r2 = strip_run(c, a2, a - 1, &na2, &nb2, &t2);
            if (r2 == R_NAME && t2 == NONE) break; /* "Putin dan Kim": two people */
            a = a2;
        }
        if (a > lo && is_word(c, a - 1) && !is_cap(c, a - 1) && tlen(c, a - 1) >= 6 &&
            tptr(c, a - 1)[0] == 'd' && tptr(c, a - 1)[1] == 'i')
            return spk_none(); /* the agent of a passive: yang dihubungi Kompas */
        if (a == j && a > lo && content_word(c, a - 1)) {
            /* "umat Muslim menilai", "organisasi lingkungan se-Asia
             * Tenggara menyebut": the noun phrase is the subject */
            return spk_noun(c, noun_phrase_back(c, a - 1, lo), a);
        }
        if (!(a > lo && is_preposition(c, a - 1)) || role_introduced(c, a, j + 1))
            return spk_from_run(c, a, j + 1);
    }
    if (is_dash(c, j)) {
        /* "Dedy, Kepala Peleton B ... — menuturkan": back to the opening name */
        size_t first0 = lo;
        while (first0 < j && func_word(c, first0)) first0++;
        if (name_word(c, first0)) {
            size_t e0 = run_fwd(c, first0);
            if (e0 < j && punct_is(c, e0, ',')) return spk_from_run(c, first0, e0);
        }
        return spk_none();
    }
    if (!punct_is(c, j, ',') && !name_word(c, j)) return spk_none();
    /* "Name, appositive, verb": a clause that opens with a name and a comma,
     * perhaps after an opening phrase (Saat dikonfirmasi, Aziz Yanuari, ...) */
    size_t first = lo;
    while (first < j && func_word(c, first)) first++;
    if (!name_word(c, first)) {
        for (size_t k = lo, commas = 0; k + 1 < j && commas < 3 && k < lo + LOOK_BACK; k++) {
            if (!punct_is(c, k, ',')) continue;
            commas++;
            size_t p = k + 1;
            while (p < j && func_word(c, p)) p++;
            if (name_word(c, p)) {
                size_t e = run_fwd(c, p);
                if (e < j && punct_is(c, e, ',')) {
                    first = p;
                    break;
                }
            }
        }
    }
    if (name_word(c, first)) {
        size_t e = run_fwd(c, first);
        if (e < j && punct_is(c, e, ',')) {
            spk s = spk_from_run(c, first, e);
            /* "Kepala Unit Bandara X, Suharno, yang dihubungi, mengatakan":
             * a name right after a role and its comma is the person */
            size_t b2 = e + 1;
            while (b2 < j && is_title(c, b2) && !is_cap(c, b2)) b2++;
            size_t na0, nb0, t0;
            if (b2 < j && name_word(c, b2) && strip_run(c, first, e, &na0, &nb0, &t0) != R_NONE &&
                (t0 != NONE || na0 > first)) {
                size_t e2 = run_fwd(c, b2);
                if (e2 <= j && punct_is(c, e2, ',')) {
                    spk s2 = spk_from_run(c, b2, e2);
                    if (s2.valid && s2.person) return s2;
                }
            }
            /* "Ekonom Universitas X, Dewi Lestari, menilai": the name after
             * the role wins when it is a longer personal name */
            if (punct_is(c, j, ',') && j > e + 1 && name_word(c, j - 1)) {
                size_t a2 = run_back(c, j - 1, e + 1);
                if (a2 == e + 1) {
                    spk s2 = spk_from_run(c, a2, j);
                    if (s2.valid && s2.person &&
                        (!s.valid || !s.person || s2.me - s2.ms > s.me - s.ms))
                        return s2;
                }
            }
            if (s.valid) return s;
        }
    }
    /* otherwise the nearest name before the verb that is not the object of a
     * preposition: X di Surabaya, Rabu (16/9/2020), mengatakan */
    for (size_t k = j + 1, steps = 0; k-- > lo && steps < LOOK_BACK; steps++) {
        if (is_verb(c, k)) break;
        if (!name_word(c, k)) continue;
        size_t a = run_back(c, k, lo);
        if (a > lo && is_preposition(c, a - 1) && !role_introduced(c, a, k + 1)) {
            k = a;
            continue;
        }
        return spk_from_run(c, a, k + 1);
    }
    return spk_none();
}

/* The source after "Menurut": a name, or a role, a comma and a name
 * (Menurut juru bicara Kremlin, Dmitry Peskov, ...). */
static spk speaker_after(ctx *c, size_t j);
static spk menurut_speaker(ctx *c, size_t j) {
    if (name_word(c, j)) {
        /* Menurut Ketua Komite ... (KNKT) Soerjanto Tjahjono, ...: the name
         * right before the comma */
        size_t lim = c->pend[j];
        for (size_t k = j + 1; k < lim && k < j + 16; k++) {
            if (punct_is(c, k, ',')) {
                if (name_word(c, k - 1)) {
                    size_t a = run_back(c, k - 1, j);
                    if (a > j) {
                        spk s = spk_from_run(c, a, k);
                        if (s.valid && s.person) return s;
                    }
                }
                break;
            }
            if (punct_is(c, k, '.') || is_verb(c, k)) break;
        }
        return spk_from_run(c, j, run_chain(c, j));
    }
    size_t lim = c->pend[j < c->nt ? j : c->nt - 1];
    for (size_t k = j; k < lim && k < j + 10; k++) {
        if (punct_is(c, k, ',')) {
            if (name_word(c, k + 1)) return spk_from_run(c, k + 1, run_fwd(c, k + 1));
            break;
        }
        if (!is_word(c, k)) break;
    }
    return speaker_after(c, j);
}

static bool passive_cue(const ctx *c, size_t i) {
    if (!is_word(c, i) || tlen(c, i) < 9 || tptr(c, i)[0] != 'd' || tptr(c, i)[1] != 'i') return false;
    return word_is(c, i, "disampaikan") || word_is(c, i, "diungkapkan") || word_is(c, i, "dikatakan") ||
           word_is(c, i, "dijelaskan") || word_is(c, i, "ditegaskan") || word_is(c, i, "diutarakan") ||
           word_is(c, i, "dikemukakan") || word_is(c, i, "dituturkan");
}

/* A me- verb right before a comma is reporting speech: X menjabarkan, ... */
static bool me_verb_comma(const ctx *c, size_t i) {
    if (!is_word(c, i) || is_cap(c, i) || tlen(c, i) < 6 || !punct_is(c, i + 1, ',')) return false;
    const char *p = tptr(c, i);
    return p[0] == 'm' && p[1] == 'e' && (p[2] == 'n' || p[2] == 'm' || p[2] == 'r' || p[2] == 'l');
}

/* The subject of a sentence: its opening run of name words. */
static spk sentence_subject(ctx *c, size_t lo, size_t hi) {
    size_t i = lo;
    while (i < hi && func_word(c, i) && !is_pronoun(c, i)) i++;
    if (i < hi && name_word(c, i)) return spk_from_run(c, i, run_fwd(c, i));
    return spk_none();
}

/* A speaker named after a cue word, from token j on: a run of names, a
 * pronoun, or a lower-case noun phrase (para pejabat Rusia) up to an adjunct. */
static spk speaker_phrase(ctx *c, size_t j, size_t *end) {
    *end = j;
    if (j >= c->nt || (c->fl[j] & F_PARA)) return spk_none();
    if (is_pronoun(c, j)) return carried_at(c, j);
    if (name_word(c, j)) {
        *end = run_chain(c, j);
        return spk_from_run(c, j, *end);
    }
    size_t a = j, k = j, lim = c->pend[j];
    while (k < lim && k - a < 8 && is_word(c, k) && !lex(c, NT_LEX_QUOTE_ADJUNCTS, k) &&
           !(is_cap(c, k) && lex(c, NT_LEX_QUOTE_STOP, k)))
        k++;
    if (k == a) return spk_none();
    size_t b = k;
    *end = b;
    /* a lower-case role followed by names: juru bicara Kremlin Dmitry Peskov */
    for (size_t m = a; m < b; m++)
        if (name_word(c, m)) {
            spk s = spk_from_run(c, m, b);
            if (s.valid) {
                size_t na, nb, title;
                if (strip_run(c, m, b, &na, &nb, &title) == R_NAME) return s;
                /* only roles and institutions: keep the whole phrase */
                s.ms = s.ns = c->ts[a];
                s.me = s.ne = c->te[b - 1];
                return s;
            }
        }
    while (a < b && (word_is(c, a, "para") || word_is(c, a, "the") || word_is(c, a, "a"))) a++;
    if (a == b || func_word(c, a)) return spk_none();
    return spk_noun(c, a, b - 1);
}

/* A speaker named after a cue word, from token j on (speaker_phrase), or
 * the personal name in apposition after it when it is a role or a body:
 * kata juru bicara otoritas pangan, Grace Lim Wei Ling, dalam ... / said
 * the agency spokeswoman, Laura Kent.  The name must end the apposition
 * (a comma, a full stop, an age in brackets, the paragraph end or an
 * adjunct after it) and be
 * a person's: two or more words, a title, or the short form of a longer
 * name, so "kata polisi, Jakarta, ..." keeps the police. */
static spk speaker_after(ctx *c, size_t j) {
    size_t e;
    spk s = speaker_phrase(c, j, &e);
    if (e < c->nt && c->tk[e] == NT_TOK_NUMBER && punct_is(c, e + 1, ',')) e++; /* Ketua RT 05, Name */
    if (!s.valid || s.carried || !punct_is(c, e, ',') || !name_word(c, e + 1) || (c->fl[e + 1] & F_PARA)) return s;
    if (s.person && name_word(c, j)) {
        /* what looks like a name after a title or a role (Kepala Dinas
         * Pangan Kudus) may be the office's; a bare name is the person */
        size_t na0, nb0, t0;
        if (strip_run(c, j, e, &na0, &nb0, &t0) != R_NAME || (t0 == NONE && na0 == j)) return s;
    }
    size_t f = run_fwd(c, e + 1);
    if (!(f >= c->pend[e] || punct_is(c, f, ',') || punct_is(c, f, '.') || punct_is(c, f, '(') ||
          lex(c, NT_LEX_QUOTE_ADJUNCTS, f)))
        return s; /* (35): an age */
    size_t na, nb, title;
    if (strip_run(c, e + 1, f, &na, &nb, &title) != R_NAME) return s;
    spk s2 = spk_from_run(c, e + 1, f);
    if (!s2.valid || !s2.person) return s;
    if (nb - na < 2 && title == NONE && s2.ne - s2.ns <= s2.me - s2.ms) return s;
    return s2;
}

/* ---------------------------------------------------------- reported speech */

/* Is token i's sentence a whole line with no sentence-final punctuation: a
 * headline, a caption or page furniture (Allies pledge up to $12 billion
 * for critical minerals at Washington summit)? */
static bool unpunctuated_line(const ctx *c, size_t i) {
    size_t s0 = c->sfirst[i], p1 = c->pend[i];
    if (c->slast[i] != p1 || !(c->fl[s0] & F_PARA)) return false;
    const unsigned char *p = (const unsigned char *)tptr(c, p1 - 1);
    size_t n = tlen(c, p1 - 1);
    unsigned char z = p[n - 1];
    if (z == '.' || z == '!' || z == '?' || z == ':' || z == ';' || z == '"' || z == '\'') return false;
    return !(n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 && (z == 0x9D || z == 0x99 || z == 0xA6)); /* ” ’ … */
}

/* Scan tokens [x, y) (inside one sentence from sentence start sx) for a source
 * named in reported speech and make it the most recent source.  A headline
 * names none: its subject is no source for quotes paragraphs later. */
static void titles_advance(ctx *c, size_t upto);
static void reported_speech(ctx *c, size_t x, size_t y) {
    titles_advance(c, y);
    if (unpunctuated_line(c, x)) return;
    for (size_t i = x; i < y; i++) {
        if (!is_word(c, i)) continue;
        spk s = spk_none();
        if (is_verb(c, i) || me_verb_comma(c, i)) {
            if (i > 0 && (word_is(c, i - 1, "tidak") || word_is(c, i - 1, "tak") || word_is(c, i - 1, "belum") ||
                          word_is(c, i - 1, "not")))
                continue; /* did not say */
            s = subject_of(c, i, c->sfirst[i]);
        } else if (passive_cue(c, i)) {
            size_t j = word_is(c, i + 1, "oleh") ? i + 2 : i + 1;
            if (!name_word(c, j)) continue;
            s = spk_from_run(c, j, run_fwd(c, j));
        } else if ((tptr(c, i)[0] | 0x20) == 'm' && word_is(c, i, "menurut")) {
            s = menurut_speaker(c, i + 1);
        } else if ((word_is(c, i, "oleh") || word_is(c, i, "by")) && name_word(c, i + 1) &&
                   role_introduced(c, i + 1, run_chain(c, i + 1))) {
            /* the agent of a report: laporan ... oleh Kepala Bidang X */
            s = spk_from_run(c, i + 1, run_chain(c, i + 1));
        } else if ((tptr(c, i)[0] | 0x20) == 'a' && word_is(c, i, "according") && word_is(c, i + 1, "to") &&
                   name_word(c, i + 2)) {
            s = spk_from_run(c, i + 2, run_fwd(c, i + 2));
        } else if (name_word(c, i + 1) && !(c->fl[i + 1] & F_PARA) && is_post(c, i)) {
            s = spk_from_run(c, i + 1, run_fwd(c, i + 1));
        } else {
            continue;
        }
        if (s.valid && !s.carried && s.person) {
            c->last = s;
            c->local.valid = false;
            return;
        }
    }
    /* no reporting verb: a person who is the subject of the sentence
     * (Wali Kota Bekasi Rahmat Effendi sudah menerbitkan ...) */
    for (size_t i = x; i < y; i++) {
        if (!name_word(c, i)) continue;
        size_t e = run_fwd(c, i);
        size_t e0 = e;
        while (e < y && e < e0 + 3 && lex(c, NT_LEX_QUOTE_SKIP, e)) e++; /* sudah, juga, telah */
        bool subject = e < y && is_word(c, e) && !is_cap(c, e) && !func_word(c, e) && !is_preposition(c, e) &&
                       !(i > x && (is_preposition(c, i - 1) || func_word(c, i - 1) ||
                                   (!is_word(c, i - 1) && !punct_is(c, i - 1, ')'))));
        /* a person introduced with a title anywhere in the sentence
         * (Salah satunya adalah Ketua ... Hasbullah Thabrany.) */
        bool introduced = is_title(c, i) && !(i > x && is_preposition(c, i - 1));
        if (subject || introduced) {
            size_t na, nb, title;
            if (strip_run(c, i, e0, &na, &nb, &title) == R_NAME) {
                spk s = spk_from_run(c, i, e0);
                bool known = (title != NONE && (subject || nb - na >= 2)) ||
                             (s.valid && s.ne - s.ns > s.me - s.ms && i == c->sfirst[i]);
                if (s.valid && s.person && known) {
                    c->last = s;
                    c->local.valid = false;
                    return;
                }
            }
        }
        i = e0 - 1;
    }
}

/* -------------------------------------------------------------- pairing */

static bool looks_open(const ctx *c, size_t m, size_t p0, size_t p1) {
    bool left = m == p0 || !adjacent(c, m - 1, m) || punct_is(c, m - 1, '(');
    bool right = m + 1 < p1 && adjacent(c, m, m + 1);
    return left && right;
}

static bool looks_close(const ctx *c, size_t m, size_t p0, size_t p1) {
    bool left = m > p0 && adjacent(c, m - 1, m);
    bool right = m + 1 >= p1 || !adjacent(c, m, m + 1) || c->tk[m + 1] == NT_TOK_PUNCT;
    return left && right;
}

static int pair_score(const ctx *c, size_t a, size_t b, size_t p0, size_t p1) {
    return (int)looks_open(c, a, p0, p1) + (int)looks_close(c, b, p0, p1);
}

static bool is_double_glyph(const char *p, size_t n) {
    if (n == 1) return p[0] == '"';
    if (n == 2) return (unsigned char)p[0] == 0xC2 && ((unsigned char)p[1] == 0xAB || (unsigned char)p[1] == 0xBB);
    if (n == 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80) {
        unsigned char x = (unsigned char)p[2];
        return x == 0x9C || x == 0x9D || x == 0x9E || x == 0x9F; /* “ ” „ ‟ */
    }
    return false;
}

typedef struct rq_list {
    rawq *v;
    size_t len, cap;
} rq_list;

static nt_status rq_push(ctx *c, rq_list *l, rawq q) {
    if (q.a >= q.b) return NT_OK; /* empty */
    bool has_text = false;
    for (size_t k = q.a; k < q.b && !has_text; k++)
        has_text = c->tk[k] != NT_TOK_PUNCT && c->tk[k] != NT_TOK_QUOTE;
    if (!has_text) return NT_OK;
    void *p = l->v;
    nt_status st = nt_array_push(c->al, &p, &l->len, &l->cap, &q, sizeof q, 32);
    l->v = p;
    return st;
}

/* Pair the marks of paragraph [p0, p1); marks[] is scratch of size >= p1-p0. */
static nt_status pair_paragraph(ctx *c, size_t p0, size_t p1, uint32_t *marks, rq_list *out) {
    size_t k = 0;
    for (size_t i = p0; i < p1; i++)
        if (c->fl[i] & F_DQ) marks[k++] = (uint32_t)i;
    size_t drop = NONE;
    if (k % 2 == 1) {
        /* drop the mark at an even index j leaving the best-oriented pairs */
        long pre = 0, suf = 0, best = -1;
        for (size_t t = 0; t + 1 < k; t += 2) pre += pair_score(c, marks[t], marks[t + 1], p0, p1);
        size_t j = k - 1;
        for (;;) {
            long sc = pre + suf;
            if (sc > best) {
                best = sc;
                drop = j;
            }
            if (j < 2) break;
            pre -= pair_score(c, marks[j - 2], marks[j - 1], p0, p1);
            suf += pair_score(c, marks[j - 1], marks[j], p0, p1);
            j -= 2;
        }
    }
    rawq stray = {NONE, NONE, 0, 0, NT_QUOTE_UNCLOSED};
    size_t dropped = drop != NONE ? marks[drop] : NONE;
    if (drop != NONE) {
        size_t m = dropped;
        if (looks_open(c, m, p0, p1) || !looks_close(c, m, p0, p1)) {
            /* an opener never closed: up to the next mark or the paragraph end */
            stray.o = m;
            stray.a = m + 1;
            stray.b = drop + 1 < k ? marks[drop + 1] : p1;
            if (m == p0 && stray.b == p1 && p1 < c->nt && (c->fl[p1] & F_DQ))
                stray.flags = 0; /* a quote continued in the next paragraph */
        } else {
            /* a closer never opened: from the previous mark or the paragraph start */
            stray.c = m;
            stray.a = drop > 0 ? marks[drop - 1] + 1 : p0;
            stray.b = m;
        }
    }
    /* emit in text order: the pairs, the stray, and single-mark quotes;
     * tokens inside double quotes are flagged so single marks there nest */
    size_t sq_open = NONE;
    for (size_t i = p0; i < p1; i++) {
        if (c->fl[i] & F_DQ) {
            sq_open = NONE;
            if (i == dropped) {
                for (size_t z = stray.a; z < stray.b; z++) c->fl[z] |= F_INSIDE;
                nt_status st = rq_push(c, out, stray);
                if (st) return st;
                if (stray.o != NONE) i = stray.b - 1;
                continue;
            }
            size_t cl = NONE;
            for (size_t z = i + 1; z < p1; z++)
                if ((c->fl[z] & F_DQ) && z != dropped) {
                    cl = z;
                    break;
                }
            if (cl == NONE) break; /* cannot happen: the rest pair up */
            if (dropped != NONE && dropped > i && dropped < cl) cl = NONE; /* cannot happen either */
            if (cl == NONE) break;
            for (size_t z = i + 1; z < cl; z++) c->fl[z] |= F_INSIDE;
            rawq q = {i, cl, i + 1, cl, 0};
            nt_status st = rq_push(c, out, q);
            if (st) return st;
            i = cl;
            continue;
        }
        if ((c->fl[i] & F_SQ) && !(c->fl[i] & F_INSIDE)) {
            if (sq_open == NONE) {
                const char *p = tptr(c, i);
                bool is_rsq = tlen(c, i) == 3 && (unsigned char)p[2] == 0x99; /* ’ rarely opens */
                if (looks_open(c, i, p0, p1) && !is_rsq) sq_open = i;
            } else if (looks_close(c, i, p0, p1)) {
                rawq q = {sq_open, i, sq_open + 1, i, 0};
                nt_status st = rq_push(c, out, q);
                if (st) return st;
                sq_open = NONE;
            }
        }
    }
    return NT_OK;
}

/* ---------------------------------------------------------- attribution */

static bool ends_with_punct(const ctx *c, size_t b) {
    if (b == 0) return false;
    size_t l = b - 1;
    return punct_is(c, l, '.') || punct_is(c, l, '!') || punct_is(c, l, '?') || punct_is(c, l, ',') ||
           (c->tk[l] == NT_TOK_PUNCT && tlen(c, l) == 3 && (unsigned char)tptr(c, l)[2] == 0xA6);
}

static size_t count_words(const ctx *c, size_t a, size_t b) {
    size_t n = 0;
    for (size_t k = a; k < b && n < 100; k++) n += c->tk[k] == NT_TOK_WORD || c->tk[k] == NT_TOK_NUMBER;
    return n;
}

/* A cue fused with the next word by a typo (katafaruk): the length of the cue
 * prefix, or 0. */
static size_t fused_cue(const ctx *c, size_t i) {
    if (!is_word(c, i) || is_cap(c, i)) return 0;
    size_t n = tlen(c, i);
    const char *p = tptr(c, i);
    for (size_t l = 3; l + 3 <= n && l <= 8; l++) {
        if (!nt_lexicon_has(NT_LEX_QUOTE_CUE_POST, p, l)) continue;
        const char *r = p + l;
        size_t rn = n - l;
        if ((rn == 3 && memcmp(r, "nya", 3) == 0) || (rn == 3 && memcmp(r, "kan", 3) == 0) ||
            (rn >= 2 && memcmp(r, "an", 2) == 0) || (rn == 3 && memcmp(r, "lah", 3) == 0) ||
            (rn >= 3 && memcmp(r, "kan", 3) == 0) || (rn >= 1 && r[0] == 'i'))
            continue;
        return l;
    }
    return 0;
}

typedef struct attr {
    spk sp;
    int64_t cs, ce;
    uint8_t kind;
} attr;

static void set_cue(attr *r, const ctx *c, size_t i) {
    r->cs = c->ts[i];
    r->ce = c->te[i];
}

/* A cue after the closing mark cl.  Returns true when found. */
static bool post_cue(ctx *c, size_t cl, attr *r) {
    size_t i = cl + 1;
    if (i >= c->nt || (c->fl[i] & F_PARA)) return false;
    if (punct_is(c, i, ',')) i++;
    if (i >= c->nt || (c->fl[i] & F_PARA)) return false;
    /* "...," kata Putin / katanya / kata dia */
    if (lex(c, NT_LEX_QUOTE_CUE_POST, i) && !is_cap(c, i)) {
        set_cue(r, c, i);
        spk s = speaker_after(c, i + 1);
        r->sp = s.valid ? s : carried_at(c, i);
        return true;
    }
    if (is_nya_cue(c, i) && !is_cap(c, i)) {
        set_cue(r, c, i);
        r->sp = carried_at(c, i);
        return true;
    }
    /* "...," Putin menambahkan / he said / Smith told Reuters */
    if (is_pronoun(c, i) || name_word(c, i)) {
        size_t e = is_pronoun(c, i) ? i + 1 : run_fwd(c, i);
        size_t v = e;
        if (v < c->nt && lex(c, NT_LEX_QUOTE_SKIP, v)) v++;
        if (v < c->nt && !(c->fl[v] & F_PARA) &&
            (lex(c, NT_LEX_QUOTE_CUE_VERB, v) || lex(c, NT_LEX_QUOTE_CUE_POST, v)) && !is_cap(c, v)) {
            set_cue(r, c, v);
            if (is_pronoun(c, i)) r->sp = carried_at(c, i);
            else r->sp = spk_from_run(c, i, e);
            return true;
        }
    }
    /* "..." — Senator Jane Doe */
    if (is_dash(c, i) && name_word(c, i + 1) && !(c->fl[i + 1] & F_PARA)) {
        spk s = spk_from_run(c, i + 1, run_fwd(c, i + 1));
        if (s.valid) {
            r->sp = s;
            return true;
        }
    }
    /* "...," kantor berita RIA mengutip pernyataan juru bicara Maria Zakharova */
    size_t lim = c->slast[i];
    for (size_t k = i; k < lim && k < i + LOOK_AHEAD; k++) {
        if (word_is(c, k, "mengutip") || word_is(c, k, "quoting")) {
            size_t j = k + 1;
            if (word_is(c, j, "pernyataan") || word_is(c, j, "ucapan") || word_is(c, j, "perkataan") ||
                word_is(c, j, "keterangan"))
                j++;
            spk s = speaker_after(c, j);
            if (s.valid) {
                set_cue(r, c, k);
                r->sp = s;
                return true;
            }
            break;
        }
    }
    /* "...," a senior U.S. official told reporters / "...," the company's
     * spokeswoman said / "...," seorang pejabat mengatakan: an unnamed
     * source, a noun phrase of at most 6 words before a cue verb, when a
     * comma (or ? !) ties the quote to what follows */
    if (punct_is(c, cl + 1, ',') || punct_is(c, cl - 1, ',') || punct_is(c, cl - 1, '?') || punct_is(c, cl - 1, '!')) {
        size_t k = i, lim2 = c->pend[i];
        while (k < lim2 && k - i < 7 && is_word(c, k) && !is_pronoun(c, k) && !lex(c, NT_LEX_QUOTE_ADJUNCTS, k) &&
               !((lex(c, NT_LEX_QUOTE_CUE_VERB, k) || lex(c, NT_LEX_QUOTE_CUE_POST, k)) && !is_cap(c, k)))
            k++;
        size_t a = i, e = k;
        while (a < k && (func_word(c, a) || word_is(c, a, "a"))) a++;          /* the, a, seorang, para */
        while (e > a && lex(c, NT_LEX_QUOTE_SKIP, e - 1)) e--;                   /* also, juga */
        if (a < e && k < lim2 && k - i < 7 && is_word(c, k) && !is_cap(c, k) &&
            (lex(c, NT_LEX_QUOTE_CUE_VERB, k) || lex(c, NT_LEX_QUOTE_CUE_POST, k)) && !func_word(c, e - 1)) {
            set_cue(r, c, k);
            r->sp = spk_noun(c, a, e - 1);
            return true;
        }
    }
    /* a cue fused with its speaker by a typo: "...," katafaruk */
    size_t l = fused_cue(c, i);
    if (l && (punct_is(c, i - 1, ',') || punct_is(c, cl - 1, ','))) {
        r->cs = c->ts[i];
        r->ce = c->ts[i] + (int64_t)l;
        spk s = {c->ts[i] + (int64_t)l, c->te[i], c->ts[i] + (int64_t)l, c->te[i], true, false, false, false};
        r->sp = s;
        return true;
    }
    return false;
}

/* The first reporting verb of the sentence before token o, or "menurut X". */
static bool clause_cue(ctx *c, size_t lo, size_t o, attr *r) {
    size_t from = o > lo + LOOK_BACK ? o - LOOK_BACK : lo;
    size_t verb = NONE, relative = NONE;
    for (size_t i = from; i < o && verb == NONE; i++) {
        if (!is_word(c, i) || (c->fl[i] & F_INSIDE)) continue;
        if (word_is(c, i, "menurut") ||
            (word_is(c, i, "according") && word_is(c, i + 1, "to") && name_word(c, i + 2))) {
            size_t j = word_is(c, i, "according") ? i + 2 : i + 1;
            set_cue(r, c, i);
            r->sp = menurut_speaker(c, j);
            return r->sp.valid;
        }
        if (is_verb(c, i) || word_is(c, i, "dianggapnya")) {
            /* a verb inside a relative clause (Seorang diplomat yang ...
             * meminta ...) only when no main verb follows */
            if (!in_relative(c, i, lo)) verb = i;
            else if (relative == NONE) relative = i;
        }
    }
    if (verb == NONE) verb = relative;
    if (verb == NONE) return false;
    set_cue(r, c, verb);
    spk s = subject_of(c, verb, lo);
    if (!s.valid) s = sentence_subject(c, lo, verb);
    r->sp = s;
    return true;
}

/* Is the quoted text [a, b) a name or a title rather than words spoken:
 * two or more capitalised words, no other words but function words (dan,
 * of, the), no sentence punctuation?  lewat program 'Stabilisasi Pasokan
 * dan Harga Pangan' / under the "Clean Rivers Initiative" label. */
static bool quoted_name(const ctx *c, size_t a, size_t b) {
    size_t caps = 0;
    for (size_t k = a; k < b; k++) {
        if (c->tk[k] == NT_TOK_WORD) {
            if (is_cap(c, k)) caps++;
            else if (!func_word(c, k)) return false;
        } else if (c->tk[k] == NT_TOK_PUNCT) {
            char ch = tptr(c, k)[0];
            if (ch == '.' || ch == ',' || ch == '!' || ch == '?' || ch == ':' || ch == ';') return false;
        } else if (c->tk[k] != NT_TOK_NUMBER) {
            return false;
        }
    }
    return caps >= 2;
}

static void attribute(ctx *c, const rawq *q, attr *r) {
    r->sp = spk_none();
    r->cs = r->ce = -1;
    r->kind = NT_QUOTE_OTHER;
    size_t first = q->o != NONE ? q->o : q->a;
    size_t lo = c->sfirst[first];
    if (q->c != NONE && post_cue(c, q->c, r)) {
        r->kind = NT_QUOTE_DIRECT;
        return;
    }
    bool para_start = (c->fl[first] & F_PARA) || first == 0;
    bool para_only = para_start && (q->c == NONE ? q->b : q->c + 1) >= c->pend[first];
    size_t words = count_words(c, q->a, q->b);
    if (q->o != NONE && q->o > lo && (punct_is(c, q->o - 1, ':') || punct_is(c, q->o - 1, ','))) {
        size_t p = q->o - 1;
        if (punct_is(c, p, ':') && p > lo && name_word(c, p - 1)) {
            r->sp = spk_from_run(c, run_back(c, p - 1, lo), p);
            if (r->sp.valid) {
                r->kind = NT_QUOTE_DIRECT;
                return;
            }
        }
        attr t = *r;
        if (clause_cue(c, lo, q->o, &t)) {
            *r = t;
            r->kind = NT_QUOTE_DIRECT;
            if (!r->sp.valid) r->sp = carried_at(c, first);
            return;
        }
        r->kind = NT_QUOTE_DIRECT;
        r->sp = carried_at(c, first);
        return;
    }
    if (first == lo || para_start) {
        /* the quote opens its sentence: a heading, or speech continued */
        if (para_only && words <= 5 && !ends_with_punct(c, q->b)) return; /* heading */
        if (words >= 3 || ends_with_punct(c, q->b)) {
            r->kind = NT_QUOTE_DIRECT;
            r->sp = carried_at(c, first);
            return;
        }
        return;
    }
    /* inside a sentence: a fragment of reported speech, or not speech (a
     * name or a title) */
    if (quoted_name(c, q->a, q->b)) return;
    attr t = *r;
    if (clause_cue(c, lo, q->o != NONE ? q->o : q->a, &t) && t.sp.valid) {
        *r = t;
        r->kind = NT_QUOTE_PARTIAL;
        return;
    }
}

/* ------------------------------------------------------------ main entry */

static void *xalloc(const nt_allocator *al, size_t n, size_t size, nt_status *st) {
    if (n == 0) n = 1;
    if (n > SIZE_MAX / size) {
        *st = NT_ETOOBIG;
        return NULL;
    }
    void *p = al->malloc(al->ctx, n * size);
    if (p == NULL) *st = NT_ENOMEM;
    return p;
}

static void xfree(const nt_allocator *al, void *p, size_t n, size_t size) {
    if (p) al->free(al->ctx, p, (n ? n : 1) * size);
}

static bool poll(const nt_interrupt *intr, size_t *next, size_t pos) {
    if (intr == NULL || intr->check == NULL || pos < *next) return false;
    *next = pos + NT_INTERRUPT_BYTES;
    return intr->check(intr->ctx) != 0;
}

/* Text order of quotes: by start, then end. */
static int cmp_quote(const void *a, const void *b) {
    const nt_quote *x = a, *y = b;
    if (x->start != y->start) return (x->start > y->start) - (x->start < y->start);
    return (x->end > y->end) - (x->end < y->end);
}

/* Shared by quotes and entities: tokens, sentences, per-token flags,
 * sentence and paragraph bounds.  c is zeroed by the caller; toks and sents
 * are initialised by it and hold the tokens and sentences afterwards.  With
 * no tokens c->nt is 0 and nothing else is allocated.  Release with
 * names_release. */
static nt_status names_prepare(ctx *c, const nt_tokenizer *tok, const char *text, size_t len, nt_spans *toks,
                               nt_spans *sents, const nt_interrupt *intr) {
    const nt_allocator *al = c->al;
    nt_status st = nt_tokenizer_run(tok, text, len, toks, intr);
    if (st == NT_OK) st = nt_sentences_split(tok, text, len, toks, sents, intr);
    if (st != NT_OK) return st;
    c->s = text;
    c->n = len;
    c->ts = toks->start;
    c->te = toks->end;
    c->tk = toks->kind;
    c->nt = toks->len;
    c->last = spk_none();
    c->local = spk_none();
    if (c->nt == 0) return NT_OK;
    if (c->nt >= (size_t)UINT32_MAX) { /* token indices are stored in 32 bits */
        c->nt = 0;
        return NT_ETOOBIG;
    }
    c->fl = xalloc(al, c->nt, 1, &st);
    if (c->fl) c->cls = xalloc(al, c->nt, 1, &st);
    if (c->cls) c->sfirst = xalloc(al, c->nt, sizeof(uint32_t), &st);
    if (c->cls) memset(c->cls, 0, c->nt);
    if (c->sfirst) c->slast = xalloc(al, c->nt, sizeof(uint32_t), &st);
    if (c->slast) c->pend = xalloc(al, c->nt, sizeof(uint32_t), &st);
    if (c->pend == NULL) return st;

    /* pass 1: flags, sentences, paragraphs */
    size_t si = 0;
    for (size_t i = 0; i < c->nt; i++) {
        uint8_t f = 0;
        size_t gap0 = i ? (size_t)c->te[i - 1] : 0;
        for (size_t b = gap0; b < (size_t)c->ts[i]; b++)
            if (text[b] == '\n') {
                f |= F_PARA;
                break;
            }
        if (i == 0) f |= F_PARA;
        if (c->tk[i] == NT_TOK_WORD) {
            uint32_t cp;
            nt_utf8_decode(text, len, (size_t)c->ts[i], &cp);
            nt_gc g = nt_uc_category(cp);
            if (g == NT_GC_Lu || g == NT_GC_Lt) {
                f |= F_CAP;
                if (nt_lexicon_has(NT_LEX_QUOTE_STOP, text + c->ts[i], (size_t)(c->te[i] - c->ts[i]))) f |= F_STOP;
            }
        } else if (c->tk[i] == NT_TOK_QUOTE) {
            f |= is_double_glyph(tptr(c, i), tlen(c, i)) ? F_DQ : F_SQ;
        }
        c->fl[i] = f;
        while (si + 1 < sents->len && sents->start[si + 1] <= c->ts[i]) si++;
        c->sfirst[i] = (uint32_t)i; /* fixed below */
        c->slast[i] = (uint32_t)si; /* sentence index for now */
    }
    /* sentences (slast holds the splitter's sentence index so far); a
     * paragraph break also starts a sentence */
    for (size_t i = 0; i < c->nt; i++) {
        bool new_s = i == 0 || (c->fl[i] & F_PARA) || c->slast[i] != c->slast[i - 1];
        c->sfirst[i] = new_s ? (uint32_t)i : c->sfirst[i - 1];
    }
    for (size_t i = c->nt; i-- > 0;)
        c->slast[i] = (i + 1 == c->nt || c->sfirst[i + 1] == i + 1) ? (uint32_t)(i + 1) : c->slast[i + 1];
    for (size_t i = c->nt; i-- > 0;)
        c->pend[i] = (i + 1 == c->nt || (c->fl[i + 1] & F_PARA)) ? (uint32_t)(i + 1) : c->pend[i + 1];
    return NT_OK;
}

/* Pass 3, shared by quotes and entities: the word table (places, name
 * words, titles; room for `kinds` keys per capitalised word), then the
 * inventory of names outside quotes with each name word's longest run. */
static nt_status names_inventory(ctx *c, size_t kinds) {
    const nt_allocator *al = c->al;
    nt_status st = NT_OK;
    {
        size_t caps = 0;
        for (size_t i = 0; i < c->nt; i++) caps += (c->fl[i] & F_CAP) != 0;
        /* every key is a token of a run of names, and a run holds at most
         * one lower-case word per capitalised one: at most `kinds` keys per
         * capitalised word; load stays <= 1/2 */
        size_t cap = 16;
        while (cap < caps * 2 * kinds + 16) cap *= 2;
        if (c->nt < (size_t)HNONE - 1) {
            c->ht = xalloc(al, cap, sizeof(hent), &st);
            if (c->ht == NULL) return st;
            c->htcap = cap;
            for (size_t k = 0; k < cap; k++) c->ht[k].key = HNONE;
        }
        for (size_t i = 1; i < c->nt && c->htcap; i++) {
            if (name_word(c, i) && !(c->fl[i] & F_INSIDE) && is_preposition(c, i - 1) &&
                !name_word(c, i + 1)) {
                hent *e = ht_find(c, i, 2);
                if (e->key == HNONE) {
                    e->key = (uint32_t)i;
                    e->is_title = 2;
                    e->val = 0;
                }
            }
        }
    }
    for (size_t i = 0; i < c->nt;) {
        if (!name_word(c, i) || (c->fl[i] & F_INSIDE)) {
            i++;
            continue;
        }
        size_t e = run_fwd(c, i);
        size_t na, nb, title;
        if (strip_run(c, i, e, &na, &nb, &title) == R_NAME && nb - na <= MAX_RUN - 1) {
            run r = {na, nb, title};
            void *p = c->runs;
            st = nt_array_push(al, &p, &c->nruns, &c->capruns, &r, sizeof r, 64);
            c->runs = p;
            if (st != NT_OK) return st;
        }
        i = e;
    }
    if (c->nruns && c->htcap) {
        for (size_t k = 0; k < c->nruns; k++) {
            const run *r = &c->runs[k];
            for (size_t w = r->a; w < r->b; w++) {
                hent *e = ht_find(c, w, 0);
                if (e->key == HNONE) {
                    e->key = (uint32_t)w;
                    e->is_title = 0;
                    e->val = (uint32_t)k;
                } else if (run_len(&c->runs[e->val]) < run_len(r)) {
                    e->val = (uint32_t)k;
                }
            }
        }
    }
    return NT_OK;
}

static void names_release(ctx *c, nt_spans *toks, nt_spans *sents) {
    const nt_allocator *al = c->al;
    xfree(al, c->fl, c->nt, 1);
    xfree(al, c->cls, c->nt, 1);
    xfree(al, c->sfirst, c->nt, sizeof(uint32_t));
    xfree(al, c->slast, c->nt, sizeof(uint32_t));
    xfree(al, c->pend, c->nt, sizeof(uint32_t));
    nt_array_free(al, c->runs, c->capruns, sizeof(run));
    if (c->htcap) xfree(al, c->ht, c->htcap, sizeof(hent));
    nt_spans_free(toks);
    nt_spans_free(sents);
}

nt_status nt_quotes_extract(const nt_tokenizer *tok, const char *text, size_t len, nt_quotes *out,
                            const nt_interrupt *intr) {
    if (tok == NULL || out == NULL || (text == NULL && len > 0)) return NT_EINVAL;
    if (len == 0) return NT_OK;
    size_t base = out->len;
    const nt_allocator *al = out->alloc;
    nt_spans toks, sents;
    nt_spans_init(&toks, al);
    nt_spans_init(&sents, al);
    rq_list rq = {NULL, 0, 0};
    ctx c;
    memset(&c, 0, sizeof c);
    c.al = al;
    uint32_t *marks = NULL;
    nt_status st = names_prepare(&c, tok, text, len, &toks, &sents, intr);
    if (st != NT_OK || c.nt == 0) goto done;
    marks = xalloc(al, c.nt, sizeof(uint32_t), &st);
    if (marks == NULL) goto done;

    /* pass 2: pair marks per paragraph */
    size_t next_poll = NT_INTERRUPT_BYTES;
    for (size_t p0 = 0; p0 < c.nt; p0 = c.pend[p0]) {
        if (poll(intr, &next_poll, (size_t)c.ts[p0])) {
            st = NT_EINTR;
            goto done;
        }
        st = pair_paragraph(&c, p0, c.pend[p0], marks, &rq);
        if (st != NT_OK) goto done;
    }
    if (rq.len == 0) goto done;

    /* pass 3: the word table (places, name words, titles; 7 keys per
     * capitalised word over the four kinds), then the inventory of names
     * outside quotes */
    st = names_inventory(&c, 7);
    if (st != NT_OK) goto done;

    /* pass 4: attribution in text order */
    size_t cursor = 0; /* next token to scan for reported speech */
    for (size_t k = 0; k < rq.len; k++) {
        const rawq *q = &rq.v[k];
        size_t first = q->o != NONE ? q->o : q->a;
        if (poll(intr, &next_poll, (size_t)c.ts[first])) {
            st = NT_EINTR;
            goto done;
        }
        while (cursor < first) {
            size_t y = c.slast[cursor] < first ? c.slast[cursor] : first;
            if (y <= cursor) y = cursor + 1;
            reported_speech(&c, cursor, y);
            cursor = y;
        }
        titles_advance(&c, first);
        attr r;
        attribute(&c, q, &r);
        nt_quote out_q;
        out_q.start = c.ts[q->a];
        out_q.end = c.te[q->b - 1];
        out_q.kind = r.kind;
        out_q.flags = q->flags;
        out_q.cue_start = r.cs;
        out_q.cue_end = r.ce;
        if (r.kind == NT_QUOTE_OTHER || !r.sp.valid) {
            out_q.speaker_start = out_q.speaker_end = out_q.name_start = out_q.name_end = -1;
        } else {
            out_q.speaker_start = r.sp.ms;
            out_q.speaker_end = r.sp.me;
            out_q.name_start = r.sp.ns;
            out_q.name_end = r.sp.ne;
            if (r.sp.carried) {
                out_q.flags |= NT_QUOTE_CARRIED;
                if (c.local.valid && r.sp.ns == c.local.ns && r.sp.ne == c.local.ne)
                    c.local_next = c.slast[q->c != NONE ? q->c : q->b - 1]; /* "..." "..." */
            } else {
                uint32_t cp;
                nt_utf8_decode(text, len, (size_t)r.sp.ms, &cp);
                nt_gc g = nt_uc_category(cp);
                if ((g == NT_GC_Lu || g == NT_GC_Lt) && !r.sp.noun) {
                    c.last = r.sp;
                    c.local.valid = false;
                } else {
                    c.local = r.sp; /* unnamed: continued in the next sentence only */
                    c.local_next = c.slast[q->c != NONE ? q->c : q->b - 1];
                }
            }
        }
        st = quotes_push(out, &out_q);
        if (st != NT_OK) goto done;
        /* skip the rest of the quote's sentence for reported speech */
        size_t end = q->c != NONE ? q->c : q->b - 1;
        if (end + 1 > cursor) cursor = end + 1;
        if (cursor < c.nt && c.slast[end] > cursor && q->c != NONE) cursor = c.slast[end];
    }
    /* An unclosed quote recovered from its paragraph's end can start before
     * a quote nested in it that was appended first: restore text order
     * (found by the fuzzer, now fuzz/fuzz_quotes.c).  O(q log q) for q quotes. */
    if (out->len - base > 1) qsort(out->items + base, out->len - base, sizeof(nt_quote), cmp_quote);

done:
    xfree(al, marks, c.nt, sizeof(uint32_t));
    nt_array_free(al, rq.v, rq.cap, sizeof(rawq));
    names_release(&c, &toks, &sents);
    return st;
}

/* ------------------------------------------------------------ unit offsets */

static int cmp_ptr(const void *a, const void *b) {
    int64_t x = **(int64_t *const *)a, y = **(int64_t *const *)b;
    return (x > y) - (x < y);
}

/* Convert the m byte offsets pointed to by v (each on a unit boundary) to
 * units, in place.  O(len + m log m). */
static void offsets_to_units(const char *text, size_t len, int64_t **v, size_t m) {
    qsort(v, m, sizeof(int64_t *), cmp_ptr);
    size_t pos = 0, units = 0;
    for (size_t k = 0; k < m; k++) {
        size_t target = (size_t)*v[k];
        if (target > len) target = len;
        while (pos < target) {
            uint32_t cp;
            pos += nt_utf8_decode(text, len, pos, &cp);
            units++;
        }
        *v[k] = (int64_t)units;
    }
}

nt_status nt_quotes_to_units(const char *text, size_t len, nt_quotes *q) {
    if (q == NULL || (text == NULL && len > 0)) return NT_EINVAL;
    if (q->len == 0) return NT_OK;
    size_t n = q->len * 8;
    if (q->len > SIZE_MAX / 8 / sizeof(int64_t *)) return NT_ETOOBIG;
    const nt_allocator *al = q->alloc;
    int64_t **v = al->malloc(al->ctx, n * sizeof(int64_t *));
    if (v == NULL) return NT_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < q->len; i++) {
        nt_quote *x = &q->items[i];
        int64_t *f[8] = {&x->start, &x->end, &x->speaker_start, &x->speaker_end,
                         &x->name_start, &x->name_end, &x->cue_start, &x->cue_end};
        for (int k = 0; k < 8; k++)
            if (*f[k] >= 0) v[m++] = f[k];
    }
    offsets_to_units(text, len, v, m);
    al->free(al->ctx, v, n * sizeof(int64_t *));
    return NT_OK;
}

/* ---------------------------------------------------------------- entities */

/* Named entities reuse the speaker machinery above: the same runs of
 * capitalised words, the same stripping of titles and roles, the same
 * inventory of names for canonical forms (spk_from_name).  On top: a table
 * of words seen capitalised inside a sentence (kind 4 keys), so a lone
 * capitalised word that only ever opens sentences (Namun, Pedagang, The) is
 * no entity, and a final merge of canonical names equal up to case and
 * hyphens (Kim Jong Un / Kim Jong-un). */

const char *nt_entity_kind_name(int kind) {
    switch (kind) {
    case NT_ENTITY_PERSON: return "person";
    case NT_ENTITY_ORG: return "org";
    case NT_ENTITY_PLACE: return "place";
    default: return "unknown";
    }
}

void nt_entities_init(nt_entities *e, const nt_allocator *alloc) {
    e->items = NULL;
    e->len = e->cap = 0;
    e->alloc = nt_alloc_or_default(alloc);
}

void nt_entities_free(nt_entities *e) {
    nt_array_free(e->alloc, e->items, e->cap, sizeof *e->items);
    e->items = NULL;
    e->len = e->cap = 0;
}

static nt_status entities_push(nt_entities *e, const nt_entity *x) {
    void *p = e->items;
    nt_status st = nt_array_push(e->alloc, &p, &e->len, &e->cap, x, sizeof *x, 16);
    e->items = p;
    return st;
}

/* Does token i open a sentence: no word before it in its sentence (quote
 * marks, dashes, list numbers "1." may come first)? */
static bool sentence_initial(const ctx *c, size_t i) {
    size_t j = i;
    while (j > c->sfirst[i] && c->tk[j - 1] != NT_TOK_WORD) {
        j--;
        if (c->tk[j] == NT_TOK_QUOTE || punct_is(c, j, ':')) return true; /* kata Dewi, "Kebutuhan ... */
    }
    return j == c->sfirst[i];
}

/* Mark the headlines: paragraphs of 2+ words in which every word but the
 * function words is capitalised (Pertumbuhan Ekonomi Diproyeksi 4,95
 * Persen).  Their words are entities only when the text capitalises them
 * inside a sentence elsewhere.  O(number of tokens). */
static void mark_headlines(ctx *c) {
    for (size_t p0 = 0; p0 < c->nt; p0 = c->pend[p0]) {
        size_t caps = 0, lower = 0;
        for (size_t i = p0; i < c->pend[p0]; i++) {
            if (!is_word(c, i)) continue;
            if (is_cap(c, i)) caps++;
            else if (!func_word(c, i)) lower++;
        }
        if (caps >= 2 && lower == 0) /* and no source of names for the inventory */
            for (size_t i = p0; i < c->pend[p0]; i++) c->fl[i] |= F_HEADLINE | F_INSIDE;
    }
}

/* Hash of the canonical name [a, b) ignoring ASCII case and treating '-'
 * as a space (so "Kim Jong-un" and "Kim Jong Un" agree); runs of spaces
 * count once. */
static uint64_t name_key(const char *s, int64_t a, int64_t b) {
    uint64_t h = 1469598103934665603ull;
    bool space = false;
    for (int64_t k = a; k < b; k++) {
        unsigned char ch = (unsigned char)s[k];
        if (ch == '-' || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            space = true;
            continue;
        }
        if (space) h = (h ^ ' ') * 1099511628211ull;
        space = false;
        if (ch >= 'A' && ch <= 'Z') ch = (unsigned char)(ch - 'A' + 'a');
        h = (h ^ ch) * 1099511628211ull;
    }
    return h;
}

static bool name_equal(const char *s, int64_t a, int64_t b, int64_t x, int64_t y) {
    for (;;) {
        bool sa = false, sx = false;
        while (a < b && (s[a] == '-' || s[a] == ' ' || s[a] == '\t' || s[a] == '\n' || s[a] == '\r')) a++, sa = true;
        while (x < y && (s[x] == '-' || s[x] == ' ' || s[x] == '\t' || s[x] == '\n' || s[x] == '\r')) x++, sx = true;
        if (a == b || x == y) return a == b && x == y;
        if (sa != sx) return false;
        char p = s[a], q = s[x];
        if (p >= 'A' && p <= 'Z') p = (char)(p - 'A' + 'a');
        if (q >= 'A' && q <= 'Z') q = (char)(q - 'A' + 'a');
        if (p != q) return false;
        a++;
        x++;
    }
}

typedef struct ekey {
    uint64_t h;
    uint32_t idx;  /* index of the mention (relative to the first new one) */
    uint32_t done; /* merged into a group already */
} ekey;

static int cmp_ekey(const void *a, const void *b) {
    const ekey *x = a, *y = b;
    if (x->h != y->h) return (x->h > y->h) - (x->h < y->h);
    return (x->idx > y->idx) - (x->idx < y->idx);
}

/* Words that make a name a place or an organisation when they open it
 * (Pulau Galang, Institut Teknologi Nusantara) or close it (Elm Street,
 * Northgate Lithium Inc); role and country words are in quote_roles.txt. */
static const char *const PLACE_FIRST[] = {"pulau", "kali", "sungai", "gunung", "selat", "teluk", "danau", "jalan",
                                          "kampung", "bandara", "pelabuhan", "asia", "kuala", "bandar", "tanjung",
                                          "lake", "mount", "river", "cape", "port"};
static const char *const PLACE_LAST[] = {"street", "avenue", "road", "airport", "river", "island", "valley", "lake"};
static const char *const ORG_FIRST[] = {"institut", "departemen", "perum", "rumah", "sekolah", "koperasi",
                                        "pengadilan", "mahkamah", "harian", "majalah", "radio"};
static const char *const ORG_LAST[] = {"school", "university", "center", "centre", "service", "inc", "corp", "ltd",
                                       "company", "group", "agency", "department", "ministry", "party", "institute",
                                       "association", "electric", "elementary", "bureau", "commission",
                                       "committee", "court", "hospital", "times", "post", "news"};

/* Is word i (without a final abbreviation dot: Inc.) in the lower-case list? */
static bool word_in(const ctx *c, size_t i, const char *const *list, size_t n) {
    if (!is_word(c, i)) return false;
    const char *p = tptr(c, i);
    size_t wl = tlen(c, i);
    if (wl > 1 && p[wl - 1] == '.') wl--;
    for (size_t k = 0; k < n; k++)
        if (strlen(list[k]) == wl && strncasecmp_ascii(p, list[k], wl)) return true;
    return false;
}
#define WORD_IN(c, i, list) word_in(c, i, list, sizeof list / sizeof list[0])

/* One mention from the run [a, e): appended to out, or nothing. */
static nt_status entity_from_run(ctx *c, size_t a, size_t e, nt_entities *out) {
    size_t na, nb, title;
    rtype t = strip_run(c, a, e, &na, &nb, &title);
    if (t == R_NONE || t == R_ROLE || nb - na > MAX_RUN) return NT_OK;
    /* a capitalised word opening the sentence before a name capitalised in
     * running text (Kunjungan Putin, Diberitakan BBC): not part of it */
    if (nb - na >= 2 && sentence_initial(c, na) && !acronym(c, na) && !is_role(c, na) && !is_title(c, na) &&
        ht_find(c, na, 4)->key == HNONE) {
        bool rest = true;
        for (size_t k = na + 1; k < nb && rest; k++) rest = acronym(c, k) || ht_find(c, k, 4)->key != HNONE;
        if (rest) na++;
    }
    nt_entity x;
    x.start = c->ts[na];
    x.end = c->te[nb - 1];
    x.canon_start = x.start;
    x.canon_end = x.end;
    bool lone = nb - na == 1, acr = lone && acronym(c, na), initial = sentence_initial(c, na);
    if (acr && nt_phrase_find(NT_PH_ZONES, tptr(c, na), tlen(c, na)) != NULL) return NT_OK; /* WIB, GMT */
    if (t == R_INST) {
        x.kind = known_place(c, na) && lone ? NT_ENTITY_PLACE : NT_ENTITY_ORG;
        if (lone && !acr && initial && ht_find(c, na, 4)->key == HNONE) return NT_OK;
        return entities_push(out, &x);
    }
    titles_advance(c, na);
    spk s = spk_from_name(c, na, nb);
    x.canon_start = s.ns;
    x.canon_end = s.ne;
    bool longer = s.ne - s.ns > x.end - x.start;
    /* a lone capitalised word opening a sentence and never capitalised
     * inside one, and not part of a longer name: a common word */
    if (lone && !acr && initial && !longer && ht_find(c, na, 4)->key == HNONE) return NT_OK;
    if (lone && !longer && tlen(c, na) == 1) return NT_OK; /* I, A: a pronoun or a letter */
    const char *w = tptr(c, na);
    size_t wl = tlen(c, na);
    if (lone && !longer && (nt_abbrev_has(NT_LANG_ID, w, wl) || (wl == 2 && !acr))) return NT_OK; /* Rp, Jl */
    bool outlet = lone && (nt_outlet_name(w, wl) != NULL || nt_phrase_find(NT_PH_AGENCIES, w, wl) != NULL);
    bool org_tail = false, org_word = false;
    for (size_t k = a; k < na && !org_tail; k++) org_tail = is_role(c, k) || common_noun(c, k) || acronym(c, k);
    for (size_t k = na; k < nb && !org_word; k++) org_word = is_role(c, k) || (k > na && acronym(c, k));
    size_t tail = nb - 1;
    if ((acr || outlet) && !longer) x.kind = NT_ENTITY_ORG;
    else if (!longer && (WORD_IN(c, na, PLACE_FIRST) || (!lone && WORD_IN(c, tail, PLACE_LAST))))
        x.kind = NT_ENTITY_PLACE;
    else if (!longer && (WORD_IN(c, na, ORG_FIRST) || (!lone && WORD_IN(c, tail, ORG_LAST))))
        x.kind = NT_ENTITY_ORG;
    else if (org_word && !longer) x.kind = NT_ENTITY_ORG; /* Harlow County, Deplu AS */
    else if (lone && !longer && known_place(c, na)) x.kind = NT_ENTITY_PLACE;
    else if (lone && !longer && title == NONE && org_tail) x.kind = NT_ENTITY_ORG;
    else x.kind = NT_ENTITY_PERSON;
    return entities_push(out, &x);
}

nt_status nt_entities_extract(const nt_tokenizer *tok, const char *text, size_t len, nt_entities *out,
                              const nt_interrupt *intr) {
    if (tok == NULL || out == NULL || (text == NULL && len > 0)) return NT_EINVAL;
    if (len == 0) return NT_OK;
    size_t base = out->len;
    const nt_allocator *al = out->alloc;
    nt_spans toks, sents;
    nt_spans_init(&toks, al);
    nt_spans_init(&sents, al);
    ctx c;
    memset(&c, 0, sizeof c);
    c.al = al;
    ekey *keys = NULL;
    size_t nkeys = 0;
    nt_status st = names_prepare(&c, tok, text, len, &toks, &sents, intr);
    if (st != NT_OK || c.nt == 0) goto done;
    mark_headlines(&c);
    /* the word table gets one more kind: capitalised inside a sentence */
    st = names_inventory(&c, 8);
    if (st == NT_OK && c.htcap == 0) st = NT_ETOOBIG; /* 2^32 - 2 tokens: no word table */
    if (st != NT_OK) goto done;
    for (size_t i = 0; i < c.nt; i++) {
        if (!name_word(&c, i) || sentence_initial(&c, i) || (c.fl[i] & F_HEADLINE)) continue;
        hent *e = ht_find(&c, i, 4);
        if (e->key == HNONE) {
            e->key = (uint32_t)i;
            e->is_title = 4;
            e->val = 0;
        }
    }
    size_t next_poll = NT_INTERRUPT_BYTES;
    for (size_t i = 0; i < c.nt;) {
        if (!name_word(&c, i)) {
            i++;
            continue;
        }
        if (poll(intr, &next_poll, (size_t)c.ts[i])) {
            st = NT_EINTR;
            goto done;
        }
        size_t e = run_fwd(&c, i);
        if (c.fl[i] & F_HEADLINE) {
            /* in a headline: only the words capitalised in running text */
            e = i;
            while (e < c.pend[i] && name_word(&c, e) && ht_find(&c, e, 4)->key != HNONE) e++;
            if (e == i) {
                i++;
                continue;
            }
        }
        st = entity_from_run(&c, i, e, out);
        if (st != NT_OK) goto done;
        i = e;
    }
    /* merge canonical names equal up to case and hyphens: every mention of
     * a group takes the group's first canonical form and its most common
     * kind (ties: person, place, org) */
    nkeys = out->len - base;
    if (nkeys == 0) goto done;
    keys = xalloc(al, nkeys, sizeof(ekey), &st);
    if (keys == NULL) goto done;
    for (size_t k = 0; k < nkeys; k++) {
        const nt_entity *x = &out->items[base + k];
        keys[k].h = name_key(text, x->canon_start, x->canon_end);
        keys[k].idx = (uint32_t)k;
        keys[k].done = 0;
    }
    qsort(keys, nkeys, sizeof(ekey), cmp_ekey);
    for (size_t g = 0; g < nkeys;) {
        size_t h = g + 1;
        while (h < nkeys && keys[h].h == keys[g].h) h++;
        /* within equal hashes, split into truly equal names (a collision
         * would need two names in one text with the same 64-bit hash) */
        for (size_t m = g; m < h; m++) {
            if (keys[m].done) continue;
            const nt_entity *lead = &out->items[base + keys[m].idx];
            size_t votes[NT_ENTITY_KIND_COUNT] = {0};
            int64_t cs = lead->canon_start, ce = lead->canon_end;
            for (size_t q = m; q < h; q++) {
                const nt_entity *x = &out->items[base + keys[q].idx];
                if (keys[q].done || !name_equal(text, cs, ce, x->canon_start, x->canon_end)) continue;
                votes[x->kind < NT_ENTITY_KIND_COUNT ? x->kind : NT_ENTITY_ORG]++;
                keys[q].done = 2; /* in this group */
            }
            uint8_t kind = NT_ENTITY_PERSON;
            if (votes[NT_ENTITY_PLACE] > votes[kind]) kind = NT_ENTITY_PLACE;
            if (votes[NT_ENTITY_ORG] > votes[kind]) kind = NT_ENTITY_ORG;
            for (size_t q = m; q < h; q++) {
                if (keys[q].done != 2) continue;
                nt_entity *x = &out->items[base + keys[q].idx];
                x->canon_start = cs;
                x->canon_end = ce;
                x->kind = kind;
                keys[q].done = 3;
            }
        }
        g = h;
    }

done:
    xfree(al, keys, nkeys, sizeof(ekey));
    names_release(&c, &toks, &sents);
    return st;
}

nt_status nt_entities_to_units(const char *text, size_t len, nt_entities *e) {
    if (e == NULL || (text == NULL && len > 0)) return NT_EINVAL;
    if (e->len == 0) return NT_OK;
    if (e->len > SIZE_MAX / 4 / sizeof(int64_t *)) return NT_ETOOBIG;
    size_t n = e->len * 4;
    const nt_allocator *al = e->alloc;
    int64_t **v = al->malloc(al->ctx, n * sizeof(int64_t *));
    if (v == NULL) return NT_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < e->len; i++) {
        nt_entity *x = &e->items[i];
        v[m++] = &x->start;
        v[m++] = &x->end;
        v[m++] = &x->canon_start;
        v[m++] = &x->canon_end;
    }
    offsets_to_units(text, len, v, m);
    al->free(al->ctx, v, n * sizeof(int64_t *));
    return NT_OK;
}
