/* test_fuzz_found.c — regression tests for the bugs the libFuzzer targets
 * in fuzz/ found (issue 7).  Each was a crash, an out-of-bounds access or
 * a broken invariant; tests/test_c_core.py also runs this under ASan. */
#include "harness.h"

#include <math.h>

/* fuzz_tokenize.c: tokenizing into an array that already held tokens of
 * another text read the last of them as "the previous token" (is it
 * pukul/jam?) with this text's bytes: a heap over-read past the new text. */
static void tokenizer_appends_without_looking_back(void)
{
    nt_tokenizer *tok = NULL;
    CHECK(nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok) == NT_OK);
    const char *head = "Rapat kabinet dimulai tepat pada jam";
    char *tail = malloc(4); /* exactly sized, so ASan sees any read past it */
    memcpy(tail, "9.30", 4);
    nt_spans both, alone;
    nt_spans_init(&both, NULL);
    nt_spans_init(&alone, NULL);
    CHECK(nt_tokenizer_run(tok, head, strlen(head), &both, NULL) == NT_OK);
    size_t from = both.len;
    CHECK(from == 6);
    CHECK(nt_tokenizer_run(tok, tail, 4, &both, NULL) == NT_OK);
    CHECK(nt_tokenizer_run(tok, tail, 4, &alone, NULL) == NT_OK);
    CHECK(alone.len == 1 && both.len == from + 1);
    CHECK(both.start[from] == 0 && both.end[from] == 4 && both.kind[from] == alone.kind[0]);
    CHECK(alone.kind[0] == NT_TOK_NUMBER);
    /* within one text the time word still counts */
    const char *one = "tepat pada jam 9.30";
    nt_spans_clear(&alone);
    CHECK(nt_tokenizer_run(tok, one, strlen(one), &alone, NULL) == NT_OK);
    CHECK(alone.len == 4 && alone.kind[3] == NT_TOK_TIME);
    free(tail);
    nt_spans_free(&both);
    nt_spans_free(&alone);
    nt_tokenizer_free(tok);
}

/* fuzz_stem.c: nt_stem_bound was 2 * len + 4, but an ill-formed byte is
 * written as U+FFFD (3 bytes): a heap overflow of the caller's buffer. */
static void stem_bound_covers_ill_formed_bytes(void)
{
    char word[40];
    memset(word, 0xFF, sizeof word);
    size_t cap = nt_stem_bound(sizeof word);
    CHECK(cap >= 3 * sizeof word);
    char *out = malloc(cap);
    size_t n = 0;
    CHECK(nt_stem(NT_LANG_ID, word, sizeof word, NULL, out, cap, &n) == NT_OK);
    CHECK(n == 3 * sizeof word);
    int all_fffd = 1;
    for (size_t i = 0; i + 2 < n; i += 3)
        all_fffd &= memcmp(out + i, "\xEF\xBF\xBD", 3) == 0;
    CHECK(all_fffd);
    CHECK(nt_stem(NT_LANG_EN, word, sizeof word, NULL, out, cap - 1, &n) == NT_ETOOBIG);
    CHECK(nt_stem_bound((size_t)-1) == (size_t)-1); /* no wrap-around */
    free(out);
}

/* fuzz_corpus.c: a corpus whose whole vocabulary is one term gave
 * distinctive() a NaN score (log of x/0 on both sides). */
static void distinctive_single_term_is_finite(void)
{
    nt_tokenizer *tok = NULL;
    CHECK(nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok) == NT_OK);
    nt_keywords_opts o;
    nt_keywords_opts_init(&o, NT_LANG_ID);
    o.max_ngram = 1;
    nt_corpus *c = NULL;
    CHECK(nt_corpus_new(&o, NULL, &c) == NT_OK);
    CHECK(nt_corpus_add(c, tok, "Jokowi Jokowi", 13, NULL) == NT_OK);
    CHECK(nt_corpus_add(c, tok, "Jokowi", 6, NULL) == NT_OK);
    uint32_t groups[2] = {0, 1};
    nt_termscores ts;
    nt_termscores_init(&ts, NULL);
    for (uint32_t g = 0; g < 2; g++) {
        CHECK(nt_corpus_distinctive(c, groups, g, 10, 1.0, 1, &ts) == NT_OK);
        CHECK(ts.len == 1 && isfinite(ts.items[0].score) && ts.items[0].score == 0.0);
    }
    /* with a second term the scores are ordinary again */
    CHECK(nt_corpus_add(c, tok, "Prabowo", 7, NULL) == NT_OK);
    uint32_t g3[3] = {0, 1, 1};
    CHECK(nt_corpus_distinctive(c, g3, 0, 10, 1.0, 1, &ts) == NT_OK);
    CHECK(ts.len == 1 && isfinite(ts.items[0].score) && ts.items[0].score > 0.0);
    nt_termscores_free(&ts);
    nt_corpus_free(c);
    nt_tokenizer_free(tok);
}

/* fuzz_clean.c: metadata fields were trimmed of ASCII spaces and NBSP
 * only, so a title could start with NUL bytes or a byte-order mark. */
static void clean_fields_are_trimmed_of_controls_and_format_chars(void)
{
    const char *text = "\xEF\xBB\xBF\x01" "Banjir Rendam Jakarta Utara\xE2\x80\x8B\n\n"
                       "JAKARTA, KOMPAS.com - Banjir merendam ratusan rumah warga di Jakarta Utara "
                       "sejak Selasa pagi setelah hujan deras turun semalaman.\n";
    nt_article a;
    nt_article_init(&a, NULL);
    CHECK(nt_clean_run(text, strlen(text), NT_LANG_ID, &a, NULL) == NT_OK);
    int found = 0;
    for (size_t k = 0; k < a.fields.len; k++) {
        if (a.fields.kind[k] != NT_FIELD_TITLE)
            continue;
        found = 1;
        const char *want = "Banjir Rendam Jakarta Utara";
        CHECK(a.fields.start[k] == 4 && (size_t)(a.fields.end[k] - a.fields.start[k]) == strlen(want));
        CHECK(memcmp(text + a.fields.start[k], want, strlen(want)) == 0);
    }
    CHECK(found);
    nt_article_free(&a);
}

int main(void)
{
    tokenizer_appends_without_looking_back();
    stem_bound_covers_ill_formed_bytes();
    distinctive_single_term_is_finite();
    clean_fields_are_trimmed_of_controls_and_format_chars();
    return test_summary("test_fuzz_found");
}
