/*
 * similar.c — near-duplicate documents: word shingles, MinHash, LSH banding,
 * exact Jaccard verification.
 *
 * Each document becomes the sorted set of 64-bit hashes of its shingles (k
 * consecutive tokens other than punctuation, quotes and symbols, lower-cased
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

static void *grow(const nt_allocator *al, void *p, size_t *cap, size_t need, size_t size, nt_status *st) {
    if (need <= *cap) return p;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2 / size) {
            *st = NT_ETOOBIG;
            return NULL;
        }
        c *= 2;
    }
    void *q = *cap ? al->realloc(al->ctx, p, *cap * size, c * size) : al->malloc(al->ctx, c * size);
    if (q == NULL) {
        *st = NT_ENOMEM;
        return NULL;
    }
    *cap = c;
    return q;
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
    if (ix->capsh) al->free(al->ctx, ix->sh, ix->capsh * sizeof(uint64_t));
    if (ix->capoff) al->free(al->ctx, ix->off, ix->capoff * sizeof(uint64_t));
    if (ix->capdocs) al->free(al->ctx, ix->sig, ix->capdocs * ix->o.num_perm * sizeof(uint32_t));
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
    nt_status st = NT_OK;
    uint64_t *off = grow(al, ix->off, &ix->capoff, ix->ndocs + 2, sizeof(uint64_t), &st);
    if (off == NULL) return st;
    if (ix->off == NULL) off[0] = 0;
    ix->off = off;
    size_t P = ix->o.num_perm;
    if (ix->ndocs + 1 > ix->capdocs) {
        size_t c = ix->capdocs ? ix->capdocs * 2 : 16;
        if (c > SIZE_MAX / sizeof(uint32_t) / P / 2) return NT_ETOOBIG;
        uint32_t *sig = ix->capdocs ? al->realloc(al->ctx, ix->sig, ix->capdocs * P * sizeof(uint32_t),
                                                  c * P * sizeof(uint32_t))
                                    : al->malloc(al->ctx, c * P * sizeof(uint32_t));
        if (sig == NULL) return NT_ENOMEM;
        ix->sig = sig;
        ix->capdocs = c;
    }
    return NT_OK;
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
        if (kd == NT_TOK_PUNCT || kd == NT_TOK_SYMBOL || kd == NT_TOK_QUOTE) continue;
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
        uint64_t *w = grow(al, wh, &capwh, nw + 1, sizeof(uint64_t), &st);
        if (w == NULL) goto done;
        wh = w;
        wh[nw++] = mix64(h);
    }
    {
        size_t k = ix->o.shingle;
        size_t ns = nw == 0 ? 0 : nw < k ? 1 : nw - k + 1;
        if (ns > 0) {
            uint64_t *sh = grow(al, ix->sh, &ix->capsh, ix->nsh + ns, sizeof(uint64_t), &st);
            if (sh == NULL) goto done;
            ix->sh = sh;
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
    if (capwh) al->free(al->ctx, wh, capwh * sizeof(uint64_t));
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
    if (p->cap) p->alloc->free(p->alloc->ctx, p->items, p->cap * sizeof(nt_simpair));
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

nt_status nt_simindex_pairs(const nt_simindex *ix, double threshold, nt_simpairs *out,
                            const nt_interrupt *intr) {
    if (ix == NULL || out == NULL || !(threshold > 0.0 && threshold <= 1.0)) return NT_EINVAL;
    const nt_allocator *al = ix->al;
    size_t P = ix->o.num_perm;
    size_t r = nt_simindex_rows((unsigned)P, threshold), bands = P / r;
    size_t n = 0;
    for (size_t d = 0; d < ix->ndocs; d++) n += ix->off[d + 1] > ix->off[d];
    if (n < 2) return NT_OK;
    nt_status st = NT_OK;
    bent *be = al->malloc(al->ctx, n * sizeof(bent));
    if (be == NULL) return NT_ENOMEM;
    uint64_t *cand = NULL;
    size_t ncand = 0, capcand = 0;
    for (size_t band = 0; band < bands; band++) {
        if (poll_stop(intr)) {
            st = NT_EINTR;
            goto done;
        }
        size_t m = 0;
        for (size_t d = 0; d < ix->ndocs; d++) {
            if (ix->off[d + 1] == ix->off[d]) continue; /* no words: never a duplicate */
            const uint32_t *s = ix->sig + d * P + band * r;
            uint64_t h = mix64(band + 0x51afd6ed4e5b9cull);
            for (size_t k = 0; k < r; k++) h = mix64(h ^ s[k]) + k;
            be[m].key = h;
            be[m].doc = (uint32_t)d;
            m++;
        }
        if (m > 1) qsort(be, m, sizeof(bent), cmp_bent);
        for (size_t i = 0; i < m;) {
            size_t j = i + 1;
            while (j < m && be[j].key == be[i].key) j++;
            for (size_t x = i; x < j; x++)
                for (size_t y = x + 1; y < j; y++) {
                    uint64_t *c = grow(al, cand, &capcand, ncand + 1, sizeof(uint64_t), &st);
                    if (c == NULL) goto done;
                    cand = c;
                    cand[ncand++] = ((uint64_t)be[x].doc << 32) | be[y].doc;
                }
            i = j;
        }
    }
    if (ncand > 1) qsort(cand, ncand, sizeof(uint64_t), cmp_u64);
    for (size_t i = 0; i < ncand; i++) {
        if (i > 0 && cand[i] == cand[i - 1]) continue;
        if ((i & 4095) == 4095 && poll_stop(intr)) {
            st = NT_EINTR;
            goto done;
        }
        uint32_t a = (uint32_t)(cand[i] >> 32), b = (uint32_t)cand[i];
        double sim = nt_simindex_jaccard(ix, a, b);
        if (sim < threshold) continue;
        nt_simpair *items = grow(out->alloc, out->items, &out->cap, out->len + 1, sizeof(nt_simpair), &st);
        if (items == NULL) goto done;
        out->items = items;
        nt_simpair pr = {a, b, sim};
        out->items[out->len++] = pr;
    }
done:
    al->free(al->ctx, be, n * sizeof(bent));
    if (capcand) al->free(al->ctx, cand, capcand * sizeof(uint64_t));
    return st;
}
