/* test_allocfail.c — the allocation-failure sweep (issue 7, item 3).
 *
 * For every public entry point of csrc/newstext.h that allocates, a
 * scenario runs it once through a counting allocator to learn how many
 * allocations a successful call makes (count).  Then, for N = 1..count, it
 * runs the call again with allocation N failing — once in "single" mode
 * (only the Nth call fails) and once in "sticky" mode (the Nth and every
 * later call fail, as on an exhausted heap) — and checks:
 *
 *   1. the allocator really failed a call, and the call returned NT_ENOMEM;
 *   2. the out-parameters are in their documented state (a handle pointer
 *      untouched, a span array holding a prefix of the right answer,
 *      keywords empty, a document not added, ...);
 *   3. nothing leaked: once the outputs are freed, the allocator holds
 *      exactly what it held before the call (blocks and bytes);
 *   4. the same handles then succeed with the right answer (a digest of the
 *      whole result equal to the one of the first, unfailed run);
 *   5. after freeing everything the allocator balance is zero.
 *
 * Entry points that never allocate (nt_lang_detect, nt_stem,
 * nt_utf8_spans_to_units, nt_utf8_validate, nt_wordset_has, nt_outlet_name,
 * the static name functions) are run through the same driver and must make
 * zero allocations.
 *
 * The texts are news passages written for this test. */
#include "harness.h"

#include <stdint.h>

/* ----------------------------------------------------------------- texts */

static const char ARTICLE_ID[] =
    "Pemerintah Tambah Kuota Pupuk Bersubsidi untuk Petani Jawa Tengah\n"
    "Kompas.com - 14/03/2024, 09:15 WIB\n"
    "Penulis: Rina Astuti | Editor: Bambang Priyo\n"
    "\n"
    "SEMARANG, KOMPAS.com - Pemerintah menambah kuota pupuk bersubsidi bagi petani di Jawa "
    "Tengah mulai Senin (18/3/2024).\n"
    "\n"
    "\xE2\x80\x9CKami ingin petani tidak lagi antre berhari-hari untuk mendapatkan pupuk,"
    "\xE2\x80\x9D kata Menteri Pertanian Andi Amran Sulaiman di Semarang, Kamis (14/3/2024).\n"
    "\n"
    "Menurut dia, tambahan kuota sebesar 250.000 ton akan disalurkan lewat kios resmi. Amran "
    "menyebut \xE2\x80\x9C" "distribusi tertutup\xE2\x80\x9D tetap berlaku agar pupuk tepat "
    "sasaran.\n"
    "\n"
    "Ketua kelompok tani Desa Sumberejo, Slamet Riyadi, menyambut baik kebijakan itu. "
    "\"Harga gabah sedang bagus, jadi pupuk harus ada,\" ujarnya. Slamet berharap kios "
    "pupuk buka lebih pagi, dr. Hana dari dinas pertanian pun setuju.\n"
    "\n"
    "Baca juga: Harga Beras Naik Lagi di Pasar Induk Cipinang\n"
    "\n"
    "Penyaluran pupuk bersubsidi untuk petani dijadwalkan selesai pada 30 April 2024 pukul "
    "16.00 WIB. Pemerintah juga menyiapkan kartu tani digital bagi 1,2 juta petani.\n";

static const char ARTICLE_EN[] =
    "City Council Approves Jakarta Flood Barrier Plan\n"
    "By Laura Mendes, Reuters\n"
    "\n"
    "JAKARTA, March 14 (Reuters) - The city council approved a $2.1 billion flood barrier "
    "on Thursday after years of delays, officials said.\n"
    "\n"
    "\"We cannot wait for the next flood,\" Mayor Dewi Hartono said at a news conference. "
    "Engineers expect the first section of the barrier to open on Sept. 13, 2025, at 10 a.m.\n"
    "\n"
    "Critics said the plan ignores \xE2\x80\x9Cthe people living on the coast\xE2\x80\x9D, "
    "according to Ahmad Fauzi of the fishermen's union. The U.S. firm building the "
    "barrier won't comment.\n"
    "\n"
    "Read more: Storm season starts early in Java\n"
    "\n"
    "The flood barrier will protect 4.5 million residents, Hartono said. \xE2\x80\x9CIt is "
    "the biggest project the city has ever built,\xE2\x80\x9D she added.\n";

static const char DOC2_ID[] =
    "Harga beras di Pasar Induk Cipinang naik lagi pekan ini. Pedagang beras menyebut "
    "pasokan dari Jawa Tengah berkurang karena panen mundur. \xE2\x80\x9CStok kami tinggal "
    "separuh,\xE2\x80\x9D kata Udin, pedagang beras, Rabu (13/3/2024).";

