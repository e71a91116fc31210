/* test_core.c — unit tests of the C core: status names, allocator
 * injection, span arrays, UTF-8, tokenizer, sentence splitter, language
 * detection.  Built and run by tests/test_c_core.py (also under ASan+UBSan). */
#include "newstext.h"
#include "internal.h" /* nt_array_*: the core's growable-array helper */

#include "harness.h"


/* ---------------------------------------------------------------- helpers */

/* Tokenize and join token texts with '|'. */
static char *join_tokens(nt_lang lang, const char *text, char *buf, size_t cap) {
    nt_tokenizer *tok = NULL;
    buf[0] = '\0';
    if (nt_tokenizer_new(lang, 0, NULL, &tok) != NT_OK) return buf;
    nt_spans sp;
    nt_spans_init(&sp, NULL);
    if (nt_tokenizer_run(tok, text, strlen(text), &sp, NULL) == NT_OK) {
        size_t used = 0;
        for (size_t i = 0; i < sp.len; i++) {
            size_t n = (size_t)(sp.end[i] - sp.start[i]);
            if (used + n + 2 >= cap) break;
            if (i) buf[used++] = '|';
            memcpy(buf + used, text + sp.start[i], n);
            used += n;
            buf[used] = '\0';
        }
    }
    nt_spans_free(&sp);
    nt_tokenizer_free(tok);
    return buf;
}

static const char *kinds_of(nt_lang lang, const char *text, char *buf, size_t cap) {
    nt_tokenizer *tok = NULL;
    buf[0] = '\0';
    if (nt_tokenizer_new(lang, 0, NULL, &tok) != NT_OK) return buf;
    nt_spans sp;
    nt_spans_init(&sp, NULL);
    if (nt_tokenizer_run(tok, text, strlen(text), &sp, NULL) == NT_OK) {
        size_t used = 0;
        for (size_t i = 0; i < sp.len; i++) {
            const char *k = nt_token_kind_name(sp.kind[i]);
            size_t n = strlen(k);
            if (used + n + 2 >= cap) break;
            if (i) buf[used++] = '|';
            memcpy(buf + used, k, n);
            used += n;
            buf[used] = '\0';
        }
    }
    nt_spans_free(&sp);
    nt_tokenizer_free(tok);
    return buf;
}

static char *join_sentences(nt_lang lang, const char *text, char *buf, size_t cap) {
    nt_tokenizer *tok = NULL;
    buf[0] = '\0';
    if (nt_tokenizer_new(lang, 0, NULL, &tok) != NT_OK) return buf;
    nt_spans sp, ss;
    nt_spans_init(&sp, NULL);
    nt_spans_init(&ss, NULL);
    if (nt_tokenizer_run(tok, text, strlen(text), &sp, NULL) == NT_OK &&
        nt_sentences_split(tok, text, strlen(text), &sp, &ss, NULL) == NT_OK) {
        size_t used = 0;
        for (size_t i = 0; i < ss.len; i++) {
            size_t n = (size_t)(ss.end[i] - ss.start[i]);
            if (used + n + 2 >= cap) break;
            if (i) buf[used++] = '|';
            memcpy(buf + used, text + ss.start[i], n);
            used += n;
            buf[used] = '\0';
        }
    }
    nt_spans_free(&sp);
    nt_spans_free(&ss);
    nt_tokenizer_free(tok);
    return buf;
}

#define TOK_ID(text, expect) CHECK_STR(join_tokens(NT_LANG_ID, text, buf, sizeof buf), expect)
#define TOK_EN(text, expect) CHECK_STR(join_tokens(NT_LANG_EN, text, buf, sizeof buf), expect)
#define KIND_ID(text, expect) CHECK_STR(kinds_of(NT_LANG_ID, text, buf, sizeof buf), expect)
#define SENT_ID(text, expect) CHECK_STR(join_sentences(NT_LANG_ID, text, buf, sizeof buf), expect)
#define SENT_EN(text, expect) CHECK_STR(join_sentences(NT_LANG_EN, text, buf, sizeof buf), expect)

#define CHECK_STR(got, expect)                                                          \
    do {                                                                                \
        const char *g_ = (got);                                                         \
        checks++;                                                                       \
        if (strcmp(g_, (expect)) != 0) {                                                \
            failures++;                                                                 \
            fprintf(stderr, "%s:%d:\n  got:    %s\n  expect: %s\n", __FILE__, __LINE__, g_, \
                    (expect));                                                          \
        }                                                                               \
    } while (0)

/* ------------------------------------------------------------------ tests */

