/* stem.c — rule-based stemmers: Indonesian confix stripping and English
 * Porter2.
 *
 * Indonesian: written for newstext after the published descriptions of the
 * Nazief–Adriani algorithm and its "enhanced confix stripping" refinement
 * (Arifin, Mahendra & Ciptaningtyas 2009): particles and possessives, then
 * -kan / -an / -i, then up to three prefixes (meN- / peN- with their
 * assimilations, ber- / ter- / per-, di-, ke-...-an) with the forbidden
 * prefix–suffix pairs left alone (di-...-an, me-...-an, ter-...-an,
 * ber-/ke-/se-...-i).  An optional root dictionary from the caller chooses
 * among the alternative readings (meng+V = V or k+V, men+V = t+V or n+V,
 * mem+V = p+V or m+V, ber+V = V or r+V, particles, -nya, se-).  Without a
 * dictionary the rules are conservative where Indonesian is ambiguous:
 * particles (-lah -kah -pun -tah), possessives (-nya -ku -mu) and se- stay;
 * -i goes only after a verbal prefix; ke- only together with -an.
 *
 * English: Porter2 (M. Porter, "The English (Porter2) stemming algorithm"),
 * implemented from its published description.
 *
 * Both work on lower-case ASCII letters (and the hyphen, for Indonesian
 * reduplication: kata-kata -> kata); any other word is returned lower-cased
 * and otherwise intact.  No allocation, no recursion, bounded work.
 */
#include "internal.h"

#define STEM_MAX 48 /* longer words are returned lower-cased, unchanged */

/* ------------------------------------------------------------- helpers */

