/*
 * test_keywords.c — tests for csrc/keywords.c: word sets, option checks,
 * YAKE/RAKE/TextRank results, allocation failure at every allocation, and
 * interrupts.
 *
 * Exits 0 and prints "test_keywords: N checks passed" when every check
 * holds; otherwise reports each failure on stderr and exits 1.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newstext.h"

static unsigned long n_checks, n_failed;
static size_t n_checks_dummy;

static void check_at(int ok, const char *file, int line, const char *what)
{
    n_checks++;
    if (!ok) {
        n_failed++;
        fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
    }
}
#define CHECK(cond) check_at((cond) ? 1 : 0, __FILE__, __LINE__, #cond)

/* An allocator that fails the n-th allocation (malloc or growing realloc)
 * and counts live bytes, so every failure path is exercised leak-free. */
typedef struct {
    long fail_at; /* -1: never */
    long calls;
    long live;
} failing;

static void *f_malloc(void *ctx, size_t n)
{
    failing *f = ctx;
    if (f->fail_at >= 0 && f->calls++ == f->fail_at)
        return NULL;
    void *p = malloc(n);
    if (p)
        f->live += (long)n;
    return p;
}
static void *f_realloc(void *ctx, void *p, size_t old, size_t n)
{
    failing *f = ctx;
    if (f->fail_at >= 0 && f->calls++ == f->fail_at)
        return NULL;
    void *q = realloc(p, n);
    if (q)
        f->live += (long)n - (long)old;
    return q;
}
static void f_free(void *ctx, void *p, size_t n)
{
    failing *f = ctx;
    f->live -= (long)n;
    free(p);
}

static const char *NEWS =
    "Banjir Rendam Ribuan Rumah di Jakarta Utara\n\n"
    "JAKARTA, KOMPAS - Banjir merendam ribuan rumah di Jakarta Utara setelah hujan deras "
    "mengguyur ibu kota sejak Minggu malam.\n\n"
    "Kepala BPBD DKI Jakarta mengatakan, ketinggian air di permukiman warga mencapai satu "
    "meter. \xE2\x80\x9CKami sudah mengerahkan perahu karet untuk mengevakuasi warga,\xE2\x80\x9D "
    "kata dia, Senin (6/1/2025).\n\n"
    "Menurut BPBD, sebanyak 3.200 warga mengungsi ke masjid dan sekolah terdekat. Banjir "
    "juga merendam jalan utama di Jakarta Utara.\n";

static const char *phrase(const nt_keywords *kw, size_t i, size_t *len)
{
    *len = kw->items[i].phrase_len;
    return kw->buf + kw->items[i].phrase;
}

static int has_phrase(const nt_keywords *kw, const char *p)
{
    for (size_t i = 0; i < kw->len; i++) {
        size_t n;
        const char *q = phrase(kw, i, &n);
        if (n == strlen(p) && memcmp(q, p, n) == 0)
            return 1;
    }
    return 0;
}