static void test_status(void) {
    CHECK(strcmp(nt_strerror(NT_OK), "ok") == 0);
    CHECK(strcmp(nt_strerror(NT_ENOMEM), "out of memory") == 0);
    CHECK(strcmp(nt_strerror(NT_EINTR), "interrupted") == 0);
    CHECK(strcmp(nt_strerror((nt_status)-99), "unknown status") == 0);
    CHECK(strcmp(nt_version(), NT_VERSION) == 0);
    CHECK(strlen(nt_unicode_version()) >= 5);
    CHECK(strcmp(nt_token_kind_name(NT_TOK_QUOTE), "quote") == 0);
    CHECK(strcmp(nt_token_kind_name(99), "unknown") == 0);
}

/* Fails every call from number fail_from on; counts live bytes. */
typedef struct {
    long calls, fail_from, live;
} refusing;
static void *r_malloc(void *ctx, size_t n) {
    refusing *r = ctx;
    if (++r->calls >= r->fail_from) return NULL;
    r->live += (long)n;
    return malloc(n);
}
static void *r_realloc(void *ctx, void *p, size_t old, size_t n) {
    refusing *r = ctx;
    if (++r->calls >= r->fail_from) return NULL;
    void *q = realloc(p, n);
    if (q) r->live += (long)n - (long)old;
    return q;
}
static void r_free(void *ctx, void *p, size_t n) {
    refusing *r = ctx;
    r->live -= (long)n;
    free(p);
}

static void test_spans(void) {
    test_alloc_ctx c = {0, 0, 0, 0};
    nt_allocator a = {t_malloc, t_realloc, t_free, &c};
    nt_spans s;
    nt_spans_init(&s, &a);
    for (int i = 0; i < 1000; i++) CHECK(nt_spans_push(&s, i, i + 1, (uint8_t)(i % 7)) == NT_OK);
    CHECK(s.len == 1000);
    CHECK(s.start[999] == 999 && s.end[999] == 1000 && s.kind[999] == 999 % 7);
    nt_spans_clear(&s);
    CHECK(s.len == 0 && s.cap >= 1000);
    nt_spans_free(&s);
    CHECK(c.live == 0 && c.bytes == 0);
    nt_spans_free(&s); /* twice is safe */

    /* every allocation failure leaves the array intact and leaks nothing */
    for (long fail = 1; fail <= 40; fail++) {
        test_alloc_ctx f = {0, fail, 0, 0};
        nt_allocator fa = {t_malloc, t_realloc, t_free, &f};
        nt_spans t;
        nt_spans_init(&t, &fa);
        size_t pushed = 0;
        nt_status st = NT_OK;
        for (int i = 0; i < 2000 && st == NT_OK; i++) {
            st = nt_spans_push(&t, i, i + 1, 1);
            if (st == NT_OK) pushed++;
        }
        CHECK(t.len == pushed);
        for (size_t i = 0; i < t.len; i++)
            if (t.start[i] != (int64_t)i) {
                CHECK(!"contents survived the failure");
                break;
            }
        nt_spans_free(&t);
        CHECK(f.live == 0 && f.bytes == 0);
    }
    /* an allocator that fails every call from one on, shrinking reallocs
     * included: a growth that cannot be undone empties the array, leak-free */
    for (long fail = 4; fail <= 12; fail++) {
        refusing r = {0, fail, 0};
        nt_allocator ra = {r_malloc, r_realloc, r_free, &r};
        nt_spans t;
        nt_spans_init(&t, &ra);
        nt_status st = NT_OK;
        size_t pushed = 0;
        for (int i = 0; i < 2000 && st == NT_OK; i++) {
            st = nt_spans_push(&t, i, i + 1, 1);
            if (st == NT_OK) pushed++;
        }
        CHECK(st == NT_ENOMEM);
        /* calls 4-6 grow start/end/kind from 64 to 128: fail=4 refuses the
         * growth itself (intact), 5-6 refuse the undo too (emptied) */
        if (fail % 3 == 1) CHECK(t.len == pushed && t.cap == pushed);
        else CHECK(t.len == 0 && t.cap == 0 && t.start == NULL);
        nt_spans_free(&t);
        CHECK(r.live == 0);
    }
    CHECK(nt_spans_reserve(NULL, 1) == NT_EINVAL);
    nt_spans big;
    nt_spans_init(&big, NULL);
    CHECK(nt_spans_reserve(&big, SIZE_MAX / 2) == NT_ETOOBIG);
    nt_spans_free(&big);
}

/* nt_array_reserve/push/free, the helper behind every growable array of
 * the core but nt_spans (quotes, entities, dates, keywords, indexes...). */
typedef struct {
    int64_t a, b;
    uint8_t k;
} arr_item;

