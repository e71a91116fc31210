/* sentences.c — sentence boundaries over a token stream.
 *
 * One pass over the tokens.  A boundary is placed after token i when
 *   - the gap after it holds a blank line (a paragraph break), or
 *   - it is terminal punctuation (. ! ? … and runs of them), possibly
 *     followed by closing quotes and brackets, and what follows does not
 *     continue the sentence (a lower-case word, a comma; but with no closing
 *     quote, a lower-case word after "?" or after a word's or number's
 *     period starts a sentence that lost its capital), unless the period
 *     closes a list marker ("1." at the start of a line), or
 *   - it is an abbreviation that can end a sentence (dll., etc.,
 *     initialisms) or any dotted abbreviation followed by a capitalised
 *     function word ("... in the U.S. The ..."; in Indonesian also a
 *     capitalised stop word before lower-case text: "Tbk. Sepanjang ...",
 *     or after a company form any capitalised word before lower-case text:
 *     "Corp. Rencana akuisisi ..."), or
 *   - the line ends without terminal punctuation and the next line starts
 *     with a capital, digit or quote (headlines, bylines, captions), unless
 *     the line ends in a way that shows it was wrapped (a comma, a
 *     lower-case function word), or
 *   - (Indonesian) a headline ran into the next sentence on the same line:
 *     a lower-case word that can end a sentence, then a capitalised sentence
 *     adverb, pronoun or stop word that opens one (id_run_on), or
 *   - a new quotation starts right after the attribution of the previous one
 *     ("...," katanya "Faktor ...), or after an initial or abbreviation
 *     (kata S. "Jadi, ...).
 * A period inside a round bracket that closes a few tokens on, on the same
 * line, ends nothing ("(SMB. II) Palembang"), nor does the period of an
 * inline list marker ("Syarat: 1. KTP; 2. KK"); a line that starts with a
 * lettered item ("b. verifikasi", "(c)") opens a sentence.  Letters of
 * scripts without case (kana, Arabic) open a sentence as capitals do.
 * Every decision looks at a bounded number of neighbouring tokens, so the
 * pass is linear. */
#include "internal.h"

typedef struct ctx {
    const unsigned char *s;
    size_t n;
    const nt_spans *t;
    nt_lang lang;
} ctx;

static inline size_t tstart(const ctx *c, size_t i) { return (size_t)c->t->start[i]; }
static inline size_t tend(const ctx *c, size_t i) { return (size_t)c->t->end[i]; }
static inline int tkind(const ctx *c, size_t i) { return c->t->kind[i]; }

static uint32_t first_cp(const ctx *c, size_t i) {
    uint32_t cp;
    nt_utf8_decode((const char *)c->s, c->n, tstart(c, i), &cp);
    return cp;
}

static bool starts_upper(const ctx *c, size_t i) {
    nt_gc g = nt_uc_category(first_cp(c, i));
    return g == NT_GC_Lu || g == NT_GC_Lt;
}

static bool starts_lower(const ctx *c, size_t i) {
    return nt_uc_category(first_cp(c, i)) == NT_GC_Ll;
}

/* Does token i start with a letter of a script without case (kana, CJK,
 * Arabic, Thai ...)?  Such a letter after terminal punctuation opens a
 * sentence as a capital does. */
static bool starts_uncased(const ctx *c, size_t i) {
    return tkind(c, i) == NT_TOK_WORD && nt_uc_category(first_cp(c, i)) == NT_GC_Lo;
}

/* Newlines in the gap between token i and token i+1 (or the text end). */
static size_t gap_newlines(const ctx *c, size_t i) {
    size_t a = tend(c, i);
    size_t b = (i + 1 < c->t->len) ? tstart(c, i + 1) : c->n;
    size_t nl = 0;
    for (size_t p = a; p < b; p++) {
        if (c->s[p] == '\n') nl++;
        else if (c->s[p] == 0xE2 && p + 2 < b && c->s[p + 1] == 0x80 &&
                 (c->s[p + 2] == 0xA8 || c->s[p + 2] == 0xA9))
            nl++; /* U+2028 / U+2029 */
    }
    return nl;
}

static bool gap_empty(const ctx *c, size_t i) {
    return i + 1 < c->t->len && tend(c, i) == tstart(c, i + 1);
}

