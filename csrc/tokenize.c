/* tokenize.c — the tokenizer: text → token spans (start, end, kind).
 *
 * One left-to-right pass.  At each position the character class decides
 * which scanner runs; every scanner consumes at least one character and only
 * looks ahead over the run of non-space characters it is in, so the whole
 * pass is linear.  ASCII is classified through a table; other characters
 * through the generated Unicode tables. */
#include "internal.h"

#include <stdlib.h>

/* Look-ahead bounds.  Every scanner that looks past the current token stops
 * after a fixed number of bytes, so the work per token is bounded and the
 * whole pass stays linear even on runs like "a.a.a.a…" or "a-a-a-…" with no
 * space for megabytes (each piece would otherwise rescan the rest). */
#define NT_DOTTED_MAX 24      /* longest dotted abbreviation or initialism   */
#define NT_EMAIL_LOCAL_MAX 64 /* RFC 5321 local-part limit                    */
#define NT_DOMAIN_MAX 253     /* RFC 1035 host-name limit                     */

struct nt_tokenizer {
    nt_lang lang;
    unsigned opts;
    const nt_allocator *alloc;
};

static const char *const kind_names[NT_TOK_KIND_COUNT] = {
    "word", "number", "punct", "symbol", "url", "email",
    "hashtag", "mention", "quote", "date", "time",
};

const char *nt_token_kind_name(int kind) {
    if (kind < 0 || kind >= NT_TOK_KIND_COUNT) return "unknown";
    return kind_names[kind];
}

nt_status nt_tokenizer_new(nt_lang lang, unsigned opts, const nt_allocator *alloc,
                           nt_tokenizer **out) {
    if (out == NULL) return NT_EINVAL;
    if (lang != NT_LANG_ID && lang != NT_LANG_EN) return NT_EINVAL;
    if (opts != 0) return NT_EINVAL; /* no option bits are defined yet */
    alloc = nt_alloc_or_default(alloc);
    nt_tokenizer *t = alloc->malloc(alloc->ctx, sizeof *t);
    if (t == NULL) return NT_ENOMEM;
    t->lang = lang;
    t->opts = opts;
    t->alloc = alloc;
    *out = t;
    return NT_OK;
}

void nt_tokenizer_free(nt_tokenizer *tok) {
    if (tok == NULL) return;
    const nt_allocator *a = tok->alloc;
    a->free(a->ctx, tok, sizeof *tok);
}

nt_lang nt_tokenizer_lang(const nt_tokenizer *tok) { return tok ? tok->lang : NT_LANG_AUTO; }

/* ------------------------------------------------------------ classes */

enum {
    C_SPACE = 0, /* white space, controls, invisible separators */
    C_ALPHA,     /* letters, and numbers that are not decimal digits */
    C_DIGIT,     /* decimal digits */
    C_MARK,      /* combining marks and joiners: extend the token before */
    C_QUOTE,     /* quotation marks (not the apostrophe) */
    C_APOS,      /* ' and ’ and ʼ: apostrophe inside words, quote outside */
    C_HYPHEN,    /* - and the Unicode hyphens */
    C_PUNCT,     /* other punctuation */
    C_SYMBOL     /* symbols, emoji, unassigned, U+FFFD, lone surrogates */
};

/* ASCII classes. */
#define S C_SPACE
#define A C_ALPHA
#define D C_DIGIT
#define Q C_QUOTE
#define P C_PUNCT
#define Y C_SYMBOL
static const unsigned char ascii_class[128] = {
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, /* 00-0F */
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, /* 10-1F */
    S, P, Q, P, Y, Y, P, C_APOS, P, P, P, Y, P, C_HYPHEN, P, P, /* sp ! " # $ % & ' ( ) * + , - . / */
    D, D, D, D, D, D, D, D, D, D, P, P, Y, Y, Y, P, /* 0-9 : ; < = > ? */
    P, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, /* @ A-O */
    A, A, A, A, A, A, A, A, A, A, A, P, P, P, Y, C_MARK, /* P-Z [ \ ] ^ _ */
    Q, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, /* ` a-o */
    A, A, A, A, A, A, A, A, A, A, A, P, Y, P, Y, S,  /* p-z { | } ~ DEL */
};
#undef S
#undef A
#undef D
#undef Q
#undef P
#undef Y

static int class_of(uint32_t cp) {
    if (cp < 0x80) return ascii_class[cp];
    switch (cp) {
    case 0x2018: case 0x2019: case 0x02BC: /* ‘ ’ ʼ */
        return cp == 0x2018 ? C_QUOTE : C_APOS;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x201A: case 0x201B:
    case 0x00AB: case 0x00BB: case 0x2039: case 0x203A: case 0x300C: case 0x300D:
    case 0x300E: case 0x300F: case 0xFF02:
        return C_QUOTE;
    case 0x2010: case 0x2011: case 0x00AD:
        return cp == 0x00AD ? C_MARK : C_HYPHEN;
    case 0x200B: case 0x2060: case 0xFEFF: /* zero-width space, word joiner, BOM */
        return C_SPACE;
    case 0x200C: case 0x200D: case 0xFE0F: case 0xFE0E: /* ZWNJ, ZWJ, variation selectors */
        return C_MARK;
    default: break;
    }
    if (nt_uc_is_space(cp)) return C_SPACE;
    nt_gc g = nt_uc_category(cp);
    switch (g) {
    case NT_GC_Lu: case NT_GC_Ll: case NT_GC_Lt: case NT_GC_Lm: case NT_GC_Lo:
    case NT_GC_Nl: case NT_GC_No:
        return C_ALPHA;
    case NT_GC_Nd: return C_DIGIT;
    case NT_GC_Mn: case NT_GC_Mc: case NT_GC_Me: return C_MARK;
    case NT_GC_Cc: return C_SPACE;
    case NT_GC_Cf:
        /* tag characters and modifiers used inside emoji sequences */
        return C_MARK;
    case NT_GC_Pc: return C_MARK; /* connectors (‿) join like '_' */
    case NT_GC_Pd: return C_PUNCT;
    case NT_GC_Ps: case NT_GC_Pe: case NT_GC_Po: case NT_GC_Pi: case NT_GC_Pf:
        return C_PUNCT;
    case NT_GC_Sk:
        if (cp >= 0x1F3FB && cp <= 0x1F3FF) return C_MARK; /* skin tones */
        return C_SYMBOL;
    default: return C_SYMBOL;
    }
}

/* ------------------------------------------------------------ scanner */

typedef struct scan {
    const unsigned char *s;
    size_t n;
    nt_lang lang;
    nt_spans *out;
    size_t first; /* out->len when this call began: tokens before it belong
                     to another text (the array is appended to) */
} scan;

/* Decode at pos (< n): code point, class and byte length. */
static inline size_t peek(const scan *sc, size_t pos, uint32_t *cp, int *cls) {
    unsigned char c = sc->s[pos];
    if (c < 0x80) {
        *cp = c;
        *cls = ascii_class[c];
        return 1;
    }
    size_t len = nt_utf8_decode((const char *)sc->s, sc->n, pos, cp);
    *cls = class_of(*cp);
    return len;
}