static const char DOC3_ID[] =
    "Petani di Jawa Tengah mulai panen raya. Harga gabah kering panen turun tipis, tetapi "
    "petani masih untung karena pupuk bersubsidi sudah tersedia di kios resmi.";

/* --------------------------------------------------------------- digests */

static uint64_t h_bytes(uint64_t h, const void *p, size_t n) {
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211ull;
    return h;
}
#define H(h, x) h_bytes((h), &(x), sizeof(x))
#define FNV0 1469598103934665603ull

static uint64_t h_spans(uint64_t h, const nt_spans *s) {
    h = H(h, s->len);
    for (size_t i = 0; i < s->len; i++) {
        h = H(h, s->start[i]);
        h = H(h, s->end[i]);
        h = H(h, s->kind[i]);
    }
    return h;
}

static uint64_t h_date(uint64_t h, const nt_date *d) {
    h = H(h, d->start);
    h = H(h, d->end);
    h = H(h, d->zone_start);
    h = H(h, d->zone_end);
    h = H(h, d->year);
    h = H(h, d->month);
    h = H(h, d->day);
    h = H(h, d->hour);
    h = H(h, d->minute);
    h = H(h, d->weekday);
    return H(h, d->flags);
}

/* Is a[0:a->len) a prefix of b?  (A span array holds what was appended
 * before an error: the start of the right answer.) */
static int spans_prefix(const nt_spans *a, const nt_spans *b) {
    if (a->len > a->cap || a->len > b->len) return 0;
    for (size_t i = 0; i < a->len; i++)
        if (a->start[i] != b->start[i] || a->end[i] != b->end[i] || a->kind[i] != b->kind[i])
            return 0;
    return 1;
}

/* ----------------------------------------------------------------- state */

/* Everything a scenario may use.  Handles not under test are made in
 * setup (with the counting allocator, before any failure is armed); the
 * outputs are initialised empty with the same allocator. */
typedef struct {
    test_alloc_ctx *ctx;
    nt_allocator al;
    const char *text;
    size_t len;
    nt_lang lang;
    /* handles */
    nt_tokenizer *tok;
    nt_wordset *stop, *black, *roots;
    nt_corpus *corpus;
    nt_keywords_opts opts;
    nt_spans tokens;        /* the tokens of text, for nt_sentences_split */
    nt_spans ref_spans;     /* the right answer of a span producer        */
    nt_quotes ref_quotes;   /* quotes in byte offsets, for to_units       */
    /* outputs */
    nt_spans spans;
    nt_keywords kw;
    nt_quotes quotes;
    nt_dates dates;
    nt_article art;
    nt_termscores scores;
    nt_tokenizer *new_tok;
    nt_wordset *new_ws;
    nt_corpus *new_corpus;
    uint64_t before;        /* digest of a handle before a stateful call  */
} S;

typedef struct scenario {
    const char *name;
    void (*setup)(S *s);          /* optional: handles beyond the common ones */
    nt_status (*call)(S *s);      /* the entry point under test               */
    uint64_t (*digest)(S *s);     /* the whole answer                          */
    int (*failed_ok)(S *s);       /* documented state after NT_ENOMEM          */
    int stateful;                 /* the call changes a handle (its growth is
                                     kept: check the balance only at the end) */
    int min_allocs;               /* the successful call allocates at least this */
} scenario;

static const nt_tokenizer *sentinel_tok(void) { return (const nt_tokenizer *)(uintptr_t)0x1234; }

static void outputs_init(S *s) {
    nt_spans_init(&s->spans, &s->al);
    nt_keywords_init(&s->kw, &s->al);
    nt_quotes_init(&s->quotes, &s->al);
    nt_dates_init(&s->dates, &s->al);
    nt_article_init(&s->art, &s->al);
    nt_termscores_init(&s->scores, &s->al);
    s->new_tok = (nt_tokenizer *)sentinel_tok();
    s->new_ws = (nt_wordset *)sentinel_tok();
    s->new_corpus = (nt_corpus *)sentinel_tok();
}

static void outputs_free(S *s) {
    nt_spans_free(&s->spans);
    nt_keywords_free(&s->kw);
    nt_quotes_free(&s->quotes);
    nt_dates_free(&s->dates);
    nt_article_free(&s->art);
    nt_termscores_free(&s->scores);
    if (s->new_tok != sentinel_tok()) nt_tokenizer_free(s->new_tok);
    if (s->new_ws != (nt_wordset *)sentinel_tok()) nt_wordset_free(s->new_ws);
    if (s->new_corpus != (nt_corpus *)sentinel_tok()) nt_corpus_free(s->new_corpus);
    outputs_init(s);
}