/* Is token i made only of . ! ? (and …)? */
static bool is_terminal(const ctx *c, size_t i) {
    if (tkind(c, i) != NT_TOK_PUNCT) return false;
    for (size_t p = tstart(c, i); p < tend(c, i);) {
        unsigned char b = c->s[p];
        if (b == '.' || b == '!' || b == '?') {
            p++;
        } else if (b == 0xE2 && p + 3 <= tend(c, i) && c->s[p + 1] == 0x80 && c->s[p + 2] == 0xA6) {
            p += 3; /* … */
        } else if (b == 0xEF && p + 3 <= tend(c, i) && c->s[p + 1] == 0xBC &&
                   (c->s[p + 2] == 0x81 || c->s[p + 2] == 0x9F)) {
            p += 3; /* fullwidth ！ ？ */
        } else {
            return false;
        }
    }
    return true;
}

static bool is_ellipsis(const ctx *c, size_t i) {
    size_t a = tstart(c, i), b = tend(c, i);
    if (b - a >= 2 && c->s[a] == '.' && c->s[a + 1] == '.') return true;
    return b - a == 3 && c->s[a] == 0xE2 && c->s[a + 1] == 0x80 && c->s[a + 2] == 0xA6;
}

/* Is the terminal token i a question mark or a run of two or more of
 * . ! ? (other than an ellipsis) that holds one? */
static bool is_question_or_run(const ctx *c, size_t i) {
    size_t a = tstart(c, i), b = tend(c, i);
    bool q = false, bang = false;
    for (size_t p = a; p < b; p++) {
        q |= c->s[p] == '?';
        bang |= c->s[p] == '!';
    }
    return q || (bang && b - a >= 2);
}

static bool is_closer(const ctx *c, size_t i) {
    int k = tkind(c, i);
    if (k == NT_TOK_QUOTE) return true;
    if (k != NT_TOK_PUNCT || tend(c, i) - tstart(c, i) != 1) return false;
    unsigned char b = c->s[tstart(c, i)];
    return b == ')' || b == ']' || b == '}';
}

static bool ieq(const unsigned char *w, size_t n, const char *lit) {
    size_t k = 0;
    for (; k < n; k++) {
        unsigned char x = w[k];
        if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
        if (lit[k] == '\0' || x != (unsigned char)lit[k]) return false;
    }
    return lit[k] == '\0';
}

/* Is w[0..n) one of the n_lits lower-case words lits (ignoring ASCII case)?
 * The first letter is compared before the whole word: these lists are
 * scanned for many tokens. */
static bool ieq_any(const unsigned char *w, size_t n, const char *const *lits, size_t n_lits) {
    unsigned char f = w[0];
    if (f >= 'A' && f <= 'Z') f = (unsigned char)(f + 32);
    for (size_t k = 0; k < n_lits; k++)
        if ((unsigned char)lits[k][0] == f && ieq(w, n, lits[k])) return true;
    return false;
}

/* If token i is the period of an abbreviation or an initial, store the
 * abbreviation's word (without the dot) in [*wa, *wb) and return true.  The
 * period is either inside a word token (English "Dr.", "U.S.", any language's
 * "a.n.") or, in Indonesian, a "." token glued to the word before it ("Dr"
 * "."), as UD Indonesian tokenizes. */
static bool abbrev_period(const ctx *c, size_t i, size_t *wa, size_t *wb) {
    size_t a = tstart(c, i), b = tend(c, i);
    if (tkind(c, i) == NT_TOK_WORD && b - a >= 2 && c->s[b - 1] == '.') {
        *wa = a;
        *wb = b - 1;
        return true;
    }
    if (b - a != 1 || c->s[a] != '.' || i == 0 || !gap_empty(c, i - 1)) return false;
    size_t pa = tstart(c, i - 1), pb = tend(c, i - 1);
    if (tkind(c, i - 1) != NT_TOK_WORD) return false;
    *wa = pa;
    *wb = pb;
    uint32_t cp;
    size_t l = nt_utf8_decode((const char *)c->s, c->n, pa, &cp);
    if (pa + l == pb) return nt_uc_category(cp) == NT_GC_Lu; /* initial: "L." */
    if (pb - pa == 2 && c->s[pa] == 'R' && c->s[pa + 1] == 'p') return true;
    return nt_abbrev_has(c->lang, (const char *)c->s + pa, pb - pa);
}