static inline int class_at(const scan *sc, size_t pos) {
    if (pos >= sc->n) return C_SPACE;
    uint32_t cp;
    int cls;
    peek(sc, pos, &cp, &cls);
    return cls;
}

static inline bool is_alnum_class(int c) { return c == C_ALPHA || c == C_DIGIT; }

static inline unsigned char lower_ascii(unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static inline bool is_ascii_alpha(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline bool is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline bool is_ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline bool is_ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* Case-insensitive ASCII comparison of s[a:b) with a lower-case literal. */
static bool span_ieq(const scan *sc, size_t a, size_t b, const char *lit) {
    size_t k = 0;
    for (size_t i = a; i < b; i++, k++) {
        if (lit[k] == '\0' || lower_ascii(sc->s[i]) != (unsigned char)lit[k]) return false;
    }
    return lit[k] == '\0';
}

static bool starts_with_i(const scan *sc, size_t pos, const char *lit) {
    size_t k = 0;
    for (; lit[k]; k++) {
        if (pos + k >= sc->n || lower_ascii(sc->s[pos + k]) != (unsigned char)lit[k]) return false;
    }
    return true;
}

/* Skip combining marks / joiners after pos (they belong to the token). */
static size_t skip_marks(const scan *sc, size_t pos) {
    while (pos < sc->n) {
        uint32_t cp;
        int cls;
        size_t l = peek(sc, pos, &cp, &cls);
        if (cls != C_MARK) break;
        pos += l;
    }
    return pos;
}

/* Byte roles inside an alphanumeric run (indexed by any byte value):
 * W_ALPHA/W_DIGIT for ASCII letters and digits, W_UNDER for '_' (an ASCII
 * connector that joins like a mark), W_HIGH for bytes >= 0x80 (decode to
 * find out), 0 for every other ASCII byte (ends the run). */
enum { W_ALPHA = 1u, W_DIGIT = 2u, W_UNDER = 4u, W_HIGH = 8u };
#define W_ROW_HIGH W_HIGH, W_HIGH, W_HIGH, W_HIGH, W_HIGH, W_HIGH, W_HIGH, W_HIGH, \
                   W_HIGH, W_HIGH, W_HIGH, W_HIGH, W_HIGH, W_HIGH, W_HIGH, W_HIGH
#define W_ROW_ZERO 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
#define W_A W_ALPHA
#define W_D W_DIGIT
static const unsigned char word_byte[256] = {
    W_ROW_ZERO, W_ROW_ZERO, W_ROW_ZERO,                                   /* 00-2F */
    W_D, W_D, W_D, W_D, W_D, W_D, W_D, W_D, W_D, W_D, 0, 0, 0, 0, 0, 0,   /* 0-9   */
    0, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, /* @ A-O */
    W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, 0, 0, 0, 0, W_UNDER, /* P-Z _ */
    0, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, /* ` a-o */
    W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, W_A, 0, 0, 0, 0, 0,   /* p-z   */
    W_ROW_HIGH, W_ROW_HIGH, W_ROW_HIGH, W_ROW_HIGH,                       /* 80-BF */
    W_ROW_HIGH, W_ROW_HIGH, W_ROW_HIGH, W_ROW_HIGH,                       /* C0-FF */
};
#undef W_A
#undef W_D
#undef W_ROW_HIGH
#undef W_ROW_ZERO

/* Eight bytes at a time where the byte order allows it: for a word w read
 * from memory, the bit 0x80 of each byte of word_bits(w, &alpha, &digit)
 * is set for an ASCII letter, digit or '_' (and *alpha / *digit get the
 * letters / digits alone), computed for all eight bytes at once with carry-
 * free byte arithmetic on the low seven bits.  The first byte in memory
 * order that is not one of them is the lowest clear 0x80 bit on a
 * little-endian machine.  Elsewhere the byte loop below does the work. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define NT_SWAR_WORDS 1
#define REP8(b) (UINT64_C(0x0101010101010101) * (uint64_t)(b))
static inline uint64_t word_bits(uint64_t w, uint64_t *alpha, uint64_t *digit) {
    const uint64_t hi = REP8(0x80);
    uint64_t high = w & hi;            /* non-ASCII bytes              */
    uint64_t v = w & ~hi;              /* the low seven bits: no carry */
    uint64_t low = v | REP8(0x20);     /* ASCII lower case for letters */
    uint64_t l = (low + REP8(0x80 - 'a')) & ~(low + REP8(0x7F - 'z'));
    uint64_t d = (v + REP8(0x80 - '0')) & ~(v + REP8(0x7F - '9'));
    uint64_t u = ~((v ^ REP8('_')) + REP8(0x7F));
    l &= hi & ~high;
    d &= hi & ~high;
    *alpha = l;
    *digit = d;
    return l | d | (u & hi & ~high);
}
#endif

/* A non-ASCII character inside an alphanumeric run at pos: its byte length
 * if it continues the run (ORing W_ALPHA / W_DIGIT into *acc), else 0.
 * Kept out of line so the ASCII loop stays small. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t alnum_high(const scan *sc, size_t pos, unsigned *acc) {
    uint32_t cp;
    int cls;
    size_t l = peek(sc, pos, &cp, &cls);
    if (cls == C_ALPHA) *acc |= W_ALPHA;
    else if (cls == C_DIGIT) *acc |= W_DIGIT;
    else if (cls != C_MARK) return 0;
    return l;
}

/* End of the run of alphanumerics (with marks) starting at pos; ORs
 * W_ALPHA / W_DIGIT into *flags when the run has a letter / a digit.  ASCII
 * goes eight bytes at a time (or through one table lookup per byte); the
 * flags live in a local so the loop keeps them in a register. */
static inline size_t alnum_run_f(const scan *sc, size_t pos, unsigned *flags) {
    const unsigned char *s = sc->s;
    const size_t n = sc->n;
    unsigned acc = 0;
    while (pos < n) {
#ifdef NT_SWAR_WORDS
        if (n - pos >= 8) {
            uint64_t w, alpha, digit;
            memcpy(&w, s + pos, 8);
            uint64_t stop = ~word_bits(w, &alpha, &digit) & REP8(0x80);
            if (stop == 0) {
                acc |= (alpha ? W_ALPHA : 0u) | (digit ? W_DIGIT : 0u);
                pos += 8;
                continue;
            }
            uint64_t before = (stop & (0 - stop)) - 1; /* the bytes before it */
            acc |= ((alpha & before) ? W_ALPHA : 0u) | ((digit & before) ? W_DIGIT : 0u);
            pos += (size_t)__builtin_ctzll(stop) >> 3;
            if (s[pos] < 0x80) break;
        }
#endif
        unsigned f = word_byte[s[pos]];
        if (f & (W_ALPHA | W_DIGIT | W_UNDER)) {
            acc |= f;
            pos++;
            continue;
        }
        if (f == 0) break;
        size_t l = alnum_high(sc, pos, &acc);
        if (l == 0) break;
        pos += l;
    }
    *flags |= acc;
    return pos;
}

/* The same, reporting through two flags that are only ever set. */
static size_t alnum_run(const scan *sc, size_t pos, bool *has_alpha, bool *has_digit) {
    unsigned f = 0;
    size_t e = alnum_run_f(sc, pos, &f);
    if (f & W_ALPHA) *has_alpha = true;
    if (f & W_DIGIT) *has_digit = true;
    return e;
}

/* Append a token.  The common case (room left) is inlined here; growth goes
 * through nt_spans_push. */
static inline nt_status push(scan *sc, size_t a, size_t b, int kind) {
    nt_spans *o = sc->out;
    size_t i = o->len;
    if (i < o->cap) {
        o->start[i] = (int64_t)a;
        o->end[i] = (int64_t)b;
        o->kind[i] = (uint8_t)kind;
        o->len = i + 1;
        return NT_OK;
    }
    return nt_spans_push(o, (int64_t)a, (int64_t)b, (uint8_t)kind);
}

/* --------------------------------------------------- lexical helpers */

static bool is_tld(const unsigned char *w, size_t n) {
    static const char *const tlds[] = {
        "ac", "asia", "au", "be", "biz", "br", "ca", "cn", "co", "com", "de", "edu",
        "es", "eu", "fr", "go", "gov", "id", "in", "info", "int", "io", "it", "jp",
        "kr", "mil", "my", "net", "nl", "org", "ph", "ru", "sch", "sg", "th", "tv",
        "uk", "us", "web", "ws", "vn", "news", "app", "xyz", "me", "ly", "to", "fm",
        "htm", "html", "php", "asp", "aspx", "pdf", "doc", "docx", "xls", "xlsx",
        "ppt", "pptx", "txt", "csv", "jpg", "jpeg", "png", "gif", "zip", "mp3",
        "mp4", "json", "xml", "js", "css", "py",
    };
    if (n == 0 || n > 5) return false;
    char buf[6];
    for (size_t i = 0; i < n; i++) {
        if (!is_ascii_alpha(w[i]) && !is_ascii_digit(w[i])) return false;
        buf[i] = (char)lower_ascii(w[i]);
    }
    buf[n] = '\0';
    for (size_t i = 0; i < sizeof tlds / sizeof *tlds; i++)
        if (strcmp(buf, tlds[i]) == 0) return true;
    return false;
}

/* English prefixes that keep their hyphen (UD EWT: e-mail, non-human). */
static bool en_hyphen_prefix(const scan *sc, size_t a, size_t b) {
    static const char *const pre[] = {"e", "non", "re", "anti", "over", "semi", "vice",
                                      "counter", "mis", "pre", "co", "ex", "x", "t",
                                      "multi", "inter", "sub", "post", "mid", "u"};
    for (size_t i = 0; i < sizeof pre / sizeof *pre; i++)
        if (span_ieq(sc, a, b, pre[i])) return true;
    return false;
}

/* Indonesian clitics written after a hyphen (APBD-nya, KTP-mu). */
static bool id_hyphen_clitic(const scan *sc, size_t a, size_t b) {
    return span_ieq(sc, a, b, "nya") || span_ieq(sc, a, b, "ku") || span_ieq(sc, a, b, "mu");
}

static bool all_upper_ascii(const scan *sc, size_t a, size_t b) {
    if (a >= b) return false;
    for (size_t i = a; i < b; i++)
        if (!is_ascii_upper(sc->s[i]) && !is_ascii_digit(sc->s[i])) return false;
    return true;
}


static bool is_abbrev(const scan *sc, size_t a, size_t b) {
    return nt_abbrev_has(sc->lang, (const char *)sc->s + a, b - a);
}

/* A dotted run at pos: ASCII letters/digits separated by single dots, with
 * at least one dot (U.S, a.n, S.Kom, Ph.D).  If every segment is one letter
 * (an initialism) or the run is a listed abbreviation, return its end,
 * including a final dot; otherwise 0. */
static size_t scan_dotted(const scan *sc, size_t pos) {
    size_t p = pos, dots = 0;
    bool single = true;
    size_t seg = pos;
    while (p < sc->n && (is_ascii_alpha(sc->s[p]) || is_ascii_digit(sc->s[p]))) {
        if (p - pos > NT_DOTTED_MAX) return 0; /* bounded look-ahead: linear time */
        p++;
        if (p < sc->n && sc->s[p] == '.' && p + 1 < sc->n &&
            (is_ascii_alpha(sc->s[p + 1]) || is_ascii_digit(sc->s[p + 1]))) {
            if (p - seg != 1 || !is_ascii_alpha(sc->s[seg])) single = false;
            dots++;
            p++;
            seg = p;
        }
    }
    if (dots == 0 || p - pos > NT_DOTTED_MAX) return 0;
    if (p - seg != 1 || !is_ascii_alpha(sc->s[seg])) single = false;
    if (p < sc->n && is_alnum_class(class_at(sc, p))) return 0; /* U.S.A-like runs into a word */
    if (!single && !is_abbrev(sc, pos, p)) return 0;
    if (p < sc->n && sc->s[p] == '.' &&
        !(p + 2 < sc->n && sc->s[p + 1] == '.' && sc->s[p + 2] == '.'))
        p++;
    return p;
}

static bool all_lower_dotted(const scan *sc, size_t a, size_t b) {
    for (size_t i = a; i < b; i++) {
        unsigned char c = sc->s[i];
        if (!is_ascii_lower(c) && !is_ascii_digit(c) && c != '.' && c != '-' && c != '_')
            return false;
    }
    return true;
}

/* Is the previous token (if any) one of the words that introduce a clock
 * time written with a dot (pukul 16.00, jam 9.30)? */
static bool prev_is_time_word(const scan *sc) {
    const nt_spans *o = sc->out;
    if (o->len <= sc->first) return false; /* no earlier token of this text */
    size_t a = (size_t)o->start[o->len - 1], b = (size_t)o->end[o->len - 1];
    return span_ieq(sc, a, b, "pukul") || span_ieq(sc, a, b, "pkl") ||
           span_ieq(sc, a, b, "pkl.") || span_ieq(sc, a, b, "jam") ||
           span_ieq(sc, a, b, "sekitar") /* "sekitar pukul" is caught by pukul */ ;
}

/* ---------------------------------------------------------- scanners */

/* URL starting at pos (scheme:// or www.), or 0. Returns its end. */
static size_t scan_url(const scan *sc, size_t pos) {
    size_t body;
    if (starts_with_i(sc, pos, "https://")) body = pos + 8;
    else if (starts_with_i(sc, pos, "http://")) body = pos + 7;
    else if (starts_with_i(sc, pos, "ftp://")) body = pos + 6;
    else if (starts_with_i(sc, pos, "www.")) body = pos + 4;
    else return 0;
    if (body >= sc->n || class_at(sc, body) == C_SPACE) return 0;
    size_t end = pos;
    size_t paren = 0;
    size_t p = pos;
    /* scan to the next space or quote glyph (a URL inside quotes keeps them out) */
    while (p < sc->n) {
        uint32_t cp;
        int cls;
        size_t l = peek(sc, p, &cp, &cls);
        if (cls == C_SPACE || cls == C_QUOTE || (cls == C_APOS && cp != '\'')) break;
        if (cp == '(') paren++;
        if (cp == ')') {
            if (paren == 0) break;
            paren--;
        }
        p += l;
        end = p;
    }
    /* trailing punctuation belongs to the sentence, not the URL */
    while (end > body) {
        unsigned char c = sc->s[end - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'')
            end--;
        else
            break;
    }
    return end > body ? end : 0;
}

static bool email_local_char(unsigned char c) {
    return is_ascii_alpha(c) || is_ascii_digit(c) || c == '.' || c == '_' || c == '%' ||
           c == '+' || c == '-';
}

/* E-mail address starting at pos, or 0. */
static size_t scan_email(const scan *sc, size_t pos) {
    size_t p = pos;
    while (p < sc->n && email_local_char(sc->s[p])) {
        if (p - pos >= NT_EMAIL_LOCAL_MAX) return 0; /* RFC 5321; keeps the scan linear */
        p++;
    }
    if (p == pos || p >= sc->n || sc->s[p] != '@') return 0;
    size_t d = p + 1, q = d, last_dot = 0;
    while (q < sc->n && (is_ascii_alpha(sc->s[q]) || is_ascii_digit(sc->s[q]) ||
                         sc->s[q] == '-' || sc->s[q] == '.')) {
        if (q - d >= NT_DOMAIN_MAX) return 0;
        q++;
    }
    while (q > d && sc->s[q - 1] == '.') q--; /* sentence period */
    for (size_t i = d; i < q; i++)
        if (sc->s[i] == '.') last_dot = i;
    if (last_dot == 0 || last_dot <= d || last_dot + 2 > q) return 0;
    for (size_t i = last_dot + 1; i < q; i++)
        if (!is_ascii_alpha(sc->s[i])) return 0;
    return q;
}

/* Read up to `max` ASCII digits at p; returns count. */
static size_t digits_at(const scan *sc, size_t p, size_t max) {
    size_t k = 0;
    while (p + k < sc->n && k <= max && is_ascii_digit(sc->s[p + k])) k++;
    return k;
}

static size_t num_value(const scan *sc, size_t p, size_t k) {
    size_t v = 0;
    for (size_t i = 0; i < k; i++) v = v * 10 + (size_t)(sc->s[p + i] - '0');
    return v;
}

/* Does an alphanumeric character follow at p (which would make a date or
 * number shape part of a longer word)? */
static bool alnum_follows(const scan *sc, size_t p) { return is_alnum_class(class_at(sc, p)); }

/* Date (13/9/2023, 14/09, 2023-09-13) or time (14:54, 14.54.30) at pos. */
static size_t scan_date_time(const scan *sc, size_t pos, int *kind) {
    size_t d1 = digits_at(sc, pos, 4);
    if (d1 == 0) return 0;
    size_t p = pos + d1;
    if (p + 1 < sc->n && sc->s[p] == '/' && d1 <= 2) {
        size_t d2 = digits_at(sc, p + 1, 2);
        if (d2 >= 1 && d2 <= 2) {
            size_t q = p + 1 + d2;
            size_t day = num_value(sc, pos, d1), mon = num_value(sc, p + 1, d2);
            if (q + 1 < sc->n && sc->s[q] == '/') {
                size_t d3 = digits_at(sc, q + 1, 4);
                if ((d3 == 2 || d3 == 4) && !alnum_follows(sc, q + 1 + d3) &&
                    !(q + 1 + d3 < sc->n && sc->s[q + 1 + d3] == '/')) {
                    if (day >= 1 && day <= 31 && mon >= 1 && mon <= 31) {
                        *kind = NT_TOK_DATE;
                        return q + 1 + d3;
                    }
                }
                return 0;
            }
            if (!alnum_follows(sc, q) && day >= 1 && day <= 31 && mon >= 1 && mon <= 12) {
                *kind = NT_TOK_DATE;
                return q;
            }
        }
        return 0;
    }
    if (d1 == 4 && p + 5 < sc->n && sc->s[p] == '-') {
        size_t d2 = digits_at(sc, p + 1, 2);
        size_t q = p + 1 + d2;
        if (d2 == 2 && q + 2 < sc->n && sc->s[q] == '-') {
            size_t d3 = digits_at(sc, q + 1, 2);
            if (d3 == 2 && !alnum_follows(sc, q + 3)) {
                *kind = NT_TOK_DATE;
                return q + 3;
            }
        }
        return 0;
    }
    if (d1 <= 2 && p + 2 < sc->n && sc->s[p] == ':') {
        size_t d2 = digits_at(sc, p + 1, 2);
        if (d2 == 2 && num_value(sc, pos, d1) <= 24 && num_value(sc, p + 1, 2) < 60) {
            size_t q = p + 3;
            if (q + 2 < sc->n && sc->s[q] == ':' && digits_at(sc, q + 1, 2) == 2 &&
                !alnum_follows(sc, q + 3))
                q += 3;
            if (!alnum_follows(sc, q) && !(q < sc->n && (sc->s[q] == ':' || sc->s[q] == '-'))) {
                *kind = NT_TOK_TIME;
                return q;
            }
        }
        return 0;
    }
    if (d1 <= 2 && p + 2 < sc->n && sc->s[p] == '.' && prev_is_time_word(sc)) {
        size_t d2 = digits_at(sc, p + 1, 2);
        if (d2 == 2 && num_value(sc, pos, d1) <= 24 && num_value(sc, p + 1, 2) < 60 &&
            !alnum_follows(sc, p + 3) &&
            !(p + 4 < sc->n && (sc->s[p + 3] == '.' || sc->s[p + 3] == ',') &&
              is_ascii_digit(sc->s[p + 4]))) {
            *kind = NT_TOK_TIME;
            return p + 3;
        }
    }
    return 0;
}

/* Split an English word at its contraction, if it has one: returns the
 * offset where the clitic starts (n't, 's, 're, 've, 'll, 'd, 'm), else b. */
static size_t en_clitic_start(const scan *sc, size_t a, size_t b) {
    /* find the last apostrophe (ASCII ' or U+2019 / U+02BC) in the word */
    size_t apos = b, apos_len = 0;
    for (size_t i = a; i < b;) {
        uint32_t cp;
        int cls;
        size_t l = peek(sc, i, &cp, &cls);
        if (cls == C_APOS) {
            apos = i;
            apos_len = l;
        }
        i += l;
    }
    if (apos == b || apos == a) return b;
    size_t suf = apos + apos_len;
    size_t sl = b - suf;
    if (sl == 1 && (lower_ascii(sc->s[suf]) == 's' || lower_ascii(sc->s[suf]) == 'd' ||
                    lower_ascii(sc->s[suf]) == 'm'))
        return apos;
    if (sl == 2 && (span_ieq(sc, suf, b, "re") || span_ieq(sc, suf, b, "ve") ||
                    span_ieq(sc, suf, b, "ll")))
        return apos;
    if (sl == 1 && lower_ascii(sc->s[suf]) == 't' && apos - a >= 2 &&
        lower_ascii(sc->s[apos - 1]) == 'n')
        return apos - 1; /* do|n't, ca|n't, wo|n't */
    return b;
}

/* The shapes that take precedence over plain words, in order: URL, e-mail
 * address, date or time, the currency "Rp" before a digit, dotted runs.
 * Returns the end of the shape at pos (and its kind), or 0. */
static size_t scan_shape(const scan *sc, size_t pos, int *kind) {
    const size_t n = sc->n;

    /* URLs and e-mail addresses first: they contain everything else. */
    size_t e = scan_url(sc, pos);
    if (e) {
        *kind = NT_TOK_URL;
        return e;
    }
    e = scan_email(sc, pos);
    if (e) {
        *kind = NT_TOK_EMAIL;
        return e;
    }
    if (is_ascii_digit(sc->s[pos])) {
        e = scan_date_time(sc, pos, kind);
        if (e) return e;
    }

    /* Rp9, Rp5.000: the currency stays its own token. */
    if (pos + 2 < n && sc->s[pos] == 'R' && sc->s[pos + 1] == 'p' && is_ascii_digit(sc->s[pos + 2])) {
        *kind = NT_TOK_WORD;
        return pos + 2;
    }

    /* Dotted runs: initialisms (U.S., a.n., s.d.) and listed abbreviations
     * with inner dots (S.Kom, Ph.D., M.Si). */
    if (is_ascii_alpha(sc->s[pos])) {
        e = scan_dotted(sc, pos);
        if (e) {
            *kind = NT_TOK_WORD;
            return e;
        }
    }
    return 0;
}

/* What the character that ends a word's first alphanumeric run allows.
 *   R_SHAPE  one of the shapes of scan_shape may still match: each of them
 *            continues its leading [A-Za-z0-9_] run with one of : . @ % + - /
 *            (http:, www., a@b, a.b@c, a-b@c, 13/9, 2023-09, 14:54, 16.00,
 *            U.S.), or ends inside it (Rp5, tested on its own);
 *   R_JOIN   the run may continue into a longer word: . , - ' & / and the
 *            Unicode hyphens and apostrophes (10.000, negara-negara, don't).
 * A run that stops anywhere else (white space, quotes, brackets, most
 * punctuation) is a plain word, so most words are scanned exactly once. */
enum { R_SHAPE = 1u, R_JOIN = 2u };
static const unsigned char stop_role[128] = {
    ['%'] = R_SHAPE, ['+'] = R_SHAPE, ['@'] = R_SHAPE, [':'] = R_SHAPE,
    ['.'] = R_SHAPE | R_JOIN, ['-'] = R_SHAPE | R_JOIN, ['/'] = R_SHAPE | R_JOIN,
    [','] = R_JOIN, ['\''] = R_JOIN, ['&'] = R_JOIN,
};

static inline unsigned stop_role_at(const scan *sc, size_t end) {
    const unsigned char *s = sc->s;
    const size_t n = sc->n;
    if (end >= n) return 0;
    unsigned char c = s[end];
    if (c < 0x80) {
        /* ". ", ": ", ", " (or at the end of the text): every shape and
         * every join needs something other than white space after it. */
        if ((c == '.' || c == ':' || c == ',') &&
            (end + 1 >= n || (s[end + 1] < 0x80 && ascii_class[s[end + 1]] == C_SPACE)))
            return 0;
        return stop_role[c];
    }
    /* U+2010 U+2011 (hyphens), U+2019 (apostrophe): E2 80 90/91/99;
     * U+02BC (modifier apostrophe): CA BC.  Nothing else joins. */
    if (c == 0xE2)
        return (end + 2 < n && s[end + 1] == 0x80 &&
                (s[end + 2] == 0x90 || s[end + 2] == 0x91 || s[end + 2] == 0x99))
                   ? R_JOIN
                   : 0;
    if (c == 0xCA) return (end + 1 < n && s[end + 1] == 0xBC) ? R_JOIN : 0;
    return 0;
}

/* The rest of scan_word, for a word whose first alphanumeric run [pos, end)
 * (with the W_* flags) is followed by something that may extend it or make
 * it one of the other shapes, or that English treats specially. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t scan_word_rest(scan *sc, size_t pos, size_t end, unsigned flags, unsigned role,
                             nt_status *st) {
    const size_t n = sc->n;
    if (role & R_SHAPE) {
        int kind;
        size_t e = scan_shape(sc, pos, &kind);
        if (e) {
            *st = push(sc, pos, e, kind);
            return e;
        }
    } else if (sc->s[pos] == 'R' && pos + 2 < n && sc->s[pos + 1] == 'p' &&
               is_ascii_digit(sc->s[pos + 2])) {
        /* Rp9: the only shape that ends inside the run */
        *st = push(sc, pos, pos + 2, NT_TOK_WORD);
        return pos + 2;
    }

    bool has_alpha = (flags & W_ALPHA) != 0;
    size_t seg_start = pos;
    bool numeric = !has_alpha; /* so far only digits */
    bool dotted_domain = false;
    bool has_apos = false; /* an apostrophe joined: English may split a clitic */

    while (role & R_JOIN) {
        if (end >= n) break;
        uint32_t cp;
        int cls;
        size_t l = peek(sc, end, &cp, &cls);
        size_t nx = end + l;
        if (nx >= n) break;
        int ncls = class_at(sc, nx);

        if (numeric && (cp == '.' || cp == ',') && is_ascii_digit(sc->s[nx])) {
            /* 10.000  42,7  2.375.000  180.254.8.5 */
            bool a2 = false, d2 = false;
            size_t e2 = alnum_run(sc, nx, &a2, &d2);
            if (a2) break; /* 3.5km: stop before the dot */
            end = e2;
            continue;
        }
        if (cls == C_HYPHEN && is_alnum_class(ncls)) {
            bool a2 = false, d2 = false;
            size_t e2 = alnum_run(sc, nx, &a2, &d2);
            bool join;
            if (sc->lang == NT_LANG_EN) {
                join = en_hyphen_prefix(sc, seg_start, end) ||
                       (numeric && !a2); /* phone numbers 303-832-8160 */
            } else if (numeric && !a2) {
                join = false; /* ranges: 33-36, 2023-2024 */
            } else if (numeric && span_ieq(sc, nx, e2, "an")) {
                join = true; /* 1950-an */
            } else if (id_hyphen_clitic(sc, nx, e2) && all_upper_ascii(sc, seg_start, end)) {
                join = false; /* APBD-nya */
            } else {
                join = true; /* negara-negara, Rusia-Ukraina, ke-18, COVID-19 */
            }
            if (!join) break;
            end = e2;
            seg_start = nx;
            has_alpha |= a2;
            numeric = numeric && !a2;
            continue;
        }
        if (cls == C_APOS && ncls == C_ALPHA) {
            /* O'Brien, Jum'at, don't: one word (English clitics split below) */
            bool a2 = false, d2 = false;
            end = alnum_run(sc, nx, &a2, &d2);
            has_alpha = true;
            has_apos = true;
            numeric = false;
            continue;
        }
        if (cp == '.' && !numeric && (ncls == C_ALPHA || ncls == C_DIGIT)) {
            /* domains and file names: Kompas.com, p.dw.com/p/x, TEXT.htm */
            size_t q = nx, last_label = nx;
            while (q < n && q - nx <= NT_DOMAIN_MAX &&
                   (is_ascii_alpha(sc->s[q]) || is_ascii_digit(sc->s[q]) ||
                    sc->s[q] == '-' || sc->s[q] == '_' ||
                    (sc->s[q] == '.' && q + 1 < n &&
                     (is_ascii_alpha(sc->s[q + 1]) || is_ascii_digit(sc->s[q + 1]))))) {
                if (sc->s[q] == '.') last_label = q + 1;
                q++;
            }
            if (q - nx > NT_DOMAIN_MAX) break; /* longer than any host name: not one */
            bool lower_tail = is_ascii_lower(sc->s[nx]) || dotted_domain;
            if ((q == n || class_at(sc, q) != C_ALPHA) && lower_tail &&
                is_tld(sc->s + last_label, q - last_label)) {
                end = q;
                dotted_domain = true;
                /* a path makes it a URL */
                if (end + 1 < n && sc->s[end] == '/' && class_at(sc, end + 1) != C_SPACE) {
                    size_t u = end;
                    while (u < n && class_at(sc, u) != C_SPACE && class_at(sc, u) != C_QUOTE) {
                        uint32_t c2;
                        int k2;
                        u += peek(sc, u, &c2, &k2);
                    }
                    while (u > end && (sc->s[u - 1] == '.' || sc->s[u - 1] == ',' ||
                                       sc->s[u - 1] == ')' || sc->s[u - 1] == ';' ||
                                       sc->s[u - 1] == ':'))
                        u--;
                    *st = push(sc, pos, u, NT_TOK_URL);
                    return u;
                }
                continue;
            }
            /* alt.animals.cat: lower-case dotted names, English only */
            if (sc->lang == NT_LANG_EN && is_ascii_lower(sc->s[pos]) &&
                is_ascii_lower(sc->s[nx]) && q > nx && sc->s[q - 1] != '.' &&
                all_lower_dotted(sc, pos, q)) {
                end = q;
                continue;
            }
            break;
        }
        if (cp == '&' && is_ascii_upper(sc->s[end - 1]) && is_ascii_upper(sc->s[nx]) &&
            all_upper_ascii(sc, seg_start, end)) {
            /* AT&T, S&P */
            bool a2 = false, d2 = false;
            size_t e2 = alnum_run(sc, nx, &a2, &d2);
            if (all_upper_ascii(sc, nx, e2)) {
                end = e2;
                continue;
            }
            break;
        }
        if (cp == '/' && end - seg_start <= 2 && !numeric && is_ascii_lower(sc->s[nx])) {
            /* b/c, s/d, w/o */
            bool a2 = false, d2 = false;
            size_t e2 = alnum_run(sc, nx, &a2, &d2);
            if (e2 - nx <= 2 && !d2 && seg_start == pos) {
                end = e2;
                continue;
            }
            break;
        }
        break;
    }

    int k = numeric ? NT_TOK_NUMBER : NT_TOK_WORD;

    /* A dot after an abbreviation or an initial stays with it in English
     * (UD EWT: "Dr.", "Inc.").  Indonesian follows UD Indonesian-GSD, where
     * that period is a token of its own ("Dr" "."); the sentence splitter
     * still knows it closes an abbreviation. */
    if (sc->lang == NT_LANG_EN && !numeric && end < n && sc->s[end] == '.' && !dotted_domain &&
        !(end + 2 < n && sc->s[end + 1] == '.' && sc->s[end + 2] == '.')) {
        bool take = false;
        uint32_t c0;
        int k0;
        size_t l0 = peek(sc, pos, &c0, &k0);
        if (pos + l0 == end)
            take = nt_uc_category(c0) == NT_GC_Lu; /* initials: Rizky L. Pratama */
        else if (is_abbrev(sc, pos, end))
            take = true;
        else if (end - pos == 2 && sc->s[pos] == 'R' && sc->s[pos + 1] == 'p')
            take = true; /* Rp. 5.000 */
        if (take) end++;
    }

    if (sc->lang == NT_LANG_EN && !numeric && has_apos) {
        size_t c = en_clitic_start(sc, pos, end);
        if (c < end && c > pos) {
            *st = push(sc, pos, c, k);
            if (*st == NT_OK) *st = push(sc, c, end, NT_TOK_WORD);
            return end;
        }
    }
    *st = push(sc, pos, end, k);
    return end;
}

