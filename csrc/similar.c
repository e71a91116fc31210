/*
 * similar.c — near-duplicate documents: word shingles, MinHash, LSH banding,
 * exact Jaccard verification.
 *
 * Each document becomes the sorted set of 64-bit hashes of its shingles (k
 * consecutive tokens other than punctuation and quote marks, lower-cased
 * by the simple Unicode mapping) and a MinHash signature of num_perm 32-bit
 * minima, one per seeded hash function.  Candidate pairs are the documents
 * that agree on every row of at least one band of the signature (LSH
 * banding, the rows per band chosen from the threshold so that a pair at the
 * threshold becomes a candidate with probability >= 0.995); each candidate
 * is then verified by the exact Jaccard similarity of the two shingle sets,
 * so no reported pair is a false positive and the similarity is exact.
 *
 * No global state: the seed lives in the index's options.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>

struct nt_simindex {
    nt_simopts o;
    const nt_allocator *al;
    uint64_t *sh;        /* every document's sorted shingle hashes, concatenated */
    size_t nsh, capsh;
    uint64_t *off;       /* document d's shingles: sh[off[d] .. off[d + 1])      */
    size_t capoff;
    uint32_t *sig;       /* num_perm minima per document (capdocs documents)    */
    size_t ndocs, capdocs;
    uint64_t *perm;      /* num_perm odd multipliers, then num_perm addends      */
};