static void add_words(nt_wordset *ws, const char *const *words) {
    for (; *words; words++) CHECK(nt_wordset_add(ws, *words, strlen(*words)) == NT_OK);
}

static const char *const STOP_WORDS[] = {"pemerintah", "officials", "kios", NULL};
static const char *const BLACK_WORDS[] = {"baca juga", "read more", "kompas.com", NULL};
static const char *const ROOT_WORDS[] = {"pupuk", "tani", "tambah", "salur", "harga", "sedia",
                                         "banjir", NULL};

static void state_init(S *s, test_alloc_ctx *ctx, const char *text, nt_lang lang) {
    memset(s, 0, sizeof *s);
    memset(ctx, 0, sizeof *ctx);
    s->ctx = ctx;
    s->al = test_allocator(ctx);
    s->text = text;
    s->len = strlen(text);
    s->lang = lang;
    CHECK(nt_tokenizer_new(lang, 0, &s->al, &s->tok) == NT_OK);
    CHECK(nt_wordset_new(&s->al, &s->stop) == NT_OK);
    CHECK(nt_wordset_new(&s->al, &s->black) == NT_OK);
    CHECK(nt_wordset_new(&s->al, &s->roots) == NT_OK);
    add_words(s->stop, STOP_WORDS);
    add_words(s->black, BLACK_WORDS);
    add_words(s->roots, ROOT_WORDS);
    nt_keywords_opts_init(&s->opts, lang);
    nt_spans_init(&s->tokens, &s->al);
    nt_spans_init(&s->ref_spans, &s->al);
    nt_quotes_init(&s->ref_quotes, &s->al);
    outputs_init(s);
}

static void state_free(S *s) {
    outputs_free(s);
    nt_spans_free(&s->tokens);
    nt_spans_free(&s->ref_spans);
    nt_quotes_free(&s->ref_quotes);
    nt_corpus_free(s->corpus);
    nt_wordset_free(s->stop);
    nt_wordset_free(s->black);
    nt_wordset_free(s->roots);
    nt_tokenizer_free(s->tok);
}

/* ------------------------------------------------------------- the sweep */

static long total_scenarios, total_failing_runs, total_allocs_failed, total_absorbed;

static void sweep(const scenario *sc, const char *text, nt_lang lang) {
    test_alloc_ctx ctx;
    S s;
    int before_checks = failures;

    /* the successful run: how many allocations, and the right answer */
    state_init(&s, &ctx, text, lang);
    if (sc->setup) sc->setup(&s);
    long base = ctx.calls;
    nt_status st = sc->call(&s);
    CHECK(st == NT_OK);
    if (st != NT_OK) {
        fprintf(stderr, "  scenario %s: the unfailed call returned %s\n", sc->name, nt_strerror(st));
        state_free(&s);
        return;
    }
    long count = ctx.calls - base;
    uint64_t ref = sc->digest(&s);
    CHECK(ref != 0); /* a real, non-trivial answer */
    state_free(&s);
    CHECK(ctx.live == 0 && ctx.bytes == 0);
    CHECK(count >= sc->min_allocs);
    if (sc->min_allocs == 0) CHECK(count == 0);

    for (int sticky = 0; sticky <= 1; sticky++) {
        for (long n = 1; n <= count; n++) {
            state_init(&s, &ctx, text, lang);
            if (sc->setup) sc->setup(&s);
            long live0 = ctx.live;
            size_t bytes0 = ctx.bytes;
            base = ctx.calls;
            ctx.fail_at = sticky ? -(base + n) : base + n;
            st = sc->call(&s);
            long failed = t_failed(&ctx);
            ctx.fail_at = 0;
            total_failing_runs++;
            total_allocs_failed += failed;
            CHECK(failed >= 1);
            int absorbed = st == NT_OK;
            if (absorbed) {
                /* the call did without the memory (an optional up-front
                 * reservation): then its answer must be the right one */
                CHECK(sc->digest(&s) == ref);
                total_absorbed++;
            } else {
                CHECK(st == NT_ENOMEM);
                CHECK(sc->failed_ok(&s));
            }
            outputs_free(&s);
            if (!sc->stateful) CHECK(ctx.live == live0 && ctx.bytes == bytes0);
            /* the same handles, no failure: the right answer (a stateful
             * call that succeeded above is not repeated: a corpus would
             * count its document twice) */
            if (!(absorbed && sc->stateful)) {
                st = sc->call(&s);
                CHECK(st == NT_OK);
                CHECK(st == NT_OK && sc->digest(&s) == ref);
            }
            state_free(&s);
            CHECK(ctx.live == 0 && ctx.bytes == 0);
            if (failures > before_checks) {
                fprintf(stderr, "  in scenario %s (%s), %s failure of allocation %ld of %ld\n",
                        sc->name, lang == NT_LANG_EN ? "en" : "id", sticky ? "sticky" : "single",
                        n, count);
                before_checks = failures;
            }
        }
    }
    total_scenarios++;
    printf("  %-28s %s  %4ld allocations, %4ld failing runs\n", sc->name,
           lang == NT_LANG_EN ? "en" : "id", count, 2 * count);
}