/* Refuses every request, noting its size in *ctx. */
static void *note_malloc(void *ctx, size_t n) {
    *(size_t *)ctx = n;
    return NULL;
}
static void *note_realloc(void *ctx, void *p, size_t old, size_t n) {
    (void)p;
    (void)old;
    *(size_t *)ctx = n;
    return NULL;
}
static void note_free(void *ctx, void *p, size_t n) {
    (void)ctx;
    (void)p;
    (void)n;
}

static void test_arrays(void) {
    test_alloc_ctx c = {0, 0, 0, 0};
    nt_allocator a = {t_malloc, t_realloc, t_free, &c};
    void *items = NULL;
    size_t len = 0, cap = 0;
    for (int i = 0; i < 1000; i++) {
        arr_item x = {i, -i, (uint8_t)(i % 5)};
        CHECK(nt_array_push(&a, &items, &len, &cap, &x, sizeof x, 16) == NT_OK);
    }
    arr_item *v = items;
    CHECK(len == 1000 && cap == 1024); /* 16, 32, ... 1024: doubling */
    CHECK(c.calls == 7 && c.live == 1 && c.bytes == 1024 * sizeof(arr_item));
    CHECK(v[0].a == 0 && v[999].a == 999 && v[999].b == -999 && v[999].k == 999 % 5);
    /* reserve within the capacity allocates nothing; beyond it, the
     * capacity doubles until it holds `need` */
    CHECK(nt_array_reserve(&a, &items, &cap, 1024, sizeof(arr_item), 16) == NT_OK && c.calls == 7);
    CHECK(nt_array_reserve(&a, &items, &cap, 3000, sizeof(arr_item), 16) == NT_OK && cap == 4096);
    v = items;
    CHECK(v[999].a == 999);
    /* need * size overflowing size_t: NT_ETOOBIG, nothing touched */
    long calls = c.calls;
    CHECK(nt_array_reserve(&a, &items, &cap, SIZE_MAX / sizeof(arr_item) + 1, sizeof(arr_item), 16) ==
          NT_ETOOBIG);
    CHECK(c.calls == calls && cap == 4096 && items == v);
    nt_array_free(&a, items, cap, sizeof(arr_item));
    CHECK(c.live == 0 && c.bytes == 0);
    nt_array_free(&a, NULL, 0, sizeof(arr_item)); /* an array with no buffer */

    /* first = 0: exactly `need`, at the first buffer and at every growth */
    items = NULL;
    cap = 0;
    CHECK(nt_array_reserve(&a, &items, &cap, 5, 1, 0) == NT_OK && cap == 5);
    CHECK(nt_array_reserve(&a, &items, &cap, 3, 1, 0) == NT_OK && cap == 5);
    CHECK(nt_array_reserve(&a, &items, &cap, 7, 1, 0) == NT_OK && cap == 7 && c.bytes == 7);
    nt_array_free(&a, items, cap, 1);
    CHECK(c.live == 0);

    /* doubling stops at the largest count whose bytes fit in size_t */
    size_t asked = 0;
    nt_allocator na = {note_malloc, note_realloc, note_free, &asked};
    size_t huge = SIZE_MAX / 4; /* max count 4 */
    items = NULL;
    cap = 0;
    CHECK(nt_array_reserve(&na, &items, &cap, 3, huge, 2) == NT_ENOMEM && asked == 4 * huge);
    CHECK(items == NULL && cap == 0);
    CHECK(nt_array_reserve(&na, &items, &cap, 3, huge, 3) == NT_ENOMEM && asked == 3 * huge);
    CHECK(nt_array_reserve(&na, &items, &cap, 5, huge, 2) == NT_ETOOBIG);
    size_t len0 = SIZE_MAX, cap0 = SIZE_MAX;
    arr_item x0 = {0, 0, 0};
    CHECK(nt_array_push(&na, &items, &len0, &cap0, &x0, 1, 16) == NT_ETOOBIG); /* len + 1 would wrap */

    /* a failed growth (first buffer or later) leaves the array as it was */
    for (long fail = 1; fail <= 5; fail++) {
        test_alloc_ctx f = {0, fail, 0, 0};
        nt_allocator fa = {t_malloc, t_realloc, t_free, &f};
        void *p = NULL;
        size_t n = 0, cp = 0;
        nt_status st = NT_OK;
        int i = 0;
        for (; i < 200 && st == NT_OK; i++) {
            arr_item x = {i, i, 1};
            size_t n0 = n, cp0 = cp;
            void *p0 = p;
            st = nt_array_push(&fa, &p, &n, &cp, &x, sizeof x, 4);
            if (st != NT_OK) CHECK(n == n0 && cp == cp0 && p == p0);
        }
        CHECK(st == NT_ENOMEM && n == (fail == 1 ? 0 : (size_t)4 << (fail - 2)));
        for (size_t k = 0; k < n; k++)
            if (((arr_item *)p)[k].a != (int64_t)k) {
                CHECK(!"contents survived the failure");
                break;
            }
        nt_array_free(&fa, p, cp, sizeof(arr_item));
        CHECK(f.live == 0 && f.bytes == 0);
    }
}