static void test_wordset(void)
{
    nt_wordset *ws = NULL;
    CHECK(nt_wordset_new(NULL, &ws) == NT_OK && ws);
    CHECK(nt_wordset_size(ws) == 0);
    CHECK(!nt_wordset_has(ws, "x", 1));
    CHECK(nt_wordset_add(ws, "Jakarta", 7) == NT_OK);
    CHECK(nt_wordset_add(ws, "JAKARTA", 7) == NT_OK); /* same word */
    CHECK(nt_wordset_add(ws, "\xC3\x89T\xC3\x89", 5) == NT_OK); /* ÉTÉ */
    CHECK(nt_wordset_add(ws, "", 0) == NT_OK);
    CHECK(nt_wordset_size(ws) == 2);
    CHECK(nt_wordset_has(ws, "jakarta", 7));
    CHECK(nt_wordset_has(ws, "jAkArTa", 7));
    CHECK(nt_wordset_has(ws, "\xC3\xA9t\xC3\xA9", 5)); /* été */
    CHECK(!nt_wordset_has(ws, "jakart", 6));
    CHECK(!nt_wordset_has(ws, NULL, 0));
    /* many words force rehashing */
    char buf[32];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(buf, sizeof buf, "kata%d", i);
        CHECK(nt_wordset_add(ws, buf, (size_t)n) == NT_OK);
    }
    CHECK(nt_wordset_size(ws) == 5002);
    CHECK(nt_wordset_has(ws, "KATA4999", 8));
    CHECK(!nt_wordset_has(ws, "kata5000", 8));
    CHECK(nt_wordset_add(NULL, "a", 1) == NT_EINVAL);
    CHECK(nt_wordset_add(ws, NULL, 3) == NT_EINVAL);
    CHECK(nt_wordset_new(NULL, NULL) == NT_EINVAL);
    nt_wordset_free(ws);
    nt_wordset_free(NULL);

    /* allocation failure while adding: no leak, set still usable */
    for (long k = 0; k < 40; k++) {
        failing f = {k, 0, 0};
        nt_allocator a = {f_malloc, f_realloc, f_free, &f};
        nt_wordset *w2 = NULL;
        nt_status st = nt_wordset_new(&a, &w2);
        for (int i = 0; st == NT_OK && i < 100; i++) {
            int n = snprintf(buf, sizeof buf, "w%d", i);
            st = nt_wordset_add(w2, buf, (size_t)n);
        }
        CHECK(st == NT_OK || st == NT_ENOMEM);
        if (w2 && st == NT_ENOMEM) {
            f.fail_at = -1;
            CHECK(nt_wordset_add(w2, "again", 5) == NT_OK);
            CHECK(nt_wordset_has(w2, "again", 5));
        }
        nt_wordset_free(w2);
        CHECK(f.live == 0);
    }
}

static void test_lists(void)
{
    CHECK(nt_wordlist_entry(NT_LANG_ID, NT_WORDLIST_STOP, 0) != NULL);
    CHECK(nt_wordlist_entry(NT_LANG_EN, NT_WORDLIST_CUES, 0) != NULL);
    CHECK(nt_wordlist_entry(NT_LANG_AUTO, NT_WORDLIST_STOP, 0) == NULL);
    CHECK(nt_wordlist_entry(NT_LANG_ID, (nt_wordlist)9, 0) == NULL);
    CHECK(nt_wordlist_entry(NT_LANG_ID, NT_WORDLIST_STOP, 100000) == NULL);
    int found = 0;
    for (size_t i = 0; nt_wordlist_entry(NT_LANG_ID, NT_WORDLIST_CUES, i); i++)
        found |= strcmp(nt_wordlist_entry(NT_LANG_ID, NT_WORDLIST_CUES, i), "katanya") == 0;
    CHECK(found);
}