/* ============================================================ scenarios */

/* ---- spans */

static nt_status c_spans_reserve(S *s) { return nt_spans_reserve(&s->spans, 5000); }
static uint64_t d_spans_cap(S *s) { return s->spans.cap >= 5000 && s->spans.len == 0; }
static int f_spans_unchanged(S *s) { return s->spans.len == 0 && s->spans.cap == 0; }

static nt_status c_spans_push(S *s) {
    for (int64_t i = 0; i < 3000; i++) {
        nt_status st = nt_spans_push(&s->spans, 2 * i, 2 * i + 1, (uint8_t)(i % 7));
        if (st != NT_OK) return st;
    }
    return NT_OK;
}
static uint64_t d_spans(S *s) { return h_spans(FNV0, &s->spans); }
static int f_spans_push(S *s) {
    if (s->spans.len > s->spans.cap || s->spans.len >= 3000) return 0;
    for (size_t i = 0; i < s->spans.len; i++)
        if (s->spans.start[i] != 2 * (int64_t)i || s->spans.kind[i] != i % 7) return 0;
    return 1;
}

/* ---- tokenizer */

static nt_status c_tokenizer_new(S *s) {
    return nt_tokenizer_new(s->lang, 0, &s->al, &s->new_tok);
}
static uint64_t d_new_tokenizer(S *s) {
    /* a working tokenizer of the right language: same tokens as s->tok */
    nt_spans a, b;
    nt_spans_init(&a, &s->al);
    nt_spans_init(&b, &s->al);
    int same = nt_tokenizer_lang(s->new_tok) == s->lang &&
               nt_tokenizer_run(s->new_tok, s->text, s->len, &a, NULL) == NT_OK &&
               nt_tokenizer_run(s->tok, s->text, s->len, &b, NULL) == NT_OK &&
               h_spans(FNV0, &a) == h_spans(FNV0, &b) && a.len > 50;
    nt_spans_free(&a);
    nt_spans_free(&b);
    return (uint64_t)same;
}
static int f_tokenizer_new(S *s) { return s->new_tok == sentinel_tok(); }

static nt_status c_tokenize(S *s) { return nt_tokenizer_run(s->tok, s->text, s->len, &s->spans, NULL); }

/* the reference answer of a span producer, computed in setup with the
 * default allocator so the failing run can be compared to it */
static void s_ref_tokens(S *s) {
    nt_spans_free(&s->ref_spans);
    nt_spans_init(&s->ref_spans, NULL);
    CHECK(nt_tokenizer_run(s->tok, s->text, s->len, &s->ref_spans, NULL) == NT_OK);
}
static int f_spans_prefix(S *s) { return spans_prefix(&s->spans, &s->ref_spans); }

/* ---- sentences */

static void s_sentences(S *s) {
    CHECK(nt_tokenizer_run(s->tok, s->text, s->len, &s->tokens, NULL) == NT_OK);
    nt_spans_free(&s->ref_spans);
    nt_spans_init(&s->ref_spans, NULL);
    CHECK(nt_sentences_split(s->tok, s->text, s->len, &s->tokens, &s->ref_spans, NULL) == NT_OK);
}
static nt_status c_sentences(S *s) {
    return nt_sentences_split(s->tok, s->text, s->len, &s->tokens, &s->spans, NULL);
}

/* ---- word sets */

static nt_status c_wordset_new(S *s) { return nt_wordset_new(&s->al, &s->new_ws); }
static uint64_t d_new_wordset(S *s) {
    return nt_wordset_size(s->new_ws) == 0 && nt_wordset_add(s->new_ws, "Banjir", 6) == NT_OK &&
           nt_wordset_has(s->new_ws, "BANJIR", 6) && nt_wordset_size(s->new_ws) == 1;
}
static int f_wordset_new(S *s) { return s->new_ws == (nt_wordset *)sentinel_tok(); }

