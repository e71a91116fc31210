/*
 * test_batch.c — unit tests of nt_batch_run (csrc/batch.c) on articles
 * written for newstext: results equal the single-document functions for
 * 1, 2 and 7 threads and any chunk size; cancellation from poll; progress
 * counts; bad arguments; every allocation failing in turn (one worker, so
 * the order is fixed) and random failures with several workers.
 *
 * Prints "test_batch: N checks passed" and exits 0 when every check holds.
 */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <pthread.h>

static const char *ARTICLES[] = {
    "Banjir Rendam Kampung Melayu\n"
    "Kompas.com - 14/02/2024, 09:15 WIB\n\n"
    "JAKARTA, KOMPAS.com - Banjir setinggi satu meter merendam ratusan rumah di Kampung Melayu, "
    "Jakarta Timur, Rabu (14/2/2024).\n\n"
    "\"Air mulai naik sejak pukul 03.00 dini hari,\" kata Ketua RT 05 Sutrisno kepada wartawan.\n\n"
    "Menurut dia, warga sudah mengungsi ke masjid terdekat. \"Kami butuh perahu karet,\" ujarnya.\n\n"
    "Baca juga: Pemprov DKI Siapkan Pompa Air\n",
    "The finance minister said on Tuesday that inflation had slowed to 2.8 percent in January.\n\n"
    "\"We expect prices to stay stable through the fasting month,\" Sri Mulyani told reporters in Jakarta.\n\n"
    "Analysts at the central bank said rice prices remained the main risk for the coming quarter.\n",
    "Presiden Joko Widodo meresmikan Bendungan Bener di Purworejo, Jawa Tengah, Selasa (23/5/2023).\n\n"
    "\xe2\x80\x9c" "Bendungan ini akan mengairi 15.000 hektare sawah,\xe2\x80\x9d kata Jokowi.\n\n"
    "Menteri PUPR Basuki Hadimuljono menyebut pembangunan bendungan menelan biaya Rp 2 triliun. "
    "Ia menambahkan, \"proyek ini selesai tepat waktu.\"\n",
    "",
    "Harga beras di Pasar Induk Cipinang naik Rp 1.000 per kilogram pekan ini. Pedagang mengeluhkan "
    "pasokan dari Karawang yang berkurang akibat gagal panen. \xe2\x80\x9c" "Stok kami tinggal separuh,"
    "\xe2\x80\x9d ujar Haji Mansur, pedagang beras.\n",
};
#define N_ART (sizeof ARTICLES / sizeof ARTICLES[0])

static nt_tokenizer *tok_id, *tok_en;
static nt_keywords_opts kw_id, kw_en;

static const unsigned ALL = NT_BATCH_CLEAN | NT_BATCH_TOKENS | NT_BATCH_SENTENCES | NT_BATCH_QUOTES |
                            NT_BATCH_KEYWORDS;

static nt_batch_opts opts(unsigned tasks, size_t threads) {
    nt_batch_opts o;
    memset(&o, 0, sizeof o);
    o.tasks = tasks;
    o.tok_id = tok_id;
    o.tok_en = tok_en;
    o.kw_id = &kw_id;
    o.kw_en = &kw_en;
    o.threads = threads;
    return o;
}

static int spans_eq(const nt_spans *a, const nt_spans *b) {
    if (a->len != b->len) return 0;
    for (size_t i = 0; i < a->len; i++)
        if (a->start[i] != b->start[i] || a->end[i] != b->end[i] || a->kind[i] != b->kind[i]) return 0;
    return 1;
}

