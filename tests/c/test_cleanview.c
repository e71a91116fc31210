/*
 * test_cleanview.c — unit tests of the clean view (csrc/cleanview.c) and of
 * the entry points that run on it: nt_quotes_extract_clean, NT_KW_CLEAN in
 * nt_keywords_extract and nt_corpus_add.  Articles written for newstext;
 * every allocation failing in turn, interrupts, bad arguments.
 *
 * Prints "test_cleanview: N checks passed" and exits 0 when every check holds.
 */
#include "harness.h"

/* A scrape: menu, title, date line, dateline glued to the lead, a quote,
 * a "Baca juga" link holding a quote, more body, byline, related list. */
#define TITLE "Pemerintah Siapkan Pompa Tambahan untuk Banjir Semarang"
#define P1                                                                              \
    "Pemerintah Kota Semarang menyiagakan dua puluh pompa tambahan di kawasan Kaligawe " \
    "setelah hujan deras mengguyur kota sejak Kamis malam."
#define P2                                                                               \
    "\"Semua pompa sudah kami nyalakan sejak pukul 02.00 dan petugas berjaga bergantian,\" " \
    "kata Kepala Dinas Pekerjaan Umum Semarang Suharyanto kepada wartawan."
#define LINK "Baca juga: \"Kami Lelah,\" Keluh Warga Genuk yang Rumahnya Terendam Tiga Hari"
#define P3 "Menurut Suharyanto, genangan di jalur pantura diperkirakan surut dalam dua hari jika hujan tidak turun lagi."
#define P4                                                                                     \
    "Warga diminta menjauhi saluran air yang deras dan segera melapor ke posko terdekat bila " \
    "melihat tanggul bocor."
#define P5 "\"Posko kami buka dua puluh empat jam,\" ujarnya."

static const char SCRAPE[] =
    "Buka menu utama\nBeranda\nNasional\nRegional\n" TITLE "\n"
    "Kompas.com - 14/02/2025, 09:30 WIB\n"
    "SEMARANG, KOMPAS.com - " P1 "\n" P2 "\n" LINK "\n" P3 "\n" P4 "\n" P5 "\n"
    "Penulis : Dimas Prakoso\nEditor : Rina Maharani\nTerkini Lainnya\n"
    "Festival Kuliner Pecinan Ramai Dikunjungi Wisatawan\n"
    "Harga Cabai Rawit di Pasar Johar Turun Tipis\nIklan\n";

/* The view: title, body; one "\n" where single lines were left out. */
static const char VIEW[] = TITLE "\n" P1 "\n" P2 "\n" P3 "\n" P4 "\n" P5 "\n";

/* Already clean: title and body only, blank lines between paragraphs. */
static const char CLEAN[] =
    "Harga Beras Medium Turun di Pasar Induk Cipinang\n\n"
    "Harga beras medium di Pasar Induk Beras Cipinang, Jakarta Timur, turun Rp 500 per "
    "kilogram pekan ini setelah panen raya di Jawa Tengah.\n\n"
    "\"Pasokan dari Demak dan Grobogan sudah masuk sejak Senin,\" kata Ketua Koperasi "
    "Pedagang Pasar Induk Cipinang Zulkifli Rasyid.\n\n"
    "Menurut Zulkifli, harga di tingkat pengecer biasanya menyusul turun dalam satu sampai "
    "dua minggu.\n";

static int span_is(const char *text, int64_t a, int64_t b, const char *s) {
    if (a < 0 || b < a) return s == NULL;
    return s != NULL && (size_t)(b - a) == strlen(s) && memcmp(text + a, s, (size_t)(b - a)) == 0;
}

static int contains(const char *hay, size_t n, const char *needle) {
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(hay + i, needle, m) == 0) return 1;
    return 0;
}

static int stop_now(void *ctx) {
    (void)ctx;
    return 1;
}

static nt_tokenizer *tok_id;