/* Abbreviations that usually close what they abbreviate ("dan lain-lain",
 * "et cetera"), so a capital after them starts a new sentence.  Titles
 * (Prof., Dr.), company forms (Pte. Ltd., Tbk.) and initialisms (U.S. Army)
 * are not here: after those only a capitalised function word ("The",
 * "Dia") signals a new sentence. */
static bool abbrev_can_end(const ctx *c, size_t wa, size_t wb) {
    static const char *const enders[] = {"dll", "dsb", "dst", "dkk", "etc", "jr", "sr"};
    for (size_t k = 0; k < sizeof enders / sizeof *enders; k++)
        if (ieq(c->s + wa, wb - wa, enders[k])) return true;
    return false;
}

/* Is token i a capitalised function word of the language ("The", "Dia")? */
static bool is_function_word(const ctx *c, size_t i) {
    if (tkind(c, i) != NT_TOK_WORD) return false;
    const char *w = (const char *)c->s + tstart(c, i);
    size_t n = tend(c, i) - tstart(c, i);
    return nt_lexicon_has(c->lang == NT_LANG_EN ? NT_LEX_LANG_EN : NT_LEX_LANG_ID, w, n);
}

/* Words that open Indonesian sentences and, capitalised, hardly ever occur
 * inside one: sentence adverbs, conjunctions, prepositions and pronouns.  A
 * capitalised one right after a lower-case word with no punctuation between
 * marks a sentence that lost its final period or line break (a headline run
 * into the text).  "Yang", "Dan", "Ini" are left out: they begin names and
 * titles ("Yang Mulia", "Dan Brown"), and so is "Dalam" (Menteri Dalam
 * Negeri): id_stop_opener takes it when lower-case text follows. */
static bool id_sentence_starter(const ctx *c, size_t i) {
    static const char *const starters[] = {
        "adapun", "akan", "akibatnya", "apabila", "bahkan", "bagi", "dengan",
        "di", "dia", "hingga", "ia", "jika", "kami", "karena", "kemudian", "ketika",
        "kita", "meski", "meskipun", "menurut", "mereka", "namun", "oleh", "pada",
        "saat", "saya", "sebelum", "sebelumnya", "sedangkan", "sejak", "selain",
        "selama", "sementara", "setelah", "terkait", "untuk", "walaupun"};
    if (tkind(c, i) != NT_TOK_WORD || !starts_upper(c, i)) return false;
    const unsigned char *w = c->s + tstart(c, i);
    size_t n = tend(c, i) - tstart(c, i);
    if (n > 1 && w[1] >= 'A' && w[1] <= 'Z') return false; /* DI, PADA: acronyms, shouting */
    return ieq_any(w, n, starters, sizeof starters / sizeof *starters);
}

/* Indonesian words that need something after them (prepositions,
 * conjunctions, complementisers, articles, the copula): a sentence cannot
 * end on one, so a capital after one is not a run-on ("bahwa Ia ..."). */
static bool id_cannot_end(const ctx *c, size_t i) {
    static const char *const words[] = {
        "adalah", "agar", "antara", "apabila", "atau", "ataupun", "bagi", "bahwa", "dan", "dari",
        "daripada", "dengan", "di", "ialah", "jika", "kalau", "karena", "ke", "kepada",
        "maka", "maupun", "menurut", "merupakan", "meski", "meskipun", "namun", "oleh",
        "pada", "para", "sang", "sebagai", "sebuah", "sedangkan", "sehingga", "seorang",
        "seperti", "serta", "si", "supaya", "tanpa", "tentang", "terhadap", "tetapi",
        "untuk", "yaitu", "yakni", "yang"};
    const unsigned char *w = c->s + tstart(c, i);
    size_t n = tend(c, i) - tstart(c, i);
    return ieq_any(w, n, words, sizeof words / sizeof *words);
}

/* Is token i a capitalised Indonesian stop word that opens a clause
 * ("Jumlah pemimpin ...", "Dikatakannya, ...", "Sebagian dari ...")?  The
 * stop-word list is the keyword extractor's (stop_id.txt); a word there that
 * is also a title (Pak, Bapak), the honorific "Anda" (always capitalised in
 * running text), a name (the agency Antara, the surnames Wong and Toh, the
 * given name Dini) or the second part of a name or title (Jawa Tengah, Luar
 * Negeri, Pengadilan Tinggi, Ketua Umum, Tahun Baru, Jaksa Agung Besar) is
 * not taken.
 * The word must not be an acronym, and the token after it must be a
 * lower-case word or a comma: a capital after it ("Dalam Negeri", "Dan
 * Brown", "Yang Mulia") shows a name or a title. */
