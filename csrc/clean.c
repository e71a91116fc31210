/*
 * clean.c — label the lines of a plain-text news scrape and extract its
 * metadata (nt_clean_run, nt_clean_body).
 *
 * Passes, each linear in the text (the number of lines is at most len):
 *  1. split into non-blank lines and measure each: words, capitalised
 *     words, stop words (the function-word lists of csrc/data/lang_*.txt),
 *     final sentence punctuation, URLs, a hash of the lower-cased text;
 *     find the dates of each line's head (its first DATE_HEAD bytes: date
 *     lines, bylines and datelines are short or start the line) with
 *     nt_dates_find;
 *  2. count repeated lines with an open-addressing hash table;
 *  3. fixed evidence: the patterns of csrc/data/line_patterns.txt
 *     (boilerplate lines, bylines and credit fields, caption credits),
 *     URL lines, date lines, datelines glued to the lead paragraph
 *     ("PYONGYANG, KOMPAS.TV - ..." is split into a metadata piece and a
 *     body piece), closing credits ("(Outlet/Name)", "ab/cd (AFP, AP)");
 *  4. content: a line is good (body-like) when it reads as prose — enough
 *     words, stop words, a closing sentence mark — and not repeated;
 *  5. position and context: the body runs from the first prose line (or
 *     dateline) to the last good line; before it, the first headline-like
 *     line is the title and the rest is page chrome; inside it, a short
 *     unpunctuated line followed by prose is a heading, a short sentence
 *     between prose lines is body (the jusText neighbour idea), repeated
 *     lines are captions or chrome; after it, everything unlabelled is
 *     chrome.
 * No recursion; memory is one array of line records and one hash table,
 * both O(number of lines), through the caller's allocator.
 */
#include "internal.h"

/* ------------------------------------------------------------ article */

void nt_article_init(nt_article *a, const nt_allocator *alloc)
{
    nt_spans_init(&a->pieces, alloc);
    nt_spans_init(&a->fields, alloc);
    memset(&a->date, 0, sizeof a->date);
    a->date.hour = a->date.minute = -1;
    a->date.zone_start = a->date.zone_end = -1;
}

void nt_article_free(nt_article *a)
{
    nt_spans_free(&a->pieces);
    nt_spans_free(&a->fields);
}

/* ------------------------------------------------------------- lines */

enum { C_NONE = 0, C_GOOD, C_NEAR, C_SHORT, C_BAD };
#define DATE_HEAD 240 /* bytes of each line searched for dates */
#define NO_LABEL 0xFF

typedef struct {
    size_t start;      /* first byte of the line (after the previous '\n')  */
    size_t s, e;       /* content without surrounding spaces                */
    size_t split;      /* body starts here (a dateline head precedes), or 0 */
    size_t date_lo, date_hi; /* indices into the dates array                */
    uint32_t hash;
    uint16_t words, caps, stops, letters_words, digits_words;
    uint16_t rep;      /* how many lines have this text                     */
    uint8_t ends_sentence, ends_period, ends_colon, starts_cap, url_only, has_url;
    uint8_t next_good; /* the next line with content, past NEAR ones, is GOOD */
    uint8_t label;     /* fixed label, or NO_LABEL                          */
    uint8_t content;   /* C_*                                               */
    uint8_t field_label; /* a bare "Penulis"-like label: its nt_meta_field  */
    uint8_t photo_label; /* a "Lihat Foto"-like line: a caption follows      */
} line_t;

typedef struct {
    const char *t;
    size_t len;
    nt_lang lang;
    line_t *ln;
    size_t n, cap;
    nt_dates dates;
    nt_spans *fields;
    const nt_allocator *alloc;
    int have_title, have_outlet, have_dateline, have_url, have_date;
    nt_date date;
    int date_from_meta;
} ctx_t;