/* Word-like token starting at pos with an alphanumeric.  Pushes one or more
 * tokens and returns the position after them.  The alphanumeric run comes
 * first: the character that ends it decides which of the rarer shapes and
 * joins are worth trying.  Most words end at white space or punctuation
 * that can do neither and are pushed here at once. */
static inline size_t scan_word(scan *sc, size_t pos, nt_status *st) {
    const unsigned char *s = sc->s;
    unsigned flags = 0;
    size_t end = alnum_run_f(sc, pos, &flags);
    unsigned role = stop_role_at(sc, end);
    if (role == 0 && s[pos] != 'R' &&
        !(sc->lang == NT_LANG_EN && end < sc->n && s[end] == '.')) {
        *st = push(sc, pos, end, (flags & W_ALPHA) ? NT_TOK_WORD : NT_TOK_NUMBER);
        return end;
    }
    return scan_word_rest(sc, pos, end, flags, role, st);
}

/* Hashtag (#JernihBerkomentar) or mention (@kompascom) at pos, or 0. */
static size_t scan_tag(const scan *sc, size_t pos) {
    size_t p = pos + 1;
    if (p >= sc->n) return 0;
    bool a = false, d = false;
    size_t e = alnum_run(sc, p, &a, &d);
    if (e == p || (!a && sc->s[pos] == '#')) return 0; /* "#1" is not a hashtag */
    if (sc->s[pos] == '@') {
        /* handles may contain dots in the middle (@kompas.com) */
        while (e + 1 < sc->n && sc->s[e] == '.' && (is_ascii_alpha(sc->s[e + 1]) || is_ascii_digit(sc->s[e + 1])))
            e = alnum_run(sc, e + 1, &a, &d);
    }
    return e;
}