static bool id_stop_opener(const ctx *c, size_t i) {
    static const char *const names[] = {"anda",  "antara", "baru",   "besar", "dini", "luar",
                                        "tengah", "tinggi", "toh", "umum", "wong"};
    if (tkind(c, i) != NT_TOK_WORD || !starts_upper(c, i)) return false;
    const unsigned char *w = c->s + tstart(c, i);
    size_t n = tend(c, i) - tstart(c, i);
    if (n > 1 && w[1] >= 'A' && w[1] <= 'Z') return false;
    /* what follows first (cheap), then the lists */
    if (i + 1 >= c->t->len || gap_newlines(c, i) > 0) return false;
    bool opens;
    if (gap_empty(c, i))
        opens = tkind(c, i + 1) == NT_TOK_PUNCT && c->s[tstart(c, i + 1)] == ',';
    else
        opens = tkind(c, i + 1) == NT_TOK_WORD && starts_lower(c, i + 1);
    return opens && nt_lexicon_has(NT_LEX_STOP_ID, (const char *)w, n) &&
           !nt_lexicon_has(NT_LEX_TITLES, (const char *)w, n) &&
           !ieq_any(w, n, names, sizeof names / sizeof *names);
}

/* Is word token i a cue that follows a quotation ("kata", "ujarnya",
 * "said")?  Indonesian cues also take -nya: katanya, jelasnya. */
static bool is_post_cue(const ctx *c, size_t i) {
    const char *w = (const char *)c->s + tstart(c, i);
    size_t n = tend(c, i) - tstart(c, i);
    if (nt_lexicon_has(NT_LEX_QUOTE_CUE_POST, w, n)) return true;
    return n > 5 && ieq((const unsigned char *)w + n - 3, 3, "nya") &&
           nt_lexicon_has(NT_LEX_QUOTE_CUE_POST, w, n - 3);
}

#define QUOTE_LOOKAHEAD 80 /* tokens searched for the end of a quotation */

/* Does the quotation opened by the mark at token o close, within
 * QUOTE_LOOKAHEAD tokens on the same line, with a comma, "?" or "!" and then
 * a cue ("...," kata Presiden)?  Such a quotation is a sentence of its own. */
static bool attributed_quote(const ctx *c, size_t o) {
    size_t end = o + QUOTE_LOOKAHEAD < c->t->len ? o + QUOTE_LOOKAHEAD : c->t->len;
    for (size_t m = o + 1; m < end; m++) {
        if (gap_newlines(c, m - 1) > 0) return false;
        if (tkind(c, m) != NT_TOK_QUOTE) continue;
        /* the closing mark: glued to , ? or ! and followed by a cue */
        unsigned char b = c->s[tstart(c, m - 1)];
        if (!gap_empty(c, m - 1) || tkind(c, m - 1) != NT_TOK_PUNCT ||
            !(b == ',' || b == '?' || b == '!') || m + 1 >= c->t->len || gap_empty(c, m) ||
            gap_newlines(c, m) > 0 || tkind(c, m + 1) != NT_TOK_WORD)
            return false;
        return is_post_cue(c, m + 1);
    }
    return false;
}

/* A headline or caption run into the next sentence with no punctuation or
 * line break between them (as text pasted from a page loses them): token i
 * is a lower-case word or a number that can end a sentence, and the next
 * token opens one: a sentence adverb, conjunction or pronoun
 * (id_sentence_starter), a capitalised stop word followed by lower-case
 * text (id_stop_opener), or an opening quote glued to the latter (unless a
 * verb of saying before it introduces the quote). */
