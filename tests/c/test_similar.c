/*
 * test_similar.c — unit tests of the near-duplicate index (csrc/similar.c)
 * on news text written for newstext: a lightly edited copy is found, an
 * unrelated story is not, exact Jaccard values, empty texts, bad options,
 * interrupts, and every allocation failing in turn.
 *
 * Prints "test_similar: N checks passed" and exits 0 when every check holds.
 */
#include "harness.h"

#include <math.h>

static const char *STORY_A =
    "Presiden Rusia Vladimir Putin menerima pemimpin Korea Utara Kim Jong Un di kosmodrom "
    "Vostochny pada Rabu (13/9/2023). Kedua pemimpin membahas kerja sama militer, pertanian "
    "dan pariwisata selama lebih dari empat jam. Putin mengatakan Rusia akan membantu Korea "
    "Utara membangun satelit. Kim menyebut hubungan kedua negara sebagai prioritas utama.";

/* STORY_A edited lightly by another outlet: a changed word and a new final sentence */
static const char *STORY_B =
    "Presiden Rusia Vladimir Putin menerima pemimpin Korea Utara Kim Jong Un di kosmodrom "
    "Vostochny pada Rabu (13/9/2023). Kedua pemimpin membahas kerja sama militer, pertanian "
    "dan pariwisata selama lebih dari empat jam. Putin mengatakan Rusia akan membantu Korea "
    "Utara membangun satelit. Kim menyebut hubungan kedua negara sebagai prioritas utama. "
    "Pertemuan itu diawasi ketat oleh Washington.";

static const char *STORY_C =
    "Harga beras di Pasar Induk Cipinang naik Rp 1.000 per kilogram sepekan terakhir. "
    "Pedagang menyebut pasokan dari Karawang dan Indramayu berkurang karena musim kemarau. "
    "Badan Pangan Nasional berjanji menggelar operasi pasar mulai Senin.";

static nt_tokenizer *tok;

static nt_status add(nt_simindex *ix, const char *t) { return nt_simindex_add(ix, tok, t, strlen(t), NULL); }

static void test_pairs(void) {
    nt_simindex *ix = NULL;
    CHECK(nt_simindex_new(NULL, NULL, &ix) == NT_OK);
    CHECK(add(ix, STORY_A) == NT_OK);
    CHECK(add(ix, STORY_C) == NT_OK);
    CHECK(add(ix, STORY_B) == NT_OK);
    CHECK(add(ix, "") == NT_OK);          /* no words: never a duplicate */
    CHECK(add(ix, "!!! ... ???") == NT_OK);
    CHECK(nt_simindex_docs(ix) == 5);
    CHECK(nt_simindex_shingles(ix, 3) == 0 && nt_simindex_shingles(ix, 4) == 0);
    CHECK(nt_simindex_shingles(ix, 99) == 0);
    /* A has 48 words (46 distinct shingles); B adds 6 words after it: 6 more
     * shingles (2 of them across A's last full stop), all of A's shared */
    size_t na = nt_simindex_shingles(ix, 0), nb = nt_simindex_shingles(ix, 2);
    CHECK(na == 46);
    CHECK(nb == na + 6);
    double j = nt_simindex_jaccard(ix, 0, 2);
    CHECK(fabs(j - (double)na / (double)nb) < 1e-12);
    CHECK(nt_simindex_jaccard(ix, 0, 1) == 0.0);
    CHECK(nt_simindex_jaccard(ix, 0, 3) == 0.0);
    CHECK(nt_simindex_jaccard(ix, 0, 0) == 1.0);
    nt_simpairs p;
    nt_simpairs_init(&p, NULL);
    CHECK(nt_simindex_pairs(ix, 0.8, NULL, &p, NULL) == NT_OK);
    CHECK(p.len == 1);
    if (p.len == 1) CHECK(p.items[0].a == 0 && p.items[0].b == 2 && p.items[0].similarity == j);
    nt_simpairs_free(&p);
    /* above the pair's similarity: nothing */
    CHECK(nt_simindex_pairs(ix, 0.95, NULL, &p, NULL) == NT_OK);
    CHECK(p.len == 0);
    CHECK(nt_simindex_pairs(ix, 0.0, NULL, &p, NULL) == NT_EINVAL);
    CHECK(nt_simindex_pairs(ix, 1.5, NULL, &p, NULL) == NT_EINVAL);
    CHECK(nt_simindex_pairs(ix, NAN, NULL, &p, NULL) == NT_EINVAL);
    CHECK(nt_simindex_pairs(NULL, 0.5, NULL, &p, NULL) == NT_EINVAL);
    CHECK(nt_simindex_pairs(ix, 0.5, NULL, NULL, NULL) == NT_EINVAL);
    nt_simpairs_free(&p);
    nt_simpairs_free(&p); /* twice is safe */
    nt_simindex_free(ix);
    nt_simindex_free(NULL);
}