/* words of many lengths and scripts, so the set grows and rehashes */
static const char *const MANY_WORDS[] = {
    "Jakarta", "banjir", "Menteri", "pupuk", "bersubsidi", "Kementerian Pertanian", "petani",
    "gabah", "Beras", "Cipinang", "Semarang", "JAWA TENGAH", "kios", "resmi", "distribusi",
    "tertutup", "kuota", "harga", "pasokan", "panen", "raya", "untung", "kartu", "tani",
    "digital", "Dinas", "kelompok", "desa", "Sumberejo", "Ketua", "\xC3\x89lys\xC3\xA9" "e",
    "M\xC3\xBCnchen", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "flood", "barrier",
    "council", "mayor", "residents", "engineers", "union", "coast", "officials", "delays",
    "news conference", "storm", "season", NULL};

static nt_status c_wordset_add(S *s) {
    for (const char *const *w = MANY_WORDS; *w; w++) {
        nt_status st = nt_wordset_add(s->stop, *w, strlen(*w));
        if (st != NT_OK) return st;
    }
    return NT_OK;
}
static uint64_t d_wordset(S *s) {
    uint64_t h = FNV0;
    size_t n = nt_wordset_size(s->stop);
    h = H(h, n);
    for (const char *const *w = MANY_WORDS; *w; w++) {
        int has = nt_wordset_has(s->stop, *w, strlen(*w));
        h = H(h, has);
    }
    for (const char *const *w = STOP_WORDS; *w; w++) {
        int has = nt_wordset_has(s->stop, *w, strlen(*w));
        h = H(h, has);
    }
    return h;
}
static int f_wordset_add(S *s) {
    /* the words added before the failure are in, the original ones kept */
    for (const char *const *w = STOP_WORDS; *w; w++)
        if (!nt_wordset_has(s->stop, *w, strlen(*w))) return 0;
    return nt_wordset_size(s->stop) >= 3;
}

/* ---- keywords */

static nt_status c_keywords(S *s) {
    return nt_keywords_extract(s->tok, s->text, s->len, &s->opts, &s->kw, NULL);
}
static uint64_t d_keywords(S *s) {
    uint64_t h = FNV0;
    h = H(h, s->kw.len);
    for (size_t i = 0; i < s->kw.len; i++) {
        const nt_keyword *k = &s->kw.items[i];
        h = H(h, k->score);
        h = H(h, k->count);
        h = H(h, k->start);
        h = H(h, k->end);
        h = h_bytes(h, s->kw.buf + k->phrase, k->phrase_len);
    }
    return s->kw.len >= 5 ? h : 0;
}
static int f_keywords(S *s) { return s->kw.len == 0; }

static void s_kw_rake(S *s) { s->opts.method = NT_KW_RAKE; }
static void s_kw_textrank(S *s) { s->opts.method = NT_KW_TEXTRANK; }
static void s_kw_options(S *s) {
    /* every option that takes its own path: user sets, stems, window,
     * de-duplication, digits, cues, paragraphs, long phrases */
    s->opts.top = 25;
    s->opts.max_ngram = 4;
    s->opts.window = 3;
    s->opts.dedup = 0.6;
    s->opts.min_chars = 2;
    s->opts.flags |= NT_KW_STEM | NT_KW_DIGITS | NT_KW_CUES | NT_KW_PARAGRAPHS;
    s->opts.stopwords = s->stop;
    s->opts.blacklist = s->black;
}
static void s_kw_textrank_options(S *s) {
    s_kw_options(s);
    s->opts.method = NT_KW_TEXTRANK;
}
static void s_kw_rake_options(S *s) {
    s_kw_options(s);
    s->opts.method = NT_KW_RAKE;
    s->opts.flags |= NT_KW_NO_BUILTIN;
}

/* ---- corpus */

static nt_status c_corpus_new(S *s) { return nt_corpus_new(&s->opts, &s->al, &s->new_corpus); }
static uint64_t d_new_corpus(S *s) {
    return nt_corpus_docs(s->new_corpus) == 0 && nt_corpus_terms(s->new_corpus) == 0 &&
           nt_corpus_add(s->new_corpus, s->tok, DOC3_ID, strlen(DOC3_ID), NULL) == NT_OK &&
           nt_corpus_docs(s->new_corpus) == 1 && nt_corpus_terms(s->new_corpus) > 10;
}
static int f_corpus_new(S *s) { return s->new_corpus == (nt_corpus *)sentinel_tok(); }