static void test_results(void)
{
    nt_tokenizer *tok = NULL;
    CHECK(nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok) == NT_OK);
    nt_keywords_opts o;
    nt_keywords_opts_init(&o, NT_LANG_ID);
    CHECK(o.top == 10 && o.max_ngram == 3 && o.window == 1 && o.min_chars == 3);
    CHECK(o.dedup == 0.9 && o.flags == NT_KW_PARAGRAPHS && o.method == NT_KW_YAKE);
    nt_keywords kw;
    nt_keywords_init(&kw, NULL);
    size_t len = strlen(NEWS);
    CHECK(nt_keywords_extract(tok, NEWS, len, &o, &kw, NULL) == NT_OK);
    CHECK(kw.len == 10);
    for (size_t i = 0; i < kw.len; i++) {
        CHECK(kw.items[i].score > 0 && isfinite(kw.items[i].score));
        if (i)
            CHECK(kw.items[i - 1].score <= kw.items[i].score);
        CHECK(kw.items[i].count >= 1);
        CHECK(kw.items[i].start < kw.items[i].end && kw.items[i].end <= (int64_t)len);
        size_t n;
        const char *p = phrase(&kw, i, &n);
        CHECK(n > 0 && memcmp(p, NEWS + kw.items[i].start, 1) == 0);
        /* cue words never surface */
        CHECK(!(n == 4 && memcmp(p, "kata", 4) == 0));
    }
    CHECK(has_phrase(&kw, "Jakarta Utara"));

    /* the blacklist removes a phrase */
    nt_wordset *bl = NULL;
    CHECK(nt_wordset_new(NULL, &bl) == NT_OK);
    CHECK(nt_wordset_add(bl, "jakarta utara", 13) == NT_OK);
    o.blacklist = bl;
    CHECK(nt_keywords_extract(tok, NEWS, len, &o, &kw, NULL) == NT_OK);
    CHECK(!has_phrase(&kw, "Jakarta Utara"));
    o.blacklist = NULL;
    nt_wordset_free(bl);

    /* RAKE and TextRank: higher is better */
    for (int m = NT_KW_RAKE; m <= NT_KW_TEXTRANK; m++) {
        o.method = (nt_kw_method)m;
        CHECK(nt_keywords_extract(tok, NEWS, len, &o, &kw, NULL) == NT_OK);
        CHECK(kw.len == 10);
        for (size_t i = 1; i < kw.len; i++)
            CHECK(kw.items[i - 1].score >= kw.items[i].score);
    }
    o.method = NT_KW_YAKE;

    /* bad options and arguments */
    nt_keywords_opts bad = o;
    bad.max_ngram = 0;
    CHECK(nt_keywords_extract(tok, NEWS, len, &bad, &kw, NULL) == NT_EINVAL);
    bad = o;
    bad.max_ngram = NT_KW_MAX_NGRAM + 1;
    CHECK(nt_keywords_extract(tok, NEWS, len, &bad, &kw, NULL) == NT_EINVAL);
    bad = o;
    bad.window = 0;
    CHECK(nt_keywords_extract(tok, NEWS, len, &bad, &kw, NULL) == NT_EINVAL);
    bad = o;
    bad.flags = 0x80000000u;
    CHECK(nt_keywords_extract(tok, NEWS, len, &bad, &kw, NULL) == NT_EINVAL);
    bad = o;
    bad.dedup = NAN;
    CHECK(nt_keywords_extract(tok, NEWS, len, &bad, &kw, NULL) == NT_EINVAL);
    bad = o;
    bad.method = (nt_kw_method)7;
    CHECK(nt_keywords_extract(tok, NEWS, len, &bad, &kw, NULL) == NT_EINVAL);
    CHECK(nt_keywords_extract(NULL, NEWS, len, &o, &kw, NULL) == NT_EINVAL);
    CHECK(nt_keywords_extract(tok, NULL, 5, &o, &kw, NULL) == NT_EINVAL);
    CHECK(nt_keywords_extract(tok, NEWS, len, NULL, &kw, NULL) == NT_EINVAL);
    CHECK(nt_keywords_extract(tok, NEWS, len, &o, NULL, NULL) == NT_EINVAL);
    CHECK(nt_keywords_extract(tok, NULL, 0, &o, &kw, NULL) == NT_OK && kw.len == 0);
    CHECK(nt_keywords_extract(tok, " \n ", 3, &o, &kw, NULL) == NT_OK && kw.len == 0);
    /* invalid UTF-8 and NUL bytes are ordinary input */
    const char junk[] = "Harga \xFF\xFE beras\0naik \xED\xA0\x80 harga beras naik lagi.";
    CHECK(nt_keywords_extract(tok, junk, sizeof junk - 1, &o, &kw, NULL) == NT_OK);
    CHECK(kw.len > 0);

    nt_keywords_free(&kw);
    nt_keywords_free(&kw);
    nt_tokenizer_free(tok);
}

static void test_enomem(void)
{
    nt_tokenizer *tok = NULL;
    CHECK(nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok) == NT_OK);
    size_t len = strlen(NEWS);
    /* the reference result with the default allocator */
    nt_keywords_opts o;
    nt_keywords_opts_init(&o, NT_LANG_ID);
    nt_keywords ref;
    nt_keywords_init(&ref, NULL);
    CHECK(nt_keywords_extract(tok, NEWS, len, &o, &ref, NULL) == NT_OK);
    for (int m = NT_KW_YAKE; m <= NT_KW_TEXTRANK; m++) {
        o.method = (nt_kw_method)m;
        int saw_ok = 0;
        for (long k = 0; k < 400 && !saw_ok; k++) {
            failing f = {k, 0, 0};
            nt_allocator a = {f_malloc, f_realloc, f_free, &f};
            nt_keywords kw;
            nt_keywords_init(&kw, &a);
            nt_status st = nt_keywords_extract(tok, NEWS, len, &o, &kw, NULL);
            CHECK(st == NT_OK || st == NT_ENOMEM);
            if (st == NT_ENOMEM)
                CHECK(kw.len == 0);
            if (st == NT_OK) {
                saw_ok = 1;
                CHECK(kw.len == 10);
                if (m == NT_KW_YAKE) {
                    for (size_t i = 0; i < kw.len && i < ref.len; i++)
                        CHECK(kw.items[i].score == ref.items[i].score);
                }
            }
            nt_keywords_free(&kw);
            CHECK(f.live == 0);
        }
        CHECK(saw_ok);
    }
    nt_keywords_free(&ref);
    nt_tokenizer_free(tok);
}