static void test_view(void) {
    size_t len = sizeof SCRAPE - 1;
    nt_clean_view v;
    nt_clean_view_init(&v, NULL);
    CHECK(v.len == 0 && v.text != NULL);
    CHECK(nt_clean_view_build(SCRAPE, len, NT_LANG_ID, NT_CLEAN_KEEP_TEXT, &v, NULL) == NT_OK);
    CHECK(v.len == sizeof VIEW - 1 && memcmp(v.text, VIEW, v.len) == 0);
    CHECK(v.nsegs == 3 && v.segs[0].view == 0);
    /* every byte of every run is the original byte its map names */
    for (size_t k = 0; k < v.nsegs; k++)
        for (int64_t x = v.segs[k].view; x < v.segs[k].view + v.segs[k].len; x++) {
            int64_t o = nt_clean_view_orig(&v, x, 0);
            CHECK(o >= 0 && (size_t)o < len && SCRAPE[o] == v.text[x]);
            CHECK(nt_clean_view_orig(&v, x + 1, 1) == o + 1);
        }
    /* the separator after the title: a start goes to the next run, an end
     * to the previous one; -1 passes through */
    int64_t sep = (int64_t)strlen(TITLE);
    CHECK(v.text[sep] == '\n');
    CHECK(span_is(SCRAPE, nt_clean_view_orig(&v, sep, 0), nt_clean_view_orig(&v, sep, 0) + 4, "Peme"));
    CHECK(nt_clean_view_orig(&v, sep, 0) == (int64_t)(strstr(SCRAPE, P1) - SCRAPE));
    CHECK(nt_clean_view_orig(&v, sep + 1, 1) == (int64_t)(strstr(SCRAPE, TITLE) - SCRAPE) + sep);
    CHECK(nt_clean_view_orig(&v, -1, 0) == -1 && nt_clean_view_orig(&v, -1, 1) == -1);
    CHECK(nt_clean_view_orig(&v, (int64_t)v.len, 1) == (int64_t)(strstr(SCRAPE, "Penulis") - SCRAPE));

    /* only the body: the title goes, headings would stay */
    CHECK(nt_clean_view_build(SCRAPE, len, NT_LANG_ID, NT_CLEAN_KEEP(NT_LINE_BODY), &v, NULL) == NT_OK);
    CHECK(v.len == sizeof VIEW - 1 - strlen(TITLE "\n") && memcmp(v.text, VIEW + strlen(TITLE "\n"), v.len) == 0);
    /* everything kept: the text itself, no copy */
    CHECK(nt_clean_view_build(SCRAPE, len, NT_LANG_AUTO, NT_CLEAN_KEEP_ALL, &v, NULL) == NT_OK);
    CHECK(v.text == SCRAPE && v.len == len && v.nsegs == 1);
    /* nothing kept */
    CHECK(nt_clean_view_build(SCRAPE, len, NT_LANG_ID, 0, &v, NULL) == NT_OK);
    CHECK(v.len == 0 && v.nsegs == 0 && v.text != NULL);
    /* a clean article is one run: no copy */
    CHECK(nt_clean_view_build(CLEAN, sizeof CLEAN - 1, NT_LANG_ID, NT_CLEAN_KEEP_TEXT, &v, NULL) == NT_OK);
    CHECK(v.text == CLEAN && v.len == sizeof CLEAN - 1 && v.nsegs == 1);
    /* empty text */
    CHECK(nt_clean_view_build("", 0, NT_LANG_ID, NT_CLEAN_KEEP_TEXT, &v, NULL) == NT_OK && v.len == 0);
    CHECK(nt_clean_view_build(NULL, 0, NT_LANG_ID, NT_CLEAN_KEEP_TEXT, &v, NULL) == NT_OK && v.len == 0);
    nt_clean_view_free(&v);
    nt_clean_view_free(&v); /* twice is safe */
    nt_clean_view_free(NULL);

    /* a paragraph break survives a dropped line: "\n\n" when the skipped
     * bytes hold a blank line */
    {
        const char *t = "Pemerintah daerah menambah armada truk sampah di tiga kecamatan pekan ini.\n\n"
                        "Baca juga: Warga Keluhkan Bau Sampah di TPS Jatibarang\n\n"
                        "Kepala dinas lingkungan hidup mengatakan jadwal pengangkutan kini dua kali sehari.\n";
        nt_clean_view_init(&v, NULL);
        CHECK(nt_clean_view_build(t, strlen(t), NT_LANG_ID, NT_CLEAN_KEEP_TEXT, &v, NULL) == NT_OK);
        const char *want = "Pemerintah daerah menambah armada truk sampah di tiga kecamatan pekan ini.\n\n"
                           "Kepala dinas lingkungan hidup mengatakan jadwal pengangkutan kini dua kali sehari.\n";
        CHECK(v.len == strlen(want) && memcmp(v.text, want, v.len) == 0);
        nt_clean_view_free(&v);
    }

    /* bad arguments */
    nt_clean_view_init(&v, NULL);
    CHECK(nt_clean_view_build(NULL, 3, NT_LANG_ID, NT_CLEAN_KEEP_TEXT, &v, NULL) == NT_EINVAL);
    CHECK(nt_clean_view_build(SCRAPE, len, NT_LANG_ID, NT_CLEAN_KEEP_TEXT, NULL, NULL) == NT_EINVAL);
    CHECK(nt_clean_view_build(SCRAPE, len, NT_LANG_ID, NT_CLEAN_KEEP_ALL + 1, &v, NULL) == NT_EINVAL);
    CHECK(nt_clean_view_build(SCRAPE, len, (nt_lang)7, NT_CLEAN_KEEP_TEXT, &v, NULL) == NT_EINVAL);
    {
        nt_article a;
        nt_article_init(&a, NULL);
        CHECK(nt_clean_run(SCRAPE, len, NT_LANG_ID, &a, NULL) == NT_OK);
        CHECK(nt_clean_view_from_article(SCRAPE, len, &a, NT_CLEAN_KEEP_TEXT, &v) == NT_OK);
        CHECK(v.len == sizeof VIEW - 1);
        /* pieces that do not partition the text */
        CHECK(nt_clean_view_from_article(SCRAPE, len - 1, &a, NT_CLEAN_KEEP_TEXT, &v) == NT_EINVAL);
        CHECK(v.len == 0);
        a.pieces.start[1] += 1;
        CHECK(nt_clean_view_from_article(SCRAPE, len, &a, NT_CLEAN_KEEP_TEXT, &v) == NT_EINVAL);
        CHECK(nt_clean_view_from_article(SCRAPE, len, NULL, NT_CLEAN_KEEP_TEXT, &v) == NT_EINVAL);
        nt_article_free(&a);
    }
    nt_clean_view_free(&v);
}