/* One document computed with the single-document functions. */
static void check_doc(const char *text, const nt_batch_doc *d, unsigned tasks) {
    size_t len = strlen(text);
    nt_lang lang = nt_lang_detect(text, len);
    CHECK(d->status == NT_OK);
    CHECK(d->lang == lang);
    const nt_tokenizer *tok = lang == NT_LANG_EN ? tok_en : tok_id;
    if (tasks & NT_BATCH_CLEAN) {
        nt_article a;
        nt_article_init(&a, NULL);
        CHECK(nt_clean_run(text, len, lang, &a, NULL) == NT_OK);
        CHECK(spans_eq(&a.pieces, &d->article.pieces));
        CHECK(spans_eq(&a.fields, &d->article.fields));
        CHECK(memcmp(&a.date, &d->article.date, sizeof a.date) == 0);
        nt_article_free(&a);
    }
    nt_spans toks, sents;
    nt_spans_init(&toks, NULL);
    nt_spans_init(&sents, NULL);
    CHECK(nt_tokenizer_run(tok, text, len, &toks, NULL) == NT_OK);
    CHECK(nt_sentences_split(tok, text, len, &toks, &sents, NULL) == NT_OK);
    if (tasks & NT_BATCH_TOKENS) CHECK(spans_eq(&toks, &d->tokens));
    else CHECK(d->tokens.len == 0);
    if (tasks & NT_BATCH_SENTENCES) CHECK(spans_eq(&sents, &d->sentences));
    if (tasks & (NT_BATCH_TOKENS | NT_BATCH_SENTENCES | NT_BATCH_COUNTS)) CHECK(d->n_tokens == toks.len);
    if (tasks & (NT_BATCH_SENTENCES | NT_BATCH_COUNTS)) CHECK(d->n_sentences == sents.len);
    if (!(tasks & NT_BATCH_SENTENCES)) CHECK(d->sentences.len == 0);
    nt_spans_free(&toks);
    nt_spans_free(&sents);
    if (tasks & NT_BATCH_QUOTES) {
        nt_quotes q;
        nt_quotes_init(&q, NULL);
        CHECK(nt_quotes_extract(tok, text, len, &q, NULL) == NT_OK);
        CHECK(q.len == d->quotes.len);
        for (size_t i = 0; i < q.len && i < d->quotes.len; i++) {
            const nt_quote *x = &q.items[i], *y = &d->quotes.items[i];
            CHECK(x->start == y->start && x->end == y->end && x->speaker_start == y->speaker_start &&
                  x->speaker_end == y->speaker_end && x->name_start == y->name_start &&
                  x->name_end == y->name_end && x->cue_start == y->cue_start && x->cue_end == y->cue_end &&
                  x->kind == y->kind && x->flags == y->flags);
        }
        nt_quotes_free(&q);
    }
    if (tasks & NT_BATCH_KEYWORDS) {
        nt_keywords k;
        nt_keywords_init(&k, NULL);
        CHECK(nt_keywords_extract(tok, text, len, lang == NT_LANG_EN ? &kw_en : &kw_id, &k, NULL) == NT_OK);
        CHECK(k.len == d->keywords.len);
        for (size_t i = 0; i < k.len && i < d->keywords.len; i++) {
            CHECK(k.items[i].score == d->keywords.items[i].score);
            CHECK(k.items[i].phrase_len == d->keywords.items[i].phrase_len);
            CHECK(memcmp(k.buf + k.items[i].phrase, d->keywords.buf + d->keywords.items[i].phrase,
                         k.items[i].phrase_len) == 0);
        }
        nt_keywords_free(&k);
    }
}

/* n documents cycling through ARTICLES. */
static void make_input(size_t n, const char **texts, size_t *lens) {
    for (size_t i = 0; i < n; i++) {
        texts[i] = ARTICLES[i % N_ART];
        lens[i] = strlen(texts[i]);
    }
}

static void test_equals_sequential(void) {
    enum { N = 23 };
    const char *texts[N];
    size_t lens[N];
    make_input(N, texts, lens);
    const size_t threads[] = {1, 2, 7, 64};
    const size_t chunks[] = {0, 1, 3, 100};
    const unsigned task_sets[] = {ALL, NT_BATCH_SENTENCES, NT_BATCH_TOKENS | NT_BATCH_QUOTES,
                                  NT_BATCH_COUNTS | NT_BATCH_KEYWORDS};
    for (size_t ti = 0; ti < 4; ti++) {
        for (size_t ci = 0; ci < 4; ci++) {
            unsigned tasks = task_sets[(ti + ci) % 4];
            nt_batch_opts o = opts(tasks, threads[ti]);
            o.chunk = chunks[ci];
            nt_batch_doc docs[N];
            nt_batch_docs_init(docs, N, NULL);
            CHECK(nt_batch_run(texts, lens, N, &o, docs) == NT_OK);
            for (size_t i = 0; i < N; i++) check_doc(texts[i], &docs[i], tasks);
            if (tasks & NT_BATCH_CLEAN) {
                CHECK(docs[0].outlet != NULL && strcmp(docs[0].outlet, "Kompas.com") == 0);
                CHECK(docs[1].outlet == NULL);
            }
            nt_batch_docs_free(docs, N);
            nt_batch_docs_free(docs, N); /* twice is safe */
        }
    }
}