static void test_utf8(void) {
    size_t bad = 123;
    CHECK(nt_utf8_validate("plain ASCII text, long enough for words", 39, &bad) == NT_OK);
    CHECK(nt_utf8_validate("\xE2\x80\x9C" "kata" "\xE2\x80\x9D", 10, &bad) == NT_OK);
    CHECK(nt_utf8_validate("abcdefgh\xC0\xAF", 10, &bad) == NT_EUTF8 && bad == 8);   /* overlong */
    CHECK(nt_utf8_validate("ab\xED\xA0\x80", 5, &bad) == NT_EUTF8 && bad == 2);        /* surrogate */
    CHECK(nt_utf8_validate("\xF4\x90\x80\x80", 4, &bad) == NT_EUTF8 && bad == 0);      /* > 10FFFF */
    CHECK(nt_utf8_validate("\xE2\x80", 2, &bad) == NT_EUTF8 && bad == 0);              /* truncated */
    CHECK(nt_utf8_validate("\xF0\x9F\x98\x80", 4, NULL) == NT_OK);                    /* emoji */
    CHECK(nt_utf8_validate(NULL, 0, NULL) == NT_OK);
    CHECK(nt_utf8_validate(NULL, 3, NULL) == NT_EINVAL);

    uint32_t cp;
    CHECK(nt_utf8_decode("A", 1, 0, &cp) == 1 && cp == 'A');
    CHECK(nt_utf8_decode("\xC3\xA9", 2, 0, &cp) == 2 && cp == 0xE9);
    CHECK(nt_utf8_decode("\xF0\x9F\x98\x80", 4, 0, &cp) == 4 && cp == 0x1F600);
    CHECK(nt_utf8_decode("\xED\xA0\x80", 3, 0, &cp) == 3 && cp == 0xD800); /* surrogatepass */
    CHECK(nt_utf8_decode("\xFF" "a", 2, 0, &cp) == 1 && cp == 0xFFFD);
    CHECK(nt_utf8_decode("\xE2\x80", 2, 0, &cp) == 1 && cp == 0xFFFD);

    CHECK(nt_utf8_count("", 0) == 0);
    CHECK(nt_utf8_count("Jum'at 10.000", 13) == 13);
    CHECK(nt_utf8_count("\xE2\x80\x9C" "ya" "\xE2\x80\x9D", 8) == 4);
    CHECK(nt_utf8_count("\xF0\x9F\x98\x80!", 5) == 2);
    CHECK(nt_utf8_count("\xFF\xFE", 2) == 2);

    /* spans in bytes → spans in code points */
    const char *t = "\xE2\x80\x9C" "Kami siap," "\xE2\x80\x9D" " kata Putin " "\xF0\x9F\x98\x80";
    nt_spans s;
    nt_spans_init(&s, NULL);
    nt_spans_push(&s, 0, 3, 0);   /* “        */
    nt_spans_push(&s, 3, 7, 0);   /* Kami     */
    nt_spans_push(&s, 13, 16, 0); /* ”        */
    nt_spans_push(&s, 28, 32, 0); /* emoji    */
    nt_utf8_spans_to_units(t, strlen(t), &s);
    CHECK(s.start[0] == 0 && s.end[0] == 1);
    CHECK(s.start[1] == 1 && s.end[1] == 5);
    CHECK(s.start[2] == 11 && s.end[2] == 12);
    CHECK(s.start[3] == 24 && s.end[3] == 25);
    nt_spans_free(&s);

    /* the same into 4-byte arrays, trusted or checked: *spans keeps bytes */
    for (int trusted = 0; trusted <= 1; trusted++) {
        nt_spans b;
        nt_spans_init(&b, NULL);
        nt_spans_push(&b, 0, 3, 0);
        nt_spans_push(&b, 3, 7, 0);
        nt_spans_push(&b, 13, 16, 0);
        nt_spans_push(&b, 28, 32, 0);
        int32_t st32[4] = {-1, -1, -1, -1}, en32[4] = {-1, -1, -1, -1};
        CHECK(nt_utf8_spans_to_units32(t, strlen(t), trusted, &b, st32, en32) == NT_OK);
        CHECK(st32[0] == 0 && en32[0] == 1 && st32[1] == 1 && en32[1] == 5);
        CHECK(st32[2] == 11 && en32[2] == 12 && st32[3] == 24 && en32[3] == 25);
        CHECK(b.start[2] == 13 && b.end[3] == 32);
        nt_spans_free(&b);
    }
    /* ill-formed text (checked): walked like the in-place conversion, and
     * *spans converted too; out-of-order spans also come out right */
    const char *illf = "a\xFF" "b\xE2\x80" "c";
    nt_spans w;
    nt_spans_init(&w, NULL);
    nt_spans_push(&w, 2, 3, 0); /* b: unit 2 */
    nt_spans_push(&w, 5, 6, 0); /* c: unit 5 (\xE2 \x80 are two units) */
    nt_spans_push(&w, 0, 1, 0); /* a, out of order */
    int32_t ws[3], we[3];
    CHECK(nt_utf8_spans_to_units32(illf, 6, 0, &w, ws, we) == NT_OK);
    CHECK(ws[0] == 2 && we[0] == 3 && ws[1] == 5 && we[1] == 6 && ws[2] == 0 && we[2] == 1);
    CHECK(w.start[1] == 5);
    /* nothing to convert */
    nt_spans_clear(&w);
    CHECK(nt_utf8_spans_to_units32(illf, 6, 0, &w, ws, we) == NT_OK);
    nt_spans_free(&w);

    /* narrowing copy */
    nt_spans nn;
    nt_spans_init(&nn, NULL);
    nt_spans_push(&nn, 7, 9, 0);
    nt_spans_push(&nn, INT32_MAX - 1, INT32_MAX, 0);
    int32_t ns[2], ne[2];
    nt_spans_narrow32(&nn, ns, ne);
    CHECK(ns[0] == 7 && ne[0] == 9 && ns[1] == INT32_MAX - 1 && ne[1] == INT32_MAX);
    nt_spans_free(&nn);
}