static void test_quotes(void) {
    size_t len = sizeof SCRAPE - 1;
    nt_quotes raw, q;
    nt_quotes_init(&raw, NULL);
    nt_quotes_init(&q, NULL);
    /* without the view, the link's quote is taken and its subject speaks
     * the last quote */
    CHECK(nt_quotes_extract(tok_id, SCRAPE, len, &raw, NULL) == NT_OK);
    CHECK(raw.len == 3);
    if (raw.len == 3) {
        CHECK(span_is(SCRAPE, raw.items[1].start, raw.items[1].end, "Kami Lelah,"));
        CHECK(span_is(SCRAPE, raw.items[2].name_start, raw.items[2].name_end, "Keluh Warga Genuk"));
    }
    CHECK(nt_quotes_extract_clean(tok_id, SCRAPE, len, &q, NULL) == NT_OK);
    CHECK(q.len == 2);
    if (q.len == 2) {
        CHECK(span_is(SCRAPE, q.items[0].start, q.items[0].end,
                      "Semua pompa sudah kami nyalakan sejak pukul 02.00 dan petugas berjaga bergantian,"));
        CHECK(span_is(SCRAPE, q.items[0].cue_start, q.items[0].cue_end, "kata"));
        /* the speaker mention ends at "Suharyanto" of the quote's own line */
        int64_t suh = (int64_t)(strstr(SCRAPE, "Suharyanto kepada") - SCRAPE);
        CHECK(q.items[0].speaker_end == suh + 10 && q.items[0].speaker_start < suh + 10);
        CHECK(span_is(SCRAPE, q.items[1].start, q.items[1].end, "Posko kami buka dua puluh empat jam,"));
        CHECK(span_is(SCRAPE, q.items[1].cue_start, q.items[1].cue_end, "ujarnya"));
        CHECK(q.items[1].speaker_start == -1);
        CHECK(q.items[1].name_start == q.items[0].name_start && q.items[1].name_end == q.items[0].name_end);
    }
    /* appends, like nt_quotes_extract */
    CHECK(nt_quotes_extract_clean(tok_id, SCRAPE, len, &q, NULL) == NT_OK && q.len == 4);
    if (q.len == 4) CHECK(q.items[2].start == q.items[0].start && q.items[3].end == q.items[1].end);
    /* on clean text: the same quotes as without the view */
    nt_quotes_free(&raw);
    nt_quotes_free(&q);
    CHECK(nt_quotes_extract(tok_id, CLEAN, sizeof CLEAN - 1, &raw, NULL) == NT_OK);
    CHECK(nt_quotes_extract_clean(tok_id, CLEAN, sizeof CLEAN - 1, &q, NULL) == NT_OK);
    CHECK(raw.len == 1 && q.len == raw.len);
    for (size_t i = 0; i < q.len && i < raw.len; i++) {
        const nt_quote *a = &q.items[i], *b = &raw.items[i];
        CHECK(a->start == b->start && a->end == b->end && a->kind == b->kind && a->flags == b->flags);
        CHECK(a->speaker_start == b->speaker_start && a->speaker_end == b->speaker_end);
        CHECK(a->name_start == b->name_start && a->name_end == b->name_end);
        CHECK(a->cue_start == b->cue_start && a->cue_end == b->cue_end);
    }
    nt_quotes_free(&raw);
    nt_quotes_free(&q);
    /* bad arguments */
    CHECK(nt_quotes_extract_clean(NULL, SCRAPE, len, &q, NULL) == NT_EINVAL);
    CHECK(nt_quotes_extract_clean(tok_id, NULL, 1, &q, NULL) == NT_EINVAL);
    CHECK(nt_quotes_extract_clean(tok_id, SCRAPE, len, NULL, NULL) == NT_EINVAL);
    CHECK(nt_quotes_extract_clean(tok_id, NULL, 0, &q, NULL) == NT_OK && q.len == 0);
}