static uint64_t mix64(uint64_t x) { /* splitmix64's finaliser */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

void nt_simopts_init(nt_simopts *o) {
    o->shingle = 3;
    o->num_perm = 128;
    o->seed = 1;
}

nt_status nt_simindex_new(const nt_simopts *opts, const nt_allocator *alloc, nt_simindex **out) {
    if (out == NULL) return NT_EINVAL;
    *out = NULL;
    nt_simopts o;
    if (opts) o = *opts;
    else nt_simopts_init(&o);
    if (o.shingle < 1 || o.shingle > NT_SIM_MAX_SHINGLE || o.num_perm < 1 || o.num_perm > NT_SIM_MAX_PERM)
        return NT_EINVAL;
    const nt_allocator *al = nt_alloc_or_default(alloc);
    nt_simindex *ix = al->malloc(al->ctx, sizeof *ix);
    if (ix == NULL) return NT_ENOMEM;
    memset(ix, 0, sizeof *ix);
    ix->o = o;
    ix->al = al;
    ix->perm = al->malloc(al->ctx, 2 * o.num_perm * sizeof(uint64_t));
    if (ix->perm == NULL) {
        al->free(al->ctx, ix, sizeof *ix);
        return NT_ENOMEM;
    }
    for (unsigned p = 0; p < 2 * o.num_perm; p++) ix->perm[p] = mix64(o.seed * 0x9e3779b97f4a7c15ull + p + 1);
    for (unsigned p = 0; p < o.num_perm; p++) ix->perm[p] |= 1; /* multipliers are odd */
    *out = ix;
    return NT_OK;
}

void nt_simindex_free(nt_simindex *ix) {
    if (ix == NULL) return;
    const nt_allocator *al = ix->al;
    nt_array_free(al, ix->sh, ix->capsh, sizeof(uint64_t));
    nt_array_free(al, ix->off, ix->capoff, sizeof(uint64_t));
    nt_array_free(al, ix->sig, ix->capdocs, ix->o.num_perm * sizeof(uint32_t));
    al->free(al->ctx, ix->perm, 2 * ix->o.num_perm * sizeof(uint64_t));
    al->free(al->ctx, ix, sizeof *ix);
}

size_t nt_simindex_docs(const nt_simindex *ix) { return ix ? ix->ndocs : 0; }

size_t nt_simindex_shingles(const nt_simindex *ix, size_t doc) {
    if (ix == NULL || doc >= ix->ndocs) return 0;
    return (size_t)(ix->off[doc + 1] - ix->off[doc]);
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Make room for one more document's offset and signature. */
static nt_status reserve_doc(nt_simindex *ix) {
    if (ix->ndocs >= (size_t)UINT32_MAX - 2) return NT_ETOOBIG; /* doc ids are 32-bit */
    const nt_allocator *al = ix->al;
    bool first = ix->off == NULL;
    void *p = ix->off;
    nt_status st = nt_array_reserve(al, &p, &ix->capoff, ix->ndocs + 2, sizeof(uint64_t), 16);
    ix->off = p;
    if (st != NT_OK) return st;
    if (first) ix->off[0] = 0;
    /* the signatures: one element of num_perm values a document */
    p = ix->sig;
    st = nt_array_reserve(al, &p, &ix->capdocs, ix->ndocs + 1, ix->o.num_perm * sizeof(uint32_t), 16);
    ix->sig = p;
    return st;
}

nt_status nt_simindex_add(nt_simindex *ix, const nt_tokenizer *tok, const char *text, size_t len,
                          const nt_interrupt *intr) {
    if (ix == NULL || tok == NULL || (text == NULL && len > 0)) return NT_EINVAL;
    const nt_allocator *al = ix->al;
    nt_status st = reserve_doc(ix);
    if (st != NT_OK) return st;
    nt_spans toks;
    nt_spans_init(&toks, al);
    uint64_t *wh = NULL;
    size_t capwh = 0, nw = 0;
    st = nt_tokenizer_run(tok, text, len, &toks, intr);
    if (st != NT_OK) goto done;
    /* word hashes: FNV-1a over the lower-cased code points, mixed */
    for (size_t i = 0; i < toks.len; i++) {
        uint8_t kd = toks.kind[i];
        if (kd == NT_TOK_PUNCT || kd == NT_TOK_QUOTE) continue;
        uint64_t h = 1469598103934665603ull;
        for (size_t p = (size_t)toks.start[i]; p < (size_t)toks.end[i];) {
            uint32_t cp = (unsigned char)text[p];
            if (cp < 0x80) { /* ASCII: lower-case inline */
                p++;
                if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
            } else {
                p += nt_utf8_decode(text, len, p, &cp);
                cp = nt_uc_lower(cp);
            }
            h = (h ^ cp) * 1099511628211ull;
        }
        h = mix64(h);
        void *p = wh;
        st = nt_array_push(al, &p, &nw, &capwh, &h, sizeof h, 16);
        wh = p;
        if (st != NT_OK) goto done;
    }
    {
        size_t k = ix->o.shingle;
        size_t ns = nw == 0 ? 0 : nw < k ? 1 : nw - k + 1;
        if (ns > 0) {
            void *p = ix->sh;
            st = nt_array_reserve(al, &p, &ix->capsh, ix->nsh + ns, sizeof(uint64_t), 16);
            ix->sh = p;
            if (st != NT_OK) goto done;
        }
        uint64_t *mine = ns ? ix->sh + ix->nsh : NULL;
        for (size_t s = 0; s < ns; s++) {
            uint64_t h = 0x243f6a8885a308d3ull;
            for (size_t j = s; j < s + k && j < nw; j++) h = mix64(h * 31 + wh[j]);
            mine[s] = h;
        }
        if (ns > 1) qsort(mine, ns, sizeof(uint64_t), cmp_u64);
        size_t u = 0;
        for (size_t s = 0; s < ns; s++)
            if (u == 0 || mine[s] != mine[u - 1]) mine[u++] = mine[s];
        /* the signature: per seeded hash, the smallest value over the set */
        size_t P = ix->o.num_perm;
        uint32_t *sig = ix->sig + ix->ndocs * P;
        /* hash function p of a (well mixed) shingle hash x: the high 32 bits
         * of a_p * x + b_p, a_p odd (multiply-shift); the loop over p is
         * the inner one so the compiler can keep it in registers */
        const uint64_t *A = ix->perm, *B = ix->perm + P;
        for (size_t p = 0; p < P; p++) sig[p] = UINT32_MAX;
        for (size_t s = 0; s < u; s++) {
            uint64_t x = mine[s];
            for (size_t p = 0; p < P; p++) {
                uint32_t v = (uint32_t)((x * A[p] + B[p]) >> 32);
                sig[p] = v < sig[p] ? v : sig[p];
            }
        }
        ix->nsh += u;
        ix->off[ix->ndocs + 1] = ix->nsh;
        ix->ndocs++;
    }
done:
    nt_array_free(al, wh, capwh, sizeof(uint64_t));
    nt_spans_free(&toks);
    return st;
}

double nt_simindex_jaccard(const nt_simindex *ix, size_t a, size_t b) {
    if (ix == NULL || a >= ix->ndocs || b >= ix->ndocs) return 0.0;
    size_t nx = (size_t)(ix->off[a + 1] - ix->off[a]), ny = (size_t)(ix->off[b + 1] - ix->off[b]);
    if (nx == 0 || ny == 0) return 0.0;
    const uint64_t *x = ix->sh + ix->off[a], *y = ix->sh + ix->off[b];
    size_t i = 0, j = 0, inter = 0;
    while (i < nx && j < ny) {
        if (x[i] < y[j]) i++;
        else if (x[i] > y[j]) j++;
        else {
            inter++;
            i++;
            j++;
        }
    }
    return (double)inter / (double)(nx + ny - inter);
}

void nt_simpairs_init(nt_simpairs *p, const nt_allocator *alloc) {
    p->items = NULL;
    p->len = p->cap = 0;
    p->alloc = nt_alloc_or_default(alloc);
}

void nt_simpairs_free(nt_simpairs *p) {
    nt_array_free(p->alloc, p->items, p->cap, sizeof *p->items);
    p->items = NULL;
    p->len = p->cap = 0;
}

unsigned nt_simindex_rows(unsigned num_perm, double threshold) {
    unsigned best = 1;
    for (unsigned r = 1; r <= num_perm; r++) {
        if (num_perm % r) continue;
        double b = (double)(num_perm / r);
        double hit = 1.0 - pow(1.0 - pow(threshold, (double)r), b);
        if (hit >= 0.995) best = r;
    }
    return best;
}

typedef struct bent {
    uint64_t key;
    uint32_t doc;
} bent;

static int cmp_bent(const void *a, const void *b) {
    const bent *x = a, *y = b;
    if (x->key != y->key) return (x->key > y->key) - (x->key < y->key);
    return (x->doc > y->doc) - (x->doc < y->doc);
}

static bool poll_stop(const nt_interrupt *intr) {
    return intr != NULL && intr->check != NULL && intr->check(intr->ctx) != 0;
}

/* May document d be in a pair at all (enough shingles)? */
static bool eligible(const nt_simindex *ix, const nt_simfilter *f, size_t d) {
    size_t n = (size_t)(ix->off[d + 1] - ix->off[d]);
    return n > 0 && (f == NULL || n >= f->min_shingles);
}

/* A candidate list of pairs (a << 32 | b, a < b). */
typedef struct cands {
    uint64_t *v;
    size_t n, cap;
} cands;

static nt_status push_cand(const nt_allocator *al, cands *c, uint32_t a, uint32_t b) {
    uint64_t x = ((uint64_t)a << 32) | b;
    void *p = c->v;
    nt_status st = nt_array_push(al, &p, &c->n, &c->cap, &x, sizeof x, 16);
    c->v = p;
    return st;
}

static bool same_group(const nt_simfilter *f, uint32_t a, uint32_t b) {
    return f != NULL && f->groups != NULL && f->groups[a] == f->groups[b];
}

/* Every pair of the bucket docs[0..m) (in increasing order) from
 * different groups becomes a candidate. */
static nt_status bucket_pairs(const nt_allocator *al, const nt_simfilter *f, const bent *docs, size_t m,
                              cands *c) {
    nt_status st = NT_OK;
    for (size_t x = 0; x < m && st == NT_OK; x++)
        for (size_t y = x + 1; y < m && st == NT_OK; y++)
            if (!same_group(f, docs[x].doc, docs[y].doc)) st = push_cand(al, c, docs[x].doc, docs[y].doc);
    return st;
}

/* Sort and de-duplicate the candidates, keep those whose exact Jaccard
 * reaches the threshold. */
static nt_status verify(const nt_simindex *ix, double threshold, cands *c, nt_simpairs *out,
                        const nt_interrupt *intr) {
    nt_status st = NT_OK;
    if (c->n > 1) qsort(c->v, c->n, sizeof(uint64_t), cmp_u64);
    for (size_t i = 0; i < c->n; i++) {
        if (i > 0 && c->v[i] == c->v[i - 1]) continue;
        if ((i & 4095) == 4095 && poll_stop(intr)) return NT_EINTR;
        uint32_t a = (uint32_t)(c->v[i] >> 32), b = (uint32_t)c->v[i];
        double sim = nt_simindex_jaccard(ix, a, b);
        if (sim < threshold) continue;
        nt_simpair pr = {a, b, sim};
        void *p = out->items;
        st = nt_array_push(out->alloc, &p, &out->len, &out->cap, &pr, sizeof pr, 16);
        out->items = p;
        if (st != NT_OK) return st;
    }
    return NT_OK;
}

nt_status nt_simindex_pairs(const nt_simindex *ix, double threshold, const nt_simfilter *f, nt_simpairs *out,
                            const nt_interrupt *intr) {
    if (ix == NULL || out == NULL || !(threshold > 0.0 && threshold <= 1.0)) return NT_EINVAL;
    const nt_allocator *al = ix->al;
    size_t P = ix->o.num_perm;
    size_t r = nt_simindex_rows((unsigned)P, threshold), bands = P / r;
    size_t n = 0;
    for (size_t d = 0; d < ix->ndocs; d++) n += eligible(ix, f, d);
    if (n < 2) return NT_OK;
    nt_status st = NT_OK;
    bent *be = al->malloc(al->ctx, n * sizeof(bent));
    if (be == NULL) return NT_ENOMEM;
    cands c = {NULL, 0, 0};
    for (size_t band = 0; band < bands && st == NT_OK; band++) {
        if (poll_stop(intr)) {
            st = NT_EINTR;
            break;
        }
        size_t m = 0;
        for (size_t d = 0; d < ix->ndocs; d++) {
            if (!eligible(ix, f, d)) continue; /* no words: never a duplicate */
            const uint32_t *sg = ix->sig + d * P + band * r;
            uint64_t h = mix64(band + 0x51afd6ed4e5b9cull);
            for (size_t k = 0; k < r; k++) h = mix64(h ^ sg[k]) + k;
            be[m].key = h;
            be[m].doc = (uint32_t)d;
            m++;
        }
        if (m > 1) qsort(be, m, sizeof(bent), cmp_bent);
        for (size_t i = 0; i < m && st == NT_OK;) {
            size_t j = i + 1;
            while (j < m && be[j].key == be[i].key) j++;
            st = bucket_pairs(al, f, be + i, j - i, &c);
            i = j;
        }
    }
    if (st == NT_OK) st = verify(ix, threshold, &c, out, intr);
    al->free(al->ctx, be, n * sizeof(bent));
    nt_array_free(al, c.v, c.cap, sizeof(uint64_t));
    return st;
}

/* ----------------------------------------------------- exact join (prefix filter) */

typedef struct jent {
    uint64_t h;   /* shingle hash; then the shingle's rank by rarity */
    uint32_t doc;
} jent;

static int cmp_jent(const void *a, const void *b) {
    const jent *x = a, *y = b;
    if (x->h != y->h) return (x->h > y->h) - (x->h < y->h);
    return (x->doc > y->doc) - (x->doc < y->doc);
}

static int cmp_jent_doc(const void *a, const void *b) {
    const jent *x = a, *y = b;
    if (x->doc != y->doc) return (x->doc > y->doc) - (x->doc < y->doc);
    return (x->h > y->h) - (x->h < y->h);
}

/* (document frequency, hash) of a distinct shingle, ordered rarest first */
typedef struct dfent {
    uint64_t df, h;
} dfent;

static int cmp_dfent(const void *a, const void *b) {
    const dfent *x = a, *y = b;
    if (x->df != y->df) return (x->df > y->df) - (x->df < y->df);
    return (x->h > y->h) - (x->h < y->h);
}

/* Prefix length of a set of n shingles for threshold t: a pair with
 * Jaccard >= t shares at least ceil(t * n) shingles, so their first
 * n - ceil(t * n) + 1 shingles in one global order share one (slightly
 * longer when t * n is within rounding of an integer: never shorter). */
static size_t prefix_len(size_t n, double t) {
    double need = ceil(t * (double)n - 1e-9);
    if (need < 1.0) need = 1.0;
    size_t k = (size_t)need;
    return k > n ? 1 : n - k + 1;
}

nt_status nt_simindex_join(const nt_simindex *ix, double threshold, const nt_simfilter *f, nt_simpairs *out,
                           const nt_interrupt *intr) {
    if (ix == NULL || out == NULL || !(threshold > 0.0 && threshold <= 1.0)) return NT_EINVAL;
    const nt_allocator *al = ix->al;
    size_t S = 0, ndoc = 0;
    for (size_t d = 0; d < ix->ndocs; d++)
        if (eligible(ix, f, d)) {
            S += (size_t)(ix->off[d + 1] - ix->off[d]);
            ndoc++;
        }
    if (ndoc < 2) return NT_OK;
    if (S > SIZE_MAX / sizeof(jent)) return NT_ETOOBIG;
    nt_status st = NT_OK;
    cands c = {NULL, 0, 0};
    dfent *dv = NULL;
    size_t nd = 0;
    jent *e = al->malloc(al->ctx, S * sizeof(jent));
    if (e == NULL) return NT_ENOMEM;
    size_t m = 0;
    for (size_t d = 0; d < ix->ndocs; d++) {
        if (!eligible(ix, f, d)) continue;
        for (uint64_t k = ix->off[d]; k < ix->off[d + 1]; k++) {
            e[m].h = ix->sh[k];
            e[m].doc = (uint32_t)d;
            m++;
        }
    }
    /* document frequency of each distinct shingle, then ranks rarest first */
    qsort(e, S, sizeof(jent), cmp_jent);
    for (size_t i = 0; i < S; i++) nd += i == 0 || e[i].h != e[i - 1].h;
    dv = al->malloc(al->ctx, nd * sizeof(dfent));
    if (dv == NULL) {
        st = NT_ENOMEM;
        goto done;
    }
    for (size_t i = 0, k = 0; i < S; k++) {
        size_t j = i + 1;
        while (j < S && e[j].h == e[i].h) j++;
        dv[k].df = j - i;
        dv[k].h = e[i].h;
        i = j;
    }
    qsort(dv, nd, sizeof(dfent), cmp_dfent);
    /* dv is in rank order: keep (hash, rank) in (df, h), sort by hash and
     * walk it beside e (sorted by hash) to replace each hash by its rank */
    for (size_t k = 0; k < nd; k++) {
        uint64_t hash = dv[k].h;
        dv[k].h = k;
        dv[k].df = hash;
    }
    qsort(dv, nd, sizeof(dfent), cmp_dfent);
    for (size_t i = 0, k = 0; i < S; i++) {
        while (dv[k].df != e[i].h) k++;
        e[i].h = dv[k].h;
    }
    if (poll_stop(intr)) {
        st = NT_EINTR;
        goto done;
    }
    /* each document's shingles rarest first; keep its prefix */
    qsort(e, S, sizeof(jent), cmp_jent_doc);
    size_t kept = 0;
    for (size_t i = 0; i < S;) {
        size_t j = i + 1;
        while (j < S && e[j].doc == e[i].doc) j++;
        size_t p = prefix_len(j - i, threshold);
        for (size_t k = 0; k < p; k++) e[kept++] = e[i + k];
        i = j;
    }
    /* documents sharing a prefix shingle are candidates */
    qsort(e, kept, sizeof(jent), cmp_jent);
    for (size_t i = 0; i < kept && st == NT_OK;) {
        size_t j = i + 1;
        while (j < kept && e[j].h == e[i].h) j++;
        if (j - i > 1) {
            for (size_t x = i; x < j && st == NT_OK; x++)
                for (size_t y = x + 1; y < j && st == NT_OK; y++) {
                    uint32_t a = e[x].doc, b = e[y].doc;
                    if (same_group(f, a, b)) continue;
                    size_t na = nt_simindex_shingles(ix, a), nb = nt_simindex_shingles(ix, b);
                    size_t lo = na < nb ? na : nb, hi = na < nb ? nb : na;
                    if ((double)lo < threshold * (double)hi - 1e-9) continue; /* sizes too far apart */
                    st = push_cand(al, &c, a, b);
                }
        }
        i = j;
    }
    if (st == NT_OK) st = verify(ix, threshold, &c, out, intr);
done:
    al->free(al->ctx, e, S * sizeof(jent));
    if (dv) al->free(al->ctx, dv, nd * sizeof(dfent));
    nt_array_free(al, c.v, c.cap, sizeof(uint64_t));
    return st;
}