static bool sp(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_lower_a(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper_a(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_alpha_a(unsigned char c) { return is_lower_a(c) || is_upper_a(c); }

static bool is_nbsp(const char *t, size_t len, size_t i)
{
    return i + 1 < len && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0;
}

/* General category with an ASCII shortcut (only letter/number/other
 * matter for ASCII here). */
static nt_gc cat(uint32_t cp)
{
    if (cp < 0x80) {
        if (cp >= 'a' && cp <= 'z')
            return NT_GC_Ll;
        if (cp >= 'A' && cp <= 'Z')
            return NT_GC_Lu;
        if (cp >= '0' && cp <= '9')
            return NT_GC_Nd;
        return NT_GC_Po;
    }
    return nt_uc_category(cp);
}

/* Code point at i (and its size). */
static uint32_t cp_at(const char *t, size_t len, size_t i, size_t *n)
{
    if ((unsigned char)t[i] < 0x80) {
        *n = 1;
        return (unsigned char)t[i];
    }
    uint32_t cp;
    *n = nt_utf8_decode(t, len, i, &cp);
    return cp;
}

/* The sentence-final mark ending [s, e) looking through closing quotes and
 * brackets: '.', '!', '?' ('.' also for an ellipsis), or 0. */
static int sentence_end_before(const char *t, size_t s, size_t e)
{
    size_t i = e;
    for (int steps = 0; steps < 4 && i > s; steps++) {
        size_t j = i - 1;
        while (j > s && ((unsigned char)t[j] & 0xC0) == 0x80)
            j--;
        uint32_t cp;
        nt_utf8_decode(t, e, j, &cp);
        if (cp == '.' || cp == 0x2026)
            return '.';
        if (cp == '!' || cp == '?')
            return (int)cp;
        if (cp == '"' || cp == '\'' || cp == ')' || cp == 0x201D || cp == 0x2019 ||
            cp == 0x201C || cp == 0xBB || cp == ']') {
            i = j;
            continue;
        }
        return 0;
    }
    return 0;
}

static bool opening_quote(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x2018 ||
           cp == 0x2019 || cp == 0xAB || cp == '(' || cp == '[';
}

/* Measure one line: words, capitals, stop words, URLs, hash. */
static nt_status measure(ctx_t *c, line_t *L, const nt_interrupt *intr)
{
    size_t next_poll = L->s + NT_INTERRUPT_BYTES;
    const char *t = c->t;
    nt_lexicon stops = c->lang == NT_LANG_EN ? NT_LEX_LANG_EN : NT_LEX_LANG_ID;
    uint32_t h = 2166136261u;
    size_t i = L->s;
    bool first = true, last_space = false;
    L->words = L->caps = L->stops = L->letters_words = L->digits_words = 0;
    L->has_url = 0;
    while (i < L->e) {
        if (i >= next_poll) { /* a very long line: keep Ctrl-C working */
            next_poll = i + NT_INTERRUPT_BYTES;
            if (intr != NULL && intr->check != NULL && intr->check(intr->ctx))
                return NT_EINTR;
        }
        unsigned char b = (unsigned char)t[i];
        /* hash: lower-case ASCII, spaces collapsed */
        if (sp(b) || is_nbsp(t, L->e, i)) {
            if (!last_space) {
                h = (h ^ ' ') * 16777619u;
                last_space = true;
            }
            i += b == 0xC2 ? 2 : 1;
            continue;
        }
        last_space = false;
        size_t n;
        uint32_t cp = cp_at(t, L->e, i, &n);
        nt_gc g = cat(cp);
        if (!nt_gc_is_letter(g) && !nt_gc_is_number(g)) {
            h = (h ^ (cp & 0xFF)) * 16777619u;
            i += n;
            continue;
        }
        /* a word: letters, digits, marks, inner . - ' : / (URLs, 10.000) */
        size_t ws = i;
        bool any_letter = false, any_digit = false, ascii = true;
        uint32_t first_cp = cp;
        while (i < L->e) {
            cp = cp_at(t, L->e, i, &n);
            g = cat(cp);
            if (nt_gc_is_letter(g) || nt_gc_is_mark(g)) {
                any_letter = true;
            } else if (nt_gc_is_number(g)) {
                any_digit = true;
            } else if ((cp == '.' || cp == '-' || cp == '\'' || cp == 0x2019 || cp == ':' ||
                        cp == '/' || cp == '_') &&
                       i + n < L->e) {
                size_t n2;
                uint32_t nx = cp_at(t, L->e, i + n, &n2);
                nt_gc g2 = cat(nx);
                if (!(nt_gc_is_letter(g2) || nt_gc_is_number(g2) || (cp == ':' && nx == '/') ||
                      (cp == '/' && nx == '/')))
                    break;
            } else {
                break;
            }
            if (cp >= 0x80)
                ascii = false;
            uint32_t lc = cp < 0x80 ? (uint32_t)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp) : cp;
            h = (h ^ (lc & 0xFF)) * 16777619u;
            i += n;
        }
        size_t wl = i - ws;
        L->words++;
        if (any_letter)
            L->letters_words++;
        if (any_digit && !any_letter)
            L->digits_words++;
        if (cat(first_cp) == NT_GC_Lu)
            L->caps++;
        if (first)
            L->starts_cap = cat(first_cp) == NT_GC_Lu || nt_gc_is_number(cat(first_cp));
        first = false;
        if (ascii && wl < 64 && nt_lexicon_has(stops, t + ws, wl))
            L->stops++;
        if (wl >= 8 && (memchr(t + ws, ':', wl) != NULL) && i - ws > 3) {
            const char *colon = memchr(t + ws, ':', wl);
            if ((size_t)(colon - (t + ws)) + 2 < wl && colon[1] == '/' && colon[2] == '/')
                L->has_url = 1;
        }
        if (wl >= 4 && strncasecmp_ascii(t + ws, "www.", 4))
            L->has_url = 1;
    }
    L->hash = h;
    int mark = sentence_end_before(t, L->s, L->e);
    L->ends_sentence = mark != 0;
    L->ends_period = mark == '.';
    L->ends_colon = L->e > L->s && t[L->e - 1] == ':';
    L->url_only = L->has_url && L->words <= 1 && L->e - L->s < 400;
    if (L->has_url && !L->url_only) {
        /* a URL line is one token without spaces */
        bool spaces = false;
        for (size_t k = L->s; k < L->e; k++)
            if (sp((unsigned char)t[k])) {
                spaces = true;
                break;
            }
        L->url_only = !spaces;
    }
    /* starts_cap looking through an opening quote */
    if (!L->starts_cap && L->s < L->e) {
        size_t n;
        uint32_t q = cp_at(t, L->e, L->s, &n);
        if (opening_quote(q) && L->s + n < L->e) {
            uint32_t nx = cp_at(t, L->e, L->s + n, &n);
            L->starts_cap = cat(nx) == NT_GC_Lu;
        }
    }
    return NT_OK;
}

/* ------------------------------------------------------------- fields */

/* Length of a White_Space, control or format character (BOM, zero-width
 * space, direction marks) starting at t[s], or 0. */
static size_t blank_at(const char *t, size_t e, size_t s)
{
    uint32_t cp;
    size_t n = nt_utf8_decode(t, e, s, &cp);
    nt_gc g = nt_uc_category(cp);
    return nt_uc_is_space(cp) || g == NT_GC_Cc || g == NT_GC_Cf ? n : 0;
}

/* Length of such a character ending at t[e] (after s), or 0. */
static size_t blank_before(const char *t, size_t s, size_t e)
{
    size_t p = e - 1;
    while (p > s && e - p < 4 && ((unsigned char)t[p] & 0xC0) == 0x80)
        p--;
    uint32_t cp;
    if (p + nt_utf8_decode(t, e, p, &cp) != e)
        p = e - 1; /* an ill-formed byte is a unit of its own */
    return blank_at(t, e, p) == e - p ? e - p : 0;
}

static nt_status add_field(ctx_t *c, size_t s, size_t e, nt_meta_field f)
{
    const char *t = c->t;
    size_t n;
    /* trim spaces (any White_Space), control and format characters, and
     * punctuation (keep a final dot of an initial, and closing brackets
     * that have their opening one) */
    while (s < e) {
        unsigned char b = (unsigned char)t[s];
        if (b == ':' || b == '-' || b == ',' || b == '|' || b == '(' || b == ';' || b == '/')
            s++;
        else if ((n = blank_at(t, e, s)) > 0)
            s += n;
        else
            break;
    }
    while (e > s) {
        unsigned char b = (unsigned char)t[e - 1];
        if (b == ':' || b == '-' || b == ',' || b == '|' || b == ')' || b == ';' || b == '/' || b == '.')
            e--;
        else if ((n = blank_before(t, s, e)) > 0)
            e -= n;
        else
            break;
    }
    if (e <= s)
        return NT_OK;
    /* a dot after a single capital is an initial: keep it */
    if (e < c->len && t[e] == '.' && e - s >= 1 && is_upper_a((unsigned char)t[e - 1]) &&
        (e - s == 1 || sp((unsigned char)t[e - 2])))
        e++;
    return nt_spans_push(c->fields, (int64_t)s, (int64_t)e, (uint8_t)f);
}

static bool word_is_agency(const char *t, size_t s, size_t e)
{
    while (s < e && sp((unsigned char)t[s]))
        s++;
    while (e > s && (sp((unsigned char)t[e - 1]) || t[e - 1] == '.'))
        e--;
    return e > s && nt_phrase_find(NT_PH_AGENCIES, t + s, e - s) != NULL;
}

static bool outlet_like(const char *t, size_t s, size_t e);

/* "Tribunnews.com", "EGINDO.co": a name, a dot, 2-4 letters; or a listed outlet. */
static bool domain_like(const char *t, size_t s, size_t e)
{
    if (nt_outlet_name(t + s, e - s) != NULL)
        return true;
    size_t dot = e;
    while (dot > s && t[dot - 1] != '.')
        dot--;
    if (dot <= s + 3 || e - dot < 2 || e - dot > 4)
        return false;
    for (size_t k = dot; k < e; k++)
        if (!is_alpha_a((unsigned char)t[k]))
            return false;
    for (size_t k = s; k < dot - 1; k++)
        if (!is_alpha_a((unsigned char)t[k]) && !is_digit((unsigned char)t[k]) && t[k] != '.')
            return false;
    return true;
}

/* Split a field value into items and add them.  Authors and editors split
 * at , ; & / " and " " dan "; agencies at , ; and / (after the first item,
 * an item that is no known agency is an editor's initials: "CNA/SL"). */
static nt_status add_list(ctx_t *c, size_t s, size_t e, nt_meta_field f)
{
    const char *t = c->t;
    size_t item = s;
    int k = 0;
    size_t i = s;
    while (i <= e) {
        size_t cut = 0, skip = 0;
        if (i == e) {
            cut = i;
        } else {
            unsigned char b = (unsigned char)t[i];
            if (b == ',' || b == ';' || b == '&' || b == '/') {
                cut = i;
                skip = 1;
            } else if (f != NT_FIELD_AGENCY && sp(b) && i + 5 <= e &&
                       (strncasecmp_ascii(t + i + 1, "and ", 4) ||
                        strncasecmp_ascii(t + i + 1, "dan ", 4))) {
                cut = i;
                skip = 5;
            }
        }
        if (cut || i == e) {
            bool keep = true;
            if (f == NT_FIELD_AGENCY && k > 0 && t[item > s ? item - 1 : s] == '/')
                keep = word_is_agency(t, item, cut);
            if (f == NT_FIELD_AUTHOR || f == NT_FIELD_EDITOR) {
                size_t a = item, b = cut;
                while (a < b && sp((unsigned char)t[a]))
                    a++;
                while (b > a && sp((unsigned char)t[b - 1]))
                    b--;
                if (b > a && nt_phrase_find(NT_PH_ROLES, t + a, b - a) != NULL)
                    keep = false; /* "Staff Writer" */
                else if (b > a && domain_like(t, a, b)) {
                    keep = false; /* "Laporan Wartawan Tribunnews.com, Nama" */
                    if (!c->have_outlet) {
                        c->have_outlet = 1;
                        nt_status st0 = add_field(c, a, b, NT_FIELD_OUTLET);
                        if (st0 != NT_OK)
                            return st0;
                    }
                }
            }
            if (keep) {
                nt_status st = add_field(c, item, cut, f);
                if (st != NT_OK)
                    return st;
            }
            k++;
            if (i == e)
                break;
            i += skip;
            item = i;
            continue;
        }
        i++;
    }
    return NT_OK;
}

/* Match a field label phrase (1-3 words) at p; returns its entry and sets
 * *end after it.  Only labels of mode NT_PM_FIELD count. */
static const nt_phrase *field_label_at(const char *t, size_t p, size_t e, size_t *end)
{
    const nt_phrase *best = NULL;
    size_t q = p;
    for (int w = 0; w < 3 && q < e; w++) {
        while (q < e && (is_alpha_a((unsigned char)t[q])))
            q++;
        if (q == p || (q < e && (unsigned char)t[q] >= 0x80))
            break;
        const nt_phrase *ph = nt_phrase_find(NT_PH_LINES, t + p, q - p);
        if (ph != NULL && ph->b == NT_PM_FIELD) {
            best = ph;
            *end = q;
        }
        if (q >= e || t[q] != ' ')
            break;
        q++;
    }
    return best;
}

/* Parse "Label : value Label : value" fields on [s, e).  Returns the number
 * of fields found (0: the line is not a field line). */
static int parse_fields(ctx_t *c, size_t s, size_t e, nt_status *st)
{
    const char *t = c->t;
    size_t lab_end;
    const nt_phrase *ph = field_label_at(t, s, e, &lab_end);
    int found = 0;
    *st = NT_OK;
    while (ph != NULL) {
        size_t v = lab_end;
        while (v < e && (sp((unsigned char)t[v]) || t[v] == ':' || is_nbsp(t, e, v)))
            v += is_nbsp(t, e, v) ? 2 : 1;
        /* the value runs to the next "Label :" */
        size_t ve = e, next_end = 0;
        const nt_phrase *next = NULL;
        for (size_t k = v; k < e; k++) {
            if (sp((unsigned char)t[k]) && k + 1 < e && is_upper_a((unsigned char)t[k + 1])) {
                size_t le;
                const nt_phrase *q = field_label_at(t, k + 1, e, &le);
                if (q != NULL) {
                    size_t a = le;
                    while (a < e && sp((unsigned char)t[a]))
                        a++;
                    if (a < e && t[a] == ':') {
                        ve = k;
                        next = q;
                        next_end = le;
                        break;
                    }
                }
            }
        }
        if (ph->a == NT_LINE_METADATA && ph->c != NT_FIELD_DATE && ph->c != NT_FIELD_NONE) {
            *st = add_list(c, v, ve, (nt_meta_field)ph->c);
            if (*st != NT_OK)
                return found;
        }
        found++;
        ph = next;
        lab_end = next_end;
    }
    return found;
}

/* ------------------------------------------------------- line patterns */

/* Normalised comparison of the line's start with list markers skipped:
 * find the longest pattern that is a prefix of the line at a word end. */
static const nt_phrase *pattern_at(ctx_t *c, const line_t *L, bool *whole)
{
    const char *t = c->t;
    size_t p = L->s;
    /* list markers: "1.", "2)", "•", "-", "*" */
    size_t q = p;
    while (q < L->e && is_digit((unsigned char)t[q]))
        q++;
    if (q > p && q < L->e && (t[q] == '.' || t[q] == ')'))
        p = q + 1;
    else if (L->e - p >= 3 && (unsigned char)t[p] == 0xE2 && (unsigned char)t[p + 1] == 0x80 &&
             (unsigned char)t[p + 2] == 0xA2)
        p += 3;
    else if (p < L->e && (t[p] == '*' || t[p] == '-'))
        p++;
    while (p < L->e && sp((unsigned char)t[p]))
        p++;
    /* lower-case words joined by single spaces, up to 63 bytes */
    char buf[64];
    size_t n = 0, i = p;
    const nt_phrase *best = NULL;
    *whole = false;
    while (i < L->e && n < 63) {
        unsigned char b = (unsigned char)t[i];
        if (!is_alpha_a(b) && !(b == '\'' && n > 0))
            break;
        while (i < L->e && n < 63 && (is_alpha_a((unsigned char)t[i]) || t[i] == '\'')) {
            unsigned char ch = (unsigned char)t[i++];
            buf[n++] = (char)(is_upper_a(ch) ? ch + 32 : ch);
        }
        if (i < L->e && (unsigned char)t[i] >= 0x80)
            break; /* the word goes on beyond ASCII */
        const nt_phrase *ph = nt_phrase_find(NT_PH_LINES, buf, n);
        /* rest of the line after this word: only spaces and : . | - ? */
        size_t r = i;
        while (r < L->e && (sp((unsigned char)t[r]) || t[r] == ':' || t[r] == '.' || t[r] == '|' ||
                            t[r] == '-' || t[r] == '>' || is_nbsp(t, L->e, r)))
            r++;
        bool rest_empty = r >= L->e;
        if (ph != NULL) {
            if (ph->b == NT_PM_LINE && rest_empty) {
                best = ph;
                *whole = true;
            } else if (ph->b == NT_PM_LINE && ph->a == NT_LINE_BOILERPLATE) {
                /* "Related: ...", "Terpopuler: ...": a chrome label with a colon */
                size_t q2 = i;
                while (q2 < L->e && sp((unsigned char)t[q2]))
                    q2++;
                if (q2 < L->e && t[q2] == ':') {
                    best = ph;
                    *whole = false;
                }
            } else if (ph->b == NT_PM_PREFIX) {
                best = ph;
                *whole = rest_empty;
            } else if ((ph->b == NT_PM_FIELD || ph->b == NT_PM_LABEL)) {
                best = ph;
                *whole = rest_empty;
            }
        }
        if (i >= L->e || t[i] != ' ' || n >= 62)
            break;
        /* next word */
        size_t j = i;
        while (j < L->e && t[j] == ' ')
            j++;
        if (j >= L->e || !is_alpha_a((unsigned char)t[j]))
            break;
        buf[n++] = ' ';
        i = j;
    }
    return best;
}

/* Does the line contain a caption credit such as "Foto:" / "Photo:" glued
 * or not ("...RusiaFoto: Yonhap/picture alliance")?  Returns the byte
 * offset of the credit, or 0. */
static size_t caption_credit(ctx_t *c, const line_t *L)
{
    const char *t = c->t;
    for (size_t k = L->s + 1; k < L->e; k++) {
        if (t[k] != ':')
            continue;
        size_t j = k;
        while (j > L->s && is_lower_a((unsigned char)t[j - 1]))
            j--;
        if (j > L->s && is_upper_a((unsigned char)t[j - 1]))
            j--;
        else
            continue;
        if (k - j < 4 || k - j > 10)
            continue;
        const nt_phrase *ph = nt_phrase_find(NT_PH_LINES, t + j, k - j);
        if (ph != NULL && ph->a == NT_LINE_CAPTION)
            return j;
    }
    return 0;
}

/* ----------------------------------------------------------- datelines */

static bool dash_at(const char *t, size_t e, size_t i, size_t *after)
{
    unsigned char b = (unsigned char)t[i];
    if (b == '-') {
        *after = i + 1 < e && t[i + 1] == '-' ? i + 2 : i + 1; /* "-" or "--" */
        return true;
    }
    if (i + 2 < e && b == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94)) {
        *after = i + 3;
        return true;
    }
    return false;
}

/* Is [s, e) an outlet token: one or two words, starting with a capital,
 * with a dot (EGINDO.co, KOMPAS.com) or all in capitals (KOMPAS, ANTARA)? */
static bool outlet_like(const char *t, size_t s, size_t e)
{
    while (s < e && sp((unsigned char)t[s]))
        s++;
    while (e > s && sp((unsigned char)t[e - 1]))
        e--;
    if (e <= s || e - s > 40 || !is_upper_a((unsigned char)t[s]))
        return false;
    bool dot = false, lower = false, space = false;
    for (size_t k = s; k < e; k++) {
        unsigned char b = (unsigned char)t[k];
        if (b == '.')
            dot = true;
        else if (is_lower_a(b))
            lower = true;
        else if (b == ' ')
            space = true;
        else if (!is_upper_a(b) && !is_digit(b) && b != '-')
            return false;
    }
    if (nt_outlet_name(t + s, e - s) != NULL)
        return true;
    return (dot || !lower) && !(space && lower);
}

/* Is [s, e) a place: 1-4 words, each starting with a capital; all in
 * capitals unless `titlecase_ok`. */
static bool place_like(const char *t, size_t s, size_t e, bool titlecase_ok)
{
    while (s < e && sp((unsigned char)t[s]))
        s++;
    while (e > s && sp((unsigned char)t[e - 1]))
        e--;
    if (e <= s || e - s > 40)
        return false;
    int words = 0;
    bool at_word = true, lower = false;
    for (size_t k = s; k < e; k++) {
        unsigned char b = (unsigned char)t[k];
        if (b == ' ') {
            at_word = true;
            continue;
        }
        if (at_word) {
            if (!is_upper_a(b))
                return false;
            words++;
            at_word = false;
        } else if (is_lower_a(b)) {
            lower = true;
        } else if (!is_upper_a(b) && b != '.' && b != '-' && b != '\'') {
            return false;
        }
    }
    return words >= 1 && words <= 4 && (!lower || titlecase_ok);
}

typedef struct {
    size_t head_s;               /* start of the metadata head              */
    size_t place_s, place_e;     /* dateline place (place_e == 0: none)     */
    size_t outlet_s, outlet_e;   /* outlet (outlet_e == 0: none)            */
    size_t agency_s, agency_e;   /* "(Reuters)"                             */
    size_t body;                 /* first byte of the body                  */
} dateline_t;

/* Find a dateline head at the start of line L (after an optional date
 * prefix): "PLACE, OUTLET -", "Place | OUTLET -", "OUTLET -",
 * "PLACE (Agency) -".  The dash must be followed by a space and text. */
static bool dateline_from(ctx_t *c, const line_t *L, size_t s, bool early, dateline_t *d)
{
    const char *t = c->t;
    size_t limit = L->s + 160 < L->e ? L->s + 160 : L->e;
    /* the first dash with a space after it, within the head window */
    size_t dash = 0, after = 0;
    for (size_t k = s; k < limit; k++) {
        size_t a;
        if (dash_at(t, L->e, k, &a) && k > s && sp((unsigned char)t[k - 1]) && a < L->e &&
            sp((unsigned char)t[a])) {
            dash = k;
            after = a;
            break;
        }
        if (t[k] == '.' && k + 1 < L->e && sp((unsigned char)t[k + 1]))
            return false; /* a sentence ended first */
    }
    if (dash == 0)
        return false;
    size_t he = dash;
    while (he > s && sp((unsigned char)t[he - 1]))
        he--;
    memset(d, 0, sizeof *d);
    d->head_s = L->s;
    size_t b = after;
    while (b < L->e && (sp((unsigned char)t[b]) || is_nbsp(t, L->e, b)))
        b += is_nbsp(t, L->e, b) ? 2 : 1;
    if (b >= L->e)
        return false;
    d->body = b;
    /* "PLACE (Agency)" */
    if (he > s && t[he - 1] == ')') {
        size_t open = he - 1;
        while (open > s && t[open] != '(')
            open--;
        if (t[open] != '(' || !word_is_agency(t, open + 1, he - 1))
            return false;
        size_t pe = open;
        if (!place_like(t, s, pe, true)) {
            /* "HANOI, Sept 3 (Reuters) -": a date between place and agency */
            const char *comma = memchr(t + s, ',', open - s);
            if (comma == NULL || !place_like(t, s, (size_t)(comma - t), true))
                return false;
            bool dated = false;
            for (size_t k = L->date_lo; k < L->date_hi; k++)
                if ((size_t)c->dates.items[k].start > (size_t)(comma - t) &&
                    (size_t)c->dates.items[k].end <= open)
                    dated = true;
            if (!dated)
                return false;
            pe = (size_t)(comma - t);
        }
        d->place_s = s, d->place_e = pe;
        d->agency_s = open + 1, d->agency_e = he - 1;
        return true;
    }
    /* split at the last ',' or '|' */
    size_t sep = 0;
    for (size_t k = s; k < he; k++)
        if (t[k] == ',' || t[k] == '|')
            sep = k + 1;
    if (sep) {
        bool bar = t[sep - 1] == '|';
        size_t os = sep, oe = he;
        while (os < oe && sp((unsigned char)t[os]))
            os++;
        /* "MOSKWA, KOMPAS.com", "Moskow | EGINDO.co", "Jakarta, CNN Indonesia" */
        bool known = oe > os && nt_outlet_name(t + os, oe - os) != NULL;
        if (place_like(t, s, sep - 1, bar || known) && outlet_like(t, sep, he)) {
            d->place_s = s, d->place_e = sep - 1;
            d->outlet_s = sep, d->outlet_e = he;
            return true;
        }
        /* "TEMPO.CO, Jakarta", "Liputan6.com, Jakarta": the outlet first */
        if (!bar && domain_like(t, s, sep - 1) && place_like(t, sep, he, true)) {
            d->outlet_s = s, d->outlet_e = sep - 1;
            d->place_s = sep, d->place_e = he;
            return true;
        }
        return false;
    }
    /* "TRIBUNNEWS.COM -": an outlet alone, with a dot or a listed name */
    bool dot = memchr(t + s, '.', he - s) != NULL;
    if (outlet_like(t, s, he) && (dot || nt_outlet_name(t + s, he - s) != NULL)) {
        d->outlet_s = s, d->outlet_e = he;
        return true;
    }
    /* "MILLBROOK — ": a place in capitals alone; "Jakarta - " near the top */
    bool caps = place_like(t, s, he, false);
    bool title_place = !caps && early && place_like(t, s, he, true) && he - s <= 24 &&
                       !is_lower_a((unsigned char)t[b]); /* "Pemerintah - melalui" is prose */
    if ((caps || title_place) && he - s >= 4 && memchr(t + s, '.', he - s) == NULL) {
        size_t letters = 0;
        for (size_t k = s; k < he; k++)
            letters += is_upper_a((unsigned char)t[k]);
        if (letters >= 4 || early) {
            d->place_s = s, d->place_e = he;
            return true;
        }
    }
    return false;
}

static bool find_dateline(ctx_t *c, const line_t *L, bool early, dateline_t *d)
{
    if (dateline_from(c, L, L->s, early, d))
        return true;
    /* a date prefix ("Kompas dunia | 19 Juni 2024, 11:03 WIB") may come first:
     * the head then starts where the first date of the line ends */
    if (L->date_lo < L->date_hi) {
        const nt_date *x = &c->dates.items[L->date_lo];
        if ((size_t)x->start - L->s < 80) {
            size_t s = (size_t)x->end;
            while (s < L->e && (sp((unsigned char)c->t[s]) || c->t[s] == ',' || c->t[s] == '|'))
                s++;
            return dateline_from(c, L, s, early, d);
        }
    }
    return false;
}

/* ------------------------------------------------------------- credits */

/* A closing credit: "(Outlet.com/Name)" or "ab/cd (AFP, Reuters, AP)". */
static bool credit_line(ctx_t *c, const line_t *L, nt_status *st)
{
    const char *t = c->t;
    *st = NT_OK;
    if (L->e - L->s > 120 || L->words > 16 || (L->stops > 0 && t[L->s] != '('))
        return false;
    size_t open = L->s;
    while (open < L->e && t[open] != '(')
        open++;
    bool closes = t[L->e - 1] == ')';
    if (open == L->s && closes) {
        /* "(Outlet/Name)" */
        const char *slash = memchr(t + L->s, '/', L->e - L->s);
        if (slash == NULL) {
            /* "(Reporting by A; Editing by B)": labelled fields split by ';' */
            int found = 0;
            size_t seg = L->s + 1;
            for (size_t k = seg; k <= L->e - 1; k++) {
                if (k == L->e - 1 || t[k] == ';') {
                    size_t a = seg;
                    while (a < k && sp((unsigned char)t[a]))
                        a++;
                    if (a < k)
                        found += parse_fields(c, a, k, st);
                    if (*st != NT_OK)
                        return true;
                    seg = k + 1;
                }
            }
            return found > 0;
        }
        size_t sl = (size_t)(slash - t);
        if (!outlet_like(t, L->s + 1, sl))
            return false;
        if (!c->have_outlet) {
            *st = add_field(c, L->s + 1, sl, NT_FIELD_OUTLET);
            c->have_outlet = 1;
        }
        if (*st == NT_OK)
            *st = add_list(c, sl + 1, L->e - 1, NT_FIELD_AUTHOR);
        return true;
    }
    if (open < L->e && closes && open > L->s) {
        /* initials before the bracket, agencies inside */
        for (size_t k = L->s; k < open; k++) {
            unsigned char b = (unsigned char)t[k];
            if (!is_lower_a(b) && b != '/' && !sp(b) && b != ',')
                return false;
        }
        if (memchr(t + L->s, '/', open - L->s) == NULL)
            return false;
        *st = add_list(c, L->s, open, NT_FIELD_AUTHOR);
        if (*st == NT_OK)
            *st = add_list(c, open + 1, L->e - 1, NT_FIELD_AGENCY);
        return true;
    }
    return false;
}

/* A name line: 2-5 capitalised words, no digits, no sentence mark. */
static bool name_line(ctx_t *c, const line_t *L)
{
    (void)c;
    return L->words >= 1 && L->words <= 5 && L->caps >= L->words - (L->words > 2) &&
           L->stops == 0 && L->digits_words == 0 && !L->ends_sentence && !L->has_url &&
           L->e - L->s <= 60;
}

/* ------------------------------------------------------------ date lines */

/* Is the line a date line: its dates cover it but for at most 3 words
 * (an outlet, "Updated")?  The residue is returned for the outlet. */
static bool date_line(ctx_t *c, const line_t *L, size_t *res_s, size_t *res_e)
{
    if (L->date_lo == L->date_hi || L->words > 14)
        return false;
    const char *t = c->t;
    const nt_date *x = &c->dates.items[L->date_lo];
    if (x->day == 0 && x->hour < 0 && x->month == 0)
        return false;
    /* words outside the date spans */
    int residue = 0;
    size_t i = L->s, di = L->date_lo;
    *res_s = *res_e = 0;
    while (i < L->e) {
        if (di < L->date_hi && i >= (size_t)c->dates.items[di].start) {
            i = (size_t)c->dates.items[di].end;
            di++;
            continue;
        }
        unsigned char b = (unsigned char)t[i];
        if (is_alpha_a(b) || is_digit(b) || b >= 0x80) {
            size_t ws = i;
            while (i < L->e && !sp((unsigned char)t[i]) &&
                   !(di < L->date_hi && i >= (size_t)c->dates.items[di].start))
                i++;
            if (residue == 0 && ws < (size_t)x->start) {
                *res_s = ws;
                *res_e = i;
            } else if (ws < (size_t)x->start && *res_e) {
                *res_e = i;
            }
            residue++;
            continue;
        }
        i++;
    }
    return residue <= 3 && L->stops <= 1;
}

/* ------------------------------------------------------------- main */

static void set_date(ctx_t *c, const nt_date *x, int from_meta)
{
    if (c->have_date && c->date_from_meta && from_meta && c->date.hour < 0 && x->hour >= 0 &&
        (x->month == 0 || (x->year == c->date.year && x->month == c->date.month &&
                           x->day == c->date.day))) {
        /* "March 6, 2025" then "Updated 3:45 p.m. ET": the time joins the date */
        c->date.hour = x->hour;
        c->date.minute = x->minute;
        c->date.zone_start = x->zone_start;
        c->date.zone_end = x->zone_end;
        return;
    }
    if (c->have_date && (c->date_from_meta || !from_meta))
        return;
    c->date = *x;
    c->have_date = 1;
    c->date_from_meta = from_meta;
}

static nt_status fixed_evidence(ctx_t *c, size_t k)
{
    line_t *L = &c->ln[k];
    const char *t = c->t;
    nt_status st = NT_OK;
    bool whole;
    const nt_phrase *ph = pattern_at(c, L, &whole);
    if (ph != NULL) {
        if (ph->b == NT_PM_LINE || ph->b == NT_PM_PREFIX) {
            L->label = ph->a;
            L->photo_label = ph->a == NT_LINE_CAPTION && ph->b == NT_PM_LINE;
            return NT_OK;
        }
        if (ph->b == NT_PM_FIELD && whole) {
            /* a bare label: "Penulis" under or above the name */
            L->label = ph->a;
            L->field_label = ph->c;
            return NT_OK;
        }
        if (ph->b == NT_PM_FIELD && L->words <= 14 && !L->ends_sentence && L->stops <= 2) {
            size_t lab_end = 0;
            const nt_phrase *lab = field_label_at(t, L->s, L->e, &lab_end);
            bool colon = false;
            size_t a = lab_end;
            while (a < L->e && sp((unsigned char)t[a]))
                a++;
            colon = a < L->e && t[a] == ':';
            bool cap_next = a < L->e && (is_upper_a((unsigned char)t[a]) || colon);
            /* "Photo by Jane Doe", "Foto oleh ..." */
            if (lab != NULL && lab->a == NT_LINE_CAPTION && !colon && a + 3 <= L->e &&
                (strncasecmp_ascii(t + a, "by ", 3) ||
                 (a + 5 <= L->e && strncasecmp_ascii(t + a, "oleh ", 5)))) {
                L->label = NT_LINE_CAPTION;
                return NT_OK;
            }
            /* "By Jane Doe" needs a capital; "Sumber Reuters" too; "Foto:" a colon */
            if (lab != NULL && cap_next && (colon || lab->a != NT_LINE_CAPTION)) {
                if (lab->a == NT_LINE_CAPTION) {
                    L->label = NT_LINE_CAPTION;
                    return NT_OK;
                }
                if (lab->c == NT_FIELD_DATE) {
                    L->label = NT_LINE_METADATA;
                    if (L->date_lo < L->date_hi)
                        set_date(c, &c->dates.items[L->date_lo], 1);
                    return NT_OK;
                }
                if (colon || L->words <= 8) {
                    parse_fields(c, L->s, L->e, &st);
                    L->label = NT_LINE_METADATA;
                    return st;
                }
            }
        }
    }
    if (L->e - L->s >= 2 && (unsigned char)t[L->s] == 0xC2 && (unsigned char)t[L->s + 1] == 0xA9) {
        L->label = NT_LINE_BOILERPLATE; /* "© 2025 The Daily Ledger" */
        return NT_OK;
    }
    if (t[L->s] == '(' && L->words <= 30) {
        size_t q = L->s + 1, w = q;
        while (w < L->e && is_alpha_a((unsigned char)t[w]))
            w++;
        const nt_phrase *cp = w > q ? nt_phrase_find(NT_PH_LINES, t + q, w - q) : NULL;
        if (cp != NULL && cp->a == NT_LINE_CAPTION) {
            L->label = NT_LINE_CAPTION;
            return NT_OK;
        }
    }
    if (caption_credit(c, L) != 0 && L->words <= 40) {
        L->label = NT_LINE_CAPTION;
        return NT_OK;
    }
    if (L->url_only) {
        L->label = NT_LINE_METADATA;
        if (!c->have_url) {
            c->have_url = 1;
            st = add_field(c, L->s, L->e, NT_FIELD_URL);
            if (st == NT_OK && !c->have_outlet) {
                /* the host names the outlet when it is a known one */
                size_t h = L->s;
                const char *ss = memchr(t + L->s, '/', L->e - L->s);
                if (ss != NULL && (size_t)(ss - t) + 1 < L->e && ss[1] == '/')
                    h = (size_t)(ss - t) + 2;
                size_t he = h;
                while (he < L->e && t[he] != '/' && t[he] != ':')
                    he++;
                if (he > h && nt_outlet_name(t + h, he - h) != NULL) {
                    c->have_outlet = 1;
                    st = add_field(c, h, he, NT_FIELD_OUTLET);
                }
            }
        }
        return st;
    }
    size_t rs, re;
    if (date_line(c, L, &rs, &re)) {
        L->label = NT_LINE_METADATA;
        set_date(c, &c->dates.items[L->date_lo], 1);
        if (re > rs && !c->have_outlet && outlet_like(t, rs, re)) {
            c->have_outlet = 1;
            st = add_field(c, rs, re, NT_FIELD_OUTLET);
        }
        return st;
    }
    if (credit_line(c, L, &st)) {
        L->label = NT_LINE_METADATA;
        return st;
    }
    dateline_t d;
    if (!c->have_dateline && find_dateline(c, L, k < 12, &d)) {
        c->have_dateline = 1;
        L->split = d.body;
        if (L->date_lo < L->date_hi && (size_t)c->dates.items[L->date_lo].end <= d.body)
            set_date(c, &c->dates.items[L->date_lo], 1);
        if (d.place_e)
            st = add_field(c, d.place_s, d.place_e, NT_FIELD_DATELINE);
        if (st == NT_OK && d.outlet_e && !c->have_outlet) {
            c->have_outlet = 1;
            st = add_field(c, d.outlet_s, d.outlet_e, NT_FIELD_OUTLET);
        }
        if (st == NT_OK && d.agency_e)
            st = add_field(c, d.agency_s, d.agency_e, NT_FIELD_AGENCY);
        return st;
    }
    return NT_OK;
}

/* Content class of a line without a fixed label. */
static uint8_t content_class(const ctx_t *c, const line_t *L)
{
    (void)c;
    if (L->rep > 1 && L->e - L->s < 400)
        return C_BAD;
    double density = L->words ? (double)L->stops / L->words : 0.0;
    if (L->split)
        return C_GOOD;
    if (L->ends_sentence && L->words >= 5)
        return C_GOOD;
    if (L->words >= 12 && density >= 0.08)
        return C_GOOD;
    if (L->words >= 25)
        return C_GOOD;
    if ((L->ends_sentence || (L->ends_colon && L->words >= 3 && L->stops >= 1)) && L->words >= 1)
        return C_NEAR;
    return C_SHORT;
}

static bool heading_like(const line_t *L)
{
    return L->words >= 1 && L->words <= 14 && L->e - L->s <= 120 && L->starts_cap &&
           !L->ends_sentence && !L->ends_colon && !L->has_url;
}

/* A headline: 4-40 words, not ending with a period (a question or an
 * exclamation may end one), not repeated, no URL. */
static bool title_like(const line_t *L)
{
    return L->words >= 4 && L->words <= 40 && L->e - L->s <= 300 && !L->has_url &&
           L->rep <= 1 && !L->ends_period;
}

static nt_status classify(ctx_t *c)
{
    nt_status st;
    size_t n = c->n;
    /* fixed evidence */
    for (size_t k = 0; k < n; k++) {
        st = fixed_evidence(c, k);
        if (st != NT_OK)
            return st;
    }
    /* bare labels take their value from a name line before (or after) */
    for (size_t k = 0; k < n; k++) {
        line_t *L = &c->ln[k];
        if (!L->field_label || L->field_label == NT_FIELD_DATE)
            continue;
        line_t *v = NULL;
        if (k > 0 && c->ln[k - 1].label == NO_LABEL && name_line(c, &c->ln[k - 1]))
            v = &c->ln[k - 1];
        else if (k + 1 < n && c->ln[k + 1].label == NO_LABEL && name_line(c, &c->ln[k + 1]))
            v = &c->ln[k + 1];
        if (v != NULL) {
            v->label = NT_LINE_METADATA;
            st = add_list(c, v->s, v->e, (nt_meta_field)L->field_label);
            if (st != NT_OK)
                return st;
        }
    }
    /* a short line directly above a photo credit is its caption */
    for (size_t k = 0; k + 1 < n; k++) {
        line_t *L = &c->ln[k];
        size_t gap_nl = 0;
        for (size_t q = L->e; q < c->ln[k + 1].s; q++)
            gap_nl += c->t[q] == '\n';
        if (c->ln[k + 1].label == NT_LINE_CAPTION && L->label == NO_LABEL && L->words <= 30 &&
            gap_nl == 1)
            L->label = NT_LINE_CAPTION;
        /* the line under a "Lihat Foto" label is the photo's caption */
        if (L->photo_label && c->ln[k + 1].label == NO_LABEL && c->ln[k + 1].words <= 60)
            c->ln[k + 1].label = NT_LINE_CAPTION;
    }
    /* content classes */
    /* The body starts at the first prose line that closes with a period,
     * is long, or follows a dateline; or, after a headline, at the first
     * prose line with the stop words of running text (a lead paragraph
     * whose final period the scrape lost). */
    size_t first_body = n, last_good = n;
    bool headline_seen = false;
    for (size_t k = 0; k < n; k++) {
        line_t *L = &c->ln[k];
        L->content = L->label == NO_LABEL || L->split ? content_class(c, L) : C_NONE;
        if (L->content == C_GOOD) {
            bool prose = L->words >= 12 && L->stops * 100 >= L->words * 15;
            if (first_body == n &&
                (L->split || L->ends_period || L->words >= 25 || (headline_seen && prose)))
                first_body = k;
            last_good = k;
        }
        if (L->label == NO_LABEL && title_like(L))
            headline_seen = true;
    }
    {
        bool nxt = false;
        for (size_t k = n; k-- > 0;) {
            line_t *L = &c->ln[k];
            L->next_good = nxt;
            if (L->content == C_GOOD)
                nxt = true;
            else if (L->content != C_NONE && L->content != C_NEAR)
                nxt = false;
        }
    }
    if (first_body == n) {
        /* no prose line that closes a sentence: take the first good one */
        for (size_t k = 0; k < n; k++)
            if (c->ln[k].content == C_GOOD) {
                first_body = k;
                break;
            }
    }
    /* before the body: the title, then chrome */
    for (size_t k = 0; k < n && k < first_body; k++) {
        line_t *L = &c->ln[k];
        if (L->label != NO_LABEL)
            continue;
        if (!c->have_title && title_like(L)) {
            L->label = NT_LINE_TITLE;
            c->have_title = 1;
            st = add_field(c, L->s, L->e, NT_FIELD_TITLE);
            if (st != NT_OK)
                return st;
        } else if (L->rep > 1 && k + 1 < n && c->ln[k + 1].hash == L->hash) {
            L->label = NT_LINE_CAPTION;
        } else if (L->rep > 1 && k > 0 && c->ln[k - 1].hash == L->hash) {
            L->label = NT_LINE_CAPTION;
        } else {
            L->label = NT_LINE_BOILERPLATE;
        }
    }
    /* the body region */
    for (size_t k = first_body; k < n; k++) {
        line_t *L = &c->ln[k];
        if (L->label != NO_LABEL && !L->split)
            continue;
        if (k > last_good) {
            L->label = NT_LINE_BOILERPLATE;
            continue;
        }
        switch (L->content) {
        case C_GOOD:
            L->label = NT_LINE_BODY;
            break;
        case C_BAD: {
            /* a repeated line next to a photo credit is a caption */
            bool cap = (k + 1 < n && c->ln[k + 1].label == NT_LINE_CAPTION) ||
                       (k > 0 && c->ln[k - 1].label == NT_LINE_CAPTION);
            L->label = cap ? NT_LINE_CAPTION : NT_LINE_BOILERPLATE;
            break;
        }
        case C_NEAR: {
            /* a short sentence: body when a neighbour (past chrome) is prose */
            size_t p = k;
            bool prev_good = false, next_good = L->next_good;
            while (p > first_body) {
                p--;
                if (c->ln[p].content == C_GOOD || c->ln[p].content == C_NEAR) {
                    prev_good = true;
                    break;
                }
                if (c->ln[p].content != C_NONE)
                    break;
            }
            L->label = prev_good || next_good ? NT_LINE_BODY : NT_LINE_BOILERPLATE;
            break;
        }
        default: {
            /* short and unpunctuated: a heading when prose follows */
            size_t q = k + 1;
            while (q < n && c->ln[q].content == C_NONE && c->ln[q].label == NT_LINE_BOILERPLATE)
                q++;
            bool next_prose = q < n && (c->ln[q].content == C_GOOD || c->ln[q].content == C_NEAR);
            L->label = heading_like(L) && next_prose ? NT_LINE_HEADING : NT_LINE_BOILERPLATE;
            break;
        }
        }
    }
    /* the date: a metadata date, else the first full date in the first body lines */
    if (!c->have_date) {
        int seen = 0;
        for (size_t k = first_body; k < n && seen < 3; k++) {
            line_t *L = &c->ln[k];
            if (L->label != NT_LINE_BODY)
                continue;
            seen++;
            nt_dates found;
            nt_dates_init(&found, c->alloc);
            size_t from = L->split ? L->split : L->s;
            st = nt_dates_find(c->t + from, L->e - from, NULL, &found, NULL);
            for (size_t di = 0; st == NT_OK && di < found.len; di++) {
                const nt_date *x = &found.items[di];
                if (x->year && x->month && x->day) {
                    nt_date y = *x;
                    y.start += (int64_t)from;
                    y.end += (int64_t)from;
                    y.hour = y.minute = -1;
                    y.zone_start = y.zone_end = -1;
                    set_date(c, &y, 0);
                    break;
                }
            }
            nt_dates_free(&found);
            if (st != NT_OK)
                return st;
            if (c->have_date)
                break;
        }
    }
    return NT_OK;
}

static nt_status build_lines(ctx_t *c, const nt_interrupt *intr)
{
    const char *t = c->t;
    size_t len = c->len;
    /* count lines to size the array */
    size_t count = 1;
    for (const char *p = t; p != NULL && (size_t)(p - t) < len;) {
        p = memchr(p, '\n', len - (size_t)(p - t));
        if (p == NULL)
            break;
        count++;
        p++;
    }
    if (count > SIZE_MAX / sizeof(line_t))
        return NT_ETOOBIG;
    c->ln = c->alloc->malloc(c->alloc->ctx, count * sizeof(line_t));
    if (c->ln == NULL)
        return NT_ENOMEM;
    c->cap = count;
    c->n = 0;
    size_t i = 0, next_poll = NT_INTERRUPT_BYTES;
    while (i < len) {
        size_t ls = i;
        const char *nl = memchr(t + i, '\n', len - i);
        size_t le = nl ? (size_t)(nl - t) : len;
        i = nl ? le + 1 : len;
        if (ls >= next_poll) {
            next_poll = ls + NT_INTERRUPT_BYTES;
            if (intr != NULL && intr->check != NULL && intr->check(intr->ctx))
                return NT_EINTR;
        }
        size_t s = ls, e = le;
        while (s < e && (sp((unsigned char)t[s]) || is_nbsp(t, e, s)))
            s += is_nbsp(t, e, s) ? 2 : 1;
        while (e > s && (sp((unsigned char)t[e - 1]) ||
                         (e - s >= 2 && (unsigned char)t[e - 2] == 0xC2 && (unsigned char)t[e - 1] == 0xA0)))
            e -= sp((unsigned char)t[e - 1]) ? 1 : 2;
        if (s == e)
            continue; /* blank: belongs to the piece before */
        line_t *L = &c->ln[c->n++];
        memset(L, 0, sizeof *L);
        L->start = c->n == 1 ? 0 : ls;
        L->s = s;
        L->e = e;
        L->label = NO_LABEL;
        /* dates in the head of the line, cut at a space so no date is split */
        size_t he = e;
        if (he - s > DATE_HEAD) {
            he = s + DATE_HEAD;
            while (he < e && !sp((unsigned char)t[he]))
                he++;
        }
        L->date_lo = c->dates.len;
        nt_status st = nt_dates_find(t + s, he - s, NULL, &c->dates, NULL);
        if (st != NT_OK)
            return st;
        for (size_t k = L->date_lo; k < c->dates.len; k++) {
            nt_date *x = &c->dates.items[k];
            x->start += (int64_t)s;
            x->end += (int64_t)s;
            if (x->zone_start >= 0) {
                x->zone_start += (int64_t)s;
                x->zone_end += (int64_t)s;
            }
        }
        L->date_hi = c->dates.len;
        st = measure(c, L, intr);
        if (st != NT_OK)
            return st;
    }
    return NT_OK;
}

static nt_status count_repeats(ctx_t *c)
{
    size_t n = c->n;
    if (n == 0)
        return NT_OK;
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    if (cap > SIZE_MAX / sizeof(uint32_t))
        return NT_ETOOBIG;
    uint32_t *slot = c->alloc->malloc(c->alloc->ctx, cap * sizeof(uint32_t)); /* line index + 1 */
    if (slot == NULL)
        return NT_ENOMEM;
    memset(slot, 0, cap * sizeof(uint32_t));
    /* first pass: each line finds the first line with equal text */
    for (size_t k = 0; k < n; k++) {
        line_t *L = &c->ln[k];
        size_t h = L->hash & (cap - 1);
        for (;;) {
            if (slot[h] == 0) {
                slot[h] = (uint32_t)(k + 1);
                L->rep = 1;
                break;
            }
            line_t *F = &c->ln[slot[h] - 1];
            if (F->hash == L->hash && F->e - F->s == L->e - L->s &&
                memcmp(c->t + F->s, c->t + L->s, L->e - L->s) == 0) {
                if (F->rep < UINT16_MAX)
                    F->rep++;
                L->rep = 0; /* filled from F below */
                break;
            }
            h = (h + 1) & (cap - 1);
        }
    }
    /* second pass: copy the counts */
    for (size_t k = 0; k < n; k++) {
        line_t *L = &c->ln[k];
        if (L->rep != 0)
            continue;
        size_t h = L->hash & (cap - 1);
        for (;;) {
            line_t *F = &c->ln[slot[h] - 1];
            if (F->hash == L->hash && F->e - F->s == L->e - L->s &&
                memcmp(c->t + F->s, c->t + L->s, L->e - L->s) == 0) {
                L->rep = F->rep;
                break;
            }
            h = (h + 1) & (cap - 1);
        }
    }
    c->alloc->free(c->alloc->ctx, slot, cap * sizeof(uint32_t));
    return NT_OK;
}

static nt_status emit_pieces(ctx_t *c, nt_spans *out)
{
    if (c->n == 0) {
        if (c->len == 0)
            return NT_OK;
        return nt_spans_push(out, 0, (int64_t)c->len, NT_LINE_BOILERPLATE);
    }
    for (size_t k = 0; k < c->n; k++) {
        line_t *L = &c->ln[k];
        size_t end = k + 1 < c->n ? c->ln[k + 1].start : c->len;
        uint8_t label = L->label == NO_LABEL ? NT_LINE_BOILERPLATE : L->label;
        nt_status st;
        if (L->split) {
            st = nt_spans_push(out, (int64_t)L->start, (int64_t)L->split, NT_LINE_METADATA);
            if (st == NT_OK)
                st = nt_spans_push(out, (int64_t)L->split, (int64_t)end,
                                   label == NT_LINE_BODY ? NT_LINE_BODY : label);
        } else {
            st = nt_spans_push(out, (int64_t)L->start, (int64_t)end, label);
        }
        if (st != NT_OK)
            return st;
    }
    return NT_OK;
}

/* A source credit naming the article's own outlet ("Sumber: Tribunnews.com"
 * in a Tribunnews article) is no agency: drop it. */
static void outlet_key(const char *t, int64_t s, int64_t e, const char **name, size_t *n)
{
    const char *disp = nt_outlet_name(t + s, (size_t)(e - s));
    *name = disp ? disp : t + s;
    *n = disp ? strlen(disp) : (size_t)(e - s);
}

static void drop_own_outlet(const char *t, nt_spans *f)
{
    size_t o = f->len;
    for (size_t i = 0; i < f->len; i++)
        if (f->kind[i] == NT_FIELD_OUTLET)
            o = i;
    if (o == f->len)
        return;
    const char *on, *an;
    size_t onl, anl;
    outlet_key(t, f->start[o], f->end[o], &on, &onl);
    size_t w = 0;
    for (size_t i = 0; i < f->len; i++) {
        if (f->kind[i] == NT_FIELD_AGENCY) {
            outlet_key(t, f->start[i], f->end[i], &an, &anl);
            if (anl == onl) {
                size_t k = 0;
                while (k < anl && (an[k] | 0x20) == (on[k] | 0x20))
                    k++;
                if (k == anl)
                    continue;
            }
        }
        f->start[w] = f->start[i];
        f->end[w] = f->end[i];
        f->kind[w] = f->kind[i];
        w++;
    }
    f->len = w;
}

/* Put the fields in text order: heapsort on (start, end), in place over
 * the three columns, O(f log f), no recursion. */
static bool field_less(const nt_spans *f, size_t a, size_t b)
{
    return f->start[a] < f->start[b] || (f->start[a] == f->start[b] && f->end[a] < f->end[b]);
}

static void field_swap(nt_spans *f, size_t a, size_t b)
{
    int64_t s = f->start[a], e = f->end[a];
    uint8_t k = f->kind[a];
    f->start[a] = f->start[b], f->end[a] = f->end[b], f->kind[a] = f->kind[b];
    f->start[b] = s, f->end[b] = e, f->kind[b] = k;
}

static void sift_down(nt_spans *f, size_t root, size_t n)
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && field_less(f, child, child + 1))
            child++;
        if (!field_less(f, root, child))
            return;
        field_swap(f, root, child);
        root = child;
    }
}