/* Emoji and other symbols: one character plus its modifiers, joined through
 * ZWJ to the next pictograph; regional-indicator pairs form a flag. */
static size_t scan_symbol(const scan *sc, size_t pos, uint32_t cp, size_t len) {
    size_t p = pos + len;
    if (cp >= 0x1F1E6 && cp <= 0x1F1FF && p < sc->n) {
        uint32_t c2;
        int k2;
        size_t l2 = peek(sc, p, &c2, &k2);
        if (c2 >= 0x1F1E6 && c2 <= 0x1F1FF) return p + l2;
    }
    for (;;) {
        size_t q = skip_marks(sc, p);
        /* was the last mark a ZWJ followed by another symbol? */
        if (q > p && q < sc->n && q >= 3 && sc->s[q - 3] == 0xE2 && sc->s[q - 2] == 0x80 &&
            sc->s[q - 1] == 0x8D) {
            uint32_t c2;
            int k2;
            size_t l2 = peek(sc, q, &c2, &k2);
            if (k2 == C_SYMBOL) {
                p = q + l2;
                continue;
            }
        }
        return q;
    }
}

/* ------------------------------------------------- block fast path */

/* 64 bytes at a time where SSE2 is available (every x86-64): classify the
 * block into bit masks and emit at once the tokens the masks fully decide,
 * which are most of the tokens of ordinary prose:
 *   a run of ASCII letters, or of ASCII digits, that ends at white space,
 *   at a curly double quote, at one of ( ) [ ] ; " or at , : - (Indonesian
 *   also .) followed by white space or a curly double quote: a plain word
 *   or number (scan_word pushes exactly that: none of these stops can join,
 *   the shapes a : - or . may start all need an alphanumeric after it, and
 *   no such run starts with "Rp" and a digit);
 *   one of ( ) [ ] ; " (punct, quote) and , : - . followed by white space
 *   or by a curly double quote (punct): one byte each, never extended;
 *   a curly double quote “ or ” (quote; neither can join a word);
 *   white space: skipped.
 * Any other byte (non-ASCII, digits touching letters, ' / @ # _ ! ? and
 * the rest, or , : - . before anything but white space, and every . in
 * English, where a dot after a word may be an abbreviation's) is "special".
 * Only the tokens that end before the last white space byte ahead of the
 * first special byte are emitted: each of them and every byte it depends on
 * lies inside that prefix, so the scanner proper would produce the same.
 * The position after that white space byte is where the scanner resumes.
 * No token depends on what comes before it except through the tokens
 * already pushed (pukul 16.00), and those are pushed in order. */