static void test_keywords(void) {
    size_t len = sizeof SCRAPE - 1;
    nt_keywords_opts o;
    nt_keywords_opts_init(&o, NT_LANG_ID);
    o.top = 20;
    nt_keywords raw, kw;
    nt_keywords_init(&raw, NULL);
    nt_keywords_init(&kw, NULL);
    CHECK(nt_keywords_extract(tok_id, SCRAPE, len, &o, &raw, NULL) == NT_OK);
    /* without the view, menu and link words rank */
    CHECK(contains(raw.buf, raw.buf_len, "Keluh Warga Genuk"));
    CHECK(contains(raw.buf, raw.buf_len, "utama"));
    o.flags |= NT_KW_CLEAN;
    CHECK(nt_keywords_extract(tok_id, SCRAPE, len, &o, &kw, NULL) == NT_OK);
    CHECK(kw.len == 20);
    const char *gone[] = {"Keluh", "Genuk", "Lelah", "utama", "Beranda", "Festival", "Cabai", "Dimas",
                          "Maharani", "Terkini", "Kaligawe Kompas"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++) CHECK(!contains(kw.buf, kw.buf_len, gone[i]));
    CHECK(contains(kw.buf, kw.buf_len, "Pompa Tambahan"));
    /* first occurrences index the original text */
    for (size_t i = 0; i < kw.len; i++) {
        const nt_keyword *k = &kw.items[i];
        CHECK(k->start >= 0 && k->end <= (int64_t)len && k->end > k->start);
        CHECK(k->end - k->start == (int64_t)k->phrase_len &&
              memcmp(SCRAPE + k->start, kw.buf + k->phrase, k->phrase_len) == 0);
    }
    /* clean text: the same keywords, scores and spans as without the flag */
    nt_keywords_opts_init(&o, NT_LANG_ID);
    o.top = 15;
    CHECK(nt_keywords_extract(tok_id, CLEAN, sizeof CLEAN - 1, &o, &raw, NULL) == NT_OK);
    o.flags |= NT_KW_CLEAN;
    CHECK(nt_keywords_extract(tok_id, CLEAN, sizeof CLEAN - 1, &o, &kw, NULL) == NT_OK);
    CHECK(kw.len == raw.len && kw.len > 5 && kw.buf_len == raw.buf_len);
    for (size_t i = 0; i < kw.len && i < raw.len; i++) {
        CHECK(kw.items[i].score == raw.items[i].score && kw.items[i].count == raw.items[i].count);
        CHECK(kw.items[i].start == raw.items[i].start && kw.items[i].end == raw.items[i].end);
    }
    CHECK(kw.buf_len == raw.buf_len && memcmp(kw.buf, raw.buf, kw.buf_len) == 0);
    /* top 0 and empty text: nothing, no cleaning needed */
    o.top = 0;
    CHECK(nt_keywords_extract(tok_id, SCRAPE, len, &o, &kw, NULL) == NT_OK && kw.len == 0);
    o.top = 10;
    CHECK(nt_keywords_extract(tok_id, "", 0, &o, &kw, NULL) == NT_OK && kw.len == 0);
    /* a text that is all chrome */
    CHECK(nt_keywords_extract(tok_id, "Buka menu utama\nBeranda\nIklan\n", 30, &o, &kw, NULL) == NT_OK);
    CHECK(kw.len == 0);
    nt_keywords_free(&raw);
    nt_keywords_free(&kw);
}

