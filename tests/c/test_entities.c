/*
 * test_entities.c — unit tests of nt_entities_extract (csrc/quotes.c) on
 * news text written for newstext: alias merging, titles kept out, sentence
 * openers, kinds, unit offsets, interrupts, every allocation failing in turn.
 *
 * Prints "test_entities: N checks passed" and exits 0 when every check holds.
 */
#include "harness.h"

static int span_is(const char *text, int64_t a, int64_t b, const char *s) {
    return a >= 0 && b >= a && (size_t)(b - a) == strlen(s) && memcmp(text + a, s, (size_t)(b - a)) == 0;
}

static nt_tokenizer *tok;

static const char *TEXT =
    "Presiden Rusia Vladimir Putin menerima Kim Jong Un di Vostochny, Rabu (13/9/2023).\n\n"
    "Namun Presiden Putin tidak menjawab pertanyaan wartawan. Pedagang di Moskow menyebut "
    "harga naik.\n\n"
    "Kim Jong-un tiba dengan kereta lapis baja, kata KCNA. Putin berjanji membantu.\n";

static void test_mentions(void) {
    nt_entities e;
    nt_entities_init(&e, NULL);
    CHECK(nt_entities_extract(tok, TEXT, strlen(TEXT), &e, NULL) == NT_OK);
    const char *want[][3] = {
        {"Vladimir Putin", "Vladimir Putin", "person"}, {"Kim Jong Un", "Kim Jong Un", "person"},
        {"Vostochny", "Vostochny", "place"},            {"Putin", "Vladimir Putin", "person"},
        {"Moskow", "Moskow", "place"},                  {"Kim Jong-un", "Kim Jong Un", "person"},
        {"KCNA", "KCNA", "org"},                        {"Putin", "Vladimir Putin", "person"},
    };
    size_t n = sizeof want / sizeof want[0];
    CHECK(e.len == n);
    for (size_t i = 0; i < n && i < e.len; i++) {
        CHECK(span_is(TEXT, e.items[i].start, e.items[i].end, want[i][0]));
        CHECK(span_is(TEXT, e.items[i].canon_start, e.items[i].canon_end, want[i][1]));
        CHECK(strcmp(nt_entity_kind_name(e.items[i].kind), want[i][2]) == 0);
    }
    CHECK(strcmp(nt_entity_kind_name(99), "unknown") == 0);
    nt_entities_free(&e);
    nt_entities_free(&e); /* twice is safe */
}

static void test_units_and_errors(void) {
    /* "Menteri Luar Negeri Prancis Élise Durand" after one 2-byte é */
    const char *t = "Caf\xc3\xa9 itu dikunjungi Menteri Luar Negeri Prancis \xc3\x89lise Durand.";
    nt_entities e;
    nt_entities_init(&e, NULL);
    CHECK(nt_entities_extract(tok, t, strlen(t), &e, NULL) == NT_OK);
    CHECK(e.len == 1);
    if (e.len == 1) {
        CHECK(span_is(t, e.items[0].start, e.items[0].end, "\xc3\x89lise Durand"));
        int64_t bs = e.items[0].start;
        CHECK(nt_entities_to_units(t, strlen(t), &e) == NT_OK);
        CHECK(e.items[0].start == bs - 1 && e.items[0].canon_start == bs - 1);
        CHECK(e.items[0].end - e.items[0].start == 12);
    }
    CHECK(nt_entities_to_units(NULL, 3, &e) == NT_EINVAL);
    CHECK(nt_entities_to_units(t, 3, NULL) == NT_EINVAL);
    nt_entities_free(&e);
    CHECK(nt_entities_extract(NULL, t, 3, &e, NULL) == NT_EINVAL);
    CHECK(nt_entities_extract(tok, NULL, 3, &e, NULL) == NT_EINVAL);
    CHECK(nt_entities_extract(tok, t, 3, NULL, NULL) == NT_EINVAL);
    CHECK(nt_entities_extract(tok, NULL, 0, &e, NULL) == NT_OK && e.len == 0);
    CHECK(nt_entities_extract(tok, "  \n\n ...", 8, &e, NULL) == NT_OK && e.len == 0);
}

static int stop_now(void *ctx) {
    (void)ctx;
    return 1;
}

static void test_interrupt(void) {
    /* a text over NT_INTERRUPT_BYTES: the tokenizer polls and stops */
    size_t n = NT_INTERRUPT_BYTES + 4096, unit = strlen(TEXT);
    char *big = malloc(n);
    if (big == NULL) return;
    for (size_t k = 0; k < n; k++) big[k] = TEXT[k % unit];
    nt_interrupt in = {stop_now, NULL};
    nt_entities e;
    nt_entities_init(&e, NULL);
    CHECK(nt_entities_extract(tok, big, n, &e, &in) == NT_EINTR);
    nt_entities_free(&e);
    free(big);
}

static void test_alloc_failures(void) {
    long fails = 0;
    for (long at = 1; at < 200; at++) {
        test_alloc_ctx ac = {0, at, 0, 0};
        nt_allocator al = test_allocator(&ac);
        nt_entities e;
        nt_entities_init(&e, &al);
        nt_status st = nt_entities_extract(tok, TEXT, strlen(TEXT), &e, NULL);
        CHECK(st == NT_OK || st == NT_ENOMEM);
        if (st == NT_OK) CHECK(e.len == 8);
        else fails++;
        nt_entities_free(&e);
        CHECK(ac.live == 0 && ac.bytes == 0);
        if (st == NT_OK && ac.calls < at) break;
    }
    CHECK(fails > 5);
}

int main(void) {
    if (nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok) != NT_OK) return 1;
    test_mentions();
    test_units_and_errors();
    test_interrupt();
    test_alloc_failures();
    nt_tokenizer_free(tok);
    return test_summary("test_entities");
}