#if defined(__SSE2__) && defined(__GNUC__) /* and __builtin_ctzll / clzll */
#include <emmintrin.h>
#define NT_FAST_BLOCK 64

/* The first byte of a fast token gives its kind. */
static const unsigned char fast_kind[256] = {
    ['0'] = NT_TOK_NUMBER, ['1'] = NT_TOK_NUMBER, ['2'] = NT_TOK_NUMBER, ['3'] = NT_TOK_NUMBER,
    ['4'] = NT_TOK_NUMBER, ['5'] = NT_TOK_NUMBER, ['6'] = NT_TOK_NUMBER, ['7'] = NT_TOK_NUMBER,
    ['8'] = NT_TOK_NUMBER, ['9'] = NT_TOK_NUMBER,
    ['('] = NT_TOK_PUNCT, [')'] = NT_TOK_PUNCT, ['['] = NT_TOK_PUNCT, [']'] = NT_TOK_PUNCT,
    [';'] = NT_TOK_PUNCT, [','] = NT_TOK_PUNCT, [':'] = NT_TOK_PUNCT, ['.'] = NT_TOK_PUNCT,
    ['-'] = NT_TOK_PUNCT,
    ['"'] = NT_TOK_QUOTE, [0xE2] = NT_TOK_QUOTE, /* “ ” */
    /* letters: NT_TOK_WORD (0) */
};