static int stop_now(void *ctx)
{
    int *calls = ctx;
    (*calls)++;
    return 1;
}

static void test_interrupt(void)
{
    nt_tokenizer *tok = NULL;
    CHECK(nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok) == NT_OK);
    size_t one = strlen(NEWS), reps = (3u << 20) / one + 1;
    char *big = malloc(one * reps);
    CHECK(big != NULL);
    if (!big)
        return;
    for (size_t i = 0; i < reps; i++)
        memcpy(big + i * one, NEWS, one);
    int calls = 0;
    nt_interrupt intr = {stop_now, &calls};
    nt_keywords_opts o;
    nt_keywords_opts_init(&o, NT_LANG_ID);
    nt_keywords kw;
    nt_keywords_init(&kw, NULL);
    CHECK(nt_keywords_extract(tok, big, one * reps, &o, &kw, &intr) == NT_EINTR);
    CHECK(calls >= 1 && kw.len == 0);
    CHECK(nt_keywords_extract(tok, big, one * reps, &o, &kw, NULL) == NT_OK);
    CHECK(kw.len == 10 && kw.items[0].count >= reps);
    nt_keywords_free(&kw);
    free(big);
    nt_tokenizer_free(tok);
}

static void test_corpus(void)
{
    nt_tokenizer *tok = NULL;
    CHECK(nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok) == NT_OK);
    const char *docs[] = {
        "Banjir merendam Bekasi. Warga Bekasi mengungsi.",
        "Banjir kembali merendam Bekasi dan Karawang.",
        "Harga beras naik. Pedagang beras mengeluh.",
        "",
    };
    const uint32_t groups[] = {0, 0, 1, 1};
    nt_keywords_opts o;
    nt_keywords_opts_init(&o, NT_LANG_ID);
    o.max_ngram = 2;
    for (long k = -1; k < 300; k++) {
        failing f = {k, 0, 0};
        nt_allocator a = {f_malloc, f_realloc, f_free, &f};
        nt_corpus *c = NULL;
        nt_status st = nt_corpus_new(&o, &a, &c);
        for (size_t d = 0; st == NT_OK && d < 4; d++)
            st = nt_corpus_add(c, tok, docs[d], strlen(docs[d]), NULL);
        CHECK(st == NT_OK || st == NT_ENOMEM);
        nt_termscores ts;
        nt_termscores_init(&ts, &a);
        if (st == NT_OK) {
            CHECK(nt_corpus_docs(c) == 4);
            st = nt_corpus_tfidf(c, 0, 3, 1, &ts);
            CHECK(st == NT_OK || st == NT_ENOMEM);
            if (st == NT_OK) {
                size_t n;
                const char *t = nt_corpus_term(c, ts.items[0].term, &n);
                CHECK(ts.len == 3 && n == 6 && memcmp(t, "bekasi", 6) == 0);
                CHECK(ts.items[0].count == 2 && ts.items[0].other == 2);
                st = nt_corpus_distinctive(c, groups, 1, 5, 1.0, 1, &ts);
                CHECK(st == NT_OK || st == NT_ENOMEM);
                if (st == NT_OK) {
                    t = nt_corpus_term(c, ts.items[0].term, &n);
                    CHECK(n == 5 && memcmp(t, "beras", 5) == 0 && ts.items[0].score > 0);
                }
                CHECK(nt_corpus_distinctive(c, groups, 1, 5, 0.0, 1, &ts) == NT_EINVAL);
                CHECK(nt_corpus_tfidf(c, 4, 3, 1, &ts) == NT_EINVAL);
            }
            CHECK(nt_corpus_term(c, 1u << 30, &n_checks_dummy) == NULL);
        }
        nt_termscores_free(&ts);
        nt_corpus_free(c);
        CHECK(f.live == 0);
    }
    nt_tokenizer_free(tok);
}