static void s_corpus(S *s) {
    s->opts.max_ngram = 2;
    s->opts.stopwords = s->stop;
    CHECK(nt_corpus_new(&s->opts, &s->al, &s->corpus) == NT_OK);
    CHECK(nt_corpus_add(s->corpus, s->tok, DOC2_ID, strlen(DOC2_ID), NULL) == NT_OK);
    CHECK(nt_corpus_add(s->corpus, s->tok, DOC3_ID, strlen(DOC3_ID), NULL) == NT_OK);
}

/* everything observable about a corpus: its terms, every document's
 * tf-idf and the distinctive terms of each group */
static uint64_t h_corpus(const S *s, const nt_corpus *c) {
    uint64_t h = FNV0;
    size_t docs = nt_corpus_docs(c), terms = nt_corpus_terms(c);
    h = H(h, docs);
    h = H(h, terms);
    for (size_t i = 0; i < terms; i++) {
        size_t n = 0;
        const char *t = nt_corpus_term(c, i, &n);
        h = h_bytes(h, t, n);
    }
    nt_termscores ts;
    nt_termscores_init(&ts, &s->al);
    for (size_t d = 0; d < docs; d++) {
        CHECK(nt_corpus_tfidf(c, d, 20, 1, &ts) == NT_OK);
        for (size_t i = 0; i < ts.len; i++) {
            h = H(h, ts.items[i].term);
            h = H(h, ts.items[i].score);
            h = H(h, ts.items[i].count);
            h = H(h, ts.items[i].other);
        }
        nt_termscores_free(&ts);
        nt_termscores_init(&ts, &s->al);
    }
    uint32_t groups[8] = {0, 1, 0, 1, 0, 1, 0, 1};
    if (docs <= 8) {
        CHECK(nt_corpus_distinctive(c, groups, 0, 10, 0.5, 1, &ts) == NT_OK);
        for (size_t i = 0; i < ts.len; i++) {
            h = H(h, ts.items[i].term);
            h = H(h, ts.items[i].score);
        }
    }
    nt_termscores_free(&ts);
    return h;
}

static nt_status c_corpus_add(S *s) {
    nt_status st = nt_corpus_add(s->corpus, s->tok, s->text, s->len, NULL);
    return st;
}
static uint64_t d_corpus(S *s) { return h_corpus(s, s->corpus); }
static void s_corpus_add(S *s) {
    s_corpus(s);
    s->before = h_corpus(s, s->corpus);
}
static int f_corpus_add(S *s) {
    /* "On error the document is not added": the corpus is as before */
    return nt_corpus_docs(s->corpus) == 2 && h_corpus(s, s->corpus) == s->before;
}

static void s_corpus3(S *s) {
    s_corpus(s);
    CHECK(nt_corpus_add(s->corpus, s->tok, s->text, s->len, NULL) == NT_OK);
}
static nt_status c_tfidf(S *s) { return nt_corpus_tfidf(s->corpus, 2, 15, 1, &s->scores); }
static uint64_t d_scores(S *s) {
    uint64_t h = FNV0;
    h = H(h, s->scores.len);
    for (size_t i = 0; i < s->scores.len; i++) {
        h = H(h, s->scores.items[i].term);
        h = H(h, s->scores.items[i].score);
        h = H(h, s->scores.items[i].count);
        h = H(h, s->scores.items[i].other);
    }
    return s->scores.len >= 5 ? h : 0;
}
static int f_scores(S *s) { return s->scores.len <= s->scores.cap; }
static nt_status c_distinctive(S *s) {
    static const uint32_t groups[3] = {7, 3, 7};
    return nt_corpus_distinctive(s->corpus, groups, 7, 15, 0.1, 1, &s->scores);
}

/* ---- quotes */

static nt_status c_quotes(S *s) { return nt_quotes_extract(s->tok, s->text, s->len, &s->quotes, NULL); }
static uint64_t h_quotes(const nt_quotes *q) {
    uint64_t h = FNV0;
    h = H(h, q->len);
    for (size_t i = 0; i < q->len; i++) {
        const nt_quote *x = &q->items[i];
        h = H(h, x->start);
        h = H(h, x->end);
        h = H(h, x->speaker_start);
        h = H(h, x->speaker_end);
        h = H(h, x->name_start);
        h = H(h, x->name_end);
        h = H(h, x->cue_start);
        h = H(h, x->cue_end);
        h = H(h, x->kind);
        h = H(h, x->flags);
    }
    return q->len >= 3 ? h : 0;
}
static uint64_t d_quotes(S *s) { return h_quotes(&s->quotes); }
static int f_quotes(S *s) { return s->quotes.len <= s->quotes.cap; }