typedef struct fast_masks {
    uint64_t alpha, digit, space, single, needs_space;
    uint64_t curly; /* the first byte of each “ or ” (E2 80 9C/9D) */
} fast_masks;

static inline uint64_t mm_bits(__m128i m) { return (uint64_t)(unsigned)_mm_movemask_epi8(m); }

/* Unsigned x <= lim for each byte, as a byte mask. */
static inline __m128i mm_le_u8(__m128i x, __m128i lim) {
    return _mm_cmpeq_epi8(_mm_min_epu8(x, lim), x);
}

static inline void fast_classify(const unsigned char *p, bool dot_ok, fast_masks *m) {
    const __m128i lo_a = _mm_set1_epi8('a'), n25 = _mm_set1_epi8(25);
    const __m128i lo_0 = _mm_set1_epi8('0'), n9 = _mm_set1_epi8(9);
    const __m128i sp = _mm_set1_epi8(0x20), case_bit = _mm_set1_epi8(0x20);
    uint64_t al = 0, dg = 0, ws = 0, sg = 0, ns = 0, e2 = 0, b80 = 0, b9c = 0;
    for (int k = 0; k < 4; k++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        __m128i l = mm_le_u8(_mm_sub_epi8(_mm_or_si128(x, case_bit), lo_a), n25);
        __m128i d = mm_le_u8(_mm_sub_epi8(x, lo_0), n9);
        __m128i w = mm_le_u8(x, sp);
        __m128i s1 = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('(')), _mm_cmpeq_epi8(x, _mm_set1_epi8(')'))),
            _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(';')), _mm_cmpeq_epi8(x, _mm_set1_epi8('"'))));
        s1 = _mm_or_si128(s1, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('[')),
                                           _mm_cmpeq_epi8(x, _mm_set1_epi8(']'))));
        __m128i n1 = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(',')), _mm_cmpeq_epi8(x, _mm_set1_epi8(':')));
        n1 = _mm_or_si128(n1, _mm_cmpeq_epi8(x, _mm_set1_epi8('-')));
        if (dot_ok) n1 = _mm_or_si128(n1, _mm_cmpeq_epi8(x, _mm_set1_epi8('.')));
        al |= mm_bits(l) << (16 * k);
        dg |= mm_bits(d) << (16 * k);
        ws |= mm_bits(w) << (16 * k);
        sg |= mm_bits(s1) << (16 * k);
        ns |= mm_bits(n1) << (16 * k);
        e2 |= mm_bits(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xE2))) << (16 * k);
        b80 |= mm_bits(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0x80))) << (16 * k);
        b9c |= mm_bits(_mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(1)), _mm_set1_epi8((char)0x9D)))
               << (16 * k);
    }
    m->curly = e2 & (b80 >> 1) & (b9c >> 2);
    m->alpha = al;
    m->digit = dg;
    m->space = ws;
    m->single = sg;
    m->needs_space = ns;
}