static void expect_stem(nt_lang lang, const char *w, const char *want)
{
    char out[256];
    size_t n = 0;
    nt_status st = nt_stem(lang, w, strlen(w), NULL, out, sizeof out, &n);
    n_checks++;
    if (st != NT_OK || n != strlen(want) || memcmp(out, want, n) != 0) {
        n_failed++;
        fprintf(stderr, "stem(%s) = %.*s, want %s\n", w, (int)n, out, want);
    }
}

static void test_stem(void)
{
    expect_stem(NT_LANG_ID, "mempertahankan", "tahan");
    expect_stem(NT_LANG_ID, "keberhasilan", "hasil");
    expect_stem(NT_LANG_ID, "Menggunakan", "guna");
    expect_stem(NT_LANG_ID, "kata-kata", "kata");
    expect_stem(NT_LANG_ID, "dengan", "dengan");
    expect_stem(NT_LANG_ID, "2023", "2023");
    expect_stem(NT_LANG_EN, "generations", "generat");
    expect_stem(NT_LANG_EN, "Running", "run");
    expect_stem(NT_LANG_EN, "'s", "'s");
    char out[8];
    size_t n;
    CHECK(nt_stem(NT_LANG_ID, "membeli", 7, NULL, out, sizeof out, &n) == NT_ETOOBIG);
    CHECK(nt_stem(NT_LANG_AUTO, "a", 1, NULL, out, sizeof out, &n) == NT_EINVAL);
    CHECK(nt_stem(NT_LANG_ID, NULL, 1, NULL, out, sizeof out, &n) == NT_EINVAL);
    CHECK(nt_stem(NT_LANG_ID, "", 0, NULL, out, sizeof out, &n) == NT_OK && n == 0);
    nt_wordset *roots = NULL;
    CHECK(nt_wordset_new(NULL, &roots) == NT_OK);
    CHECK(nt_wordset_add(roots, "nikah", 5) == NT_OK);
    char big[64];
    CHECK(nt_stem(NT_LANG_ID, "menikahlah", 10, roots, big, sizeof big, &n) == NT_OK);
    CHECK(n == 5 && memcmp(big, "nikah", 5) == 0);
    nt_wordset_free(roots);
    /* every byte string of a few bytes: no crash, bounded output */
    unsigned char w[4];
    for (unsigned v = 0; v < 1u << 16; v += 7) {
        w[0] = (unsigned char)v, w[1] = (unsigned char)(v >> 8), w[2] = 'a', w[3] = 'n';
        CHECK(nt_stem(NT_LANG_ID, (const char *)w, 4, NULL, big, sizeof big, &n) == NT_OK && n <= 12);
    }
    /* keywords with NT_KW_STEM under failing allocations */
    nt_tokenizer *tok = NULL;
    CHECK(nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok) == NT_OK);
    nt_keywords_opts o;
    nt_keywords_opts_init(&o, NT_LANG_ID);
    o.flags |= NT_KW_STEM;
    int saw_ok = 0;
    for (long k = 0; k < 400 && !saw_ok; k++) {
        failing f = {k, 0, 0};
        nt_allocator a = {f_malloc, f_realloc, f_free, &f};
        nt_keywords kw;
        nt_keywords_init(&kw, &a);
        nt_status st = nt_keywords_extract(tok, NEWS, strlen(NEWS), &o, &kw, NULL);
        CHECK(st == NT_OK || st == NT_ENOMEM);
        saw_ok = st == NT_OK;
        if (saw_ok)
            CHECK(kw.len == 10);
        nt_keywords_free(&kw);
        CHECK(f.live == 0);
    }
    CHECK(saw_ok);
    nt_tokenizer_free(tok);
}

int main(void)
{
    test_wordset();
    test_lists();
    test_results();
    test_enomem();
    test_interrupt();
    test_corpus();
    test_stem();
    if (n_failed) {
        fprintf(stderr, "test_keywords: %lu of %lu checks failed\n", n_failed, n_checks);
        return 1;
    }
    printf("test_keywords: %lu checks passed\n", n_checks);
    return 0;
}