static void test_corpus(void) {
    nt_keywords_opts o;
    nt_keywords_opts_init(&o, NT_LANG_ID);
    nt_corpus *plain = NULL, *clean = NULL;
    CHECK(nt_corpus_new(&o, NULL, &plain) == NT_OK);
    o.flags |= NT_KW_CLEAN;
    CHECK(nt_corpus_new(&o, NULL, &clean) == NT_OK);
    if (!plain || !clean) return;
    CHECK(nt_corpus_add(plain, tok_id, SCRAPE, sizeof SCRAPE - 1, NULL) == NT_OK);
    CHECK(nt_corpus_add(clean, tok_id, SCRAPE, sizeof SCRAPE - 1, NULL) == NT_OK);
    CHECK(nt_corpus_add(clean, tok_id, CLEAN, sizeof CLEAN - 1, NULL) == NT_OK);
    CHECK(nt_corpus_docs(clean) == 2);
    int plain_has = 0, clean_has = 0, clean_pompa = 0;
    for (size_t t = 0; t < nt_corpus_terms(plain); t++) {
        size_t n;
        const char *s = nt_corpus_term(plain, t, &n);
        plain_has |= n == 5 && memcmp(s, "genuk", 5) == 0;
    }
    for (size_t t = 0; t < nt_corpus_terms(clean); t++) {
        size_t n;
        const char *s = nt_corpus_term(clean, t, &n);
        clean_has |= (n == 5 && memcmp(s, "genuk", 5) == 0) || (n == 5 && memcmp(s, "cabai", 5) == 0) ||
                     (n == 7 && memcmp(s, "beranda", 7) == 0);
        clean_pompa |= n == 5 && memcmp(s, "pompa", 5) == 0;
    }
    CHECK(plain_has && !clean_has && clean_pompa);
    nt_corpus_free(plain);
    nt_corpus_free(clean);
}

static void test_interrupt(void) {
    size_t big = 3u << 20;
    char *buf = malloc(big);
    if (!buf) return;
    for (size_t i = 0; i < big; i++) buf[i] = (i % 60 == 59) ? '\n' : (i % 7 == 6) ? ' ' : 'a';
    nt_interrupt intr = {stop_now, NULL};
    nt_clean_view v;
    nt_clean_view_init(&v, NULL);
    CHECK(nt_clean_view_build(buf, big, NT_LANG_ID, NT_CLEAN_KEEP_TEXT, &v, &intr) == NT_EINTR);
    CHECK(v.len == 0);
    nt_quotes q;
    nt_quotes_init(&q, NULL);
    CHECK(nt_quotes_extract_clean(tok_id, buf, big, &q, &intr) == NT_EINTR);
    nt_keywords_opts o;
    nt_keywords_opts_init(&o, NT_LANG_ID);
    o.flags |= NT_KW_CLEAN;
    nt_keywords kw;
    nt_keywords_init(&kw, NULL);
    CHECK(nt_keywords_extract(tok_id, buf, big, &o, &kw, &intr) == NT_EINTR && kw.len == 0);
    nt_keywords_free(&kw);
    nt_quotes_free(&q);
    nt_clean_view_free(&v);
    free(buf);
}