static void test_case_and_punct(void) {
    /* case and punctuation do not matter; one word is one shingle */
    nt_simindex *ix = NULL;
    nt_simopts o;
    nt_simopts_init(&o);
    CHECK(o.shingle == 3 && o.num_perm == 128 && o.seed == 1);
    o.shingle = 2;
    o.num_perm = 64;
    CHECK(nt_simindex_new(&o, NULL, &ix) == NT_OK);
    CHECK(add(ix, "KPU menetapkan hasil Pemilu 2024.") == NT_OK);
    CHECK(add(ix, "kpu, menetapkan \xe2\x80\x9chasil\xe2\x80\x9d pemilu 2024!") == NT_OK);
    CHECK(add(ix, "Jakarta") == NT_OK);
    CHECK(add(ix, "JAKARTA") == NT_OK);
    CHECK(add(ix, "\xc3\x89LYS\xc3\x89\x45 menolak") == NT_OK);   /* ÉLYSÉE */
    CHECK(add(ix, "\xc3\xa9lys\xc3\xa9\x65 menolak") == NT_OK);   /* élysée */
    CHECK(nt_simindex_shingles(ix, 0) == 4);
    CHECK(nt_simindex_jaccard(ix, 0, 1) == 1.0);
    CHECK(nt_simindex_shingles(ix, 2) == 1);
    CHECK(nt_simindex_jaccard(ix, 2, 3) == 1.0);
    CHECK(nt_simindex_jaccard(ix, 4, 5) == 1.0);
    nt_simpairs p;
    nt_simpairs_init(&p, NULL);
    CHECK(nt_simindex_pairs(ix, 1.0, NULL, &p, NULL) == NT_OK);
    CHECK(p.len == 3);
    if (p.len == 3) {
        CHECK(p.items[0].a == 0 && p.items[0].b == 1);
        CHECK(p.items[1].a == 2 && p.items[1].b == 3);
        CHECK(p.items[2].a == 4 && p.items[2].b == 5);
    }
    nt_simpairs_free(&p);
    nt_simindex_free(ix);
}

static void test_bad_options(void) {
    nt_simindex *ix = (nt_simindex *)&ix;
    nt_simopts o;
    nt_simopts_init(&o);
    o.shingle = 0;
    CHECK(nt_simindex_new(&o, NULL, &ix) == NT_EINVAL && ix == NULL);
    o.shingle = NT_SIM_MAX_SHINGLE + 1;
    CHECK(nt_simindex_new(&o, NULL, &ix) == NT_EINVAL);
    nt_simopts_init(&o);
    o.num_perm = 0;
    CHECK(nt_simindex_new(&o, NULL, &ix) == NT_EINVAL);
    o.num_perm = NT_SIM_MAX_PERM + 1;
    CHECK(nt_simindex_new(&o, NULL, &ix) == NT_EINVAL);
    CHECK(nt_simindex_new(NULL, NULL, NULL) == NT_EINVAL);
    CHECK(nt_simindex_new(NULL, NULL, &ix) == NT_OK);
    CHECK(nt_simindex_add(ix, NULL, "a", 1, NULL) == NT_EINVAL);
    CHECK(nt_simindex_add(ix, tok, NULL, 1, NULL) == NT_EINVAL);
    CHECK(nt_simindex_add(NULL, tok, "a", 1, NULL) == NT_EINVAL);
    CHECK(nt_simindex_add(ix, tok, NULL, 0, NULL) == NT_OK);
    CHECK(nt_simindex_docs(ix) == 1 && nt_simindex_docs(NULL) == 0);
    nt_simindex_free(ix);
    /* rows: more rows for a higher threshold, always a divisor */
    CHECK(nt_simindex_rows(128, 0.8) == 4);
    CHECK(nt_simindex_rows(128, 0.5) == 2);
    CHECK(nt_simindex_rows(128, 0.95) == 8);
    CHECK(nt_simindex_rows(7, 0.1) == 1);
}