static void test_tokenizer_api(void) {
    nt_tokenizer *tok = NULL;
    CHECK(nt_tokenizer_new(NT_LANG_AUTO, 0, NULL, &tok) == NT_EINVAL && tok == NULL);
    CHECK(nt_tokenizer_new(NT_LANG_ID, 0x80, NULL, &tok) == NT_EINVAL && tok == NULL);
    CHECK(nt_tokenizer_new(NT_LANG_ID, 0, NULL, NULL) == NT_EINVAL);
    CHECK(nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok) == NT_OK && tok != NULL);
    CHECK(nt_tokenizer_lang(tok) == NT_LANG_ID);
    nt_spans s;
    nt_spans_init(&s, NULL);
    CHECK(nt_tokenizer_run(tok, NULL, 0, &s, NULL) == NT_OK && s.len == 0);
    CHECK(nt_tokenizer_run(tok, NULL, 5, &s, NULL) == NT_EINVAL);
    CHECK(nt_tokenizer_run(NULL, "a", 1, &s, NULL) == NT_EINVAL);
    CHECK(nt_tokenizer_run(tok, "a", 1, NULL, NULL) == NT_EINVAL);
    CHECK(nt_tokenizer_run(tok, " \t\n\r ", 5, &s, NULL) == NT_OK && s.len == 0);
    nt_spans_free(&s);
    nt_tokenizer_free(tok);
    nt_tokenizer_free(NULL);

    /* allocation failures: every N gives ENOMEM, no leak, later success */
    const char *text = "Presiden Rusia Vladimir Putin menerima undangan Kim Jong Un, kata KCNA.";
    for (long fail = 1; fail <= 6; fail++) {
        test_alloc_ctx c = {0, fail, 0, 0};
        nt_allocator a = {t_malloc, t_realloc, t_free, &c};
        nt_tokenizer *t2 = NULL;
        nt_status st = nt_tokenizer_new(NT_LANG_ID, 0, &a, &t2);
        if (st != NT_OK) {
            CHECK(st == NT_ENOMEM && t2 == NULL && c.live == 0);
            continue;
        }
        nt_spans sp;
        nt_spans_init(&sp, &a);
        st = nt_tokenizer_run(t2, text, strlen(text), &sp, NULL);
        CHECK(st == NT_OK || st == NT_ENOMEM);
        c.fail_at = 0;
        nt_spans_clear(&sp);
        CHECK(nt_tokenizer_run(t2, text, strlen(text), &sp, NULL) == NT_OK && sp.len == 13);
        nt_spans_free(&sp);
        nt_tokenizer_free(t2);
        CHECK(c.live == 0 && c.bytes == 0);
    }
}

static int stop_now(void *ctx) {
    (*(int *)ctx)++;
    return 1;
}