static void s_quotes_units(S *s) {
    CHECK(nt_quotes_extract(s->tok, s->text, s->len, &s->quotes, NULL) == NT_OK);
    s->before = h_quotes(&s->quotes);
}
static nt_status c_quotes_units(S *s) {
    /* convert a fresh copy of the byte offsets each time (the conversion
     * is in place) */
    if (s->quotes.len == 0) {
        CHECK(nt_quotes_extract(s->tok, s->text, s->len, &s->quotes, NULL) == NT_OK);
    }
    return nt_quotes_to_units(s->text, s->len, &s->quotes);
}
static int f_quotes_units(S *s) {
    /* a failed conversion leaves the byte offsets as they were */
    return h_quotes(&s->quotes) == s->before;
}

/* ---- dates */

static void s_ref_dates(S *s) {
    nt_dates d;
    nt_dates_init(&d, NULL);
    nt_date ref = {0};
    ref.year = 2024;
    ref.month = 3;
    ref.day = 14;
    CHECK(nt_dates_find(s->text, s->len, &ref, &d, NULL) == NT_OK);
    nt_spans_free(&s->ref_spans);
    nt_spans_init(&s->ref_spans, NULL);
    for (size_t i = 0; i < d.len; i++)
        CHECK(nt_spans_push(&s->ref_spans, d.items[i].start, d.items[i].end, 0) == NT_OK);
    nt_dates_free(&d);
}
static nt_status c_dates(S *s) {
    nt_date ref = {0};
    ref.year = 2024;
    ref.month = 3;
    ref.day = 14;
    return nt_dates_find(s->text, s->len, &ref, &s->dates, NULL);
}
static uint64_t d_dates(S *s) {
    uint64_t h = FNV0;
    h = H(h, s->dates.len);
    for (size_t i = 0; i < s->dates.len; i++) h = h_date(h, &s->dates.items[i]);
    return s->dates.len >= 2 ? h : 0;
}
static int f_dates(S *s) {
    /* the dates appended before the error are the first right ones */
    if (s->dates.len > s->dates.cap || s->dates.len > s->ref_spans.len) return 0;
    for (size_t i = 0; i < s->dates.len; i++)
        if (s->dates.items[i].start != s->ref_spans.start[i] || s->dates.items[i].end != s->ref_spans.end[i])
            return 0;
    return 1;
}

/* ---- clean */

static nt_status c_clean(S *s) { return nt_clean_run(s->text, s->len, NT_LANG_AUTO, &s->art, NULL); }
static nt_status c_clean_lang(S *s) { return nt_clean_run(s->text, s->len, s->lang, &s->art, NULL); }
static uint64_t d_article(S *s) {
    uint64_t h = h_spans(FNV0, &s->art.pieces);
    h = h_spans(h, &s->art.fields);
    h = h_date(h, &s->art.date);
    return s->art.pieces.len >= 5 && s->art.fields.len >= 2 ? h : 0;
}
static int f_article(S *s) {
    return s->art.pieces.len <= s->art.pieces.cap && s->art.fields.len <= s->art.fields.cap;
}
static void s_ref_body(S *s) {
    nt_spans_free(&s->ref_spans);
    nt_spans_init(&s->ref_spans, NULL);
    CHECK(nt_clean_body(s->text, s->len, NT_LANG_AUTO, &s->ref_spans, NULL) == NT_OK);
}
static nt_status c_clean_body(S *s) { return nt_clean_body(s->text, s->len, NT_LANG_AUTO, &s->spans, NULL); }

/* ---- entry points that must not allocate */

static nt_status c_no_alloc(S *s) {
    /* run everything that takes no allocator over handles made with the
     * counting one; the digest holds the answers */
    static const char *const words[] = {"penyalurannya", "pertanian", "bersubsidi", "berhari-hari",
                                        "ditambahkan", "officials", "engineers", "building", NULL};
    char out[256];
    size_t n = 0;
    uint64_t h = FNV0;
    for (const char *const *w = words; *w; w++) {
        size_t len = strlen(*w);
        nt_status st = nt_stem(s->lang, *w, len, s->roots, out, sizeof out, &n);
        if (st != NT_OK) return st;
        h = h_bytes(h, out, n);
    }
    nt_lang l = nt_lang_detect(s->text, s->len);
    h = H(h, l);
    size_t bad = 0;
    nt_status v = nt_utf8_validate(s->text, s->len, &bad);
    h = H(h, v);
    size_t units = nt_utf8_count(s->text, s->len);
    h = H(h, units);
    int has = nt_wordset_has(s->roots, "PUPUK", 5);
    h = H(h, has);
    const char *outlet = nt_outlet_name("KOMPAS.com", 10);
    h = h_bytes(h, outlet ? outlet : "", outlet ? strlen(outlet) : 0);
    /* in-place unit conversion of spans made in setup */
    nt_utf8_spans_to_units(s->text, s->len, &s->tokens);
    h = h_spans(h, &s->tokens);
    s->before = h;
    return NT_OK;
}
static void s_no_alloc(S *s) {
    CHECK(nt_tokenizer_run(s->tok, s->text, s->len, &s->tokens, NULL) == NT_OK);
}
static uint64_t d_no_alloc(S *s) { return s->before; }
static int f_never(S *s) {
    (void)s;
    return 0;
}