/* The exact join against all pairs on generated word lists, and its
 * filters. */
static void test_join(void) {
    static const char *const vocab[] = {"harga", "beras", "naik", "pasar", "banjir", "jakarta", "warga",
                                        "presiden", "rusia", "korea", "pemerintah", "kuota", "impor"};
    nt_simindex *ix = NULL;
    nt_simopts o;
    nt_simopts_init(&o);
    o.shingle = 1;
    CHECK(nt_simindex_new(&o, NULL, &ix) == NT_OK);
    uint64_t rng = 12345;
    char buf[400];
    enum { N = 60 };
    uint32_t groups[N];
    for (int d = 0; d < N; d++) {
        size_t len = 0, words = 1 + (size_t)(d % 9);
        for (size_t w = 0; w < words; w++) {
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            const char *v = vocab[(rng >> 33) % (sizeof vocab / sizeof vocab[0])];
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s ", v);
        }
        CHECK(nt_simindex_add(ix, tok, buf, len, NULL) == NT_OK);
        groups[d] = (uint32_t)(d % 4);
    }
    double ts[] = {0.3, 0.5, 0.6, 2.0 / 3.0, 0.75, 1.0};
    for (size_t k = 0; k < sizeof ts / sizeof ts[0]; k++) {
        for (int with_filter = 0; with_filter < 2; with_filter++) {
            nt_simfilter f = {groups, 3};
            const nt_simfilter *fp = with_filter ? &f : NULL;
            nt_simpairs p;
            nt_simpairs_init(&p, NULL);
            CHECK(nt_simindex_join(ix, ts[k], fp, &p, NULL) == NT_OK);
            size_t want = 0, i = 0, bad = 0;
            for (uint32_t a = 0; a < N; a++)
                for (uint32_t b = a + 1; b < N; b++) {
                    if (fp && (groups[a] == groups[b] || nt_simindex_shingles(ix, a) < 3 ||
                               nt_simindex_shingles(ix, b) < 3))
                        continue;
                    double j = nt_simindex_jaccard(ix, a, b);
                    if (j < ts[k]) continue;
                    want++;
                    if (i < p.len && p.items[i].a == a && p.items[i].b == b && p.items[i].similarity == j) i++;
                    else bad++;
                }
            CHECK(bad == 0 && p.len == want);
            if (k == 1) CHECK(want > 10); /* the comparison is not empty */
            nt_simpairs_free(&p);
        }
    }
    nt_simpairs p;
    nt_simpairs_init(&p, NULL);
    CHECK(nt_simindex_join(ix, 0.0, NULL, &p, NULL) == NT_EINVAL);
    CHECK(nt_simindex_join(NULL, 0.5, NULL, &p, NULL) == NT_EINVAL);
    CHECK(nt_simindex_join(ix, 0.5, NULL, NULL, NULL) == NT_EINVAL);
    nt_simindex_free(ix);
    /* the stories: the same pair as MinHash */
    CHECK(nt_simindex_new(NULL, NULL, &ix) == NT_OK);
    CHECK(add(ix, STORY_A) == NT_OK);
    CHECK(add(ix, STORY_C) == NT_OK);
    CHECK(add(ix, STORY_B) == NT_OK);
    CHECK(nt_simindex_join(ix, 0.8, NULL, &p, NULL) == NT_OK);
    CHECK(p.len == 1 && p.items[0].a == 0 && p.items[0].b == 2);
    nt_simpairs_free(&p);
    /* same group: no pair; too few shingles: no pair */
    uint32_t g[3] = {7, 1, 7};
    nt_simfilter f = {g, 0};
    CHECK(nt_simindex_join(ix, 0.8, &f, &p, NULL) == NT_OK && p.len == 0);
    CHECK(nt_simindex_pairs(ix, 0.8, &f, &p, NULL) == NT_OK && p.len == 0);
    nt_simfilter big = {NULL, 47};
    CHECK(nt_simindex_join(ix, 0.8, &big, &p, NULL) == NT_OK && p.len == 0);
    CHECK(nt_simindex_pairs(ix, 0.8, &big, &p, NULL) == NT_OK && p.len == 0);
    big.min_shingles = 46;
    CHECK(nt_simindex_join(ix, 0.8, &big, &p, NULL) == NT_OK && p.len == 1);
    nt_simpairs_free(&p);
    nt_simindex_free(ix);
}

