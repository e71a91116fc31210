/* kw_checks.h — what the keyword targets (fuzz_keywords.c, fuzz_corpus.c)
 * share on top of common.h: the setup from the option bytes (the language
 * of opt[0] bit 0, its tokenizer and keyword options) and the check of a
 * ranked list (nt_keywords, nt_termscores).
 */
#ifndef NT_FUZZ_KW_CHECKS_H
#define NT_FUZZ_KW_CHECKS_H

#include "common.h"

/* Read the input, make the tokenizer of its language (opt[0] bit 0) and
 * that language's default keyword options.  The caller frees the tokenizer
 * and ends the input. */
static inline nt_tokenizer *fz_kw_begin(fz_input *in, const uint8_t *data, size_t size, nt_keywords_opts *o)
{
    fz_begin(in, data, size);
    nt_lang lang = fz_lang(in->opt[0]);
    nt_tokenizer *tok = NULL;
    FZ_OK(nt_tokenizer_new(lang, 0, NULL, &tok));
    nt_keywords_opts_init(o, lang);
    return tok;
}

/* `top` from option bits: 10 for the zero option bytes of the seeds. */
static inline size_t fz_kw_top(unsigned bits) { return bits ^ 10u; }

/* Item i of a ranked list of at most top items: index below top, score
 * finite, and no better than the item before (`ascending`: lower scores
 * are better, as in YAKE; else higher ones). */
static inline void fz_check_ranked(size_t i, size_t top, double prev, double score, int ascending)
{
    FZ_REQUIRE(i < top);
    FZ_REQUIRE(isfinite(score));
    if (i > 0)
        FZ_REQUIRE(ascending ? prev <= score : prev >= score);
}

#endif /* NT_FUZZ_KW_CHECKS_H */