static void test_interrupt(void) {
    size_t n = 3 * NT_INTERRUPT_BYTES;
    char *big = malloc(n);
    if (!big) return;
    for (size_t i = 0; i < n; i++) big[i] = (i % 6 == 5) ? ' ' : 'a';
    nt_tokenizer *tok = NULL;
    nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok);
    int calls = 0;
    nt_interrupt intr = {stop_now, &calls};
    nt_spans s;
    nt_spans_init(&s, NULL);
    CHECK(nt_tokenizer_run(tok, big, n, &s, &intr) == NT_EINTR);
    CHECK(calls == 1);
    CHECK(s.len > 0 && s.len < n / 6); /* stopped part-way */
    nt_spans_clear(&s);
    CHECK(nt_tokenizer_run(tok, big, n, &s, NULL) == NT_OK && s.len == n / 6);
    nt_spans ss;
    nt_spans_init(&ss, NULL);
    calls = 0;
    CHECK(nt_sentences_split(tok, big, n, &s, &ss, &intr) == NT_EINTR && calls == 1);
    nt_spans_free(&ss);
    nt_spans_free(&s);
    nt_tokenizer_free(tok);
    free(big);
}

static void test_tokens_id(void) {
    char buf[2048];
    TOK_ID("negara-negara mengorek-ngorek sebaik-baiknya",
           "negara-negara|mengorek-ngorek|sebaik-baiknya");
    TOK_ID("poros Moskwa-Pyongyang dan Rusia-Ukraina", "poros|Moskwa-Pyongyang|dan|Rusia-Ukraina");
    TOK_ID("Kim Jong-un datang ke-18 kali", "Kim|Jong-un|datang|ke-18|kali");
    TOK_ID("pada 1950-an dan 2023-2024", "pada|1950-an|dan|2023|-|2024");
    TOK_ID("APBD-nya naik", "APBD|-|nya|naik");
    TOK_ID("Sebanyak 10.000 orang, naik 42,7 atau 5,32%.",
           "Sebanyak|10.000|orang|,|naik|42,7|atau|5,32|%|.");
    TOK_ID("senilai 2.375.000 ton", "senilai|2.375.000|ton");
    TOK_ID("Rabu (13/9/2023) dan Kamis (14/09)", "Rabu|(|13/9/2023|)|dan|Kamis|(|14/09|)");
    TOK_ID("14/09/2023, 14:54 WIB", "14/09/2023|,|14:54|WIB");
    TOK_ID("tiba pukul 16.00 WIB", "tiba|pukul|16.00|WIB");
    TOK_ID("Harganya Rp9 dan Rp 5.000 atau Rp. 5.000.000",
           "Harganya|Rp|9|dan|Rp|5.000|atau|Rp|.|5.000.000");
    TOK_ID("Prof. Dr. Budi, dll. dan a.n. Siti s.d. Senin",
           "Prof|.|Dr|.|Budi|,|dll|.|dan|a.n.|Siti|s.d.|Senin");
    TOK_ID("di A.S. dan U.S. serta KCNA, DPRK, PBB", "di|A.S.|dan|U.S.|serta|KCNA|,|DPRK|,|PBB");
    TOK_ID("Penulis Rizky L. Pratama", "Penulis|Rizky|L|.|Pratama");
    TOK_ID("https://p.dw.com/p/4WJJB dan www.kompas.com.",
           "https://p.dw.com/p/4WJJB|dan|www.kompas.com|.");
    TOK_ID("Kirim ke redaksi@kompas.com. Ikuti #JernihBerkomentar @kompascom",
           "Kirim|ke|redaksi@kompas.com|.|Ikuti|#JernihBerkomentar|@kompascom");
    TOK_ID("James O'Brien pada Jum'at", "James|O'Brien|pada|Jum'at");
    TOK_ID("\"Kami siap,\" kata Putin.", "\"|Kami|siap|,|\"|kata|Putin|.");
    TOK_ID("\xE2\x80\x9D" "Daerah Sensitif" "\xE2\x80\x9D", "\xE2\x80\x9D|Daerah|Sensitif|\xE2\x80\x9D");
    TOK_ID("Rusia ... dan Korea\xE2\x80\xA6", "Rusia|...|dan|Korea|\xE2\x80\xA6");
    TOK_ID("KOMPAS.com - Presiden", "KOMPAS.com|-|Presiden");
    TOK_ID("Apa?! Tidak!!!", "Apa|?!|Tidak|!!!");
    TOK_ID("``Ya'' katanya", "``|Ya|''|katanya");
    KIND_ID("Rabu (13/9/2023) pukul 16.00, 10.000 #A @b \"x\" https://a.id/b e@x.id \xF0\x9F\x98\x80",
            "word|punct|date|punct|word|time|punct|number|hashtag|mention|quote|word|quote|url|email|symbol");
    /* NUL and other control characters separate tokens */
    {
        const char t[] = "kata\0Putin\x01!";
        nt_tokenizer *tok = NULL;
        nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok);
        nt_spans s;
        nt_spans_init(&s, NULL);
        CHECK(nt_tokenizer_run(tok, t, sizeof t - 1, &s, NULL) == NT_OK);
        CHECK(s.len == 3 && s.start[1] == 5 && s.end[1] == 10 && s.start[2] == 11);
        nt_spans_free(&s);
        nt_tokenizer_free(tok);
    }
    /* ill-formed bytes each become a one-byte symbol token: nothing is lost */
    TOK_ID("ab\xFF" "cd", "ab|\xFF|cd");
    /* emoji with skin tone and ZWJ sequences stay whole; flags are pairs */
    TOK_ID("ok \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xF0\x9F\x87\xAE\xF0\x9F\x87\xA9",
           "ok|\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD|\xF0\x9F\x87\xAE\xF0\x9F\x87\xA9");
}