/* ================================================================= main */

int main(void) {
    const scenario SPANS[] = {
        {"nt_spans_reserve", NULL, c_spans_reserve, d_spans_cap, f_spans_unchanged, 0, 3},
        {"nt_spans_push", NULL, c_spans_push, d_spans, f_spans_push, 0, 10},
        {"nt_wordset_new", NULL, c_wordset_new, d_new_wordset, f_wordset_new, 0, 1},
        {"nt_wordset_add", NULL, c_wordset_add, d_wordset, f_wordset_add, 1, 5},
    };
    const scenario PER_LANG[] = {
        {"nt_tokenizer_new", NULL, c_tokenizer_new, d_new_tokenizer, f_tokenizer_new, 0, 1},
        {"nt_tokenizer_run", s_ref_tokens, c_tokenize, d_spans, f_spans_prefix, 0, 3},
        {"nt_sentences_split", s_sentences, c_sentences, d_spans, f_spans_prefix, 0, 1},
        {"nt_keywords_extract yake", NULL, c_keywords, d_keywords, f_keywords, 0, 5},
        {"nt_keywords_extract rake", s_kw_rake, c_keywords, d_keywords, f_keywords, 0, 5},
        {"nt_keywords_extract textrank", s_kw_textrank, c_keywords, d_keywords, f_keywords, 0, 5},
        {"keywords yake all options", s_kw_options, c_keywords, d_keywords, f_keywords, 0, 5},
        {"keywords rake all options", s_kw_rake_options, c_keywords, d_keywords, f_keywords, 0, 5},
        {"keywords textrank all opts", s_kw_textrank_options, c_keywords, d_keywords, f_keywords, 0, 5},
        {"nt_corpus_new", NULL, c_corpus_new, d_new_corpus, f_corpus_new, 0, 1},
        {"nt_corpus_add", s_corpus_add, c_corpus_add, d_corpus, f_corpus_add, 1, 3},
        {"nt_corpus_tfidf", s_corpus3, c_tfidf, d_scores, f_scores, 0, 1},
        {"nt_corpus_distinctive", s_corpus3, c_distinctive, d_scores, f_scores, 0, 1},
        {"nt_quotes_extract", NULL, c_quotes, d_quotes, f_quotes, 0, 3},
        {"nt_quotes_to_units", s_quotes_units, c_quotes_units, d_quotes, f_quotes_units, 1, 1},
        {"nt_dates_find", s_ref_dates, c_dates, d_dates, f_dates, 0, 1},
        {"nt_clean_run auto", NULL, c_clean, d_article, f_article, 0, 3},
        {"nt_clean_run lang", NULL, c_clean_lang, d_article, f_article, 0, 3},
        {"nt_clean_body", s_ref_body, c_clean_body, d_spans, f_spans_prefix, 0, 3},
        {"no allocation: stem, lang..", s_no_alloc, c_no_alloc, d_no_alloc, f_never, 0, 0},
    };
    for (size_t i = 0; i < sizeof SPANS / sizeof *SPANS; i++) sweep(&SPANS[i], ARTICLE_ID, NT_LANG_ID);
    for (size_t i = 0; i < sizeof PER_LANG / sizeof *PER_LANG; i++) {
        sweep(&PER_LANG[i], ARTICLE_ID, NT_LANG_ID);
        sweep(&PER_LANG[i], ARTICLE_EN, NT_LANG_EN);
    }
    printf("allocation sweep: %ld scenarios, %ld failing runs (%ld of them absorbed by an optional "
           "reservation), %ld allocations failed, %d checks\n",
           total_scenarios, total_failing_runs, total_absorbed, total_allocs_failed, checks);
    return test_summary("test_allocfail");
}
