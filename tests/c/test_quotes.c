/*
 * test_quotes.c — unit tests of nt_quotes_extract (csrc/quotes.c) on text
 * written for newstext: speakers, cues, kinds, unbalanced marks, every
 * allocation failing in turn, interrupts, odd bytes.
 *
 * Prints "test_quotes: N checks passed" and exits 0 when every check holds.
 */
#include "harness.h"


/* Does [a, b) of text equal s? */
static int span_is(const char *text, int64_t a, int64_t b, const char *s) {
    if (a < 0 || b < a) return s == NULL;
    return s != NULL && (size_t)(b - a) == strlen(s) && memcmp(text + a, s, (size_t)(b - a)) == 0;
}

static nt_tokenizer *tok_id;

static size_t run(const char *text, nt_quotes *q) {
    nt_quotes_init(q, NULL);
    nt_status st = nt_quotes_extract(tok_id, text, strlen(text), q, NULL);
    CHECK(st == NT_OK);
    return q->len;
}

static void test_shapes(void) {
    const char *t =
        "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Pyongyang, Rabu (13/9/2023).\n\n"
        "\xe2\x80\x9d" "Kami datang sebagai sahabat,\xe2\x80\x9d kata Lavrov kepada wartawan, Rabu (13/9/2023).\n\n"
        "\xe2\x80\x9d" "Pembicaraan berjalan baik,\xe2\x80\x9d ujarnya.\n\n"
        "Lavrov menjanjikan \"kerja sama penuh\" dengan Pyongyang.\n\n"
        "\xe2\x80\x9c" "Daerah Perbatasan\xe2\x80\x9d\n";
    nt_quotes q;
    CHECK(run(t, &q) == 4);
    if (q.len == 4) {
        CHECK(span_is(t, q.items[0].start, q.items[0].end, "Kami datang sebagai sahabat,"));
        CHECK(span_is(t, q.items[0].speaker_start, q.items[0].speaker_end, "Lavrov"));
        CHECK(span_is(t, q.items[0].name_start, q.items[0].name_end, "Sergei Lavrov"));
        CHECK(span_is(t, q.items[0].cue_start, q.items[0].cue_end, "kata"));
        CHECK(q.items[0].kind == NT_QUOTE_DIRECT);
        CHECK(q.items[1].speaker_start == -1 && (q.items[1].flags & NT_QUOTE_CARRIED));
        CHECK(span_is(t, q.items[1].name_start, q.items[1].name_end, "Sergei Lavrov"));
        CHECK(span_is(t, q.items[1].cue_start, q.items[1].cue_end, "ujarnya"));
        CHECK(q.items[2].kind == NT_QUOTE_PARTIAL);
        CHECK(span_is(t, q.items[2].name_start, q.items[2].name_end, "Sergei Lavrov"));
        CHECK(q.items[3].kind == NT_QUOTE_OTHER && q.items[3].name_start == -1);
        CHECK(q.items[3].flags == 0);
    }
    nt_quotes_free(&q);
    nt_quotes_free(&q); /* twice is safe */
}

static void test_unbalanced(void) {
    /* a stray opener: recovered to the paragraph end and flagged; the next
     * paragraph is untouched */
    const char *t = "Warga berkata, \"jalan ini rusak sejak Januari\n\n"
                    "\"Kami menunggu,\" kata Siti Aminah.\n";
    nt_quotes q;
    CHECK(run(t, &q) == 2);
    if (q.len == 2) {
        CHECK(span_is(t, q.items[0].start, q.items[0].end, "jalan ini rusak sejak Januari"));
        CHECK(q.items[0].flags & NT_QUOTE_UNCLOSED);
        CHECK(span_is(t, q.items[1].start, q.items[1].end, "Kami menunggu,"));
        CHECK(!(q.items[1].flags & NT_QUOTE_UNCLOSED));
        CHECK(span_is(t, q.items[1].name_start, q.items[1].name_end, "Siti Aminah"));
    }
    nt_quotes_free(&q);
    /* apostrophes are not marks */
    CHECK(run("O'Brien datang hari Jum'at, don't worry.", &q) == 0);
    nt_quotes_free(&q);
    /* only marks */
    CHECK(run("\" \" \"\n\xe2\x80\x9d", &q) == 0);
    nt_quotes_free(&q);
}