static void test_tokens_en(void) {
    char buf[2048];
    TOK_EN("I don't think it's over, they're sure.", "I|do|n't|think|it|'s|over|,|they|'re|sure|.");
    TOK_EN("We can't and won't; O'Brien's plan", "We|ca|n't|and|wo|n't|;|O'Brien|'s|plan");
    TOK_EN("a long-term self-dealing e-mail", "a|long|-|term|self|-|dealing|e-mail");
    TOK_EN("Call 303-832-8160 at 3:45 p.m. ET", "Call|303-832-8160|at|3:45|p.m.|ET");
    TOK_EN("Mr. Smith of Acme Inc. paid $1,250 (3.5%)",
           "Mr.|Smith|of|Acme|Inc.|paid|$|1,250|(|3.5|%|)");
    TOK_EN("the U.S. Senate", "the|U.S.|Senate");
    TOK_EN("See TEXT.htm or alt.animals.cat b/c", "See|TEXT.htm|or|alt.animals.cat|b/c");
}

static void test_sentences(void) {
    char buf[4096];
    SENT_ID("Putin tiba di Pyongyang. Kim menyambutnya.", "Putin tiba di Pyongyang.|Kim menyambutnya.");
    SENT_ID("\"Kami siap,\" kata Putin. \"Kami juga,\" jawab Kim.",
            "\"Kami siap,\" kata Putin.|\"Kami juga,\" jawab Kim.");
    SENT_ID("\xE2\x80\x9D" "Kami siap." "\xE2\x80\x9D" " Kim mengangguk.",
            "\xE2\x80\x9D" "Kami siap." "\xE2\x80\x9D" "|Kim mengangguk.");
    SENT_ID("\"Apa kabar?\" tanya Putin.", "\"Apa kabar?\" tanya Putin.");
    SENT_ID("Prof. Dr. Budi hadir. Dia bicara.", "Prof. Dr. Budi hadir.|Dia bicara.");
    SENT_ID("Ditulis oleh Rizky L. Pratama di Jakarta.", "Ditulis oleh Rizky L. Pratama di Jakarta.");
    SENT_ID("Nilainya 42,7 persen. Naik 3.5 poin.", "Nilainya 42,7 persen.|Naik 3.5 poin.");
    SENT_ID("Rusia ... dan Korea bertemu.", "Rusia ... dan Korea bertemu.");
    SENT_ID("Putin Terima Undangan Kim\nPresiden Rusia menerima undangan.",
            "Putin Terima Undangan Kim|Presiden Rusia menerima undangan.");
    SENT_ID("1. Buka konten\n2. Buka menu utama", "1. Buka konten|2. Buka menu utama");
    SENT_ID("Ada buah, sayur, dll. Semua dijual.", "Ada buah, sayur, dll.|Semua dijual.");
    SENT_ID("Paragraf satu tanpa titik\n\nparagraf dua", "Paragraf satu tanpa titik|paragraf dua");
    SENT_ID("Ia tinggal di A.S. Dia pulang.", "Ia tinggal di A.S.|Dia pulang.");
    SENT_ID("baris yang dan\nBerlanjut di sini.", "baris yang dan\nBerlanjut di sini.");
    /* headline run-ons: a capitalised stop word before lower-case text */
    SENT_ID("Pasokan tersendat Jumlah beras turun.", "Pasokan tersendat|Jumlah beras turun.");
    SENT_ID("Ia menerima menteri Dalam Negeri Malaysia.", "Ia menerima menteri Dalam Negeri Malaysia.");
    SENT_ID("Ia yakin bahwa Dia menolong.", "Ia yakin bahwa Dia menolong.");
    SENT_ID("Ia mengatakan \"Sebagian sudah cair\" kemarin.",
            "Ia mengatakan \"Sebagian sudah cair\" kemarin.");
    SENT_ID("Dibangun pada 1879. sejak itu dipakai.", "Dibangun pada 1879.|sejak itu dipakai.");
    SENT_ID("Apakah ia sadar? dokter belum tahu.", "Apakah ia sadar?|dokter belum tahu.");
    SENT_EN("Shares of Yahoo! and AOL fell.", "Shares of Yahoo! and AOL fell.");
    SENT_EN("He lives in the U.S. Army base. He said so.", "He lives in the U.S. Army base.|He said so.");
    SENT_EN("\"We won,\" he said. \"Now we rest.\"", "\"We won,\" he said.|\"Now we rest.\"");
    SENT_EN("It rose 3.5% to $1,250. Mr. Lee agreed.", "It rose 3.5% to $1,250.|Mr. Lee agreed.");
    /* rules from the treebank error analysis (eval/ud.py --errors) */
    SENT_ID("Dibeli Nippon Steel Corp. Rencana itu benar.", "Dibeli Nippon Steel Corp.|Rencana itu benar.");
    SENT_ID("\"Naik,\" katanya menjelaskan \"Faktor itu jelas,\" ujarnya.",
            "\"Naik,\" katanya menjelaskan|\"Faktor itu jelas,\" ujarnya.");
    SENT_ID("Ia bertemu S. \"Jadi, begitu,\" katanya.", "Ia bertemu S.|\"Jadi, begitu,\" katanya.");
    SENT_ID("Bandara itu (SMB. II) Palembang dibuka.", "Bandara itu (SMB. II) Palembang dibuka.");
    SENT_ID("Warga tetap waspada \"Hujan masih turun,\" kata Kepala BMKG.",
            "Warga tetap waspada|\"Hujan masih turun,\" kata Kepala BMKG.");
    SENT_ID("Syarat: 1. KTP; 2. KK. Berkas lengkap.", "Syarat: 1. KTP; 2. KK.|Berkas lengkap.");
    SENT_ID("Tahapan:\na. daftar\nb. verifikasi", "Tahapan:|a. daftar|b. verifikasi");
    SENT_ID("Ia belajar bahasa Jepang. \xE3\x81\xB2 dibaca hi.",
            "Ia belajar bahasa Jepang.|\xE3\x81\xB2 dibaca hi.");
}