/* Every allocation failing in turn: NT_ENOMEM (or success once the count
 * passes the calls made), nothing leaked, results of a success right. */
static void test_alloc_failures(void) {
    size_t len = sizeof SCRAPE - 1;
    int saw[4] = {0, 0, 0, 0}, done[4] = {0, 0, 0, 0};
    for (long k = 1; k < 400 && !(done[0] && done[1] && done[2] && done[3]); k++) {
        test_alloc_ctx ctx = {0, k, 0, 0};
        nt_allocator al = test_allocator(&ctx);

        nt_clean_view v;
        nt_clean_view_init(&v, &al);
        nt_status st = nt_clean_view_build(SCRAPE, len, NT_LANG_ID, NT_CLEAN_KEEP_TEXT, &v, NULL);
        CHECK(st == NT_OK || st == NT_ENOMEM);
        if (st == NT_ENOMEM) {
            saw[0] = 1;
            CHECK(v.len == 0);
        }
        if (st == NT_OK) {
            done[0] = 1;
            CHECK(v.len == sizeof VIEW - 1 && memcmp(v.text, VIEW, v.len) == 0);
        }
        nt_clean_view_free(&v);
        CHECK(ctx.live == 0);

        ctx.calls = 0;
        nt_quotes q;
        nt_quotes_init(&q, &al);
        st = nt_quotes_extract_clean(tok_id, SCRAPE, len, &q, NULL);
        CHECK(st == NT_OK || st == NT_ENOMEM);
        saw[1] |= st == NT_ENOMEM;
        if (st == NT_OK) {
            done[1] = 1;
            CHECK(q.len == 2);
        }
        for (size_t i = 0; i < q.len; i++) CHECK(q.items[i].start >= 0 && q.items[i].end <= (int64_t)len);
        nt_quotes_free(&q);
        CHECK(ctx.live == 0);

        ctx.calls = 0;
        nt_keywords_opts o;
        nt_keywords_opts_init(&o, NT_LANG_ID);
        o.flags |= NT_KW_CLEAN;
        nt_keywords kw;
        nt_keywords_init(&kw, &al);
        st = nt_keywords_extract(tok_id, SCRAPE, len, &o, &kw, NULL);
        CHECK(st == NT_OK || st == NT_ENOMEM);
        if (st == NT_ENOMEM) {
            saw[2] = 1;
            CHECK(kw.len == 0);
        }
        if (st == NT_OK) {
            done[2] = 1;
            CHECK(kw.len == 10);
        }
        nt_keywords_free(&kw);
        CHECK(ctx.live == 0);

        ctx.calls = 0;
        nt_corpus *c = NULL;
        st = nt_corpus_new(&o, &al, &c);
        CHECK(st == NT_OK || st == NT_ENOMEM);
        if (st == NT_OK) {
            st = nt_corpus_add(c, tok_id, SCRAPE, len, NULL);
            CHECK(st == NT_OK || st == NT_ENOMEM);
            CHECK(nt_corpus_docs(c) == (st == NT_OK ? 1u : 0u));
            /* the corpus stays usable after a failure */
            ctx.fail_at = 0;
            CHECK(nt_corpus_add(c, tok_id, CLEAN, sizeof CLEAN - 1, NULL) == NT_OK);
            nt_corpus_free(c);
        }
        saw[3] |= st == NT_ENOMEM;
        if (st == NT_OK) done[3] = 1;
        CHECK(ctx.live == 0);
    }
    CHECK(saw[0] && saw[1] && saw[2] && saw[3]);
    CHECK(done[0] && done[1] && done[2] && done[3]);
}

int main(void) {
    if (nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok_id) != NT_OK) {
        fprintf(stderr, "no tokenizer\n");
        return 1;
    }
    test_view();
    test_quotes();
    test_keywords();
    test_corpus();
    test_interrupt();
    test_alloc_failures();
    nt_tokenizer_free(tok_id);
    return test_summary("test_cleanview");
}
