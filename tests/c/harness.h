/* harness.h — what every C unit test in tests/c/ shares: a CHECK macro that
 * counts checks and failures, a counting allocator that can fail its Nth
 * call (for allocation-failure sweeps), and the summary line that
 * tests/test_c_core.py looks for ("<name>: N checks passed").
 *
 * Each test is its own program (one main per file), so the counters below
 * are that program's own; the core itself keeps no global state. */
#ifndef NT_TEST_HARNESS_H
#define NT_TEST_HARNESS_H

#include "newstext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int checks = 0, failures = 0;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        checks++;                                                                    \
        if (!(cond)) {                                                               \
            failures++;                                                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

/* An allocator context: counts malloc+realloc calls, fails call number
 * fail_at (1-based; 0 = never; a negative value -n fails call n and every
 * call after it, the "sticky" failure of an exhausted heap), and tracks live
 * blocks and bytes so a test can assert that everything was given back. */
typedef struct {
    long calls;
    long fail_at;
    long live;
    size_t bytes;
} test_alloc_ctx;

/* Count one call; should it fail? */
static inline int t_fails(test_alloc_ctx *c) {
    ++c->calls;
    if (c->fail_at > 0) return c->calls == c->fail_at;
    if (c->fail_at < 0) return c->calls >= -c->fail_at;
    return 0;
}

/* How many calls the context has failed so far. */
static inline long t_failed(const test_alloc_ctx *c) {
    if (c->fail_at > 0) return c->calls >= c->fail_at;
    if (c->fail_at < 0) return c->calls >= -c->fail_at ? c->calls + c->fail_at + 1 : 0;
    return 0;
}

static void *t_malloc(void *ctx, size_t n) {
    test_alloc_ctx *c = ctx;
    if (t_fails(c)) return NULL;
    void *p = malloc(n);
    if (p) {
        c->live++;
        c->bytes += n;
    }
    return p;
}

static void *t_realloc(void *ctx, void *p, size_t old, size_t n) {
    test_alloc_ctx *c = ctx;
    if (t_fails(c)) return NULL;
    void *q = realloc(p, n);
    if (q) {
        if (p == NULL) c->live++; /* realloc(NULL) is a malloc */
        c->bytes = c->bytes - old + n;
    }
    return q;
}

static void t_free(void *ctx, void *p, size_t n) {
    test_alloc_ctx *c = ctx;
    c->live--;
    c->bytes -= n;
    free(p);
}

/* An allocator over ctx. */
static inline nt_allocator test_allocator(test_alloc_ctx *ctx) {
    nt_allocator a = {t_malloc, t_realloc, t_free, ctx};
    return a;
}

/* Print the summary line and give main's exit status. */
static int test_summary(const char *name) {
    if (failures) {
        fprintf(stderr, "%s: %d of %d checks failed\n", name, failures, checks);
        return 1;
    }
    printf("%s: %d checks passed\n", name, checks);
    return 0;
}

#endif /* NT_TEST_HARNESS_H */