/* Try the fast path on s[i, i + 64) (which must lie inside the text and
 * start where the scanner would start a token or skip white space).  Pushes
 * the tokens it decides, returns the position to continue from (i when it
 * decided nothing) and sets *retry to the first position where trying again
 * may pay off. */
static inline size_t fast_block(scan *sc, size_t i, size_t *retry) {
    nt_spans *o = sc->out;
    if (o->cap - o->len < NT_FAST_BLOCK && nt_spans_reserve(o, NT_FAST_BLOCK) != NT_OK) {
        *retry = i + NT_FAST_BLOCK; /* let the scanner push (and report) */
        return i;
    }
    fast_masks m;
    fast_classify(sc->s + i, sc->lang != NT_LANG_EN, &m);
    const uint64_t alnum = m.alpha | m.digit;
    const uint64_t curly = m.curly | (m.curly << 1) | (m.curly << 2);
    uint64_t bad = ~(alnum | m.space | m.single | m.needs_space | curly);
    bad |= m.needs_space & ~((m.space | m.curly) >> 1); /* ", " ",” " only */
    bad |= m.digit & ((m.alpha << 1) | (m.alpha >> 1)); /* 3km, COVID19, Rp5 */
    unsigned f = bad ? (unsigned)__builtin_ctzll(bad) : 64u;
    uint64_t ws = m.space & (f == 64 ? ~(uint64_t)0 : (((uint64_t)1 << f) - 1));
    if (ws == 0) {
        *retry = i + f + 1;
        return i;
    }
    unsigned r = 63u - (unsigned)__builtin_clzll(ws); /* last white space before it */
    uint64_t region = r ? (((uint64_t)1 << r) - 1) : 0;
    uint64_t punct = m.single | m.needs_space;
    uint64_t starts = ((alnum & ~(alnum << 1)) | punct | m.curly) & region;
    uint64_t ends = ((alnum & ~(alnum >> 1)) | punct | (m.curly << 2)) & region;
    const unsigned char *s = sc->s;
    size_t len = o->len;
    int64_t *os = o->start, *oe = o->end;
    uint8_t *ok = o->kind;
    while (starts) {
        size_t a = i + (size_t)__builtin_ctzll(starts);
        size_t b = i + (size_t)__builtin_ctzll(ends) + 1;
        os[len] = (int64_t)a;
        oe[len] = (int64_t)b;
        ok[len] = fast_kind[s[a]];
        len++;
        starts &= starts - 1;
        ends &= ends - 1;
    }
    o->len = len;
    *retry = f == 64 ? 0 : i + f + 1;
    return i + r + 1;
}
#endif