static void sort_fields(nt_spans *f)
{
    size_t n = f->len;
    for (size_t i = n / 2; i-- > 0;)
        sift_down(f, i, n);
    for (size_t end = n; end-- > 1;) {
        field_swap(f, 0, end);
        sift_down(f, 0, end);
    }
}

nt_status nt_clean_run(const char *text, size_t len, nt_lang lang, nt_article *out,
                       const nt_interrupt *intr)
{
    if (out == NULL || (text == NULL && len > 0))
        return NT_EINVAL;
    if (lang != NT_LANG_AUTO && lang != NT_LANG_ID && lang != NT_LANG_EN)
        return NT_EINVAL;
    nt_spans_clear(&out->pieces);
    nt_spans_clear(&out->fields);
    memset(&out->date, 0, sizeof out->date);
    out->date.hour = out->date.minute = -1;
    out->date.zone_start = out->date.zone_end = -1;
    if (len == 0)
        return NT_OK;
    ctx_t c;
    memset(&c, 0, sizeof c);
    c.t = text;
    c.len = len;
    /* the language only picks the stop words used as evidence: its first
     * 2 KiB are enough to tell */
    c.lang = lang == NT_LANG_AUTO ? nt_lang_detect(text, len < 2048 ? len : 2048) : lang;
    c.alloc = out->pieces.alloc;
    c.fields = &out->fields;
    nt_dates_init(&c.dates, c.alloc);
    nt_status st = build_lines(&c, intr);
    if (st == NT_OK)
        st = count_repeats(&c);
    if (st == NT_OK)
        st = classify(&c);
    if (st == NT_OK)
        st = emit_pieces(&c, &out->pieces);
    if (st == NT_OK && c.have_date) {
        out->date = c.date;
        nt_date *x = &out->date;
        /* a date without a year takes none; the field marks the expression */
        st = nt_spans_push(&out->fields, x->start, x->end, NT_FIELD_DATE);
    }
    if (st == NT_OK) {
        drop_own_outlet(text, &out->fields);
        sort_fields(&out->fields);
    }
    if (c.ln != NULL)
        c.alloc->free(c.alloc->ctx, c.ln, c.cap * sizeof(line_t));
    nt_dates_free(&c.dates);
    return st;
}

nt_status nt_clean_body(const char *text, size_t len, nt_lang lang, nt_spans *out,
                        const nt_interrupt *intr)
{
    if (out == NULL || (text == NULL && len > 0))
        return NT_EINVAL;
    nt_article a;
    nt_article_init(&a, out->alloc);
    nt_status st = nt_clean_run(text, len, lang, &a, intr);
    for (size_t i = 0; st == NT_OK && i < a.pieces.len; i++) {
        if (a.pieces.kind[i] != NT_LINE_BODY && a.pieces.kind[i] != NT_LINE_HEADING)
            continue;
        size_t s = (size_t)a.pieces.start[i], e = (size_t)a.pieces.end[i];
        while (s < e && (sp((unsigned char)text[s]) || text[s] == '\n' || is_nbsp(text, e, s)))
            s += is_nbsp(text, e, s) ? 2 : 1;
        while (e > s && (sp((unsigned char)text[e - 1]) || text[e - 1] == '\n'))
            e--;
        if (e > s)
            st = nt_spans_push(out, (int64_t)s, (int64_t)e, a.pieces.kind[i]);
    }
    nt_article_free(&a);
    return st;
}
