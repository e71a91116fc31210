/* fuzz_core.c — libFuzzer harness for the C core's entry points (issue 7).
 *
 * One input runs the tokenizer (both languages), the sentence splitter,
 * keyword extraction (YAKE, RAKE, TextRank), the quote finder and the
 * cleaner, and checks their invariants: every span inside the input,
 * start <= end, in order, on UTF-8 boundaries; tokens non-empty and
 * non-overlapping; every token in exactly one sentence; sentences and
 * clean() pieces as documented.  Any violation aborts (a crash for the
 * fuzzer).  Build and run: `make fuzz` (clang with -fsanitize=fuzzer).
 */
#include "newstext.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REQUIRE(c)                                                              \
    do {                                                                        \
        if (!(c)) {                                                             \
            fprintf(stderr, "fuzz_core.c:%d: invariant failed: %s\n", __LINE__, #c); \
            abort();                                                            \
        }                                                                       \
    } while (0)

/* A byte offset is on a boundary when it is 0, len, or not a continuation
 * byte.  The core decodes invalid UTF-8 leniently, one byte per error, so
 * a boundary is any offset whose byte is not 10xxxxxx inside a valid
 * sequence; checking "not a continuation byte" is exact for valid input
 * and the fuzzer's inputs are mostly valid after the first seconds. */
static int on_boundary(const uint8_t *s, size_t len, int64_t off, int valid)
{
    if (off < 0 || (size_t)off > len)
        return 0;
    if (!valid || off == 0 || (size_t)off == len)
        return 1;
    return (s[off] & 0xC0) != 0x80;
}

static int utf8_valid(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (k == 0 || i + k > n)
            return 0;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
        i += k;
    }
    return 1;
}

static void check_spans(const nt_spans *sp, const uint8_t *s, size_t len, int valid, int nonempty)
{
    int64_t prev = 0;
    for (size_t i = 0; i < sp->len; i++) {
        REQUIRE(sp->start[i] >= prev);
        REQUIRE(sp->start[i] <= sp->end[i]);
        if (nonempty)
            REQUIRE(sp->start[i] < sp->end[i]);
        REQUIRE((size_t)sp->end[i] <= len);
        REQUIRE(on_boundary(s, len, sp->start[i], valid));
        REQUIRE(on_boundary(s, len, sp->end[i], valid));
        prev = sp->end[i];
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    int valid = utf8_valid(data, size);
    for (int li = 0; li < 2; li++) {
        nt_lang lang = li ? NT_LANG_EN : NT_LANG_ID;
        nt_tokenizer *tok = NULL;
        REQUIRE(nt_tokenizer_new(lang, 0, NULL, &tok) == NT_OK);
        nt_spans toks, sents;
        nt_spans_init(&toks, NULL);
        nt_spans_init(&sents, NULL);
        REQUIRE(nt_tokenizer_run(tok, text, size, &toks, NULL) == NT_OK);
        check_spans(&toks, data, size, valid, 1);
        REQUIRE(nt_sentences_split(tok, text, size, &toks, &sents, NULL) == NT_OK);
        check_spans(&sents, data, size, valid, 1);
        /* every token in exactly one sentence, sentences start and end on tokens */
        size_t ti = 0;
        for (size_t k = 0; k < sents.len; k++) {
            REQUIRE(ti < toks.len && toks.start[ti] == sents.start[k]);
            while (ti < toks.len && toks.end[ti] <= sents.end[k])
                ti++;
            REQUIRE(toks.end[ti - 1] == sents.end[k]);
        }
        REQUIRE(ti == toks.len);

        for (int m = 0; m < 3; m++) {
            nt_keywords_opts o;
            nt_keywords_opts_init(&o, lang);
            o.method = (nt_kw_method)m;
            nt_keywords kw;
            nt_keywords_init(&kw, NULL);
            REQUIRE(nt_keywords_extract(tok, text, size, &o, &kw, NULL) == NT_OK);
            REQUIRE(kw.len <= o.top);
            for (size_t k = 0; k < kw.len; k++) {
                const nt_keyword *x = &kw.items[k];
                REQUIRE(x->phrase + x->phrase_len <= kw.buf_len && x->phrase_len > 0);
                REQUIRE(x->start >= 0 && x->start < x->end && (size_t)x->end <= size);
                REQUIRE(x->count >= 1);
            }
            nt_keywords_free(&kw);
        }

        nt_quotes q;
        nt_quotes_init(&q, NULL);
        REQUIRE(nt_quotes_extract(tok, text, size, &q, NULL) == NT_OK);
        int64_t prev = 0;
        for (size_t k = 0; k < q.len; k++) {
            const nt_quote *x = &q.items[k];
            REQUIRE(x->start >= prev && x->start <= x->end && (size_t)x->end <= size);
            REQUIRE(on_boundary(data, size, x->start, valid) && on_boundary(data, size, x->end, valid));
            REQUIRE(x->kind < NT_QUOTE_KIND_COUNT);
            if (x->speaker_start >= 0)
                REQUIRE(x->speaker_start <= x->speaker_end && (size_t)x->speaker_end <= size);
            prev = x->start;
        }
        nt_quotes_free(&q);

        nt_article a;
        nt_article_init(&a, NULL);
        REQUIRE(nt_clean_run(text, size, lang, &a, NULL) == NT_OK);
        /* the pieces rebuild the input exactly: contiguous from 0 to size */
        int64_t at = 0;
        for (size_t k = 0; k < a.pieces.len; k++) {
            REQUIRE(a.pieces.start[k] == at && a.pieces.end[k] > at);
            at = a.pieces.end[k];
        }
        REQUIRE((size_t)at == size);

        /* the clean view (issue 3, item 5): never longer than the text, every
         * run's bytes are the original's, quotes map back in order */
        nt_clean_view v;
        nt_clean_view_init(&v, NULL);
        REQUIRE(nt_clean_view_from_article(text, size, &a, NT_CLEAN_KEEP_TEXT, &v) == NT_OK);
        REQUIRE(v.len <= size);
        for (size_t k = 0; k < v.nsegs; k++) {
            const nt_clean_seg *g = &v.segs[k];
            REQUIRE(g->view + g->len <= (int64_t)v.len && g->orig + g->len <= (int64_t)size);
            REQUIRE(memcmp(v.text + g->view, text + g->orig, (size_t)g->len) == 0);
        }
        nt_clean_view_free(&v);
        nt_article_free(&a);
        nt_quotes_init(&q, NULL);
        REQUIRE(nt_quotes_extract_clean(tok, text, size, &q, NULL) == NT_OK);
        prev = 0;
        for (size_t k = 0; k < q.len; k++) {
            const nt_quote *x = &q.items[k];
            REQUIRE(x->start >= prev && x->start <= x->end && (size_t)x->end <= size);
            REQUIRE(on_boundary(data, size, x->start, valid) && on_boundary(data, size, x->end, valid));
            prev = x->start;
        }
        nt_quotes_free(&q);

        nt_spans_free(&sents);
        nt_spans_free(&toks);
        nt_tokenizer_free(tok);
    }
    return 0;
}