/* Token spans that are out of order, overlap or leave the text: NT_EINVAL,
 * before anything is appended. */
static void test_sentences_bad_tokens(void) {
    const char *text = "Kim tiba. Putin menyambut.";
    size_t len = strlen(text);
    nt_tokenizer *tok = NULL;
    CHECK(nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok) == NT_OK);
    nt_spans toks, out;
    nt_spans_init(&toks, NULL);
    nt_spans_init(&out, NULL);
    CHECK(nt_tokenizer_run(tok, text, len, &toks, NULL) == NT_OK && toks.len == 6);
    CHECK(nt_sentences_split(tok, text, len, &toks, &out, NULL) == NT_OK && out.len == 2);
    nt_spans_clear(&out);
    int64_t keep = toks.start[3];
    toks.start[3] = toks.start[2]; /* overlaps the token before it */
    CHECK(nt_sentences_split(tok, text, len, &toks, &out, NULL) == NT_EINVAL && out.len == 0);
    toks.start[3] = keep;
    toks.end[5] = (int64_t)len + 1; /* past the end of the text */
    CHECK(nt_sentences_split(tok, text, len, &toks, &out, NULL) == NT_EINVAL && out.len == 0);
    nt_spans_free(&toks);
    nt_spans_free(&out);
    nt_tokenizer_free(tok);
}

static void test_lang(void) {
    CHECK(nt_lang_detect("", 0) == NT_LANG_ID);
    CHECK(nt_lang_detect(NULL, 0) == NT_LANG_ID);
    const char *id = "Presiden Rusia mengatakan bahwa pertemuan itu akan digelar di Pyongyang.";
    const char *en = "The Russian president said that the meeting would be held in Pyongyang.";
    CHECK(nt_lang_detect(id, strlen(id)) == NT_LANG_ID);
    CHECK(nt_lang_detect(en, strlen(en)) == NT_LANG_EN);
    CHECK(nt_lang_detect("12345 67890", 11) == NT_LANG_ID);
}

int main(void) {
    test_status();
    test_spans();
    test_arrays();
    test_utf8();
    test_tokenizer_api();
    test_interrupt();
    test_tokens_id();
    test_tokens_en();
    test_sentences();
    test_sentences_bad_tokens();
    test_lang();
    return test_summary("test_core");
}