static bool id_run_on(const ctx *c, size_t i) {
    size_t k = i + 1;
    if (k >= c->t->len || gap_empty(c, i)) return false; /* the caller saw no line break */
    int kind = tkind(c, i);
    if (kind != NT_TOK_WORD && kind != NT_TOK_NUMBER) return false;
    bool quoted = tkind(c, k) == NT_TOK_QUOTE && k + 1 < c->t->len && gap_empty(c, k);
    if (quoted) k++;
    /* cheap tests first: this runs for nearly every token */
    if (tkind(c, k) != NT_TOK_WORD || !starts_upper(c, k)) return false;
    bool lower = kind == NT_TOK_NUMBER || starts_lower(c, i);
    bool opens = lower && ((kind == NT_TOK_WORD && !quoted && id_sentence_starter(c, k)) ||
                           id_stop_opener(c, k));
    /* a quotation with its attribution after it: "... APBN-P "Perusahaan ...," kata X */
    if (!opens && !(quoted && attributed_quote(c, i + 1))) return false;
    if (kind == NT_TOK_NUMBER) return true; /* "pada 2023 Dikatakannya, ..." */
    const char *w = (const char *)c->s + tstart(c, i);
    size_t n = tend(c, i) - tstart(c, i);
    if (id_cannot_end(c, i)) return false;
    /* a verb of saying takes the quote after it: mengatakan "Saya ... */
    return !(quoted && (nt_lexicon_has(NT_LEX_QUOTE_CUE_VERB, w, n) ||
                        nt_lexicon_has(NT_LEX_CUES_ID, w, n)));
}

/* Is token k an opening mark glued to a capitalised word that goes on as
 * a sentence does (a lower-case word or a comma after it), not a quoted name
 * or title ("Antara", "Kompas Gramedia")? */
static bool quote_opens_sentence(const ctx *c, size_t k) {
    if (k + 2 >= c->t->len || tkind(c, k) != NT_TOK_QUOTE || !gap_empty(c, k) ||
        tkind(c, k + 1) != NT_TOK_WORD || !starts_upper(c, k + 1) || gap_newlines(c, k + 1) > 0)
        return false;
    if (gap_empty(c, k + 1))
        return tkind(c, k + 2) == NT_TOK_PUNCT && c->s[tstart(c, k + 2)] == ',';
    return tkind(c, k + 2) == NT_TOK_WORD && starts_lower(c, k + 2);
}

/* A new quotation run into the attribution of the one before it, the period
 * between them lost: `"...," katanya menjelaskan "Faktor risiko itu ...`.
 * Token i ends the attribution: one to four words on the line after a
 * closing mark that follows a comma, "?" or "!", the first or second word a
 * cue (kata, ujarnya, said).  The next token opens a quoted sentence
 * (quote_opens_sentence). */
static bool quote_after_attribution(const ctx *c, size_t i) {
    /* cheap tests first: this runs for nearly every token */
    if (i + 1 >= c->t->len || tkind(c, i + 1) != NT_TOK_QUOTE || tkind(c, i) != NT_TOK_WORD ||
        gap_empty(c, i) || !quote_opens_sentence(c, i + 1))
        return false;
    size_t q = i; /* back to the first word of the attribution */
    for (size_t words = 1;; words++) {
        if (tkind(c, q) != NT_TOK_WORD || words > 4 || q < 2) return false;
        if (gap_empty(c, q - 1) || gap_newlines(c, q - 1) > 0) return false;
        if (tkind(c, q - 1) == NT_TOK_QUOTE) break;
        q--;
    }
    size_t m = q - 1; /* the closing mark, glued to , ? or ! */
    unsigned char b = c->s[tstart(c, m - 1)];
    if (tkind(c, m - 1) != NT_TOK_PUNCT || !gap_empty(c, m - 1) ||
        !(b == ',' || b == '?' || b == '!'))
        return false;
    return is_post_cue(c, q) || (q < i && is_post_cue(c, q + 1));
}

/* Indonesian: after a company form (Tbk., Corp., Inc., Ltd.) that ends a
 * name, a capitalised word followed by a lower-case word opens a sentence:
 * "... Nippon Steel Corp. Rencana akuisisi itu ...".  A capital after the
 * capitalised word ("Tbk. Jakarta Pusat") is left alone: names go on. */
static bool id_after_company(const ctx *c, size_t wa, size_t wb, size_t k) {
    static const char *const forms[] = {"bhd", "corp", "inc", "llc", "ltd", "plc", "tbk"};
    const unsigned char *w = c->s + wa;
    if (!ieq_any(w, wb - wa, forms, sizeof forms / sizeof *forms) &&
        !(wb - wa == 2 && w[0] == 'C' && w[1] == 'o'))
        return false;
    if (k + 1 >= c->t->len || tkind(c, k) != NT_TOK_WORD || !starts_upper(c, k)) return false;
    const unsigned char *x = c->s + tstart(c, k);
    if (tend(c, k) - tstart(c, k) > 1 && x[1] >= 'A' && x[1] <= 'Z') return false; /* an acronym */
    return !gap_empty(c, k) && gap_newlines(c, k) == 0 && tkind(c, k + 1) == NT_TOK_WORD &&
           starts_lower(c, k + 1);
}