static void test_langs_and_units(void) {
    /* given languages are used as given; units convert every offset */
    const char *t = "\xe2\x80\x9c" "Kami siap,\xe2\x80\x9d kata Menteri Pertahanan Prabowo Subianto.";
    const char *texts[2] = {t, t};
    size_t lens[2] = {strlen(t), strlen(t)};
    nt_lang langs[2] = {NT_LANG_EN, NT_LANG_ID};
    nt_batch_opts o = opts(NT_BATCH_TOKENS | NT_BATCH_QUOTES | NT_BATCH_UNITS | NT_BATCH_CLEAN, 2);
    o.langs = langs;
    nt_batch_doc docs[2];
    nt_batch_docs_init(docs, 2, NULL);
    CHECK(nt_batch_run(texts, lens, 2, &o, docs) == NT_OK);
    CHECK(docs[0].lang == NT_LANG_EN && docs[1].lang == NT_LANG_ID);
    CHECK(docs[1].tokens.len > 3 && docs[1].tokens.start[0] == 0 && docs[1].tokens.end[0] == 1);
    CHECK(docs[1].tokens.start[1] == 1 && docs[1].tokens.end[1] == 5); /* "Kami" after the 3-byte mark */
    CHECK(docs[1].quotes.len == 1 && docs[1].quotes.items[0].start == 1 && docs[1].quotes.items[0].end == 11);
    CHECK(docs[1].article.pieces.len >= 1 && docs[1].article.pieces.end[docs[1].article.pieces.len - 1] ==
                                                 (int64_t)nt_utf8_count(t, strlen(t)));
    nt_batch_docs_free(docs, 2);
    langs[0] = (nt_lang)7;
    nt_batch_docs_init(docs, 2, NULL);
    CHECK(nt_batch_run(texts, lens, 2, &o, docs) == NT_EINVAL);
    nt_batch_docs_free(docs, 2);
}

typedef struct {
    size_t calls, last_done, stop_at;
    int monotonic;
} poll_state;

static int poll_cb(void *ctx, size_t done, size_t n) {
    poll_state *p = ctx;
    p->calls++;
    if (done < p->last_done || done > n) p->monotonic = 0;
    p->last_done = done;
    return p->stop_at && p->calls >= p->stop_at;
}

static void test_progress_and_cancel(void) {
    /* a long article (about 3 MB): slow enough for several polls */
    size_t unit = strlen(ARTICLES[0]), reps = 3000;
    char *big = malloc(unit * reps + 1);
    CHECK(big != NULL);
    if (big == NULL) return;
    for (size_t r = 0; r < reps; r++) memcpy(big + r * unit, ARTICLES[0], unit);
    big[unit * reps] = 0;
    enum { N = 12 };
    const char *texts[N];
    size_t lens[N];
    make_input(N, texts, lens);
    texts[5] = big;
    lens[5] = unit * reps;

    /* progress: polls see a growing count and the last one sees all */
    poll_state ps = {0, 0, 0, 1};
    nt_batch_opts o = opts(NT_BATCH_QUOTES | NT_BATCH_TOKENS, 2);
    o.poll = poll_cb;
    o.poll_ctx = &ps;
    o.poll_ms = 1;
    nt_batch_doc docs[N];
    nt_batch_docs_init(docs, N, NULL);
    CHECK(nt_batch_run(texts, lens, N, &o, docs) == NT_OK);
    CHECK(ps.calls >= 1 && ps.monotonic && ps.last_done == N);
    for (size_t i = 0; i < N; i++) CHECK(docs[i].status == NT_OK);
    nt_batch_docs_free(docs, N);

    /* cancel at the first poll: NT_EINTR, documents finished or NT_EINTR,
     * the big one cut inside (its worker checks the flag every MiB) */
    poll_state stop = {0, 0, 1, 1};
    o.poll_ctx = &stop;
    o.threads = 1;
    for (size_t i = 0; i < N; i++) { /* all long: far more work than one poll interval */
        texts[i] = big;
        lens[i] = unit * reps;
    }
    nt_batch_docs_init(docs, N, NULL);
    CHECK(nt_batch_run(texts, lens, N, &o, docs) == NT_EINTR);
    CHECK(stop.calls == 1);
    size_t finished = 0;
    for (size_t i = 0; i < N; i++) {
        CHECK(docs[i].status == NT_OK || docs[i].status == NT_EINTR);
        finished += docs[i].status == NT_OK;
    }
    CHECK(finished < N);
    CHECK(docs[N - 1].status == NT_EINTR);
    nt_batch_docs_free(docs, N);
    free(big);

    /* no documents: poll once, nothing else */
    poll_state none = {0, 0, 0, 1};
    o.poll_ctx = &none;
    CHECK(nt_batch_run(NULL, NULL, 0, &o, NULL) == NT_OK);
    CHECK(none.calls == 1 && none.last_done == 0);
}