static int stop_now(void *ctx) {
    (void)ctx;
    return 1;
}

static void test_interrupt(void) {
    nt_simindex *ix = NULL;
    CHECK(nt_simindex_new(NULL, NULL, &ix) == NT_OK);
    CHECK(add(ix, STORY_A) == NT_OK);
    CHECK(add(ix, STORY_B) == NT_OK);
    nt_interrupt in = {stop_now, NULL};
    nt_simpairs p;
    nt_simpairs_init(&p, NULL);
    CHECK(nt_simindex_pairs(ix, 0.8, NULL, &p, &in) == NT_EINTR);
    CHECK(p.len == 0);
    CHECK(nt_simindex_join(ix, 0.8, NULL, &p, &in) == NT_EINTR);
    CHECK(p.len == 0);
    nt_simpairs_free(&p);
    nt_simindex_free(ix);
}

/* Every allocation failing in turn: NT_ENOMEM, nothing leaked, and the
 * index stays usable (a failed add leaves it unchanged). */
static void test_alloc_failures(void) {
    long fails = 0;
    for (long at = 1; at < 400; at++) {
        test_alloc_ctx ac = {0, at, 0, 0};
        nt_allocator al = test_allocator(&ac);
        nt_simindex *ix = NULL;
        nt_status st = nt_simindex_new(NULL, &al, &ix);
        size_t added = 0;
        const char *texts[3] = {STORY_A, STORY_C, STORY_B};
        for (int k = 0; k < 3 && st == NT_OK; k++) {
            st = add(ix, texts[k]);
            if (st == NT_OK) added++;
            else CHECK(st == NT_ENOMEM && nt_simindex_docs(ix) == added);
        }
        nt_simpairs p;
        nt_simpairs_init(&p, &al);
        if (st == NT_OK) {
            st = nt_simindex_pairs(ix, 0.8, NULL, &p, NULL);
            if (st == NT_OK) CHECK(p.len == 1);
            if (st == NT_OK) st = nt_simindex_join(ix, 0.8, NULL, &p, NULL);
            if (st == NT_OK) CHECK(p.len == 2);
        }
        CHECK(st == NT_OK || st == NT_ENOMEM);
        if (st != NT_OK) fails++;
        nt_simpairs_free(&p);
        nt_simindex_free(ix);
        CHECK(ac.live == 0 && ac.bytes == 0);
        if (st == NT_OK && ac.calls < at) break;
    }
    CHECK(fails > 5);
}

int main(void) {
    if (nt_tokenizer_new(NT_LANG_ID, 0, NULL, &tok) != NT_OK) return 1;
    test_pairs();
    test_case_and_punct();
    test_bad_options();
    test_join();
    test_interrupt();
    test_alloc_failures();
    nt_tokenizer_free(tok);
    return test_summary("test_similar");
}
