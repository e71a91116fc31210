/* fuzz_keywords.c — libFuzzer target: nt_keywords_extract (YAKE, RAKE,
 * TextRank) and nt_wordset.
 *
 * opt[0]: bit 0 language, bits 1-2 method (3 = an invalid option set,
 * which must be NT_EINVAL with empty results), bits 3-7 top (0..31, XOR 10: the zero bytes of the seeds give 10);
 * opt[1]: max_ngram 1..4 (bits 0-1), window 1..4 (bits 2-3), min_chars
 * 0..3 (bits 4-5), bit 6 user stop words, bit 7 a blacklist (both made from
 * the text's own words); opt[2]: NT_KW_* flags; opt[3]: dedup (0, 0.5,
 * 0.9, 1, 2 by opt[3] % 5).
 * Invariants: at most top keywords; scores finite, best first (YAKE
 * ascending, RAKE and TextRank descending); count >= 1; each phrase inside
 * buf, non-empty, valid UTF-8 when the text is, with at most max_ngram
 * space-separated words and no blacklisted phrase; its first occurrence a
 * non-empty span inside the text on unit boundaries; no phrase twice;
 * extraction replaces earlier contents (a second run into the same result
 * gives the same answer: no uninitialised or leftover state).
 * No "pieces" check: scores are global statistics of the text.
 */
#include "kw_checks.h"

/* Add the first `n` whitespace-separated words of the text to ws. */
static void add_words(nt_wordset *ws, const fz_input *in, size_t skip, size_t n)
{
    size_t i = 0, w = 0;
    while (i < in->len && w < skip + n) {
        while (i < in->len && (in->text[i] == ' ' || in->text[i] == '\n'))
            i++;
        size_t a = i;
        while (i < in->len && in->text[i] != ' ' && in->text[i] != '\n')
            i++;
        if (i > a && w++ >= skip) {
            nt_status st = nt_wordset_add(ws, in->text + a, i - a);
            FZ_REQUIRE(st == NT_OK || (st == NT_ETOOBIG && i - a > 65536));
            if (st == NT_OK)
                FZ_REQUIRE(nt_wordset_has(ws, in->text + a, i - a));
        }
    }
}

static void check(const fz_input *in, const nt_keywords_opts *o, const nt_keywords *kw)
{
    for (size_t k = 0; k < kw->len; k++) {
        const nt_keyword *x = &kw->items[k];
        fz_check_ranked(k, o->top, k ? kw->items[k - 1].score : 0, x->score, o->method == NT_KW_YAKE);
        FZ_REQUIRE(x->count >= 1);
        FZ_REQUIRE(x->phrase_len > 0 && x->phrase <= kw->buf_len && x->phrase_len <= kw->buf_len - x->phrase);
        const char *ph = kw->buf + x->phrase;
        if (in->valid)
            FZ_REQUIRE(fz_utf8_valid((const uint8_t *)ph, x->phrase_len));
        size_t words = 1;
        for (size_t i = 0; i < x->phrase_len; i++)
            words += ph[i] == ' ';
        FZ_REQUIRE(words <= o->max_ngram);
        FZ_REQUIRE(ph[0] != ' ' && ph[x->phrase_len - 1] != ' ');
        if (o->blacklist)
            FZ_REQUIRE(!nt_wordset_has(o->blacklist, ph, x->phrase_len));
        fz_check_span(in, x->start, x->end, 1);
        for (size_t j = 0; j < k; j++) {
            const nt_keyword *y = &kw->items[j];
            FZ_REQUIRE(y->phrase_len != x->phrase_len || memcmp(kw->buf + y->phrase, ph, x->phrase_len) != 0);
        }
    }
}

static void same(const nt_keywords *a, const nt_keywords *b)
{
    FZ_REQUIRE(a->len == b->len);
    for (size_t k = 0; k < a->len; k++) {
        const nt_keyword *x = &a->items[k], *y = &b->items[k];
        FZ_REQUIRE(x->score == y->score && x->count == y->count && x->start == y->start && x->end == y->end);
        FZ_REQUIRE(x->phrase_len == y->phrase_len);
        FZ_REQUIRE(memcmp(a->buf + x->phrase, b->buf + y->phrase, x->phrase_len) == 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in;
    nt_keywords_opts o;
    nt_tokenizer *tok = fz_kw_begin(&in, data, size, &o);
    unsigned m = (in.opt[0] >> 1) & 3;
    o.top = fz_kw_top(in.opt[0] >> 3);
    o.max_ngram = 1 + (in.opt[1] & 3);
    o.window = 1 + ((in.opt[1] >> 2) & 3);
    o.min_chars = (in.opt[1] >> 4) & 3;
    o.flags = in.opt[2] & NT_KW_FLAGS_ALL;
    static const double dedups[5] = {0.0, 0.5, 0.9, 1.0, 2.0};
    o.dedup = dedups[in.opt[3] % 5];
    nt_wordset *stop = NULL, *black = NULL;
    if (in.opt[1] & 0x40) {
        FZ_OK(nt_wordset_new(NULL, &stop));
        add_words(stop, &in, 0, 2);
        o.stopwords = stop;
    }
    if (in.opt[1] & 0x80) {
        FZ_OK(nt_wordset_new(NULL, &black));
        add_words(black, &in, 2, 3);
        o.blacklist = black;
    }

    nt_keywords kw, again;
    nt_keywords_init(&kw, NULL);
    nt_keywords_init(&again, NULL);
    if (m == 3) {
        /* an invalid option set: refused, results empty */
        o.method = NT_KW_YAKE;
        switch (in.opt[3] % 5) {
        case 0: o.max_ngram = 0; break;
        case 1: o.max_ngram = NT_KW_MAX_NGRAM + 1; break;
        case 2: o.window = 0; break;
        case 3: o.dedup = -0.5; break;
        default: o.dedup = NAN; break;
        }
        FZ_REQUIRE(nt_keywords_extract(tok, in.text, in.len, &o, &kw, NULL) == NT_EINVAL);
        FZ_REQUIRE(kw.len == 0);
    } else {
        o.method = (nt_kw_method)m;
        FZ_OK(nt_keywords_extract(tok, in.text, in.len, &o, &kw, NULL));
        check(&in, &o, &kw);
        /* into a used result: replaced, same answer */
        FZ_OK(nt_keywords_extract(tok, in.text, in.len / 2, &o, &again, NULL));
        FZ_OK(nt_keywords_extract(tok, in.text, in.len, &o, &again, NULL));
        same(&kw, &again);
    }
    nt_keywords_free(&again);
    nt_keywords_free(&kw);
    nt_wordset_free(stop);
    nt_wordset_free(black);
    nt_tokenizer_free(tok);
    fz_end(&in);
    return 0;
}