static nt_status tokenize_range(scan *sc, size_t from, size_t to, size_t *resume) {
    const unsigned char *s = sc->s;
    const size_t n = sc->n;
    size_t i = from;
    nt_status st = NT_OK;
#if defined(NT_FAST_BLOCK)
    size_t retry = 0;
    unsigned misses = 0; /* fast attempts in a row that decided nothing */
#endif
    while (i < to) {
#if defined(NT_FAST_BLOCK)
        if (i >= retry && to - i >= NT_FAST_BLOCK) {
            /* Either i moves on or retry moves past i.  Text that keeps
             * the fast path from deciding anything (a.b-a.b-…) is retried
             * less and less often, so the attempts cost little there. */
            size_t j = fast_block(sc, i, &retry);
            if (j == i) {
                if (++misses > 2) retry += (size_t)1 << (misses < 12 ? misses : 12);
            } else {
                misses = 0;
            }
            i = j;
            continue;
        }
#endif
        unsigned char c = s[i];
        uint32_t cp;
        int cls;
        size_t len;
        if (c < 0x80) {
            cls = ascii_class[c];
            if (cls == C_SPACE) {
                i++;
                continue;
            }
            cp = c;
            len = 1;
        } else {
            len = peek(sc, i, &cp, &cls);
            if (cls == C_SPACE) {
                i += len;
                continue;
            }
        }
        size_t start = i, end;
        int kind;
        switch (cls) {
        case C_ALPHA:
        case C_DIGIT:
            i = scan_word(sc, i, &st);
            if (st != NT_OK) return st;
            continue;
        case C_QUOTE:
            end = i + len;
            if (cp == '`') /* `` as one PTB-style quote */
                while (end < n && s[end] == '`') end++;
            kind = NT_TOK_QUOTE;
            break;
        case C_APOS:
            end = i + len;
            if (cp == '\'' && end < n && s[end] == '\'') end++; /* '' */
            kind = NT_TOK_QUOTE;
            break;
        case C_HYPHEN:
            end = i + len;
            while (end < n && s[end] == '-') end++; /* -- */
            kind = NT_TOK_PUNCT;
            break;
        case C_PUNCT:
            end = i + len;
            kind = NT_TOK_PUNCT;
            if (cp == '.' || cp == '!' || cp == '?') {
                /* ... !!! ?! as one token */
                while (end < n && (s[end] == '.' || s[end] == '!' || s[end] == '?')) end++;
            } else if (cp == '#' || cp == '@') {
                size_t e = scan_tag(sc, i);
                if (e) {
                    end = e;
                    kind = cp == '#' ? NT_TOK_HASHTAG : NT_TOK_MENTION;
                }
            }
            break;
        case C_SYMBOL:
            end = scan_symbol(sc, i, cp, len);
            kind = NT_TOK_SYMBOL;
            break;
        case C_MARK:
        default:
            /* a mark or joiner with nothing to attach to */
            end = skip_marks(sc, i + len);
            kind = NT_TOK_SYMBOL;
            break;
        }
        end = skip_marks(sc, end);
        st = push(sc, start, end, kind);
        if (st != NT_OK) return st;
        i = end;
    }
    *resume = i;
    return NT_OK;
}

nt_status nt_tokenizer_run(const nt_tokenizer *tok, const char *text, size_t len,
                           nt_spans *out, const nt_interrupt *intr) {
    if (tok == NULL || out == NULL || (text == NULL && len > 0)) return NT_EINVAL;
    if (len > (size_t)INT64_MAX / 2) return NT_ETOOBIG;
    scan sc = {(const unsigned char *)text, len, tok->lang, out, out->len};
    /* News text has a token every 5 to 7 bytes: room for len / 8 tokens up
     * front saves most of the regrowth copies.  Only a hint: if it cannot be
     * had, the array grows as usual and reports its own failure. */
    if (len / 8 > out->cap - out->len) (void)nt_spans_reserve(out, len / 8);
    /* Work in slices so the interrupt hook runs regularly; a slice ends at a
     * whitespace byte so no token is cut (a token may run past the slice end,
     * and the next slice starts where it stopped). */
    size_t i = 0;
    while (i < len) {
        size_t to = len;
        if (intr && intr->check && len - i > NT_INTERRUPT_BYTES) {
            to = i + NT_INTERRUPT_BYTES;
            while (to < len && !(sc.s[to] == ' ' || sc.s[to] == '\n')) {
                to++;
                if (to - i > 2 * NT_INTERRUPT_BYTES) break;
            }
        }
        size_t resume = to;
        nt_status st = tokenize_range(&sc, i, to, &resume);
        if (st != NT_OK) return st;
        i = resume > i ? resume : to;
        if (i < len && intr && intr->check && intr->check(intr->ctx)) return NT_EINTR;
    }
    return NT_OK;
}