static void test_errors_and_odd_input(void) {
    nt_quotes q;
    nt_quotes_init(&q, NULL);
    CHECK(nt_quotes_extract(NULL, "x", 1, &q, NULL) == NT_EINVAL);
    CHECK(nt_quotes_extract(tok_id, NULL, 1, &q, NULL) == NT_EINVAL);
    CHECK(nt_quotes_extract(tok_id, "x", 1, NULL, NULL) == NT_EINVAL);
    CHECK(nt_quotes_extract(tok_id, NULL, 0, &q, NULL) == NT_OK && q.len == 0);
    /* invalid UTF-8, NUL bytes and marks everywhere: no crash, offsets in range */
    const char junk[] = "\"\xff\xfe\" kata \x00\"\xe2\x80\x9d" "\xed\xa0\x80\" ujar X\n\"";
    CHECK(nt_quotes_extract(tok_id, junk, sizeof junk - 1, &q, NULL) == NT_OK);
    for (size_t i = 0; i < q.len; i++)
        CHECK(q.items[i].start >= 0 && q.items[i].end <= (int64_t)(sizeof junk - 1) &&
              q.items[i].start < q.items[i].end);
    nt_quotes_free(&q);
    CHECK(strcmp(nt_quote_kind_name(NT_QUOTE_PARTIAL), "partial") == 0);
    CHECK(strcmp(nt_quote_kind_name(99), "unknown") == 0);
}

static void test_alloc_failures(void) {
    const char *t = "\"Harga beras naik lagi,\" kata Budi Santoso. \"Kami kesulitan,\" ujarnya. "
                    "Budi menyebut \"harga wajar\" sudah lama hilang.";
    for (long k = 1; k < 200; k++) {
        test_alloc_ctx ctx = {0, k, 0, 0};
        nt_allocator al = {t_malloc, t_realloc, t_free, &ctx};
        nt_tokenizer *tk = NULL;
        nt_quotes q;
        nt_quotes_init(&q, &al);
        nt_status st = nt_tokenizer_new(NT_LANG_ID, 0, &al, &tk);
        if (st == NT_OK) st = nt_quotes_extract(tk, t, strlen(t), &q, NULL);
        if (st == NT_OK) st = nt_quotes_to_units(t, strlen(t), &q);
        CHECK(st == NT_OK || st == NT_ENOMEM);
        if (st == NT_OK) CHECK(q.len == 3);
        nt_quotes_free(&q);
        nt_tokenizer_free(tk);
        CHECK(ctx.live == 0 && ctx.bytes == 0);
        if (ctx.calls < k) break; /* every allocation has been failed once */
    }
}

static int stop_now(void *ctx) {
    (void)ctx;
    return 1;
}

static void test_interrupt_and_units(void) {
    size_t n = NT_INTERRUPT_BYTES * 2 + 100;
    char *big = malloc(n);
    CHECK(big != NULL);
    if (!big) return;
    for (size_t i = 0; i < n; i++) big[i] = "\"Ya,\" kata Ani. "[i % 16];
    nt_interrupt in = {stop_now, NULL};
    nt_quotes q;
    nt_quotes_init(&q, NULL);
    CHECK(nt_quotes_extract(tok_id, big, n, &q, &in) == NT_EINTR);
    nt_quotes_free(&q);
    free(big);
    /* byte offsets to str indices: "é" is 2 bytes, 1 unit */
    const char *t = "Caf\xc3\xa9" ": \"Bon,\" kata Andr\xc3\xa9" ".";
    CHECK(run(t, &q) == 1);
    CHECK(nt_quotes_to_units(t, strlen(t), &q) == NT_OK);
    if (q.len == 1) {
        CHECK(q.items[0].start == 7 && q.items[0].end == 11);
        CHECK(q.items[0].speaker_start == 18 && q.items[0].speaker_end == 23);
    }
    nt_quotes_free(&q);
}

int main(void) {
    if (nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok_id) != NT_OK) return 1;
    test_shapes();
    test_unbalanced();
    test_errors_and_odd_input();
    test_alloc_failures();
    test_interrupt_and_units();
    nt_tokenizer_free(tok_id);
    return test_summary("test_quotes");
}