/* Is token i the first token on its line (or of the text)? */
static bool first_on_line(const ctx *c, size_t i) {
    if (i == 0) return true;
    return gap_newlines(c, i - 1) > 0;
}

/* "1." "12." "a." "iv." at the start of a line: a list marker. */
static bool is_list_marker(const ctx *c, size_t i) {
    if (i == 0) return false;
    size_t m = i - 1;
    if (!first_on_line(c, m) || !gap_empty(c, m)) return false;
    size_t len = tend(c, m) - tstart(c, m);
    if (tkind(c, m) == NT_TOK_NUMBER) return len <= 3;
    if (tkind(c, m) == NT_TOK_WORD && len == 1) return true;
    return false;
}

/* Is token i the one-byte punctuation token ch? */
static bool is_punct(const ctx *c, size_t i, unsigned char ch) {
    return tkind(c, i) == NT_TOK_PUNCT && tend(c, i) - tstart(c, i) == 1 &&
           c->s[tstart(c, i)] == ch;
}

/* The value of token i when it is a number of one or two ASCII digits, else -1. */
static int small_number(const ctx *c, size_t i) {
    size_t a = tstart(c, i), n = tend(c, i) - a;
    if (tkind(c, i) != NT_TOK_NUMBER || n > 2) return -1;
    int v = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char d = c->s[a + k];
        if (d < '0' || d > '9') return -1;
        v = v * 10 + (d - '0');
    }
    return v;
}

/* Is token i the number v with a period glued after it? */
static bool numbered(const ctx *c, size_t i, int v) {
    return v >= 0 && i + 1 < c->t->len && small_number(c, i) == v && gap_empty(c, i) &&
           is_punct(c, i + 1, '.');
}

#define LIST_REACH 40 /* tokens searched for the neighbouring item of an inline list */

/* Is token i the period of an inline list marker: "N." after ":" or ";" with
 * item N+1 ahead or item N-1 behind on the same line ("Syaratnya: 1. KTP;
 * 2. KK; 3. NPWP.")?  A lone number ("Korban: 5. Luka: 12.") is no list. */
static bool is_inline_list_marker(const ctx *c, size_t i) {
    if (i < 2) return false;
    size_t m = i - 1;
    int v = small_number(c, m);
    if (v < 0 || !gap_empty(c, m) || gap_empty(c, m - 1) || gap_newlines(c, m - 1) > 0 ||
        !(is_punct(c, m - 1, ':') || is_punct(c, m - 1, ';')))
        return false;
    for (size_t k = i + 1, n = 0; k < c->t->len && n < LIST_REACH; k++, n++) {
        if (gap_newlines(c, k - 1) > 0) break;
        if (numbered(c, k, v + 1)) return true;
    }
    for (size_t k = m - 1, n = 0; k > 0 && n < LIST_REACH; k--, n++) {
        if (gap_newlines(c, k - 1) > 0) break;
        if (numbered(c, k - 1, v - 1)) return true;
    }
    return false;
}

/* Does token k, the first on its line, begin a lettered list item: "a."
 * "b)" "(c)"?  Such a line starts a sentence even in lower case and after a
 * comma ("(a) memakai masker,\n(b) menjaga jarak").  Numbered items need no
 * rule: a number opens a sentence anyway. */
