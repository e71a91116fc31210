/* fuzz_corpus.c — libFuzzer target: nt_corpus_add, nt_corpus_tfidf,
 * nt_corpus_distinctive (Python: tfidf(), distinctive()).
 *
 * The text is split into documents at form feeds ("\f"), at most 16.
 * opt[0]: bit 0 language, bits 1-2 max_ngram 1..4, bit 3 NT_KW_DIGITS,
 * bits 4-7 top (0..15, XOR 10); opt[1]: min_df 1..4 (bits 0-1) and min_count 1..4
 * (bits 2-3), prior 0.01/0.1/1/10 (bits 4-5); opt[2..3]: one group bit per
 * document.  top is 10 when its bits are 0 (the seeds), 0 when they are 10.
 * Invariants: every document is added; term ids < nt_corpus_terms() and
 * their keys non-empty; tf-idf lists at most top, best first, scores finite
 * in [0, 1] with the list's squares summing to at most 1, count >= 1,
 * min_df <= df <= docs; distinctive lists at most top, best first, scores
 * finite, count >= min_count; a prior <= 0 or NaN is NT_EINVAL; a document
 * index out of range is NT_EINVAL.
 */
#include "kw_checks.h"

#define MAX_DOCS 16

static void check_list(const nt_corpus *c, const nt_termscores *ts, size_t top)
{
    for (size_t i = 0; i < ts->len; i++) {
        size_t n = 0;
        fz_check_ranked(i, top, i ? ts->items[i - 1].score : 0, ts->items[i].score, 0);
        FZ_REQUIRE(ts->items[i].term < nt_corpus_terms(c));
        FZ_REQUIRE(nt_corpus_term(c, ts->items[i].term, &n) != NULL && n > 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in;
    nt_keywords_opts o;
    nt_tokenizer *tok = fz_kw_begin(&in, data, size, &o);
    o.max_ngram = 1 + ((in.opt[0] >> 1) & 3);
    if (in.opt[0] & 8)
        o.flags |= NT_KW_DIGITS;
    size_t top = fz_kw_top(in.opt[0] >> 4);
    size_t min_df = 1 + (in.opt[1] & 3), min_count = 1 + ((in.opt[1] >> 2) & 3);
    static const double priors[4] = {0.01, 0.1, 1.0, 10.0};
    double prior = priors[(in.opt[1] >> 4) & 3];
    unsigned gbits = (unsigned)in.opt[2] | (unsigned)in.opt[3] << 8;

    nt_corpus *c = NULL;
    FZ_OK(nt_corpus_new(&o, NULL, &c));
    size_t a = 0, docs = 0;
    while (docs < MAX_DOCS) {
        size_t b = a;
        while (b < in.len && in.text[b] != '\f')
            b++;
        FZ_OK(nt_corpus_add(c, tok, in.text + a, b - a, NULL));
        docs++;
        if (b >= in.len)
            break;
        a = b + 1;
    }
    FZ_REQUIRE(nt_corpus_docs(c) == docs);
    size_t n = 0;
    FZ_REQUIRE(nt_corpus_term(c, nt_corpus_terms(c), &n) == NULL);

    nt_termscores ts;
    nt_termscores_init(&ts, NULL);
    for (size_t d = 0; d < docs; d++) {
        FZ_OK(nt_corpus_tfidf(c, d, top, min_df, &ts));
        check_list(c, &ts, top);
        double sq = 0;
        for (size_t i = 0; i < ts.len; i++) {
            const nt_termscore *x = &ts.items[i];
            FZ_REQUIRE(x->score >= 0 && x->score <= 1.0 + 1e-9);
            FZ_REQUIRE(x->count >= 1 && x->other >= min_df && x->other <= docs);
            sq += x->score * x->score;
        }
        FZ_REQUIRE(sq <= 1.0 + 1e-9);
    }
    FZ_REQUIRE(nt_corpus_tfidf(c, docs, top, min_df, &ts) == NT_EINVAL);

    uint32_t groups[MAX_DOCS];
    for (size_t d = 0; d < docs; d++)
        groups[d] = (gbits >> d) & 1;
    for (uint32_t g = 0; g < 2; g++) {
        FZ_OK(nt_corpus_distinctive(c, groups, g, top, prior, min_count, &ts));
        check_list(c, &ts, top);
        for (size_t i = 0; i < ts.len; i++)
            FZ_REQUIRE(ts.items[i].count >= min_count);
    }
    FZ_REQUIRE(nt_corpus_distinctive(c, groups, 0, top, 0.0, min_count, &ts) == NT_EINVAL);
    FZ_REQUIRE(nt_corpus_distinctive(c, groups, 0, top, NAN, min_count, &ts) == NT_EINVAL);
    nt_termscores_free(&ts);
    nt_corpus_free(c);
    nt_tokenizer_free(tok);
    fz_end(&in);
    return 0;
}