static bool vow(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

static bool ends(const char *w, size_t n, const char *s)
{
    size_t k = strlen(s);
    return n >= k && memcmp(w + n - k, s, k) == 0;
}

static bool begins(const char *w, size_t n, const char *s)
{
    size_t k = strlen(s);
    return n >= k && memcmp(w, s, k) == 0;
}

static bool has_vowel(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (vow(w[i]))
            return true;
    return false;
}

static size_t vowel_groups(const char *w, size_t n)
{
    size_t g = 0;
    for (size_t i = 0; i < n; i++)
        if (vow(w[i]) && (i == 0 || !vow(w[i - 1])))
            g++;
    return g;
}

/* A plausible Indonesian root: 4+ letters with a vowel, or 3 letters with
 * two vowel groups (ada, aku; not sen, sih, tah). */
static bool root_ok(const char *w, size_t n)
{
    return (n >= 4 && has_vowel(w, n)) || (n == 3 && vowel_groups(w, n) == 2);
}

/* ------------------------------------------------------------ Indonesian */

typedef struct {
    char b[STEM_MAX + 2];
    size_t n;
} sbuf;

static void sset(sbuf *s, const char *w, size_t n)
{
    memcpy(s->b, w, n);
    s->n = n;
}

/* Prefix kinds, for the forbidden pairs. */
enum { P_NONE, P_DI, P_ME, P_PE, P_BER, P_TER, P_PER, P_KE, P_SE };

static int prefix_kind(const char *w, size_t n)
{
    if (begins(w, n, "di"))
        return P_DI;
    if (begins(w, n, "me"))
        return P_ME;
    if (begins(w, n, "ber") || begins(w, n, "be"))
        return P_BER;
    if (begins(w, n, "ter"))
        return P_TER;
    if (begins(w, n, "per"))
        return P_PER;
    if (begins(w, n, "pe"))
        return P_PE;
    if (begins(w, n, "ke"))
        return P_KE;
    if (begins(w, n, "se"))
        return P_SE;
    return P_NONE;
}

/* Remove one prefix from s in place following reading `alt` (0 default,
 * 1 the alternative assimilation).  Returns the prefix kind removed or
 * P_NONE.  had_an: the word lost -an/-kan (for ke-...-an and se-...-an). */
static int strip_prefix(sbuf *s, int alt, bool had_an, bool allow_se, int prev)
{
    const char *w = s->b;
    size_t n = s->n;
    char tmp[STEM_MAX + 2];
    size_t cut = 0;
    char add = 0;
    int kind = P_NONE;
#define C(i) (n > (i) ? w[i] : '\0')
    if (begins(w, n, "di") && prev == P_NONE) {
        cut = 2, kind = P_DI;
    } else if (begins(w, n, "ke") && (had_an || alt) && (prev == P_NONE)) {
        cut = 2, kind = P_KE;
    } else if (begins(w, n, "se") && allow_se && prev == P_NONE) {
        cut = 2, kind = P_SE;
    } else if (begins(w, n, "me") && prev == P_NONE) {
        kind = P_ME;
        if (begins(w, n, "meng")) {
            char c = C(4);
            if (c == 'g' || c == 'h' || c == 'k')
                cut = 4;
            else if (vow(c))
                cut = 4, add = alt ? 'k' : 0;
        } else if (begins(w, n, "meny") && vow(C(4))) {
            cut = alt ? 2 : 4, add = alt ? 0 : 's'; /* alt: me + ny-root (nyata) */
        } else if (begins(w, n, "mem")) {
            char c = C(3);
            if (c == 'b' || c == 'f' || c == 'p' || c == 'v')
                cut = 3;
            else if (vow(c))
                cut = 3, add = alt ? 'm' : 'p';
        } else if (begins(w, n, "men")) {
            char c = C(3);
            if (c == 'c' || c == 'd' || c == 'j' || c == 't' || c == 'z')
                cut = 3;
            else if (vow(c))
                cut = 3, add = alt ? 'n' : 't';
        } else {
            char c = C(2);
            if (c == 'l' || c == 'r' || c == 'w' || c == 'y' || c == 'm' || c == 'n')
                cut = 2;
        }
    } else if (begins(w, n, "per") && !begins(w, n, "perr") &&
               (prev == P_NONE || prev == P_KE || prev == P_DI || prev == P_ME || prev == P_TER)) {
        kind = P_PER;
        cut = 3;
        if (vow(C(3)))
            cut = alt ? 2 : 0; /* pe + r-root (perusak = pe + rusak); periode stays */
    } else if (begins(w, n, "pe") && (prev == P_NONE || prev == P_KE)) {
        if (begins(w, n, "per") && !begins(w, n, "perr")) {
            kind = P_PER;
            cut = 3;
            if (vow(C(3)) && alt)
                cut = 2; /* pe + r-root: perusak = pe + rusak */
        } else if (begins(w, n, "pelajar")) {
            kind = P_PE, cut = 3;
        } else if (begins(w, n, "peng")) {
            char c = C(4);
            kind = P_PE;
            if (c == 'g' || c == 'h' || c == 'k')
                cut = 4;
            else if (vow(c))
                cut = 4, add = alt ? 'k' : 0;
        } else if (begins(w, n, "peny") && vow(C(4))) {
            kind = P_PE, cut = alt ? 2 : 4, add = alt ? 0 : 's';
        } else if (begins(w, n, "pem")) {
            char c = C(3);
            kind = P_PE;
            if (c == 'b' || c == 'f' || c == 'p' || c == 'v')
                cut = 3;
            else if (vow(c))
                cut = 3, add = alt ? 'm' : 'p';
        } else if (begins(w, n, "pen")) {
            char c = C(3);
            kind = P_PE;
            if (c == 'c' || c == 'd' || c == 'j' || c == 'z')
                cut = 3;
            else if (vow(c))
                cut = 3, add = alt ? 'n' : 't';
        } else {
            char c = C(2);
            kind = P_PE;
            if (c == 'l' || c == 'r' || c == 'w' || c == 'y' || c == 'm' || c == 'n')
                cut = 2;
        }
    } else if ((begins(w, n, "ber") || begins(w, n, "ter")) &&
               (prev == P_NONE || prev == P_KE || prev == P_DI || prev == P_ME || prev == P_PE)) {
        kind = w[0] == 'b' ? P_BER : P_TER;
        if (prev == P_DI || prev == P_ME || prev == P_PE) {
            /* only "per"-like stacking is common after di-/meN-/peN- */
            kind = P_NONE;
        } else {
            cut = 3;
            if (vow(C(3)) && alt)
                cut = 2; /* be + r-root: berencana = be + rencana */
        }
    } else if (begins(w, n, "bel") && begins(w, n, "belajar") && prev == P_NONE) {
        kind = P_BER, cut = 3;
    } else if (begins(w, n, "be") && n >= 6 && !vow(C(2)) && C(2) != 'r' && C(3) == 'e' &&
               C(4) == 'r' && prev == P_NONE) {
        kind = P_BER, cut = 2; /* bekerja = be + kerja */
    }
#undef C
    if (cut == 0 || kind == P_NONE)
        return P_NONE;
    size_t m = n - cut + (add ? 1 : 0);
    if (m > STEM_MAX)
        return P_NONE;
    size_t o = 0;
    if (add)
        tmp[o++] = add;
    memcpy(tmp + o, w + cut, n - cut);
    if (!root_ok(tmp, m))
        return P_NONE;
    memcpy(s->b, tmp, m);
    s->n = m;
    return kind;
}

/* One full reading of the word: suffix choice `suf` (0 default rules,
 * 1 -kan, 2 -an, 3 -i, 4 none), prefix reading `alt`, inflection `infl`
 * (0 none, 1 particle, 2 possessive, 3 both). */
static void id_reading(const char *w, size_t n, int infl, int suf, int alt, sbuf *out)
{
    sbuf s;
    sset(&s, w, n);
    /* inflection: particles, then possessives */
    if (infl & 1) {
        static const char *const parts[] = {"lah", "kah", "pun", "tah"};
        for (int i = 0; i < 4; i++)
            if (ends(s.b, s.n, parts[i]) && s.n >= 6) {
                s.n -= 3;
                break;
            }
    }
    if (infl & 2) {
        if (ends(s.b, s.n, "nya") && s.n >= 6)
            s.n -= 3;
        else if ((ends(s.b, s.n, "ku") || ends(s.b, s.n, "mu")) && s.n >= 5)
            s.n -= 2;
    }
    int pk = prefix_kind(s.b, s.n);
    bool verbal = pk == P_DI || pk == P_ME || pk == P_TER || pk == P_PER || pk == P_PE;
    bool had_an = false;
    size_t keep = s.n;
    bool strip_i = false;
    if (suf == 0) {
        /* -kan after a vowel: me-/di-/ter-/ber- verbs take -kan (gunakan),
         * nouns with ke-/pe-/per- or no prefix take -an on a k-root
         * (kebijakan, perbaikan, masakan) */
        bool kan_verb = pk == P_ME || pk == P_DI || pk == P_TER || pk == P_BER;
        if (pk == P_SE && infl == 0 && alt == 0) {
            /* se- stays without a dictionary, and so does its suffix */
        } else if (ends(s.b, s.n, "kan") && s.n >= 7 && !kan_verb && vow(s.b[s.n - 4])) {
            s.n -= 2, had_an = true;
        } else if (ends(s.b, s.n, "kan") && s.n >= (pk != P_NONE ? 6u : 7u)) {
            s.n -= 3, had_an = true;
        } else if (ends(s.b, s.n, "an") && s.n >= 6 && pk != P_DI && pk != P_ME && pk != P_TER) {
            s.n -= 2, had_an = true;
        } else if (ends(s.b, s.n, "i") && verbal && s.n >= 6 && s.b[s.n - 2] != 'i' &&
                   s.b[s.n - 2] != 'a') {
            s.n -= 1, strip_i = true;
        }
    } else if (suf == 1 && ends(s.b, s.n, "kan") && s.n >= 6) {
        s.n -= 3, had_an = true;
    } else if (suf == 2 && ends(s.b, s.n, "an") && s.n >= 5) {
        s.n -= 2, had_an = true;
    } else if (suf == 3 && ends(s.b, s.n, "i") && s.n >= 5) {
        s.n -= 1;
    }
    if (!root_ok(s.b, s.n))
        s.n = keep;
    /* prefixes: at most three */
    sbuf before = s;
    int prev = P_NONE;
    for (int k = 0; k < 3; k++) {
        int got = strip_prefix(&s, alt, had_an, alt != 0 || infl != 0, prev);
        if (got == P_NONE)
            break;
        prev = got;
    }
    /* -i on a root of one syllable was part of the root: menjadi -> jadi,
     * membeli -> beli, tertinggi -> tinggi */
    if (strip_i && suf == 0 && (prev == P_NONE || vowel_groups(s.b, s.n) < 2)) {
        before.b[before.n++] = 'i';
        s = before;
        prev = P_NONE;
        for (int k = 0; k < 3; k++) {
            int got = strip_prefix(&s, alt, had_an, alt != 0 || infl != 0, prev);
            if (got == P_NONE)
                break;
            prev = got;
        }
    }
    *out = s;
}

static size_t stem_id(const char *w, size_t n, const nt_wordset *roots, char *out)
{
    /* reduplication: kata-kata, berbeda-beda, sungai-sungai */
    const char *dash = memchr(w, '-', n);
    if (dash) {
        size_t a = (size_t)(dash - w), b = n - a - 1;
        if (a >= 2 && b >= 2 && memchr(dash + 1, '-', b) == NULL &&
            (memcmp(w, dash + 1, b < a ? b : a) == 0 || (b <= a && memcmp(w + a - b, dash + 1, b) == 0)))
            n = a;
        else {
            memcpy(out, w, n);
            return n;
        }
    }
    if (roots && nt_wordset_has(roots, w, n)) {
        memcpy(out, w, n);
        return n;
    }
    sbuf r;
    if (roots) {
        for (int infl = 0; infl < 4; infl++)
            for (int suf = 0; suf < 5; suf++)
                for (int alt = 0; alt < 2; alt++) {
                    id_reading(w, n, infl, suf, alt, &r);
                    if (nt_wordset_has(roots, r.b, r.n)) {
                        memcpy(out, r.b, r.n);
                        return r.n;
                    }
                }
    }
    /* function words (the stop list) stay, unless they carry a verbal
     * prefix (mengatakan, terjadi and berada are stemmed) */
    if (nt_lexicon_has(NT_LEX_STOP_ID, w, n) && !begins(w, n, "me") && !begins(w, n, "di") &&
        !begins(w, n, "ter") && !begins(w, n, "ber")) {
        memcpy(out, w, n);
        return n;
    }
    id_reading(w, n, 0, 0, 0, &r);
    memcpy(out, r.b, r.n);
    return r.n;
}

/* ---------------------------------------------------------------- Porter2 */

typedef struct {
    char b[STEM_MAX + 2];
    size_t n;
    size_t r1, r2;
} p2;

static bool p2_vowel(const p2 *s, size_t i)
{
    char c = s->b[i];
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

static bool p2_ends(const p2 *s, const char *x) { return ends(s->b, s->n, x); }

static void p2_set_end(p2 *s, size_t cut, const char *rep)
{
    size_t k = strlen(rep);
    s->n -= cut;
    memcpy(s->b + s->n, rep, k);
    s->n += k;
}

/* A short syllable ending at i (the last letter index). */
static bool p2_short_syll(const p2 *s, size_t i)
{
    if (i == 1)
        return p2_vowel(s, 0) && !p2_vowel(s, 1);
    if (i < 2)
        return false;
    char c = s->b[i];
    return !p2_vowel(s, i - 2) && p2_vowel(s, i - 1) && !p2_vowel(s, i) && c != 'w' && c != 'x' &&
           c != 'Y';
}

static bool p2_short_word(const p2 *s) { return s->r1 >= s->n && s->n >= 1 && p2_short_syll(s, s->n - 1); }

static bool p2_has_vowel_before(const p2 *s, size_t end)
{
    for (size_t i = 0; i < end; i++)
        if (p2_vowel(s, i))
            return true;
    return false;
}

static bool p2_li_ending(char c)
{
    return c == 'c' || c == 'd' || c == 'e' || c == 'g' || c == 'h' || c == 'k' || c == 'm' ||
           c == 'n' || c == 'r' || c == 't';
}

static bool p2_double(const p2 *s)
{
    if (s->n < 2 || s->b[s->n - 1] != s->b[s->n - 2])
        return false;
    char c = s->b[s->n - 1];
    return c == 'b' || c == 'd' || c == 'f' || c == 'g' || c == 'm' || c == 'n' || c == 'p' ||
           c == 'r' || c == 't';
}

static size_t stem_en(const char *w, size_t n, char *out)
{
    static const char *const exc_w[] = {"skis", "skies", "dying", "lying", "tying", "idly", "gently",
                                        "ugly", "early", "only", "singly", "sky", "news", "howe",
                                        "atlas", "cosmos", "bias", "andes"};
    static const char *const exc_s[] = {"ski", "sky", "die", "lie", "tie", "idl", "gentl",
                                        "ugli", "earli", "onli", "singl", "sky", "news", "howe",
                                        "atlas", "cosmos", "bias", "andes"};
    if (n <= 2) {
        memcpy(out, w, n);
        return n;
    }
    for (size_t i = 0; i < sizeof exc_w / sizeof *exc_w; i++)
        if (strlen(exc_w[i]) == n && memcmp(exc_w[i], w, n) == 0) {
            size_t k = strlen(exc_s[i]);
            memcpy(out, exc_s[i], k);
            return k;
        }
    p2 s;
    memcpy(s.b, w, n);
    s.n = n;
    if (s.b[0] == '\'') {
        memmove(s.b, s.b + 1, --s.n);
    }
    /* y as consonant */
    if (s.n && s.b[0] == 'y')
        s.b[0] = 'Y';
    for (size_t i = 1; i < s.n; i++)
        if (s.b[i] == 'y' && p2_vowel(&s, i - 1))
            s.b[i] = 'Y';
    /* R1, R2 */
    s.r1 = s.n;
    if (begins(s.b, s.n, "gener") || begins(s.b, s.n, "arsen"))
        s.r1 = 5;
    else if (begins(s.b, s.n, "commun"))
        s.r1 = 6;
    else
        for (size_t i = 1; i < s.n; i++)
            if (!p2_vowel(&s, i) && p2_vowel(&s, i - 1)) {
                s.r1 = i + 1;
                break;
            }
    s.r2 = s.n;
    for (size_t i = s.r1 + 1; i < s.n; i++)
        if (!p2_vowel(&s, i) && p2_vowel(&s, i - 1)) {
            s.r2 = i + 1;
            break;
        }
    /* Step 0 */
    if (p2_ends(&s, "'s'"))
        s.n -= 3;
    else if (p2_ends(&s, "'s"))
        s.n -= 2;
    else if (p2_ends(&s, "'"))
        s.n -= 1;
    /* Step 1a */
    if (p2_ends(&s, "sses")) {
        s.n -= 2;
    } else if (p2_ends(&s, "ied") || p2_ends(&s, "ies")) {
        s.n -= s.n > 4 ? 2 : 1;
    } else if (p2_ends(&s, "us") || p2_ends(&s, "ss")) {
        /* nothing */
    } else if (p2_ends(&s, "s")) {
        if (s.n >= 3 && p2_has_vowel_before(&s, s.n - 2))
            s.n -= 1;
    }
    /* exceptional forms after 1a */
    static const char *const inv[] = {"inning", "outing", "canning", "herring", "earring",
                                      "proceed", "exceed", "succeed"};
    for (size_t i = 0; i < sizeof inv / sizeof *inv; i++)
        if (strlen(inv[i]) == s.n && memcmp(inv[i], s.b, s.n) == 0)
            goto done;
    /* Step 1b */
    if (p2_ends(&s, "eedly") || p2_ends(&s, "eed")) {
        size_t k = p2_ends(&s, "eedly") ? 5 : 3;
        if (s.n - k >= s.r1)
            p2_set_end(&s, k, "ee");
    } else {
        static const char *const suf[] = {"ingly", "edly", "ing", "ed"};
        for (int i = 0; i < 4; i++) {
            size_t k = strlen(suf[i]);
            if (p2_ends(&s, suf[i])) {
                if (p2_has_vowel_before(&s, s.n - k)) {
                    s.n -= k;
                    if (p2_ends(&s, "at") || p2_ends(&s, "bl") || p2_ends(&s, "iz")) {
                        s.b[s.n++] = 'e';
                    } else if (p2_double(&s)) {
                        s.n -= 1;
                    } else if (p2_short_word(&s)) {
                        s.b[s.n++] = 'e';
                    }
                }
                break;
            }
        }
    }
    /* Step 1c */
    if (s.n > 2 && (s.b[s.n - 1] == 'y' || s.b[s.n - 1] == 'Y') && !p2_vowel(&s, s.n - 2))
        s.b[s.n - 1] = 'i';
    /* Step 2 */
    {
        static const char *const from[] = {"ational", "tional", "enci", "anci", "abli", "entli",
                                           "izer", "ization", "ation", "ator", "alism", "aliti",
                                           "alli", "fulness", "ousli", "ousness", "iveness",
                                           "iviti", "biliti", "bli", "fulli", "lessli", "logi",
                                           "li", "ogi"};
        static const char *const to[] = {"ate", "tion", "ence", "ance", "able", "ent",
                                         "ize", "ize", "ate", "ate", "al", "al",
                                         "al", "ful", "ous", "ous", "ive",
                                         "ive", "ble", "ble", "ful", "less", "log",
                                         "", "og"};
        /* longest match first */
        size_t best = 0;
        int bi = -1;
        for (int i = 0; i < (int)(sizeof from / sizeof *from); i++) {
            size_t k = strlen(from[i]);
            if (k > best && p2_ends(&s, from[i])) {
                best = k;
                bi = i;
            }
        }
        if (bi >= 0 && s.n - best >= s.r1) {
            if (strcmp(from[bi], "li") == 0) {
                if (s.n >= 3 && p2_li_ending(s.b[s.n - 3]))
                    s.n -= 2;
            } else if (strcmp(from[bi], "ogi") == 0) {
                if (s.n >= 4 && s.b[s.n - 4] == 'l')
                    p2_set_end(&s, 3, "og");
            } else {
                p2_set_end(&s, best, to[bi]);
            }
        }
    }
    /* Step 3 */
    {
        static const char *const from[] = {"ational", "tional", "alize", "icate", "iciti", "ative",
                                           "ical", "ness", "ful"};
        static const char *const to[] = {"ate", "tion", "al", "ic", "ic", "", "ic", "", ""};
        size_t best = 0;
        int bi = -1;
        for (int i = 0; i < (int)(sizeof from / sizeof *from); i++) {
            size_t k = strlen(from[i]);
            if (k > best && p2_ends(&s, from[i])) {
                best = k;
                bi = i;
            }
        }
        if (bi >= 0 && s.n - best >= s.r1) {
            if (strcmp(from[bi], "ative") == 0) {
                if (s.n - best >= s.r2)
                    s.n -= best;
            } else {
                p2_set_end(&s, best, to[bi]);
            }
        }
    }
    /* Step 4 */
    {
        static const char *const suf[] = {"al", "ance", "ence", "er", "ic", "able", "ible", "ant",
                                          "ement", "ment", "ent", "ism", "ate", "iti", "ous",
                                          "ive", "ize", "ion"};
        size_t best = 0;
        int bi = -1;
        for (int i = 0; i < (int)(sizeof suf / sizeof *suf); i++) {
            size_t k = strlen(suf[i]);
            if (k > best && p2_ends(&s, suf[i])) {
                best = k;
                bi = i;
            }
        }
        if (bi >= 0 && s.n - best >= s.r2) {
            if (strcmp(suf[bi], "ion") == 0) {
                if (s.n > 3 && (s.b[s.n - 4] == 's' || s.b[s.n - 4] == 't'))
                    s.n -= 3;
            } else {
                s.n -= best;
            }
        }
    }
    /* Step 5 */
    if (s.n && s.b[s.n - 1] == 'e') {
        if (s.n - 1 >= s.r2 || (s.n - 1 >= s.r1 && !p2_short_syll(&s, s.n - 2)))
            s.n -= 1;
    } else if (s.n >= 2 && s.b[s.n - 1] == 'l' && s.b[s.n - 2] == 'l' && s.n - 1 >= s.r2) {
        s.n -= 1;
    }
done:
    for (size_t i = 0; i < s.n; i++)
        out[i] = s.b[i] == 'Y' ? 'y' : s.b[i];
    return s.n;
}

/* ------------------------------------------------------------------ API */

/* Each input unit is written lower-cased in UTF-8: an ill-formed byte
 * becomes U+FFFD (1 byte -> 3), a 2-byte letter may lower-case to a 3-byte
 * one; 3- and 4-byte units keep their length.  So 3 bytes per input byte,
 * plus the few letters the stemmers may add.  (It was 2 * len + 4, which
 * ill-formed bytes overran; found by fuzz/fuzz_stem.c.) */
size_t nt_stem_bound(size_t len)
{
    return len > (SIZE_MAX - 4) / 3 ? SIZE_MAX : 3 * len + 4;
}

nt_status nt_stem(nt_lang lang, const char *word, size_t len, const nt_wordset *roots, char *out,
                  size_t cap, size_t *out_len)
{
    if ((!word && len) || !out || !out_len || (lang != NT_LANG_ID && lang != NT_LANG_EN))
        return NT_EINVAL;
    if (cap < nt_stem_bound(len))
        return NT_ETOOBIG;
    /* lower-case; note whether the word is plain ASCII letters (and -) */
    size_t m = 0;
    bool plain = len <= STEM_MAX;
    for (size_t p = 0; p < len;) {
        uint32_t c;
        size_t k = nt_utf8_decode(word, len, p, &c);
        c = nt_uc_lower(c);
        p += k;
        if (!((c >= 'a' && c <= 'z') || c == '-' || (c == '\'' && lang == NT_LANG_EN)))
            plain = false;
        /* encode */
        if (c < 0x80) {
            out[m++] = (char)c;
        } else if (c < 0x800) {
            out[m++] = (char)(0xC0 | (c >> 6));
            out[m++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[m++] = (char)(0xE0 | (c >> 12));
            out[m++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[m++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[m++] = (char)(0xF0 | (c >> 18));
            out[m++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[m++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[m++] = (char)(0x80 | (c & 0x3F));
        }
    }
    if (!plain || m < 3) {
        *out_len = m;
        return NT_OK;
    }
    char low[STEM_MAX + 2];
    memcpy(low, out, m);
    *out_len = lang == NT_LANG_ID ? stem_id(low, m, roots, out) : stem_en(low, m, out);
    return NT_OK;
}