static void test_bad_arguments(void) {
    const char *texts[2] = {"Budi pergi.", NULL};
    size_t lens[2] = {11, 3};
    nt_batch_doc docs[2];
    nt_batch_docs_init(docs, 2, NULL);
    nt_batch_opts o = opts(NT_BATCH_TOKENS, 1);
    CHECK(nt_batch_run(texts, lens, 2, &o, docs) == NT_EINVAL); /* NULL text with length */
    lens[1] = 0;
    CHECK(nt_batch_run(texts, lens, 2, &o, docs) == NT_OK);    /* NULL text of length 0 */
    CHECK(docs[1].status == NT_OK && docs[1].tokens.len == 0);
    nt_batch_docs_free(docs, 2);
    nt_batch_docs_init(docs, 2, NULL);
    CHECK(nt_batch_run(texts, lens, 2, NULL, docs) == NT_EINVAL);
    CHECK(nt_batch_run(texts, lens, 2, &o, NULL) == NT_EINVAL);
    o.threads = 0;
    CHECK(nt_batch_run(texts, lens, 2, &o, docs) == NT_EINVAL);
    o = opts(0x80u, 1);
    CHECK(nt_batch_run(texts, lens, 2, &o, docs) == NT_EINVAL);
    o = opts(NT_BATCH_KEYWORDS, 1);
    o.kw_en = NULL;
    CHECK(nt_batch_run(texts, lens, 2, &o, docs) == NT_EINVAL);
    o = opts(NT_BATCH_TOKENS, 1);
    o.tok_id = NULL;
    CHECK(nt_batch_run(texts, lens, 2, &o, docs) == NT_EINVAL);
    CHECK(docs[0].status == NT_EINTR && docs[1].status == NT_EINTR); /* never run */
    nt_batch_docs_free(docs, 2);
}

/* A thread-safe wrapper of the harness's counting allocator. */
static pthread_mutex_t alloc_mu = PTHREAD_MUTEX_INITIALIZER;
static void *l_malloc(void *ctx, size_t n) {
    pthread_mutex_lock(&alloc_mu);
    void *p = t_malloc(ctx, n);
    pthread_mutex_unlock(&alloc_mu);
    return p;
}
static void *l_realloc(void *ctx, void *p, size_t old, size_t n) {
    pthread_mutex_lock(&alloc_mu);
    void *q = t_realloc(ctx, p, old, n);
    pthread_mutex_unlock(&alloc_mu);
    return q;
}
static void l_free(void *ctx, void *p, size_t n) {
    pthread_mutex_lock(&alloc_mu);
    t_free(ctx, p, n);
    pthread_mutex_unlock(&alloc_mu);
}

static nt_status run_counted(test_alloc_ctx *c, size_t threads, const char **texts, size_t *lens, size_t n) {
    nt_allocator a = {l_malloc, l_realloc, l_free, c};
    nt_batch_opts o = opts(ALL, threads);
    o.alloc = &a;
    nt_batch_doc docs[8];
    nt_batch_docs_init(docs, n, &a);
    nt_status s = nt_batch_run(texts, lens, n, &o, docs);
    for (size_t i = 0; i < n; i++) {
        if (s == NT_OK) check_doc(texts[i], &docs[i], ALL); /* a core fallback absorbed the failure */
        else CHECK(docs[i].status == NT_OK || docs[i].status == NT_EINTR || docs[i].status == s);
    }
    nt_batch_docs_free(docs, n);
    return s;
}

static void test_allocation_failures(void) {
    enum { N = 4 };
    const char *texts[N];
    size_t lens[N];
    make_input(N, texts, lens);
    test_alloc_ctx c = {0, 0, 0, 0};
    CHECK(run_counted(&c, 1, texts, lens, N) == NT_OK);
    CHECK(c.live == 0 && c.bytes == 0);
    long total = c.calls;
    CHECK(total > 20);
    long wrong = 0, enomem = 0;
    for (long k = 1; k <= total; k++) {
        test_alloc_ctx f = {0, k, 0, 0};
        nt_status s = run_counted(&f, 1, texts, lens, N);
        /* the pool's own memory comes first: its failure is NT_ENOMEM */
        if ((k <= 2 && s != NT_ENOMEM) || (s != NT_ENOMEM && s != NT_OK)) wrong++;
        enomem += s == NT_ENOMEM;
        if (f.live != 0 || f.bytes != 0) wrong++;
    }
    CHECK(wrong == 0);
    CHECK(enomem > total / 2);
    /* several workers: which allocation fails varies, the outcome not */
    for (long k = 1; k <= total; k += 7) {
        test_alloc_ctx f = {0, k, 0, 0};
        nt_status s = run_counted(&f, 3, texts, lens, N);
        CHECK(s == NT_ENOMEM || s == NT_OK);
        CHECK(f.live == 0 && f.bytes == 0);
    }
}

int main(void) {
    if (nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok_id) != NT_OK ||
        nt_tokenizer_new(NT_LANG_EN, 0, NULL, &tok_en) != NT_OK) {
        fprintf(stderr, "no tokenizers\n");
        return 1;
    }
    nt_keywords_opts_init(&kw_id, NT_LANG_ID);
    nt_keywords_opts_init(&kw_en, NT_LANG_EN);
    test_equals_sequential();
    test_langs_and_units();
    test_progress_and_cancel();
    test_bad_arguments();
    test_allocation_failures();
    nt_tokenizer_free(tok_id);
    nt_tokenizer_free(tok_en);
    return test_summary("test_batch");
}