static bool starts_list_item(const ctx *c, size_t k) {
    bool paren = is_punct(c, k, '(');
    size_t x = paren ? k + 1 : k;
    if (x + 1 >= c->t->len || (paren && !gap_empty(c, k)) || !gap_empty(c, x) ||
        tkind(c, x) != NT_TOK_WORD || tend(c, x) - tstart(c, x) != 1)
        return false;
    unsigned char b = c->s[tstart(c, x)];
    if (!((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'))) return false;
    return is_punct(c, x + 1, ')') || (!paren && is_punct(c, x + 1, '.'));
}

/* The number of round brackets open after token i, given `depth` before it. */
static inline size_t paren_step(const ctx *c, size_t i, size_t depth) {
    if (tkind(c, i) != NT_TOK_PUNCT || tend(c, i) - tstart(c, i) != 1) return depth;
    unsigned char b = c->s[tstart(c, i)];
    if (b == '(') return depth + 1;
    if (b == ')' && depth > 0) return depth - 1;
    return depth;
}

#define BRACKET_LOOKAHEAD 8 /* tokens searched for the ")" of an open bracket */

/* Does a ")" come within BRACKET_LOOKAHEAD tokens from token k, on the same
 * line and before any "(" or terminal punctuation?  Then a period before k is
 * inside a bracket that the sentence goes on through. */
static bool bracket_closes_soon(const ctx *c, size_t k) {
    for (size_t n = 0; n < BRACKET_LOOKAHEAD && k < c->t->len; n++, k++) {
        if (tkind(c, k) == NT_TOK_PUNCT && tend(c, k) - tstart(c, k) == 1) {
            unsigned char b = c->s[tstart(c, k)];
            if (b == ')') return true;
            if (b == '(') return false;
        }
        if (is_terminal(c, k) || gap_newlines(c, k) > 0) return false;
    }
    return false;
}

/* Does the token after the boundary candidate start a new sentence? */
static bool opens_sentence(const ctx *c, size_t k) {
    if (starts_upper(c, k) || starts_uncased(c, k)) return true;
    int kind = tkind(c, k);
    if (kind == NT_TOK_NUMBER || kind == NT_TOK_DATE || kind == NT_TOK_TIME ||
        kind == NT_TOK_HASHTAG || kind == NT_TOK_MENTION || kind == NT_TOK_URL ||
        kind == NT_TOK_SYMBOL)
        return true;
    if (kind == NT_TOK_QUOTE || kind == NT_TOK_PUNCT) {
        /* an opening quote or bracket: look at what it opens */
        unsigned char b = c->s[tstart(c, k)];
        if (kind == NT_TOK_PUNCT && b != '(' && b != '[' && b != '-' &&
            !(b == 0xE2)) /* dashes and bullets start lines too */
            return false;
        if (k + 1 < c->t->len && gap_empty(c, k)) return !starts_lower(c, k + 1);
        return true;
    }
    return false;
}

/* Does a line that ends at token i look wrapped (the sentence goes on)? */
static bool line_continues(const ctx *c, size_t i) {
    int kind = tkind(c, i);
    if (kind == NT_TOK_PUNCT) {
        unsigned char b = c->s[tstart(c, i)];
        return b == ',' || b == ';' || b == '(' || b == '-' || b == '/' || b == '&';
    }
    if (kind == NT_TOK_WORD && starts_lower(c, i) && is_function_word(c, i)) return true;
    return false;
}

nt_status nt_sentences_split(const nt_tokenizer *tok, const char *text, size_t len,
                             const nt_spans *tokens, nt_spans *out,
                             const nt_interrupt *intr) {
    if (tok == NULL || tokens == NULL || out == NULL || (text == NULL && len > 0))
        return NT_EINVAL;
    ctx c = {(const unsigned char *)text, len, tokens, nt_tokenizer_lang(tok)};
    const size_t T = tokens->len;
    /* the rules look a few tokens ahead: check every span first (in order,
     * not empty, not overlapping, so only the last end needs comparing to len) */
    const int64_t *ts = tokens->start, *te = tokens->end;
    for (size_t i = 0; i < T; i++)
        if (ts[i] < 0 || ts[i] >= te[i] || (i > 0 && ts[i] < te[i - 1])) return NT_EINVAL;
    if (T > 0 && (uint64_t)te[T - 1] > (uint64_t)len) return NT_EINVAL;
    size_t first = 0;
    size_t next_check = NT_INTERRUPT_BYTES;
    size_t depth = 0; /* round brackets open in the current sentence */
    for (size_t i = 0; i < T; i++) {
        depth = paren_step(&c, i, depth);
        if (intr && intr->check && tend(&c, i) >= next_check) {
            if (intr->check(intr->ctx)) return NT_EINTR;
            next_check = tend(&c, i) + NT_INTERRUPT_BYTES;
        }
        size_t last = i, wa = 0, wb = 0;
        bool split = false, abbrev = false;
        if (i + 1 == T) {
            split = true;
        } else if (abbrev_period(&c, i, &wa, &wb)) {
            if (gap_newlines(&c, i) == 0 && !gap_empty(&c, i) && starts_upper(&c, i + 1))
                split = is_function_word(&c, i + 1) || abbrev_can_end(&c, wa, wb) ||
                        (c.lang == NT_LANG_ID && (id_stop_opener(&c, i + 1) ||
                                                  id_after_company(&c, wa, wb, i + 1)));
            else if (gap_newlines(&c, i) == 0 && !gap_empty(&c, i))
                /* kata S. "Jadi, ...; not after a title (Gen. "Mad dog" Mattis) */
                split = quote_opens_sentence(&c, i + 1) &&
                        !nt_lexicon_has(NT_LEX_TITLES, text + wa, wb - wa);
            abbrev = true;
        } else if (is_terminal(&c, i)) {
            /* absorb closing quotes and brackets glued to the left */
            size_t j = i;
            while (j + 1 < T && is_closer(&c, j + 1) && gap_empty(&c, j) &&
                   gap_newlines(&c, j) == 0)
                depth = paren_step(&c, ++j, depth);
            last = j;
            if (j + 1 == T) {
                split = true;
            } else if (gap_newlines(&c, j) > 0) {
                split = !(is_list_marker(&c, i) && j == i);
            } else if ((is_list_marker(&c, i) || is_inline_list_marker(&c, i)) && j == i) {
                split = false;
            } else if (gap_empty(&c, j) && !starts_upper(&c, j + 1)) {
                split = false; /* 34/PMK.011/2007, "?," and other glued text */
            } else if (j == i && c.s[tstart(&c, i)] == '.' && !is_ellipsis(&c, i) &&
                       starts_lower(&c, i + 1) && i > first &&
                       (tkind(&c, i - 1) == NT_TOK_WORD || tkind(&c, i - 1) == NT_TOK_NUMBER)) {
                /* "... bergigi. shikamaru ...", "... pada 1879. atau ...":
                 * after an ordinary word or a number (abbreviations and list
                 * markers took the branches above) a period followed by a
                 * lower-case word is a sentence whose capital was lost; the
                 * word must be in this sentence (a period opening a paragraph
                 * does not look back across the blank line: fuzz_sentences) */
                split = true;
            } else if (j == i && starts_lower(&c, i + 1) && tkind(&c, i + 1) == NT_TOK_WORD &&
                       is_question_or_run(&c, i)) {
                /* "... sadar dari komanya? naskah ...": with no closing quote
                 * (”Apa kabar?” tanya dia) a question mark, or a run such as
                 * ?! or !!!, ends the sentence before a lower-case word; a
                 * single ! does not (Yahoo! and AOL) */
                split = true;
            } else if (is_ellipsis(&c, i)) {
                /* "Rusia ... dan": an ellipsis ends a sentence only before a capital */
                split = starts_upper(&c, j + 1);
            } else {
                split = opens_sentence(&c, j + 1);
            }
            /* "(SSK. II)", "itu (yang tertutup. Tanpa wartawan) selesai":
             * the bracket closes a few tokens on, on the same line */
            if (split && depth > 0 && j + 1 < T && gap_newlines(&c, j) == 0 &&
                bracket_closes_soon(&c, j + 1))
                split = false;
        }
        if (!split) {
            size_t nl = gap_newlines(&c, last);
            if (nl == 0 && c.lang == NT_LANG_ID && id_run_on(&c, last)) {
                split = true; /* "... salah sebut pemenang Di sisi lain ..." */
            } else if (nl == 0 && quote_after_attribution(&c, last)) {
                split = true; /* `"...," katanya "Faktor risiko ...` */
            } else if (nl >= 2) {
                split = true;
            } else if (nl == 1 && last + 1 < T) {
                if (starts_list_item(&c, last + 1)) {
                    split = true; /* "a. pendaftaran\nb. verifikasi" */
                } else if (abbrev && last == i) {
                    split = opens_sentence(&c, last + 1);
                } else {
                    split = !line_continues(&c, last) && opens_sentence(&c, last + 1);
                }
            }
        }
        if (split) {
            nt_status st = nt_spans_push(out, tokens->start[first], tokens->end[last], 0);
            if (st != NT_OK) return st;
            first = last + 1;
            depth = 0;
            i = last;
        } else if (last != i) {
            i = last;
        }
    }
    return NT_OK;
}
