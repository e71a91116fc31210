/* core.c — status names, the default allocator, growable arrays. */
#include "internal.h"

#include <stdlib.h>

const char *nt_strerror(nt_status st) {
    switch (st) {
    case NT_OK: return "ok";
    case NT_ENOMEM: return "out of memory";
    case NT_EINVAL: return "invalid argument";
    case NT_EUTF8: return "ill-formed UTF-8";
    case NT_ETOOBIG: return "input too large";
    case NT_EINTR: return "interrupted";
    }
    return "unknown status";
}

const char *nt_version(void) { return NT_VERSION; }

static void *std_malloc(void *ctx, size_t size) {
    (void)ctx;
    return malloc(size);
}
static void *std_realloc(void *ctx, void *ptr, size_t old_size, size_t new_size) {
    (void)ctx;
    (void)old_size;
    return realloc(ptr, new_size);
}
static void std_free(void *ctx, void *ptr, size_t size) {
    (void)ctx;
    (void)size;
    free(ptr);
}

static const nt_allocator std_allocator = {std_malloc, std_realloc, std_free, NULL};

const nt_allocator *nt_allocator_default(void) { return &std_allocator; }

/* ------------------------------------------------------- growable arrays */

nt_status nt_array_grow(const nt_allocator *a, void **items, size_t *cap, size_t need, size_t size,
                        size_t first) {
    if (need <= *cap) return NT_OK;
    const size_t max = SIZE_MAX / size;
    if (need > max) return NT_ETOOBIG;
    size_t c = need; /* first == 0: exactly what is needed */
    if (first) {
        c = *cap ? *cap : first;
        if (c > max) c = max;
        while (c < need) c = c > max / 2 ? max : c * 2;
    }
    void *p = *cap ? a->realloc(a->ctx, *items, *cap * size, c * size) : a->malloc(a->ctx, c * size);
    if (p == NULL) return NT_ENOMEM;
    *items = p;
    *cap = c;
    return NT_OK;
}

void nt_array_free(const nt_allocator *a, void *items, size_t cap, size_t size) {
    if (cap) a->free(a->ctx, items, cap * size);
}

/* ------------------------------------------------------------ span arrays */

void nt_spans_init(nt_spans *s, const nt_allocator *alloc) {
    s->start = NULL;
    s->end = NULL;
    s->kind = NULL;
    s->len = 0;
    s->cap = 0;
    s->alloc = nt_alloc_or_default(alloc);
}

/* Resize one column from `old` to `new` bytes with the allocator's realloc. */
static void *resize_col(const nt_allocator *a, void *p, size_t old, size_t new) {
    return a->realloc(a->ctx, p, old, new);
}

nt_status nt_spans_reserve(nt_spans *s, size_t n) {
    if (s == NULL) return NT_EINVAL;
    if (n <= s->cap - s->len) return NT_OK;
    const size_t max_elems = (SIZE_MAX / sizeof(int64_t)) / 4;
    if (n > max_elems - s->len) return NT_ETOOBIG;
    size_t need = s->len + n;
    size_t cap = s->cap ? s->cap : 64;
    while (cap < need) cap = (cap > max_elems / 2) ? max_elems : cap * 2;
    const nt_allocator *a = s->alloc;
    if (s->cap == 0) {
        /* First buffers: a failure frees what was taken, the array stays empty. */
        int64_t *st = a->malloc(a->ctx, cap * sizeof(int64_t));
        int64_t *en = st ? a->malloc(a->ctx, cap * sizeof(int64_t)) : NULL;
        uint8_t *kd = en ? a->malloc(a->ctx, cap) : NULL;
        if (kd == NULL) {
            if (en) a->free(a->ctx, en, cap * sizeof(int64_t));
            if (st) a->free(a->ctx, st, cap * sizeof(int64_t));
            return NT_ENOMEM;
        }
        s->start = st;
        s->end = en;
        s->kind = kd;
        s->cap = cap;
        return NT_OK;
    }
    /* Growth goes through realloc, column by column: a large block is then
     * remapped rather than copied into freshly faulted pages, which halves
     * the memory a one-token-per-character input touches (issue 7: the
     * page faults of the copies, not the algorithm, made token_spans and
     * everything built on tokens cost up to 4x per doubling).  If a later
     * column cannot grow, the earlier ones are shrunk back (a shrinking
     * realloc, see nt_allocator), so a failure leaves the array as it was. */
    size_t old = s->cap;
    int64_t *st = resize_col(a, s->start, old * 8, cap * 8);
    if (st == NULL) return NT_ENOMEM;
    s->start = st;
    int64_t *en = resize_col(a, s->end, old * 8, cap * 8);
    uint8_t *kd = en ? resize_col(a, s->kind, old, cap) : NULL;
    if (kd == NULL) {
        int64_t *st0 = resize_col(a, s->start, cap * 8, old * 8);
        int64_t *en0 = en ? resize_col(a, en, cap * 8, old * 8) : s->end;
        if (st0 == NULL || en0 == NULL) {
            /* the allocator refused to shrink: give everything back */
            a->free(a->ctx, st0 ? st0 : s->start, (st0 ? old : cap) * 8);
            a->free(a->ctx, en0 ? en0 : en, (en0 ? old : cap) * 8);
            a->free(a->ctx, s->kind, old);
            s->start = NULL;
            s->end = NULL;
            s->kind = NULL;
            s->len = 0;
            s->cap = 0;
            return NT_ENOMEM;
        }
        s->start = st0;
        s->end = en0;
        return NT_ENOMEM;
    }
    s->end = en;
    s->kind = kd;
    s->cap = cap;
    return NT_OK;
}

nt_status nt_spans_push(nt_spans *s, int64_t start, int64_t end, uint8_t kind) {
    if (s->len == s->cap) {
        nt_status st = nt_spans_reserve(s, 1);
        if (st != NT_OK) return st;
    }
    s->start[s->len] = start;
    s->end[s->len] = end;
    s->kind[s->len] = kind;
    s->len++;
    return NT_OK;
}

void nt_spans_clear(nt_spans *s) { s->len = 0; }

void nt_spans_free(nt_spans *s) {
    if (s->cap) {
        const nt_allocator *a = s->alloc;
        a->free(a->ctx, s->start, s->cap * sizeof(int64_t));
        a->free(a->ctx, s->end, s->cap * sizeof(int64_t));
        a->free(a->ctx, s->kind, s->cap);
    }
    s->start = NULL;
    s->end = NULL;
    s->kind = NULL;
    s->len = 0;
    s->cap = 0;
}

void nt_spans_release(nt_spans *s, int64_t **start, int64_t **end, uint8_t **kind,
                      size_t *len, size_t *cap) {
    *start = s->start;
    *end = s->end;
    *kind = s->kind;
    *len = s->len;
    *cap = s->cap;
    s->start = NULL;
    s->end = NULL;
    s->kind = NULL;
    s->len = 0;
    s->cap = 0;
}

void nt_spans_narrow32(const nt_spans *s, int32_t *start, int32_t *end) {
    for (size_t i = 0; i < s->len; i++) {
        start[i] = (int32_t)s->start[i];
        end[i] = (int32_t)s->end[i];
    }
}
