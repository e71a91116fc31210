/*
 * _core.c — the CPython binding of the newstext C core.
 *
 * The only file that includes Python.h.  It converts types, errors and
 * ownership and nothing else: every text algorithm lives in csrc/.
 *
 *  - Multi-phase initialisation (PEP 489) with per-module state.
 *  - Input is a str.  Its UTF-8 form comes from PyUnicode_AsUTF8AndSize
 *    (cached in the str, zero-copy for ASCII).  A str holding lone
 *    surrogates cannot be UTF-8; it is encoded with "surrogatepass" and the
 *    core treats each surrogate as one symbol character, so no text is lost.
 *  - Core offsets are bytes; results carry str indices (converted in one
 *    linear pass, skipped for ASCII strings).  Token and sentence strings are
 *    slices of the original str, never re-decoded.
 *  - The GIL is released around core work on inputs of NT_GIL_RELEASE_BYTES
 *    or more; while released, the core's interrupt hook re-takes the GIL
 *    about once per MiB to run PyErr_CheckSignals, so Ctrl-C works.
 *  - One table maps nt_status to exceptions; every NULL return sets one.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "newstext.h"

#include <string.h>

#define NT_GIL_RELEASE_BYTES ((Py_ssize_t)32 * 1024)

_Static_assert(sizeof(long long) == sizeof(int64_t), "int64_t must be long long sized");

/* ---------------------------------------------------------------- state */

typedef struct {
    PyObject *Token;      /* newstext._records.Token (a NamedTuple class) */
    PyObject *Span;
    PyObject *TokenSpans;
    PyTypeObject *Column; /* buffer-owning column type for token_spans */
    PyObject *kind_names[NT_TOK_KIND_COUNT];
    PyObject *str_id, *str_en, *str_auto, *str_lower;
    nt_tokenizer *tok_id, *tok_en;
    PyObject *Keyword;
    PyObject *TfIdf, *Distinctive;
    PyTypeObject *RootList;
    PyObject *Quote;      /* newstext._records.Quote */
    PyObject *quote_kind_names[NT_QUOTE_KIND_COUNT];
    /* dates and clean (csrc/dates.c, csrc/clean.c) */
    PyObject *DateSpan, *Line, *Article;
    PyObject *date_cls; /* datetime.date */
    PyObject *label_names[NT_LINE_LABEL_COUNT];
    /* entities and near-duplicates (csrc/quotes.c, csrc/similar.c) */
    PyObject *Entity, *Duplicate;
} module_state;

static inline module_state *get_state(PyObject *module) {
    return (module_state *)PyModule_GetState(module);
}

/* ------------------------------------------- fault injection (debug builds)
 * Built only with NEWSTEXT_SANITIZE=1 or NEWSTEXT_DEBUG=1 (setup.py defines
 * NEWSTEXT_FAULT_INJECTION): _fail_alloc(n, sticky=False, /) makes the n-th
 * core allocation from now on this thread fail (and, sticky, every one after
 * it); _fail_alloc(0) disarms; _alloc_count() is the number of core
 * allocations this thread made since the last _fail_alloc.  The state is
 * thread-local and lives in the binding: the core keeps none. */
#ifdef NEWSTEXT_FAULT_INJECTION
static _Thread_local struct {
    long calls, fail_at;
    int sticky;
} fault;

static int fault_fails(void) {
    long c = ++fault.calls;
    return fault.fail_at > 0 && (c == fault.fail_at || (fault.sticky && c > fault.fail_at));
}

static PyObject *py_fail_alloc(PyObject *module, PyObject *args) {
    (void)module;
    long n;
    int sticky = 0;
    if (!PyArg_ParseTuple(args, "l|p:_fail_alloc", &n, &sticky)) return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "_fail_alloc() n must be >= 0");
        return NULL;
    }
    fault.calls = 0;
    fault.fail_at = n;
    fault.sticky = sticky;
    Py_RETURN_NONE;
}

static PyObject *py_alloc_count(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    return PyLong_FromLong(fault.calls);
}

#define FAULT_FAILS() fault_fails()
#define FAULT_METHODS                                                                              \
    {"_fail_alloc", (PyCFunction)py_fail_alloc, METH_VARARGS,                                     \
     "_fail_alloc(n, sticky=False, /)\n--\n\nDebug builds only: fail the n-th core allocation " \
     "from now on this thread (every one from the n-th on if sticky); 0 disarms."},               \
        {"_alloc_count", (PyCFunction)py_alloc_count, METH_NOARGS,                                \
         "_alloc_count()\n--\n\nDebug builds only: core allocations on this thread since the "  \
         "last _fail_alloc()."},
#else
#define FAULT_FAILS() 0
#define FAULT_METHODS
#endif

/* ----------------------------------------------------- large blocks
 * (issue 7, linear cost.)  A block of BIG_BLOCK (256 KiB) or more is mapped
 * here, never taken from the C library's malloc, and given back when freed.
 * glibc decides by itself, from the sizes it has seen, whether such a block
 * is reused from its heap (no page faults) or mapped fresh (one fault per
 * 4 KiB touched, ~1.6 us each on the benchmark machine), and it gives the
 * top of its heap back to the kernel past a threshold it also adapts: the
 * same call then paid faults at one input size and none at the next, a
 * one-off step of 2.6-6x in one doubling (benchmarks/bench_scaling.py).
 * Mapped here, a block costs the same at every size.  From HUGE_BLOCK
 * (2 MiB) on a block is advised MADV_HUGEPAGE (where the kernel offers it),
 * which turns 512 faults into one: first touch costs ~0.08 ns per byte
 * instead of ~0.4.  Mapped blocks are reported to tracemalloc like
 * PyMem_Raw* ones.
 *
 * Size classes.  Up to SPARE_MAX (16 MiB) a mapping is a power of two (a
 * class), beyond it a multiple of 2 MiB.  Which mapping a block has follows
 * from its size alone, which the allocator contract passes to realloc and
 * free (csrc/newstext.h, nt_allocator); a block growing inside its class
 * (the core's arrays double) stays where it is, for free.
 *
 * Spares.  Mapping fresh on every call would make repeated calls pay for
 * zeroed pages each time, where glibc's heap would have reused warm memory
 * (token_spans on 1.5 MB of news: 2.65 -> 3.3 ms; keywords on 200 KB-1 MB
 * texts, which hold some 25 mid-size arrays at once, 20-70% slower).  So a
 * freed block of a class is kept in one of SPARE_SLOTS process-wide slots
 * while the spares total at most SPARE_TOTAL bytes, and the next block of
 * that class reuses it; a block growing into a larger class is copied into
 * a spare of that class when there is one (a copy costs less than faulting
 * fresh pages) and left as a spare itself.  Lock-free: a slot is one atomic
 * word holding the block's address (page aligned) and its class in the low
 * bits; a spare is claimed by compare-and-swap.  At most SPARE_TOTAL
 * (64 MiB) stays mapped while idle. */
#if (defined(__linux__) || defined(__APPLE__) || defined(__unix__)) && !defined(__SANITIZE_ADDRESS__)
#include <sys/mman.h>
#include <stdatomic.h>
#define BIG_BLOCK ((size_t)256 << 10)
#define HUGE_BLOCK ((size_t)2 << 20)
#define SPARE_MAX ((size_t)16 << 20)
#define SPARE_SLOTS 32
#define SPARE_TOTAL ((size_t)64 << 20)

static _Atomic(uintptr_t) spares[SPARE_SLOTS]; /* 0 = empty, else address | log2(size) */
static atomic_size_t spare_bytes;              /* the spares' total size */

/* The mapped size of a block of n >= BIG_BLOCK bytes. */
static size_t big_round(size_t n) {
    if (n > SPARE_MAX) return (n + HUGE_BLOCK - 1) & ~(HUGE_BLOCK - 1);
    size_t m = BIG_BLOCK;
    while (m < n) m <<= 1;
    return m;
}

static unsigned log2_of(size_t m) {
    unsigned k = 0;
    while (((size_t)1 << k) < m) k++;
    return k;
}

/* A spare of exactly m mapped bytes (a class), or NULL. */
static void *spare_take(size_t m) {
    if (m > SPARE_MAX) return NULL;
    uintptr_t want = (uintptr_t)log2_of(m);
    for (int i = 0; i < SPARE_SLOTS; i++) {
        uintptr_t v = atomic_load(&spares[i]);
        if (v == 0 || (v & 0xFFF) != want) continue;
        if (atomic_compare_exchange_strong(&spares[i], &v, (uintptr_t)0)) {
            atomic_fetch_sub(&spare_bytes, m);
            return (void *)(v & ~(uintptr_t)0xFFF);
        }
    }
    return NULL;
}

/* Keep p (m mapped bytes) as a spare if it is a class, the spares' total
 * allows it and a slot is free; else unmap it. */
static void spare_put(void *p, size_t m) {
    if (m <= SPARE_MAX && ((uintptr_t)p & 0xFFF) == 0) {
        if (atomic_fetch_add(&spare_bytes, m) + m <= SPARE_TOTAL) {
            uintptr_t v = (uintptr_t)p | (uintptr_t)log2_of(m);
            for (int i = 0; i < SPARE_SLOTS; i++) {
                uintptr_t empty = 0;
                if (atomic_compare_exchange_strong(&spares[i], &empty, v)) return;
            }
        }
        atomic_fetch_sub(&spare_bytes, m);
    }
    munmap(p, m);
}

/* Unmap every spare (module teardown). */
static void spares_release(void) {
    for (int i = 0; i < SPARE_SLOTS; i++) {
        uintptr_t v = atomic_exchange(&spares[i], (uintptr_t)0);
        if (v != 0) {
            size_t m = (size_t)1 << (v & 0xFFF);
            atomic_fetch_sub(&spare_bytes, m);
            munmap((void *)(v & ~(uintptr_t)0xFFF), m);
        }
    }
}

static void *fresh_map(size_t m) {
    void *p = mmap(NULL, m, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
#ifdef MADV_HUGEPAGE
    if (m >= HUGE_BLOCK) (void)madvise(p, m, MADV_HUGEPAGE); /* a hint: refused is fine */
#endif
    return p;
}

static void *big_map(size_t n) {
    size_t m = big_round(n);
    void *p = spare_take(m);
    if (p == NULL && (p = fresh_map(m)) == NULL) return NULL;
    (void)PyTraceMalloc_Track(0, (uintptr_t)p, n);
    return p;
}

static void big_unmap(void *p, size_t n) {
    (void)PyTraceMalloc_Untrack(0, (uintptr_t)p);
    spare_put(p, big_round(n));
}

static void *big_remap(void *p, size_t old, size_t n) {
    void *q;
    if (old >= BIG_BLOCK && n >= BIG_BLOCK) {
        size_t mo = big_round(old), mn = big_round(n);
        if (mo == mn) { /* the same mapping */
            (void)PyTraceMalloc_Untrack(0, (uintptr_t)p);
            (void)PyTraceMalloc_Track(0, (uintptr_t)p, n);
            return p;
        }
#ifdef MREMAP_MAYMOVE
        if (mn > SPARE_MAX && mo > SPARE_MAX) { /* move the pages, copy nothing */
            q = mremap(p, mo, mn, MREMAP_MAYMOVE);
            if (q == MAP_FAILED) return NULL;
            (void)PyTraceMalloc_Untrack(0, (uintptr_t)p);
            (void)PyTraceMalloc_Track(0, (uintptr_t)q, n);
            return q;
        }
#endif
    }
    q = n >= BIG_BLOCK ? big_map(n) : PyMem_RawMalloc(n);
    if (q == NULL) return NULL;
    memcpy(q, p, old < n ? old : n);
    if (old >= BIG_BLOCK) big_unmap(p, old);
    else PyMem_RawFree(p);
    return q;
}
#else
#define BIG_BLOCK ((size_t)-1) /* no mmap (or ASan, which must see every block) */
static void *big_map(size_t n) { return PyMem_RawMalloc(n); }
static void big_unmap(void *p, size_t n) { (void)n; PyMem_RawFree(p); }
static void *big_remap(void *p, size_t old, size_t n) { (void)old; return PyMem_RawRealloc(p, n); }
static void spares_release(void) {}
#endif

/* The core allocates through these: thread-safe without the GIL, and
 * visible to tracemalloc.  Small blocks come from Python's raw allocator. */
static void *raw_malloc(void *ctx, size_t n) {
    (void)ctx;
    if (FAULT_FAILS()) return NULL;
    return n >= BIG_BLOCK ? big_map(n) : PyMem_RawMalloc(n);
}
static void *raw_realloc(void *ctx, void *p, size_t old, size_t n) {
    (void)ctx;
    if (FAULT_FAILS()) return NULL;
    if (old < BIG_BLOCK && n < BIG_BLOCK) return PyMem_RawRealloc(p, n);
    return big_remap(p, old, n);
}
static void raw_free(void *ctx, void *p, size_t n) {
    (void)ctx;
    if (p == NULL) return;
    if (n >= BIG_BLOCK) big_unmap(p, n);
    else PyMem_RawFree(p);
}
static const nt_allocator py_allocator = {raw_malloc, raw_realloc, raw_free, NULL};

/* ---------------------------------------------------------------- errors */

/* Set the Python exception for a core status (unless one is already set,
 * as after an interrupt that raised KeyboardInterrupt).  Returns NULL. */
static PyObject *raise_status(nt_status st) {
    if (PyErr_Occurred()) return NULL;
    switch (st) {
    case NT_ENOMEM: return PyErr_NoMemory();
    case NT_EINVAL: PyErr_SetString(PyExc_ValueError, nt_strerror(st)); return NULL;
    case NT_EUTF8: PyErr_SetString(PyExc_ValueError, nt_strerror(st)); return NULL;
    case NT_ETOOBIG: PyErr_SetString(PyExc_OverflowError, nt_strerror(st)); return NULL;
    case NT_EINTR: PyErr_SetString(PyExc_KeyboardInterrupt, nt_strerror(st)); return NULL;
    default: PyErr_Format(PyExc_SystemError, "newstext core: %s", nt_strerror(st)); return NULL;
    }
}

/* The keyword text limit (NT_KW_MAX_TEXT, issue 7): OverflowError naming
 * it; index >= 0 is the position of the text in a list.  Returns NULL. */
static PyObject *raise_kw_text_limit(Py_ssize_t index, Py_ssize_t len) {
    if (index >= 0)
        return PyErr_Format(PyExc_OverflowError,
                            "text %zd is %zd UTF-8 bytes, over the keyword limit of %zu bytes "
                            "(NT_KW_MAX_TEXT)", index, len, (size_t)NT_KW_MAX_TEXT);
    return PyErr_Format(PyExc_OverflowError,
                        "text is %zd UTF-8 bytes, over the keyword limit of %zu bytes "
                        "(NT_KW_MAX_TEXT)", len, (size_t)NT_KW_MAX_TEXT);
}

/* ------------------------------------------------------------ input text */

typedef struct {
    PyObject *str;     /* borrowed: the caller's str                 */
    PyObject *owner;   /* new reference to bytes when surrogatepass'd */
    const char *utf8;
    Py_ssize_t len;    /* bytes */
    int ascii;         /* byte offsets are str offsets                */
} text_in;

static int text_from_object(PyObject *obj, text_in *t, const char *fname) {
    t->str = obj;
    t->owner = NULL;
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s() argument 'text' must be str, not %.100s", fname,
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    t->ascii = PyUnicode_IS_ASCII(obj);
    t->utf8 = PyUnicode_AsUTF8AndSize(obj, &t->len);
    if (t->utf8 != NULL) return 0;
    if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) return -1;
    /* lone surrogates: keep them (see the policy at the top) */
    PyErr_Clear();
    t->owner = PyUnicode_AsEncodedString(obj, "utf-8", "surrogatepass");
    if (t->owner == NULL) return -1;
    t->utf8 = PyBytes_AS_STRING(t->owner);
    t->len = PyBytes_GET_SIZE(t->owner);
    return 0;
}

static void text_release(text_in *t) { Py_CLEAR(t->owner); }

/* ------------------------------------------------------------- language */

static int parse_lang(module_state *st, PyObject *lang, nt_lang *out) {
    if (lang == NULL || lang == st->str_auto) {
        *out = NT_LANG_AUTO;
        return 0;
    }
    if (!PyUnicode_Check(lang)) {
        PyErr_Format(PyExc_TypeError, "lang must be 'auto', 'id' or 'en', not %.100s",
                     Py_TYPE(lang)->tp_name);
        return -1;
    }
    if (PyUnicode_CompareWithASCIIString(lang, "auto") == 0) *out = NT_LANG_AUTO;
    else if (PyUnicode_CompareWithASCIIString(lang, "id") == 0) *out = NT_LANG_ID;
    else if (PyUnicode_CompareWithASCIIString(lang, "en") == 0) *out = NT_LANG_EN;
    else {
        PyErr_Format(PyExc_ValueError, "lang must be 'auto', 'id' or 'en', not %R", lang);
        return -1;
    }
    return 0;
}

static const nt_tokenizer *pick_tokenizer(module_state *st, nt_lang lang, const text_in *t) {
    if (lang == NT_LANG_AUTO) lang = nt_lang_detect(t->utf8, (size_t)t->len);
    return lang == NT_LANG_EN ? st->tok_en : st->tok_id;
}

/* ------------------------------------------------------------ interrupts */

typedef struct {
    PyThreadState *ts; /* non-NULL while the GIL is released */
} intr_ctx;

static int check_signals(void *p) {
    intr_ctx *c = (intr_ctx *)p;
    if (c->ts == NULL) return PyErr_CheckSignals() != 0;
    PyEval_RestoreThread(c->ts);
    int stop = PyErr_CheckSignals() != 0;
    c->ts = PyEval_SaveThread();
    return stop;
}

/* token_spans' narrow columns, in one block allocated by run_core (one
 * allocation; from 2 MiB on it is mapped with huge pages, see above):
 * 4-byte str offsets start[n], end[n], then the kinds kind[n]. */
typedef struct {
    void *block;
    size_t size;
    int32_t *start;
    int32_t *end;
    uint8_t *kind;
} narrow_cols;

/* Run tokenizer (and optionally the splitter) with the GIL released on large
 * input.  Offsets in *toks (and *sents) are converted to str indices; with
 * n32 (and no sents) they are written with the kinds to a new block in *n32
 * instead (the caller frees it with raw_free) and *toks keeps byte offsets. */
static nt_status run_core(const nt_tokenizer *tok, const text_in *t, nt_spans *toks,
                          nt_spans *sents, narrow_cols *n32) {
    intr_ctx ic = {NULL};
    nt_interrupt intr = {check_signals, &ic};
    nt_status s;
    int release = t->len >= NT_GIL_RELEASE_BYTES;
    if (release) ic.ts = PyEval_SaveThread();
    s = nt_tokenizer_run(tok, t->utf8, (size_t)t->len, toks, &intr);
    if (s == NT_OK && sents != NULL)
        s = nt_sentences_split(tok, t->utf8, (size_t)t->len, toks, sents, &intr);
    if (s == NT_OK && n32 != NULL) {
        size_t n = toks->len ? toks->len : 1; /* an empty text still owns a buffer */
        n32->size = n * (2 * sizeof(int32_t) + 1); /* n < 2**31: no overflow */
        n32->block = raw_malloc(NULL, n32->size); /* fault-injectable */
        if (n32->block == NULL) {
            s = NT_ENOMEM;
        } else {
            n32->start = (int32_t *)n32->block;
            n32->end = n32->start + n;
            n32->kind = (uint8_t *)(n32->end + n);
            if (toks->len) memcpy(n32->kind, toks->kind, toks->len);
            if (t->ascii) nt_spans_narrow32(toks, n32->start, n32->end);
            else /* from a str: well-formed */
                s = nt_utf8_spans_to_units32(t->utf8, (size_t)t->len, 1, toks, n32->start,
                                             n32->end);
            if (s != NT_OK) {
                raw_free(NULL, n32->block, n32->size);
                n32->block = NULL;
            }
        }
    } else if (s == NT_OK && !t->ascii) {
        if (sents != NULL) nt_utf8_spans_to_units(t->utf8, (size_t)t->len, sents);
        else nt_utf8_spans_to_units(t->utf8, (size_t)t->len, toks);
    }
    if (release) PyEval_RestoreThread(ic.ts);
    return s;
}

/* --------------------------------------------------------------- records */

/* Instances of the NamedTuple record classes are tuples: allocate them the
 * way tuple.__new__ does for a subclass and fill the slots directly (the
 * classes define no __new__ logic of their own and have __slots__ = ()).
 * Steals the references in items; on failure releases them. */
static PyObject *make_record(PyObject *cls, Py_ssize_t n, PyObject **items) {
    PyTypeObject *tp = (PyTypeObject *)cls;
    PyObject *rec = tp->tp_alloc(tp, n);
    if (rec == NULL) {
        for (Py_ssize_t i = 0; i < n; i++) Py_XDECREF(items[i]);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (items[i] == NULL) {
            for (Py_ssize_t k = i + 1; k < n; k++) Py_XDECREF(items[k]);
            Py_DECREF(rec);
            return NULL;
        }
        PyTuple_SET_ITEM(rec, i, items[i]);
    }
    /* A record holding only objects the cyclic GC does not track (str, int,
     * float, None, bool) can be in no cycle: untrack it, as CPython does
     * for exact tuples (which a NamedTuple instance is not).  Otherwise the
     * collector keeps re-scanning every record of a large result while the
     * list is built: tokens() of a million quote marks cost 2.5x per
     * doubling instead of 2x (issue 7, benchmarks/bench_scaling.py). */
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyObject_GC_IsTracked(items[i])) return rec;
    PyObject_GC_UnTrack(rec);
    return rec;
}

/* --------------------------------------------------------------- Column */

/* A read-only one-dimensional buffer that owns memory from the core. */
typedef struct {
    PyObject_HEAD
    void *data;
    size_t size;         /* bytes allocated (raw_free needs it) */
    PyObject *base;      /* NULL, or the Column whose block data points into */
    Py_ssize_t len;      /* elements */
    Py_ssize_t itemsize;
    const char *format;
} Column;

static int column_getbuffer(PyObject *self, Py_buffer *view, int flags) {
    Column *c = (Column *)self;
    if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE) {
        PyErr_SetString(PyExc_BufferError, "newstext span buffers are read-only");
        view->obj = NULL;
        return -1;
    }
    view->obj = Py_NewRef(self);
    view->buf = c->data;
    view->len = c->len * c->itemsize;
    view->readonly = 1;
    view->itemsize = c->itemsize;
    view->format = (flags & PyBUF_FORMAT) ? (char *)c->format : NULL;
    view->ndim = 1;
    view->shape = (flags & PyBUF_ND) ? &c->len : NULL;
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? &c->itemsize : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

static void column_dealloc(PyObject *self) {
    Column *c = (Column *)self;
    PyTypeObject *tp = Py_TYPE(self);
    if (c->base != NULL) Py_DECREF(c->base);
    else raw_free(NULL, c->data, c->size);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyType_Slot column_slots[] = {
    {Py_bf_getbuffer, column_getbuffer},
    {Py_tp_dealloc, column_dealloc},
    {Py_tp_doc, "Memory owned by a newstext result (exposed through memoryview)."},
    {0, NULL},
};

static PyType_Spec column_spec = {
    .name = "newstext._core._Column",
    .basicsize = sizeof(Column),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = column_slots,
};

/* A Column over data.  base NULL: data is size bytes from raw_malloc, taken
 * over (freed with raw_free, also on failure).  base a Column: data points
 * into base's block, which the new Column keeps alive. */
static Column *column_new(module_state *st, void *data, size_t size, Py_ssize_t len,
                          Py_ssize_t itemsize, const char *format, Column *base) {
    Column *c = PyObject_New(Column, st->Column);
    if (c == NULL) {
        if (base == NULL) raw_free(NULL, data, size);
        return NULL;
    }
    Py_INCREF(st->Column); /* heap type instances own a reference to it */
    c->data = data;
    c->size = size;
    c->base = (PyObject *)base;
    Py_XINCREF(base);
    c->len = len;
    c->itemsize = itemsize;
    c->format = format;
    return c;
}

/* A memoryview of c (NULL passes through); the reference to c is given up. */
static PyObject *column_memview(Column *c) {
    if (c == NULL) return NULL;
    PyObject *mv = PyMemoryView_FromObject((PyObject *)c);
    Py_DECREF(c);
    return mv;
}

/* Wrap data (size bytes from raw_malloc, taken over: freed with raw_free)
 * in a memoryview. */
static PyObject *column_view(module_state *st, void *data, size_t size, Py_ssize_t len,
                             Py_ssize_t itemsize, const char *format) {
    return column_memview(column_new(st, data, size, len, itemsize, format, NULL));
}

/* ------------------------------------------------------------- functions */

static const char *kw_lang[] = {"text", "lang", NULL};

static int parse_text_lang(PyObject *args, PyObject *kwargs, const char *fmt, PyObject **text,
                           PyObject **lang) {
    return PyArg_ParseTupleAndKeywords(args, kwargs, fmt, (char **)kw_lang, text, lang);
}

/* clean= (issue 3, item 5): True or False only.  Returns 1 or 0, or -1 with
 * TypeError set.  NULL (not given) is False. */
static int parse_clean(PyObject *obj) {
    if (obj == NULL || obj == Py_False) return 0;
    if (obj == Py_True) return 1;
    PyErr_Format(PyExc_TypeError, "clean must be True or False, not %.100s", Py_TYPE(obj)->tp_name);
    return -1;
}

PyDoc_STRVAR(tokens_doc,
"tokens($module, text, *, lang='auto')\n--\n\n"
"-> list[Token]\n\nTokens of text as Token(text, start, end, kind), in text order.\n\n"
"Offsets are str indices (text[t.start:t.end] == t.text).  lang is 'auto'\n"
"(detect Indonesian or English), 'id' or 'en'.  Raises TypeError if text\n"
"is not a str and ValueError for an unknown lang.");

/* ------------------------------------------------------- token strings
 * (issue 7, linear cost.)  Token strings repeat: "dan", "yang", ",", and in
 * a flood the same few.  A result list of a million tokens used to hold a
 * million str objects; fresh pymalloc memory for them, faulted in once the
 * interpreter's free pools ran out, made tokens() and tokenize() cost up to
 * 3x in one doubling (benchmarks/bench_scaling.py).  For large results a
 * small direct-mapped cache, keyed by the characters of the slice, hands out
 * the str already made for an equal earlier token (str is immutable; only
 * identity differs).  Slots hold borrowed references: the objects are owned
 * by the result being built, and the cache dies with the call. */
#define STR_CACHE_SLOTS 1024      /* a power of two */
#define STR_CACHE_MAX_LEN 24      /* longer tokens are rarely repeated */
#define STR_CACHE_MIN_TOKENS 4096 /* below this the table costs more than it saves */

typedef struct {
    Py_ssize_t start, end; /* the slice of the text the object was made from */
    PyObject *obj;         /* borrowed; NULL = empty */
} str_slot;

typedef struct {
    const char *data; /* the text's characters, kind bytes each */
    int kind;
    str_slot slot[STR_CACHE_SLOTS];
} str_cache;

/* A cache for a result of n tokens from text, or NULL (too few tokens, or no
 * memory: the cache is only an optimisation).  Free with PyMem_Free. */
static str_cache *str_cache_new(PyObject *text, size_t n) {
    if (n < STR_CACHE_MIN_TOKENS) return NULL;
    str_cache *c = PyMem_Calloc(1, sizeof *c);
    if (c == NULL) return NULL;
    c->data = PyUnicode_DATA(text);
    c->kind = PyUnicode_KIND(text);
    return c;
}

/* The slot for text[a:b) (b - a <= STR_CACHE_MAX_LEN), FNV-1a over its bytes. */
static str_slot *str_cache_slot(str_cache *c, Py_ssize_t a, Py_ssize_t b) {
    const unsigned char *p = (const unsigned char *)c->data + a * c->kind;
    size_t nb = (size_t)(b - a) * (size_t)c->kind;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < nb; i++) h = (h ^ p[i]) * 16777619u;
    return &c->slot[(h ^ (h >> 15)) & (STR_CACHE_SLOTS - 1)];
}

/* A new reference to the cached object for text[a:b), or NULL (not cached;
 * no exception).  *slot is where to store a new one (NULL: do not store). */
static PyObject *str_cache_get(str_cache *c, Py_ssize_t a, Py_ssize_t b, str_slot **slot) {
    *slot = NULL;
    if (c == NULL || b - a > STR_CACHE_MAX_LEN) return NULL;
    str_slot *sl = str_cache_slot(c, a, b);
    if (sl->obj != NULL && sl->end - sl->start == b - a &&
        memcmp(c->data + sl->start * c->kind, c->data + a * c->kind,
               (size_t)(b - a) * (size_t)c->kind) == 0)
        return Py_NewRef(sl->obj);
    *slot = sl;
    return NULL;
}

static void str_cache_put(str_slot *slot, Py_ssize_t a, Py_ssize_t b, PyObject *obj) {
    if (slot == NULL || obj == NULL) return;
    slot->start = a;
    slot->end = b;
    slot->obj = obj;
}

/* text[a:b) as a new reference, from the cache when an equal token was made. */
static PyObject *token_str(str_cache *c, PyObject *text, Py_ssize_t a, Py_ssize_t b) {
    str_slot *slot;
    PyObject *w = str_cache_get(c, a, b, &slot);
    if (w != NULL) return w;
    w = PyUnicode_Substring(text, a, b);
    str_cache_put(slot, a, b, w);
    return w;
}

/* list[Token] of spans in str indices (shared with batch()). */
static PyObject *tokens_list(module_state *st, PyObject *text, const nt_spans *toks) {
    PyObject *list = PyList_New((Py_ssize_t)toks->len);
    str_cache *cache = list != NULL ? str_cache_new(text, toks->len) : NULL;
    for (size_t i = 0; list != NULL && i < toks->len; i++) {
        PyObject *items[4];
        items[0] = token_str(cache, text, (Py_ssize_t)toks->start[i], (Py_ssize_t)toks->end[i]);
        items[1] = PyLong_FromLongLong(toks->start[i]);
        items[2] = PyLong_FromLongLong(toks->end[i]);
        items[3] = Py_NewRef(st->kind_names[toks->kind[i]]);
        PyObject *rec = make_record(st->Token, 4, items);
        if (rec == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, rec);
    }
    PyMem_Free(cache);
    return list;
}

static PyObject *py_tokens(PyObject *module, PyObject *args, PyObject *kwargs) {
    module_state *st = get_state(module);
    PyObject *text, *lang = NULL;
    if (!parse_text_lang(args, kwargs, "O|$O:tokens", &text, &lang)) return NULL;
    text_in t;
    nt_lang lg;
    if (text_from_object(text, &t, "tokens") < 0) return NULL;
    if (parse_lang(st, lang, &lg) < 0) {
        text_release(&t);
        return NULL;
    }
    nt_spans toks;
    nt_spans_init(&toks, &py_allocator);
    nt_status s = run_core(pick_tokenizer(st, lg, &t), &t, &toks, NULL, NULL);
    PyObject *list = NULL;
    if (s != NT_OK) {
        raise_status(s);
        goto done;
    }
    list = tokens_list(st, text, &toks);
done:
    nt_spans_free(&toks);
    text_release(&t);
    return list;
}

PyDoc_STRVAR(tokenize_doc,
"tokenize($module, text, *, lang='auto', lower=False, punct=True)\n--\n\n"
"-> list[str]\n\nThe token strings of text.\n\n"
"lower=True lower-cases each token (str.lower).  punct=False leaves out\n"
"punctuation and quote marks (kinds 'punct' and 'quote'; symbols such as %\n"
"stay).  lang is 'auto', 'id' or 'en'.");

static PyObject *py_tokenize(PyObject *module, PyObject *args, PyObject *kwargs) {
    static const char *kws[] = {"text", "lang", "lower", "punct", NULL};
    module_state *st = get_state(module);
    PyObject *text, *lang = NULL;
    int lower = 0, punct = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$Opp:tokenize", (char **)kws, &text, &lang,
                                     &lower, &punct))
        return NULL;
    text_in t;
    nt_lang lg;
    if (text_from_object(text, &t, "tokenize") < 0) return NULL;
    if (parse_lang(st, lang, &lg) < 0) {
        text_release(&t);
        return NULL;
    }
    nt_spans toks;
    nt_spans_init(&toks, &py_allocator);
    nt_status s = run_core(pick_tokenizer(st, lg, &t), &t, &toks, NULL, NULL);
    PyObject *list = NULL;
    str_cache *cache = NULL;
    if (s != NT_OK) {
        raise_status(s);
        goto done;
    }
    Py_ssize_t count = 0;
    if (punct) {
        count = (Py_ssize_t)toks.len;
    } else {
        for (size_t i = 0; i < toks.len; i++)
            count += toks.kind[i] != NT_TOK_PUNCT && toks.kind[i] != NT_TOK_QUOTE;
    }
    list = PyList_New(count);
    if (list == NULL) goto done;
    cache = str_cache_new(text, (size_t)count);
    Py_ssize_t k = 0;
    for (size_t i = 0; i < toks.len; i++) {
        if (!punct && (toks.kind[i] == NT_TOK_PUNCT || toks.kind[i] == NT_TOK_QUOTE)) continue;
        /* a slice of the caller's str, never a re-decoding of the bytes */
        Py_ssize_t a = (Py_ssize_t)toks.start[i], b = (Py_ssize_t)toks.end[i];
        str_slot *slot;
        PyObject *w = str_cache_get(cache, a, b, &slot);
        if (w == NULL) {
            w = PyUnicode_Substring(text, a, b);
            if (w != NULL && lower) {
                PyObject *lw = PyObject_CallMethodNoArgs(w, st->str_lower);
                Py_DECREF(w);
                w = lw;
            }
            str_cache_put(slot, a, b, w);
        }
        if (w == NULL) {
            Py_CLEAR(list);
            goto done;
        }
        PyList_SET_ITEM(list, k++, w);
    }
done:
    PyMem_Free(cache);
    nt_spans_free(&toks);
    text_release(&t);
    return list;
}

PyDoc_STRVAR(token_spans_doc,
"token_spans($module, text, *, lang='auto')\n--\n\n"
"-> TokenSpans\n\nToken boundaries without per-token objects: TokenSpans(starts, ends, kinds),\n"
"three read-only memoryviews of equal length: starts and ends in format 'i'\n"
"(int32) for texts under 2**31 UTF-8 bytes, else 'q' (int64); kinds in 'B'.\n"
"starts/ends are str indices; kinds index newstext.TOKEN_KINDS.");

static PyObject *py_token_spans(PyObject *module, PyObject *args, PyObject *kwargs) {
    module_state *st = get_state(module);
    PyObject *text, *lang = NULL;
    if (!parse_text_lang(args, kwargs, "O|$O:token_spans", &text, &lang)) return NULL;
    text_in t;
    nt_lang lg;
    if (text_from_object(text, &t, "token_spans") < 0) return NULL;
    if (parse_lang(st, lang, &lg) < 0) {
        text_release(&t);
        return NULL;
    }
    nt_spans toks;
    nt_spans_init(&toks, &py_allocator);
    /* 4-byte offsets whenever every str index fits (texts under 2**31
     * characters): half the fresh memory a kept result costs */
    narrow_cols n32 = {NULL, 0, NULL, NULL, NULL};
    int narrow = t.len <= INT32_MAX;
    nt_status s = run_core(pick_tokenizer(st, lg, &t), &t, &toks, NULL, narrow ? &n32 : NULL);
    text_release(&t);
    size_t n = toks.len;
    if (s != NT_OK) {
        nt_spans_free(&toks);
        return raise_status(s);
    }
    PyObject *items[3];
    if (narrow) {
        nt_spans_free(&toks); /* the byte offsets: done with */
        /* three views into one block, kept alive by an unexposed owner */
        Column *owner = column_new(st, n32.block, n32.size, 0, 1, "B", NULL);
        if (owner == NULL) return NULL;
        items[0] = column_memview(column_new(st, n32.start, 0, (Py_ssize_t)n, 4, "i", owner));
        items[1] = column_memview(column_new(st, n32.end, 0, (Py_ssize_t)n, 4, "i", owner));
        items[2] = column_memview(column_new(st, n32.kind, 0, (Py_ssize_t)n, 1, "B", owner));
        Py_DECREF(owner);
        return make_record(st->TokenSpans, 3, items);
    }
    if (toks.cap == 0 && nt_spans_reserve(&toks, 1) != NT_OK) { /* empty text: own a buffer */
        nt_spans_free(&toks);
        return PyErr_NoMemory();
    }
    int64_t *starts, *ends;
    uint8_t *kinds;
    size_t len, cap;
    nt_spans_release(&toks, &starts, &ends, &kinds, &len, &cap);
    items[0] = column_view(st, starts, cap * sizeof(int64_t), (Py_ssize_t)len, 8, "q");
    items[1] = column_view(st, ends, cap * sizeof(int64_t), (Py_ssize_t)len, 8, "q");
    items[2] = column_view(st, kinds, cap, (Py_ssize_t)len, 1, "B");
    return make_record(st->TokenSpans, 3, items);
}

PyDoc_STRVAR(sentences_doc,
"sentences($module, text, *, lang='auto')\n--\n\n"
"-> list[Span]\n\nSentences of text as Span(text, start, end), in text order.  Each span\n"
"runs from its first token to its last (closing quotes included) and has\n"
"no surrounding whitespace.  Paragraph breaks always end a sentence; a\n"
"line without final punctuation ends one when the next line starts with a\n"
"capital (headlines, bylines).");

/* list[Span] of spans in str indices (shared with batch()). */
static PyObject *spans_list(module_state *st, PyObject *text, const nt_spans *sents) {
    PyObject *list = PyList_New((Py_ssize_t)sents->len);
    for (size_t i = 0; list != NULL && i < sents->len; i++) {
        PyObject *items[3];
        items[0] = PyUnicode_Substring(text, (Py_ssize_t)sents->start[i], (Py_ssize_t)sents->end[i]);
        items[1] = PyLong_FromLongLong(sents->start[i]);
        items[2] = PyLong_FromLongLong(sents->end[i]);
        PyObject *rec = make_record(st->Span, 3, items);
        if (rec == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, rec);
    }
    return list;
}

static PyObject *py_sentences(PyObject *module, PyObject *args, PyObject *kwargs) {
    module_state *st = get_state(module);
    PyObject *text, *lang = NULL;
    if (!parse_text_lang(args, kwargs, "O|$O:sentences", &text, &lang)) return NULL;
    text_in t;
    nt_lang lg;
    if (text_from_object(text, &t, "sentences") < 0) return NULL;
    if (parse_lang(st, lang, &lg) < 0) {
        text_release(&t);
        return NULL;
    }
    nt_spans toks, sents;
    nt_spans_init(&toks, &py_allocator);
    nt_spans_init(&sents, &py_allocator);
    nt_status s = run_core(pick_tokenizer(st, lg, &t), &t, &toks, &sents, NULL);
    nt_spans_free(&toks);
    PyObject *list = NULL;
    if (s != NT_OK) {
        raise_status(s);
        goto done;
    }
    list = spans_list(st, text, &sents);
done:
    nt_spans_free(&sents);
    text_release(&t);
    return list;
}

PyDoc_STRVAR(detect_lang_doc,
"detect_lang($module, text)\n--\n\n"
"-> 'id' or 'en'\n\n'id' or 'en': which language's function words dominate the first 64 KiB\n"
"of text (counting stops early once one language has at least 100 hits\n"
"and 3 times as many as the other).  Text with no evidence either way\n"
"(empty, numbers, other languages) is 'id', the library's home language.");

static PyObject *py_detect_lang(PyObject *module, PyObject *args, PyObject *kwargs) {
    static const char *kws[] = {"text", NULL};
    module_state *st = get_state(module);
    PyObject *text;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:detect_lang", (char **)kws, &text))
        return NULL;
    text_in t;
    if (text_from_object(text, &t, "detect_lang") < 0) return NULL;
    nt_lang lg = nt_lang_detect(t.utf8, (size_t)t.len);
    text_release(&t);
    return Py_NewRef(lg == NT_LANG_EN ? st->str_en : st->str_id);
}

/* ------------------------------------------------------------- RootList */

static int wordset_from_object(PyObject *obj, const char *what, nt_wordset **out);

/* An immutable compiled word set (root words for stem()), so a long list is
 * converted once, not at every call. */
typedef struct {
    PyObject_HEAD
    nt_wordset *ws;
} RootListObject;

static PyObject *rootlist_new(PyTypeObject *tp, PyObject *args, PyObject *kwargs) {
    static const char *kws[] = {"words", NULL};
    PyObject *words;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:RootList", (char **)kws, &words)) return NULL;
    nt_wordset *ws = NULL;
    if (wordset_from_object(words, "words", &ws) < 0) return NULL;
    if (ws == NULL && nt_wordset_new(&py_allocator, &ws) != NT_OK) return PyErr_NoMemory();
    RootListObject *self = (RootListObject *)tp->tp_alloc(tp, 0);
    if (self == NULL) {
        nt_wordset_free(ws);
        return NULL;
    }
    self->ws = ws;
    return (PyObject *)self;
}

static void rootlist_dealloc(PyObject *self) {
    PyTypeObject *tp = Py_TYPE(self);
    nt_wordset_free(((RootListObject *)self)->ws);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static Py_ssize_t rootlist_len(PyObject *self) {
    return (Py_ssize_t)nt_wordset_size(((RootListObject *)self)->ws);
}

static int rootlist_contains(PyObject *self, PyObject *key) {
    if (!PyUnicode_Check(key)) return 0;
    text_in t;
    if (text_from_object(key, &t, "RootList") < 0) return -1;
    int r = nt_wordset_has(((RootListObject *)self)->ws, t.utf8, (size_t)t.len);
    text_release(&t);
    return r;
}

static PyType_Slot rootlist_slots[] = {
    {Py_tp_new, rootlist_new},
    {Py_tp_dealloc, rootlist_dealloc},
    {Py_sq_length, rootlist_len},
    {Py_sq_contains, rootlist_contains},
    {Py_tp_doc, "RootList(words): root words for newstext.stem(roots=...), compiled once "
                "(lower-cased; membership ignores case)."},
    {0, NULL},
};

static PyType_Spec rootlist_spec = {
    .name = "newstext._core.RootList",
    .basicsize = sizeof(RootListObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = rootlist_slots,
};

/* ------------------------------------------------------------- keywords */

/* Build a word set from None (-> *out NULL) or an iterable of str.  A bare
 * str is refused: iterating it would give single characters. */
static int wordset_from_object(PyObject *obj, const char *what, nt_wordset **out) {
    *out = NULL;
    if (obj == NULL || obj == Py_None) return 0;
    if (PyUnicode_Check(obj) || PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s must be a collection of str (a set or list), not %.100s",
                     what, Py_TYPE(obj)->tp_name);
        return -1;
    }
    PyObject *it = PyObject_GetIter(obj);
    if (it == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s must be a collection of str, not %.100s", what,
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    nt_status s = nt_wordset_new(&py_allocator, out);
    if (s != NT_OK) {
        Py_DECREF(it);
        raise_status(s);
        return -1;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError, "%s must hold str items, not %.100s", what,
                         Py_TYPE(item)->tp_name);
            Py_DECREF(item);
            break;
        }
        text_in t;
        if (text_from_object(item, &t, what) < 0) {
            Py_DECREF(item);
            break;
        }
        s = nt_wordset_add(*out, t.utf8, (size_t)t.len);
        text_release(&t);
        Py_DECREF(item);
        if (s != NT_OK) {
            if (s == NT_ETOOBIG)
                PyErr_Format(PyExc_ValueError, "%s: a word longer than 64 KiB", what);
            else
                raise_status(s);
            break;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        nt_wordset_free(*out);
        *out = NULL;
        return -1;
    }
    return 0;
}

static int parse_method(PyObject *m, nt_kw_method *out) {
    if (m == NULL) {
        *out = NT_KW_YAKE;
        return 0;
    }
    if (!PyUnicode_Check(m)) {
        PyErr_Format(PyExc_TypeError, "method must be 'yake', 'rake' or 'textrank', not %.100s",
                     Py_TYPE(m)->tp_name);
        return -1;
    }
    if (PyUnicode_CompareWithASCIIString(m, "yake") == 0) *out = NT_KW_YAKE;
    else if (PyUnicode_CompareWithASCIIString(m, "rake") == 0) *out = NT_KW_RAKE;
    else if (PyUnicode_CompareWithASCIIString(m, "textrank") == 0) *out = NT_KW_TEXTRANK;
    else {
        PyErr_Format(PyExc_ValueError, "method must be 'yake', 'rake' or 'textrank', not %R", m);
        return -1;
    }
    return 0;
}

PyDoc_STRVAR(keywords_doc,
"keywords($module, text, *, top=10, method='yake', max_ngram=3, lang='auto',\n"
"         stopwords=None, dedup=0.9, blacklist=None, min_len=3, digits=False,\n"
"         cues=False, window=1, paragraphs=None, stem=False, clean=False)\n--\n\n"
"-> list[Keyword]\n\n"
"The key words and phrases of one article, best first, as\n"
"Keyword(phrase, score, count, rank).\n\n"
"method 'yake' (default; score: lower is better, as in the yake package),\n"
"'rake' or 'textrank' (score: higher is better).  rank is 1 for the best.\n"
"phrase is the first occurrence as written; count is how often it occurs.\n"
"max_ngram: words per phrase (1..16).  dedup: drop a phrase more similar\n"
"than this (1 - edit distance / length) to a better one; 1 keeps all.\n"
"stopwords: a collection of str that replaces the built-in stop list of the\n"
"language (newstext.STOPWORDS[lang] | {...} extends it).  blacklist: words or\n"
"phrases never returned.  min_len: terms shorter than this are stop words\n"
"(2 keeps EU, AI).  digits=True lets words mixing letters and digits\n"
"(COVID-19, G20) be keywords.  cues=True lets speech cues (kata, said) and\n"
"outlet boilerplate (Baca, Penulis) surface.  window: YAKE co-occurrence\n"
"window.  paragraphs=True: a blank line always ends a sentence; False: the\n"
"yake package's line handling, which joins a line without final punctuation\n"
"(a headline) to the paragraph after a blank line; None (default): True for\n"
"Indonesian, False for English (parity with yake).  stem=True merges\n"
"inflected variants (banjir, kebanjiran; flood, floods, flooding) through\n"
"newstext.stem; the phrase shown is the first variant.  clean=True runs on\n"
"the article's clean text (title, body and headings as newstext.clean labels\n"
"them): menus, 'Baca juga' links, captions, bylines and other metadata give\n"
"no keyword; a text with nothing to clean gives the same keywords as\n"
"clean=False.  Raises TypeError for wrong types and ValueError for bad values.\n"
"A text over 134,217,727 UTF-8 bytes (NT_KW_MAX_TEXT) raises OverflowError.");

/* list[Keyword] of results (shared with batch()). */
static PyObject *keywords_list(module_state *st, const nt_keywords *res) {
    PyObject *list = PyList_New((Py_ssize_t)res->len);
    for (size_t i = 0; list != NULL && i < res->len; i++) {
        const nt_keyword *k = &res->items[i];
        PyObject *items[4];
        items[0] = PyUnicode_DecodeUTF8(res->buf + k->phrase, (Py_ssize_t)k->phrase_len, "surrogatepass");
        items[1] = PyFloat_FromDouble(k->score);
        items[2] = PyLong_FromSize_t(k->count);
        items[3] = PyLong_FromSize_t(i + 1);
        PyObject *rec = make_record(st->Keyword, 4, items);
        if (rec == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, rec);
    }
    return list;
}

/* keywords() options, parsed and checked (shared with batch()). */
typedef struct {
    nt_kw_method meth;
    Py_ssize_t top, max_ngram, min_len, window;
    double dedup;
    int digits, cues, paragraphs, stem, clean;
    nt_wordset *stopset, *blackset;
} kw_args;

static const char *kw_names[] = {"text", "top", "method", "max_ngram", "lang", "stopwords", "dedup",
                                 "blacklist", "min_len", "digits", "cues", "window", "paragraphs", "stem",
                                 "clean", NULL};

/* Parse keywords()'s arguments: with text (keywords()) from args/kwargs,
 * or without (batch(keywords={...})) from the dict kwargs alone.  Builds the
 * word sets; release them with kw_args_release.  -1 with an exception. */
static int kw_args_parse(PyObject *args, PyObject *kwargs, PyObject **text, PyObject **lang, kw_args *a) {
    PyObject *method = NULL, *stop_obj = Py_None, *black_obj = Py_None, *para_obj = Py_None;
    PyObject *clean_obj = NULL;
    a->top = 10, a->max_ngram = 3, a->min_len = 3, a->window = 1;
    a->dedup = 0.9;
    a->digits = 0, a->cues = 0, a->paragraphs = -1, a->stem = 0, a->clean = 0;
    a->stopset = a->blackset = NULL;
    int ok;
    if (text != NULL)
        ok = PyArg_ParseTupleAndKeywords(args, kwargs, "O|$nOnOOdOnppnOpO:keywords", (char **)kw_names, text,
                                         &a->top, &method, &a->max_ngram, lang, &stop_obj, &a->dedup,
                                         &black_obj, &a->min_len, &a->digits, &a->cues, &a->window,
                                         &para_obj, &a->stem, &clean_obj);
    else
        ok = PyArg_ParseTupleAndKeywords(args, kwargs, "|$nOnOOdOnppnOpO:keywords", (char **)kw_names + 1,
                                         &a->top, &method, &a->max_ngram, lang, &stop_obj, &a->dedup,
                                         &black_obj, &a->min_len, &a->digits, &a->cues, &a->window,
                                         &para_obj, &a->stem, &clean_obj);
    if (!ok) return -1;
    a->clean = parse_clean(clean_obj);
    if (a->clean < 0) return -1;
    if (para_obj != Py_None) {
        a->paragraphs = PyObject_IsTrue(para_obj);
        if (a->paragraphs < 0) return -1;
    }
    if (text != NULL && !PyUnicode_Check(*text)) {
        PyErr_Format(PyExc_TypeError, "keywords() argument 'text' must be str, not %.100s",
                     Py_TYPE(*text)->tp_name);
        return -1;
    }
    if (a->top < 0) {
        PyErr_Format(PyExc_ValueError, "top must be >= 0, not %zd", a->top);
        return -1;
    }
    if (a->max_ngram < 1 || a->max_ngram > NT_KW_MAX_NGRAM) {
        PyErr_Format(PyExc_ValueError, "max_ngram must be between 1 and %d, not %zd", NT_KW_MAX_NGRAM,
                     a->max_ngram);
        return -1;
    }
    if (a->window < 1 || a->window > NT_KW_MAX_WINDOW) {
        PyErr_Format(PyExc_ValueError, "window must be between 1 and %d, not %zd", NT_KW_MAX_WINDOW,
                     a->window);
        return -1;
    }
    if (a->min_len < 0 || a->min_len > 64) {
        PyErr_Format(PyExc_ValueError, "min_len must be between 0 and 64, not %zd", a->min_len);
        return -1;
    }
    if (!(a->dedup >= 0.0)) {
        PyObject *f = PyFloat_FromDouble(a->dedup);
        if (f == NULL) return -1;
        PyErr_Format(PyExc_ValueError, "dedup must be a number >= 0 (1 keeps near-duplicates), not %R", f);
        Py_DECREF(f);
        return -1;
    }
    if (parse_method(method, &a->meth) < 0) return -1;
    if (wordset_from_object(stop_obj, "stopwords", &a->stopset) < 0) return -1;
    if (wordset_from_object(black_obj, "blacklist", &a->blackset) < 0) {
        nt_wordset_free(a->stopset);
        a->stopset = NULL;
        return -1;
    }
    return 0;
}

static void kw_args_release(kw_args *a) {
    nt_wordset_free(a->stopset);
    nt_wordset_free(a->blackset);
    a->stopset = a->blackset = NULL;
}

/* Core options for a language (the defaults of keywords() depend on it). */
static void kw_args_opts(const kw_args *a, nt_lang lang, nt_keywords_opts *o) {
    nt_keywords_opts_init(o, lang);
    o->method = a->meth;
    o->top = (size_t)a->top;
    o->max_ngram = (size_t)a->max_ngram;
    o->dedup = a->dedup;
    o->window = (size_t)a->window;
    o->min_chars = (size_t)a->min_len;
    if (a->digits) o->flags |= NT_KW_DIGITS;
    if (a->cues) o->flags |= NT_KW_CUES;
    if (a->stem) o->flags = (o->flags & ~NT_KW_FOLD_PLURAL) | NT_KW_STEM;
    if (a->paragraphs == 1) o->flags |= NT_KW_PARAGRAPHS;
    if (a->paragraphs == 0) o->flags &= ~NT_KW_PARAGRAPHS;
    if (a->clean) o->flags |= NT_KW_CLEAN;
    if (a->stopset) {
        o->flags |= NT_KW_NO_BUILTIN;
        o->stopwords = a->stopset;
    }
    o->blacklist = a->blackset;
}

static PyObject *py_keywords(PyObject *module, PyObject *args, PyObject *kwargs) {
    module_state *st = get_state(module);
    PyObject *text = NULL, *lang = NULL;
    kw_args ka;
    nt_lang lg;
    if (kw_args_parse(args, kwargs, &text, &lang, &ka) < 0) return NULL;
    text_in t;
    if (parse_lang(st, lang, &lg) < 0 || text_from_object(text, &t, "keywords") < 0) {
        kw_args_release(&ka);
        return NULL;
    }
    const nt_tokenizer *tok = pick_tokenizer(st, lg, &t);
    nt_keywords_opts o;
    kw_args_opts(&ka, nt_tokenizer_lang(tok), &o);
    nt_keywords res;
    nt_keywords_init(&res, &py_allocator);
    intr_ctx ic = {NULL};
    nt_interrupt intr = {check_signals, &ic};
    int release = t.len >= NT_GIL_RELEASE_BYTES;
    if (release) ic.ts = PyEval_SaveThread();
    nt_status s = nt_keywords_extract(tok, t.utf8, (size_t)t.len, &o, &res, &intr);
    if (release) PyEval_RestoreThread(ic.ts);
    PyObject *list = s == NT_OK                                              ? keywords_list(st, &res)
                     : s == NT_ETOOBIG && (size_t)t.len > NT_KW_MAX_TEXT ? raise_kw_text_limit(-1, t.len)
                                                                          : raise_status(s);
    nt_keywords_free(&res);
    kw_args_release(&ka);
    text_release(&t);
    return list;
}

PyDoc_STRVAR(wordlist_doc,
"_wordlist($module, lang, kind)\n--\n\n-> tuple[str, ...]\n\n"
"A compiled-in word list: kind 'stop', 'cues' or 'boilerplate'; lang 'id' or 'en'.");

static PyObject *py_wordlist(PyObject *module, PyObject *args) {
    module_state *st = get_state(module);
    PyObject *lang;
    const char *kind;
    if (!PyArg_ParseTuple(args, "Us:_wordlist", &lang, &kind)) return NULL;
    nt_lang lg;
    if (parse_lang(st, lang, &lg) < 0) return NULL;
    if (lg == NT_LANG_AUTO) {
        PyErr_SetString(PyExc_ValueError, "lang must be 'id' or 'en'");
        return NULL;
    }
    nt_wordlist wl;
    if (strcmp(kind, "stop") == 0) wl = NT_WORDLIST_STOP;
    else if (strcmp(kind, "cues") == 0) wl = NT_WORDLIST_CUES;
    else if (strcmp(kind, "boilerplate") == 0) wl = NT_WORDLIST_BOILERPLATE;
    else {
        PyErr_Format(PyExc_ValueError, "kind must be 'stop', 'cues' or 'boilerplate', not %R",
                     PyTuple_GET_ITEM(args, 1));
        return NULL;
    }
    size_t n = 0;
    while (nt_wordlist_entry(lg, wl, n) != NULL) n++;
    PyObject *tup = PyTuple_New((Py_ssize_t)n);
    for (size_t i = 0; tup != NULL && i < n; i++) {
        PyObject *w = PyUnicode_FromString(nt_wordlist_entry(lg, wl, i));
        if (w == NULL) {
            Py_CLEAR(tup);
            break;
        }
        PyTuple_SET_ITEM(tup, (Py_ssize_t)i, w);
    }
    return tup;
}

/* -------------------------------------------------------- corpus methods */

typedef struct {
    PyObject *seq;     /* PySequence_Fast of the texts */
    text_in *t;
    Py_ssize_t n;
} texts_in;

static void texts_release(texts_in *ts) {
    if (ts->t) {
        for (Py_ssize_t i = 0; i < ts->n; i++) text_release(&ts->t[i]);
        PyMem_Free(ts->t);
    }
    /* idempotent: texts_from_object() releases on its error paths and its
     * callers release again on theirs */
    ts->t = NULL;
    ts->n = 0;
    Py_CLEAR(ts->seq);
}

static int texts_from_object(PyObject *obj, texts_in *ts, const char *fname) {
    ts->seq = NULL;
    ts->t = NULL;
    ts->n = 0;
    if (PyUnicode_Check(obj) || PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s() argument 'texts' must be a collection of str, not %.100s",
                     fname, Py_TYPE(obj)->tp_name);
        return -1;
    }
    ts->seq = PySequence_Fast(obj, "texts must be a collection of str");
    if (ts->seq == NULL) return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(ts->seq);
    ts->t = PyMem_Calloc(n ? (size_t)n : 1, sizeof(text_in));
    if (ts->t == NULL) {
        Py_CLEAR(ts->seq);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(ts->seq, i);
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError, "%s(): texts[%zd] must be str, not %.100s", fname, i,
                         Py_TYPE(item)->tp_name);
            texts_release(ts);
            return -1;
        }
        if (text_from_object(item, &ts->t[i], fname) < 0) {
            texts_release(ts);
            return -1;
        }
        ts->n = i + 1;
    }
    return 0;
}

/* Count the terms of every text into a new corpus (GIL released for large
 * input).  Returns NULL with an exception set on failure. */
static nt_corpus *build_corpus(module_state *st, texts_in *ts, nt_lang lg,
                               const nt_keywords_opts *o) {
    nt_corpus *c = NULL;
    nt_status s = nt_corpus_new(o, &py_allocator, &c);
    if (s != NT_OK) {
        raise_status(s);
        return NULL;
    }
    Py_ssize_t total = 0;
    const nt_tokenizer **toks = PyMem_Calloc(ts->n ? (size_t)ts->n : 1, sizeof(*toks));
    if (toks == NULL) {
        nt_corpus_free(c);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < ts->n; i++) {
        toks[i] = pick_tokenizer(st, lg, &ts->t[i]);
        total += ts->t[i].len;
    }
    intr_ctx ic = {NULL};
    nt_interrupt intr = {check_signals, &ic};
    int release = total >= NT_GIL_RELEASE_BYTES;
    if (release) ic.ts = PyEval_SaveThread();
    Py_ssize_t i = 0;
    for (; i < ts->n && s == NT_OK; i++)
        s = nt_corpus_add(c, toks[i], ts->t[i].utf8, (size_t)ts->t[i].len, &intr);
    if (release) PyEval_RestoreThread(ic.ts);
    PyMem_Free(toks);
    if (s != NT_OK) {
        nt_corpus_free(c);
        if (s == NT_ETOOBIG && (size_t)ts->t[i - 1].len > NT_KW_MAX_TEXT)
            raise_kw_text_limit(i - 1, ts->t[i - 1].len);
        else raise_status(s);
        return NULL;
    }
    return c;
}

static PyObject *term_str(const nt_corpus *c, uint32_t term) {
    size_t n;
    const char *p = nt_corpus_term(c, term, &n);
    return PyUnicode_DecodeUTF8(p, (Py_ssize_t)n, "surrogatepass");
}

static PyObject *scores_list(module_state *st, PyObject *cls, const nt_corpus *c,
                             const nt_termscores *ts) {
    PyObject *list = PyList_New((Py_ssize_t)ts->len);
    for (size_t i = 0; list != NULL && i < ts->len; i++) {
        PyObject *items[5];
        items[0] = term_str(c, ts->items[i].term);
        items[1] = PyFloat_FromDouble(ts->items[i].score);
        items[2] = PyLong_FromUnsignedLongLong(ts->items[i].count);
        items[3] = PyLong_FromUnsignedLongLong(ts->items[i].other);
        items[4] = PyLong_FromSize_t(i + 1);
        PyObject *rec = make_record(cls, 5, items);
        if (rec == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, rec);
    }
    (void)st;
    return list;
}

/* Options shared by tfidf() and distinctive(). */
static int corpus_opts(module_state *st, PyObject *lang, Py_ssize_t max_ngram, Py_ssize_t min_len,
                       int digits, PyObject *stop_obj, PyObject *black_obj, PyObject *clean_obj,
                       nt_lang *lg, nt_keywords_opts *o, nt_wordset **stopset,
                       nt_wordset **blackset) {
    *stopset = *blackset = NULL;
    int clean = parse_clean(clean_obj);
    if (clean < 0) return -1;
    if (max_ngram < 1 || max_ngram > NT_KW_MAX_NGRAM) {
        PyErr_Format(PyExc_ValueError, "max_ngram must be between 1 and %d, not %zd",
                     NT_KW_MAX_NGRAM, max_ngram);
        return -1;
    }
    if (min_len < 0 || min_len > 64) {
        PyErr_Format(PyExc_ValueError, "min_len must be between 0 and 64, not %zd", min_len);
        return -1;
    }
    if (parse_lang(st, lang, lg) < 0) return -1;
    if (wordset_from_object(stop_obj, "stopwords", stopset) < 0) return -1;
    if (wordset_from_object(black_obj, "blacklist", blackset) < 0) {
        nt_wordset_free(*stopset);
        *stopset = NULL;
        return -1;
    }
    /* no plural fold: terms are counted as written (lower-cased) */
    nt_keywords_opts_init(o, NT_LANG_ID);
    o->max_ngram = (size_t)max_ngram;
    o->min_chars = (size_t)min_len;
    if (digits) o->flags |= NT_KW_DIGITS;
    if (clean) o->flags |= NT_KW_CLEAN;
    if (*stopset) {
        o->flags |= NT_KW_NO_BUILTIN;
        o->stopwords = *stopset;
    }
    o->blacklist = *blackset;
    return 0;
}

PyDoc_STRVAR(tfidf_doc,
"tfidf($module, texts, *, top=10, lang='auto', max_ngram=1, min_df=1,\n"
"      stopwords=None, blacklist=None, min_len=3, digits=False, clean=False)\n--\n\n"
"-> list[list[TfIdf]]\n\n"
"For each text, its top terms by tf-idf over the collection, best first, as\n"
"TfIdf(term, score, count, df, rank): score (1 + ln tf) * (ln((1+N)/(1+df)) + 1)\n"
"L2-normalised per text (scikit-learn's smooth, sublinear tf-idf); count is\n"
"the term's count in the text, df the number of texts holding it.  Terms are\n"
"lower-cased words (or phrases up to max_ngram words) with keywords()'s stop\n"
"words, cue words and rules; min_df drops rarer terms.  lang='auto' detects\n"
"each text's language.  clean=True counts only each text's clean text\n"
"(title, body and headings as newstext.clean labels them).");

static PyObject *py_tfidf(PyObject *module, PyObject *args, PyObject *kwargs) {
    static const char *kws[] = {"texts", "top", "lang", "max_ngram", "min_df", "stopwords",
                                "blacklist", "min_len", "digits", "clean", NULL};
    module_state *st = get_state(module);
    PyObject *texts, *lang = NULL, *stop_obj = Py_None, *black_obj = Py_None, *clean_obj = NULL;
    Py_ssize_t top = 10, max_ngram = 1, min_df = 1, min_len = 3;
    int digits = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$nOnnOOnpO:tfidf", (char **)kws, &texts, &top,
                                     &lang, &max_ngram, &min_df, &stop_obj, &black_obj, &min_len,
                                     &digits, &clean_obj))
        return NULL;
    if (top < 0) return PyErr_Format(PyExc_ValueError, "top must be >= 0, not %zd", top);
    if (min_df < 0) return PyErr_Format(PyExc_ValueError, "min_df must be >= 0, not %zd", min_df);
    nt_lang lg;
    nt_keywords_opts o;
    nt_wordset *stopset, *blackset;
    if (corpus_opts(st, lang, max_ngram, min_len, digits, stop_obj, black_obj, clean_obj, &lg, &o,
                    &stopset, &blackset) < 0)
        return NULL;
    texts_in ts;
    PyObject *result = NULL;
    if (texts_from_object(texts, &ts, "tfidf") < 0) goto out0;
    nt_corpus *c = build_corpus(st, &ts, lg, &o);
    if (c == NULL) goto out1;
    result = PyList_New(ts.n);
    nt_termscores sc;
    nt_termscores_init(&sc, &py_allocator);
    for (Py_ssize_t d = 0; result != NULL && d < ts.n; d++) {
        nt_status s = nt_corpus_tfidf(c, (size_t)d, (size_t)top, (size_t)min_df, &sc);
        PyObject *lst = s == NT_OK ? scores_list(st, st->TfIdf, c, &sc) : raise_status(s);
        if (lst == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyList_SET_ITEM(result, d, lst);
    }
    nt_termscores_free(&sc);
    nt_corpus_free(c);
out1:
    texts_release(&ts);
out0:
    nt_wordset_free(stopset);
    nt_wordset_free(blackset);
    return result;
}

PyDoc_STRVAR(distinctive_doc,
"distinctive($module, texts, groups, *, top=20, lang='auto', max_ngram=1,\n"
"            prior=1.0, min_count=2, stopwords=None, blacklist=None, min_len=3,\n"
"            digits=False, clean=False)\n--\n\n"
"-> dict[group, list[Distinctive]]\n\n"
"The terms that set each group of texts apart from all the others: the\n"
"weighted log-odds ratio with an informative Dirichlet prior (Monroe,\n"
"Colaresi & Quinn 2008), the prior being the whole collection's counts times\n"
"prior.  groups gives one hashable label per text (an outlet name, say).\n"
"Returns {label: [Distinctive(term, score, count, count_rest, rank), ...]}\n"
"in order of first appearance of the labels, best first; score is the\n"
"z-score (above about 2: clearly more frequent in the group than elsewhere).\n"
"Terms counted fewer than min_count times in the group are left out.\n"
"clean=True counts only each text's clean text (title, body and headings as\n"
"newstext.clean labels them).");

static PyObject *py_distinctive(PyObject *module, PyObject *args, PyObject *kwargs) {
    static const char *kws[] = {"texts", "groups", "top", "lang", "max_ngram", "prior", "min_count",
                                "stopwords", "blacklist", "min_len", "digits", "clean", NULL};
    module_state *st = get_state(module);
    PyObject *texts, *groups, *lang = NULL, *stop_obj = Py_None, *black_obj = Py_None;
    PyObject *clean_obj = NULL;
    Py_ssize_t top = 20, max_ngram = 1, min_count = 2, min_len = 3;
    double prior = 1.0;
    int digits = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO|$nOndnOOnpO:distinctive", (char **)kws,
                                     &texts, &groups, &top, &lang, &max_ngram, &prior, &min_count,
                                     &stop_obj, &black_obj, &min_len, &digits, &clean_obj))
        return NULL;
    if (top < 0) return PyErr_Format(PyExc_ValueError, "top must be >= 0, not %zd", top);
    if (min_count < 0)
        return PyErr_Format(PyExc_ValueError, "min_count must be >= 0, not %zd", min_count);
    if (!(prior > 0.0) || prior == Py_HUGE_VAL)
        return PyErr_Format(PyExc_ValueError, "prior must be a finite number > 0");
    if (PyUnicode_Check(groups) || PyBytes_Check(groups))
        return PyErr_Format(PyExc_TypeError, "groups must be a sequence of labels, not %.100s",
                            Py_TYPE(groups)->tp_name);
    PyObject *gseq = PySequence_Fast(groups, "groups must be a sequence of labels");
    if (gseq == NULL) return NULL;
    nt_lang lg;
    nt_keywords_opts o;
    nt_wordset *stopset = NULL, *blackset = NULL;
    texts_in ts = {NULL, NULL, 0};
    PyObject *labels = NULL, *index = NULL, *result = NULL;
    uint32_t *gid = NULL;
    nt_corpus *c = NULL;
    if (corpus_opts(st, lang, max_ngram, min_len, digits, stop_obj, black_obj, clean_obj, &lg, &o,
                    &stopset, &blackset) < 0)
        goto out;
    if (texts_from_object(texts, &ts, "distinctive") < 0) goto out;
    if (PySequence_Fast_GET_SIZE(gseq) != ts.n) {
        PyErr_Format(PyExc_ValueError, "groups has %zd labels for %zd texts",
                     PySequence_Fast_GET_SIZE(gseq), ts.n);
        goto out;
    }
    labels = PyList_New(0);
    index = PyDict_New();
    gid = PyMem_Calloc(ts.n ? (size_t)ts.n : 1, sizeof(uint32_t));
    if (!labels || !index || !gid) {
        if (!gid) PyErr_NoMemory();
        goto out;
    }
    for (Py_ssize_t i = 0; i < ts.n; i++) {
        PyObject *lab = PySequence_Fast_GET_ITEM(gseq, i);
        PyObject *k = PyDict_GetItemWithError(index, lab);
        if (k == NULL) {
            if (PyErr_Occurred()) goto out; /* unhashable label */
            k = PyLong_FromSsize_t(PyList_GET_SIZE(labels));
            if (k == NULL || PyDict_SetItem(index, lab, k) < 0 || PyList_Append(labels, lab) < 0) {
                Py_XDECREF(k);
                goto out;
            }
            Py_DECREF(k);
            k = PyDict_GetItemWithError(index, lab);
        }
        gid[i] = (uint32_t)PyLong_AsSize_t(k);
    }
    c = build_corpus(st, &ts, lg, &o);
    if (c == NULL) goto out;
    result = PyDict_New();
    nt_termscores sc;
    nt_termscores_init(&sc, &py_allocator);
    for (Py_ssize_t g = 0; result != NULL && g < PyList_GET_SIZE(labels); g++) {
        nt_status s = nt_corpus_distinctive(c, gid, (uint32_t)g, (size_t)top, prior,
                                            (size_t)min_count, &sc);
        PyObject *lst = s == NT_OK ? scores_list(st, st->Distinctive, c, &sc) : raise_status(s);
        if (lst == NULL || PyDict_SetItem(result, PyList_GET_ITEM(labels, g), lst) < 0) {
            Py_XDECREF(lst);
            Py_CLEAR(result);
            break;
        }
        Py_DECREF(lst);
    }
    nt_termscores_free(&sc);
out:
    nt_corpus_free(c);
    PyMem_Free(gid);
    Py_XDECREF(labels);
    Py_XDECREF(index);
    texts_release(&ts);
    nt_wordset_free(stopset);
    nt_wordset_free(blackset);
    Py_DECREF(gseq);
    return result;
}

/* ------------------------------------------------------------------ stem */

PyDoc_STRVAR(stem_doc,
"stem($module, word, *, lang='id', roots=None)\n--\n\n-> str\n\n"
"The stem of one word, lower-cased.  lang 'id': rule-based Indonesian\n"
"confix stripping (meN-/peN- with assimilation, ber-, di-, ter-, per-,\n"
"ke-...-an, -kan, -an, -i; reduplication kata-kata -> kata).  roots: an\n"
"optional collection of root words that turns on dictionary checks (the\n"
"stemmer then also tries -lah/-kah/-pun, -nya/-ku/-mu and se-, and picks the\n"
"reading that is a known root).  lang 'en': Porter2.  A word with digits or\n"
"non-ASCII letters comes back lower-cased.  Build the roots once as a\n"
"newstext.RootList for many calls.");

static PyObject *py_stem(PyObject *module, PyObject *args, PyObject *kwargs) {
    static const char *kws[] = {"word", "lang", "roots", NULL};
    module_state *st = get_state(module);
    PyObject *word, *lang = NULL, *roots_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$OO:stem", (char **)kws, &word, &lang,
                                     &roots_obj))
        return NULL;
    if (!PyUnicode_Check(word))
        return PyErr_Format(PyExc_TypeError, "stem() argument 'word' must be str, not %.100s",
                            Py_TYPE(word)->tp_name);
    nt_lang lg = NT_LANG_ID;
    if (lang != NULL) {
        if (parse_lang(st, lang, &lg) < 0) return NULL;
        if (lg == NT_LANG_AUTO) {
            PyErr_SetString(PyExc_ValueError, "stem() needs lang 'id' or 'en', not 'auto'");
            return NULL;
        }
    }
    nt_wordset *roots = NULL;
    int own = 0;
    if (PyObject_TypeCheck(roots_obj, st->RootList)) {
        roots = ((RootListObject *)roots_obj)->ws;
    } else {
        if (wordset_from_object(roots_obj, "roots", &roots) < 0) return NULL;
        own = 1;
    }
    text_in t;
    if (text_from_object(word, &t, "stem") < 0) {
        if (own) nt_wordset_free(roots);
        return NULL;
    }
    size_t cap = nt_stem_bound((size_t)t.len), n = 0;
    char small[256];
    char *buf = cap <= sizeof small ? small : raw_malloc(NULL, cap); /* large: mapped */
    PyObject *res = NULL;
    if (buf == NULL) {
        PyErr_NoMemory();
    } else {
        nt_status s = nt_stem(lg, t.utf8, (size_t)t.len, roots, buf, cap, &n);
        res = s == NT_OK ? PyUnicode_DecodeUTF8(buf, (Py_ssize_t)n, "surrogatepass") : raise_status(s);
        if (buf != small) raw_free(NULL, buf, cap);
    }
    text_release(&t);
    if (own) nt_wordset_free(roots);
    return res;
}

/* ---------------------------------------------------------------- quotes */

PyDoc_STRVAR(quotes_doc,
"quotes($module, text, *, lang='auto', clean=False)\n--\n\n-> list[Quote]\n\n"
"Quoted spans of text and who said them, in text order, as\n"
"Quote(text, start, end, speaker, speaker_start, speaker_end, cue, kind,\n"
"unclosed).  text/start/end are the quoted words without their marks;\n"
"speaker is the canonical name (the longest mention of that person in the\n"
"text, titles left out) or None; speaker_start/speaker_end locate the\n"
"mention it was read from (None when it was carried over from an earlier\n"
"source by katanya, dia, he or a continuation); cue is the cue word or None;\n"
"kind is 'direct', 'partial' (a fragment inside reported speech) or 'other'\n"
"(headings, terms, names: speaker None); unclosed is True when the marks\n"
"could not be balanced and the quote was cut at its paragraph's end.\n"
"clean=True reads only the article's clean text (title, body and headings\n"
"as newstext.clean labels them): no quote or speaker comes from menus,\n"
"'Baca juga' links, captions or bylines; offsets still index text.");

static PyObject *slice_or_none(PyObject *text, int64_t a, int64_t b) {
    if (a < 0 || b < a) Py_RETURN_NONE;
    return PyUnicode_Substring(text, (Py_ssize_t)a, (Py_ssize_t)b);
}

static PyObject *int_or_none(int64_t v) {
    if (v < 0) Py_RETURN_NONE;
    return PyLong_FromLongLong(v);
}

/* list[Quote] of quotes in str indices (shared with batch()). */
static PyObject *quotes_list(module_state *st, PyObject *text, const nt_quotes *qs) {
    PyObject *list = PyList_New((Py_ssize_t)qs->len);
    for (size_t i = 0; list != NULL && i < qs->len; i++) {
        const nt_quote *q = &qs->items[i];
        PyObject *items[9];
        items[0] = PyUnicode_Substring(text, (Py_ssize_t)q->start, (Py_ssize_t)q->end);
        items[1] = PyLong_FromLongLong(q->start);
        items[2] = PyLong_FromLongLong(q->end);
        items[3] = slice_or_none(text, q->name_start, q->name_end);
        items[4] = int_or_none(q->speaker_start);
        items[5] = int_or_none(q->speaker_end);
        items[6] = slice_or_none(text, q->cue_start, q->cue_end);
        items[7] = Py_NewRef(st->quote_kind_names[q->kind < NT_QUOTE_KIND_COUNT ? q->kind : NT_QUOTE_OTHER]);
        items[8] = PyBool_FromLong((q->flags & NT_QUOTE_UNCLOSED) != 0);
        PyObject *rec = make_record(st->Quote, 9, items);
        if (rec == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, rec);
    }
    return list;
}

static PyObject *py_quotes(PyObject *module, PyObject *args, PyObject *kwargs) {
    module_state *st = get_state(module);
    static const char *kws[] = {"text", "lang", "clean", NULL};
    PyObject *text, *lang = NULL, *clean_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$OO:quotes", (char **)kws, &text, &lang,
                                     &clean_obj))
        return NULL;
    text_in t;
    nt_lang lg;
    if (text_from_object(text, &t, "quotes") < 0) return NULL;
    int clean = parse_clean(clean_obj);
    if (clean < 0) {
        text_release(&t);
        return NULL;
    }
    if (parse_lang(st, lang, &lg) < 0) {
        text_release(&t);
        return NULL;
    }
    const nt_tokenizer *tok = pick_tokenizer(st, lg, &t);
    nt_quotes qs;
    nt_quotes_init(&qs, &py_allocator);
    intr_ctx ic = {NULL};
    nt_interrupt intr = {check_signals, &ic};
    int release = t.len >= NT_GIL_RELEASE_BYTES;
    if (release) ic.ts = PyEval_SaveThread();
    nt_status s = clean ? nt_quotes_extract_clean(tok, t.utf8, (size_t)t.len, &qs, &intr)
                        : nt_quotes_extract(tok, t.utf8, (size_t)t.len, &qs, &intr);
    if (s == NT_OK && !t.ascii) s = nt_quotes_to_units(t.utf8, (size_t)t.len, &qs);
    if (release) PyEval_RestoreThread(ic.ts);
    PyObject *list = NULL;
    if (s != NT_OK) {
        raise_status(s);
        goto done;
    }
    list = quotes_list(st, text, &qs);
done:
    nt_quotes_free(&qs);
    text_release(&t);
    return list;
}

/* ------------------------------------------------------- dates and clean */

/* Read a datetime.date-like object (year, month, day attributes) or None. */
static int ref_from_object(PyObject *obj, nt_date *ref, int *have) {
    *have = 0;
    if (obj == NULL || obj == Py_None) return 0;
    const char *names[3] = {"year", "month", "day"};
    long v[3];
    for (int i = 0; i < 3; i++) {
        PyObject *a = PyObject_GetAttrString(obj, names[i]);
        if (a == NULL) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "ref must be a datetime.date or None, not %.100s",
                         Py_TYPE(obj)->tp_name);
            return -1;
        }
        v[i] = PyLong_Check(a) ? PyLong_AsLong(a) : -1;
        Py_DECREF(a);
        if (v[i] == -1 && PyErr_Occurred()) return -1;
    }
    if (v[0] < 1000 || v[0] > 2999 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31) {
        PyErr_SetString(PyExc_ValueError, "ref must be a date between the years 1000 and 2999");
        return -1;
    }
    memset(ref, 0, sizeof *ref);
    ref->year = (int16_t)v[0];
    ref->month = (uint8_t)v[1];
    ref->day = (uint8_t)v[2];
    *have = 1;
    return 0;
}

/* Convert the byte offsets of a date array (start, end, zone) to str
 * indices with one ordered pass through an nt_spans. */
static nt_status dates_to_units(const text_in *t, nt_dates *d) {
    if (t->ascii || d->len == 0) return NT_OK;
    nt_spans sp;
    nt_spans_init(&sp, &py_allocator);
    nt_status s = nt_spans_reserve(&sp, d->len);
    if (s != NT_OK) return s;
    for (size_t i = 0; i < d->len; i++) sp.start[i] = d->items[i].start, sp.end[i] = d->items[i].end, sp.kind[i] = 0;
    sp.len = d->len;
    nt_utf8_spans_to_units(t->utf8, (size_t)t->len, &sp);
    for (size_t i = 0; i < d->len; i++) d->items[i].start = sp.start[i], d->items[i].end = sp.end[i];
    nt_spans_free(&sp);
    return NT_OK;
}

static PyObject *date_field_or_none(long v, int present) {
    return present ? PyLong_FromLong(v) : Py_NewRef(Py_None);
}

/* datetime.date for a complete date, else None. */
static PyObject *date_object(module_state *st, const nt_date *x) {
    if (x->year == 0 || x->month == 0 || x->day == 0) return Py_NewRef(Py_None);
    return PyObject_CallFunction(st->date_cls, "iii", (int)x->year, (int)x->month, (int)x->day);
}

/* "HH:MM" for a date with a time, else None; with_zone appends " ZONE"
 * (zone bytes taken from utf8, which is ASCII there). */
static PyObject *time_string(const nt_date *x, const char *utf8, int with_zone) {
    if (x->hour < 0) return Py_NewRef(Py_None);
    if (with_zone && x->zone_start >= 0 && x->zone_end - x->zone_start < 16) {
        char zone[16];
        size_t n = (size_t)(x->zone_end - x->zone_start);
        memcpy(zone, utf8 + x->zone_start, n);
        zone[n] = '\0';
        return PyUnicode_FromFormat("%02d:%02d %s", (int)x->hour, (int)x->minute, zone);
    }
    return PyUnicode_FromFormat("%02d:%02d", (int)x->hour, (int)x->minute);
}

static PyObject *zone_string(const nt_date *x, const char *utf8) {
    if (x->zone_start < 0) return Py_NewRef(Py_None);
    return PyUnicode_FromStringAndSize(utf8 + x->zone_start, (Py_ssize_t)(x->zone_end - x->zone_start));
}

PyDoc_STRVAR(dates_doc,
"dates($module, text, *, ref=None)\n--\n\n-> list[DateSpan]\n\n"
"Date and time expressions in text, Indonesian and English, as\n"
"DateSpan(text, start, end, date, time, zone, year, month, day, weekday).\n\n"
"Shapes: 13/9/2023, 14/09 and (13/9) without a year, 2023-09-13, 14 September\n"
"2023, 13 Agu, September 13, 2023, Juni 2024, day names before a date\n"
"(Rabu (13/9/2023)), times after a date or alone (14:54 WIB, pukul 16.00,\n"
"3:45 p.m. ET).  ref (a datetime.date) gives the year of dates written\n"
"without one: the year that puts them nearest to ref.");

static PyObject *py_dates(PyObject *module, PyObject *args, PyObject *kwargs) {
    static const char *kws[] = {"text", "ref", NULL};
    module_state *st = get_state(module);
    PyObject *text, *refobj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$O:dates", (char **)kws, &text, &refobj))
        return NULL;
    text_in t;
    if (text_from_object(text, &t, "dates") < 0) return NULL;
    nt_date ref;
    int have_ref;
    if (ref_from_object(refobj, &ref, &have_ref) < 0) {
        text_release(&t);
        return NULL;
    }
    nt_dates d;
    nt_dates_init(&d, &py_allocator);
    intr_ctx ic = {NULL};
    nt_interrupt intr = {check_signals, &ic};
    int release = t.len >= NT_GIL_RELEASE_BYTES;
    if (release) ic.ts = PyEval_SaveThread();
    nt_status s = nt_dates_find(t.utf8, (size_t)t.len, have_ref ? &ref : NULL, &d, &intr);
    if (release) PyEval_RestoreThread(ic.ts);
    PyObject *list = NULL;
    /* zone strings are read from the UTF-8 bytes before offsets change */
    if (s != NT_OK) {
        raise_status(s);
        goto done;
    }
    list = PyList_New((Py_ssize_t)d.len);
    if (list == NULL) goto done;
    for (size_t i = 0; i < d.len; i++) PyList_SET_ITEM(list, (Py_ssize_t)i, zone_string(&d.items[i], t.utf8));
    for (size_t i = 0; i < d.len; i++)
        if (PyList_GET_ITEM(list, (Py_ssize_t)i) == NULL) {
            Py_CLEAR(list);
            goto done;
        }
    s = dates_to_units(&t, &d);
    if (s != NT_OK) {
        Py_CLEAR(list);
        raise_status(s);
        goto done;
    }
    for (size_t i = 0; i < d.len; i++) {
        const nt_date *x = &d.items[i];
        PyObject *items[10];
        items[0] = PyUnicode_Substring(text, (Py_ssize_t)x->start, (Py_ssize_t)x->end);
        items[1] = PyLong_FromLongLong(x->start);
        items[2] = PyLong_FromLongLong(x->end);
        items[3] = date_object(st, x);
        items[4] = time_string(x, t.utf8, 0);
        items[5] = PyList_GET_ITEM(list, (Py_ssize_t)i); /* the zone: reference moves */
        items[6] = date_field_or_none(x->year, x->year != 0);
        items[7] = date_field_or_none(x->month, x->month != 0);
        items[8] = date_field_or_none(x->day, x->day != 0);
        items[9] = date_field_or_none(x->weekday, x->weekday != 0);
        PyList_SET_ITEM(list, (Py_ssize_t)i, NULL);
        PyObject *rec = make_record(st->DateSpan, 10, items);
        if (rec == NULL) {
            /* slot i is NULL, the others hold records or zones: list_dealloc frees them */
            Py_CLEAR(list);
            goto done;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, rec);
    }
done:
    nt_dates_free(&d);
    text_release(&t);
    return list;
}

/* Add item (a new reference, stolen) to list unless seen (a set) holds it. */
static int append_unique(PyObject *list, PyObject *seen, PyObject *item) {
    if (item == NULL) return -1;
    int has = PySet_Contains(seen, item);
    int r = has < 0 ? -1 : has ? 0 : PyList_Append(list, item);
    if (r == 0 && !has) r = PySet_Add(seen, item);
    Py_DECREF(item);
    return r;
}

/* The outlet's listed spelling (csrc/data/outlets.txt) from the article's
 * OUTLET field, looked up while its offsets are still bytes; NULL when there
 * is none or it is not listed. */
static const char *article_outlet(const char *utf8, const nt_article *a) {
    for (size_t i = 0; i < a->fields.len; i++)
        if (a->fields.kind[i] == NT_FIELD_OUTLET)
            return nt_outlet_name(utf8 + a->fields.start[i], (size_t)(a->fields.end[i] - a->fields.start[i]));
    return NULL;
}

PyDoc_STRVAR(clean_doc,
"clean($module, text, *, lang='auto')\n--\n\n-> Article\n\n"
"Clean a plain-text news scrape: label every line and extract metadata.\n\n"
"Returns Article(text, title, outlet, date, time, dateline, authors, editors,\n"
"agencies, url, lines).  text is the article's own text (body paragraphs and\n"
"section headings, stripped, joined with blank lines); lines are\n"
"Line(text, start, end, label) pieces that rebuild the input exactly, with\n"
"label in LINE_LABELS.  date is a datetime.date or None; time is 'HH:MM'\n"
"followed by the zone when one is written ('14:54 WIB').  lang is 'auto',\n"
"'id' or 'en' (it selects the stop words used as evidence).");

/* The Article record of a cleaned text: a's offsets in str indices, utf8 the
 * text's bytes (for the date's zone), outlet from article_outlet (shared
 * with batch()). */
static PyObject *article_object(module_state *st, PyObject *text, const char *utf8, const nt_article *a,
                                const char *outlet) {
    PyObject *lines = NULL, *body = NULL, *authors = NULL, *editors = NULL, *agencies = NULL;
    PyObject *seen[3] = {NULL, NULL, NULL};
    PyObject *single[NT_FIELD_COUNT] = {NULL};
    PyObject *result = NULL;
    lines = PyList_New((Py_ssize_t)a->pieces.len);
    body = PyList_New(0);
    authors = PyList_New(0);
    editors = PyList_New(0);
    agencies = PyList_New(0);
    seen[0] = PySet_New(NULL);
    seen[1] = PySet_New(NULL);
    seen[2] = PySet_New(NULL);
    if (!lines || !body || !authors || !editors || !agencies || !seen[0] || !seen[1] || !seen[2])
        goto done;
    for (size_t i = 0; i < a->pieces.len; i++) {
        PyObject *items[4];
        items[0] = PyUnicode_Substring(text, (Py_ssize_t)a->pieces.start[i], (Py_ssize_t)a->pieces.end[i]);
        items[1] = PyLong_FromLongLong(a->pieces.start[i]);
        items[2] = PyLong_FromLongLong(a->pieces.end[i]);
        items[3] = Py_NewRef(st->label_names[a->pieces.kind[i]]);
        if (items[0] != NULL && (a->pieces.kind[i] == NT_LINE_BODY || a->pieces.kind[i] == NT_LINE_HEADING)) {
            PyObject *stripped = PyObject_CallMethod(items[0], "strip", NULL);
            int r = stripped == NULL ? -1 : PyList_Append(body, stripped);
            Py_XDECREF(stripped);
            if (r < 0) {
                for (int k = 0; k < 4; k++) Py_XDECREF(items[k]);
                goto done;
            }
        }
        PyObject *rec = make_record(st->Line, 4, items);
        if (rec == NULL) goto done;
        PyList_SET_ITEM(lines, (Py_ssize_t)i, rec);
    }
    for (size_t i = 0; i < a->fields.len; i++) {
        int kind = a->fields.kind[i];
        PyObject *v = kind == NT_FIELD_OUTLET && outlet != NULL
                          ? PyUnicode_FromString(outlet)
                          : PyUnicode_Substring(text, (Py_ssize_t)a->fields.start[i], (Py_ssize_t)a->fields.end[i]);
        if (v == NULL) goto done;
        if (kind == NT_FIELD_AUTHOR || kind == NT_FIELD_EDITOR || kind == NT_FIELD_AGENCY) {
            int which = kind == NT_FIELD_AUTHOR ? 0 : kind == NT_FIELD_EDITOR ? 1 : 2;
            PyObject *dst = which == 0 ? authors : which == 1 ? editors : agencies;
            if (append_unique(dst, seen[which], v) < 0) goto done;
        } else if (kind > 0 && kind < NT_FIELD_COUNT && single[kind] == NULL) {
            single[kind] = v;
        } else {
            Py_DECREF(v);
        }
    }
    {
        PyObject *sep = PyUnicode_FromString("\n\n");
        if (sep == NULL) goto done;
        PyObject *joined = PyUnicode_Join(sep, body);
        Py_DECREF(sep);
        if (joined == NULL) goto done;
        PyObject *items[11];
        items[0] = joined;
        items[1] = single[NT_FIELD_TITLE] ? single[NT_FIELD_TITLE] : Py_NewRef(Py_None);
        items[2] = single[NT_FIELD_OUTLET] ? single[NT_FIELD_OUTLET] : Py_NewRef(Py_None);
        items[3] = date_object(st, &a->date);
        items[4] = time_string(&a->date, utf8, 1);
        items[5] = single[NT_FIELD_DATELINE] ? single[NT_FIELD_DATELINE] : Py_NewRef(Py_None);
        items[6] = authors;
        items[7] = editors;
        items[8] = agencies;
        items[9] = single[NT_FIELD_URL] ? single[NT_FIELD_URL] : Py_NewRef(Py_None);
        items[10] = lines;
        single[NT_FIELD_TITLE] = single[NT_FIELD_OUTLET] = single[NT_FIELD_DATELINE] =
            single[NT_FIELD_URL] = NULL;
        authors = editors = agencies = lines = NULL;
        result = make_record(st->Article, 11, items);
    }
done:
    for (int k = 0; k < NT_FIELD_COUNT; k++) Py_XDECREF(single[k]);
    Py_XDECREF(lines);
    Py_XDECREF(body);
    Py_XDECREF(authors);
    Py_XDECREF(editors);
    Py_XDECREF(agencies);
    for (int k = 0; k < 3; k++) Py_XDECREF(seen[k]);
    return result;
}

static PyObject *py_clean(PyObject *module, PyObject *args, PyObject *kwargs) {
    module_state *st = get_state(module);
    PyObject *text, *lang = NULL;
    if (!parse_text_lang(args, kwargs, "O|$O:clean", &text, &lang)) return NULL;
    text_in t;
    nt_lang lg;
    if (text_from_object(text, &t, "clean") < 0) return NULL;
    if (parse_lang(st, lang, &lg) < 0) {
        text_release(&t);
        return NULL;
    }
    nt_article a;
    nt_article_init(&a, &py_allocator);
    const char *outlet = NULL;
    PyObject *result = NULL;
    intr_ctx ic = {NULL};
    nt_interrupt intr = {check_signals, &ic};
    int release = t.len >= NT_GIL_RELEASE_BYTES;
    if (release) ic.ts = PyEval_SaveThread();
    nt_status s = nt_clean_run(t.utf8, (size_t)t.len, lg, &a, &intr);
    if (s == NT_OK) outlet = article_outlet(t.utf8, &a);
    if (s == NT_OK && !t.ascii) {
        nt_utf8_spans_to_units(t.utf8, (size_t)t.len, &a.pieces);
        nt_utf8_spans_to_units(t.utf8, (size_t)t.len, &a.fields);
    }
    if (release) PyEval_RestoreThread(ic.ts);
    if (s != NT_OK) raise_status(s);
    else result = article_object(st, text, t.utf8, &a, outlet);
    nt_article_free(&a);
    text_release(&t);
    return result;
}

/* ------------------------------------------------------ entities (quotes.c) */

PyDoc_STRVAR(entities_doc,
"entities($module, text, *, lang='auto')\n--\n\n-> list[Entity]\n\n"
"Named-entity mentions in text order, as Entity(text, start, end, canonical,\n"
"kind): the name as written (titles and roles left out: 'Putin' in\n"
"'Presiden Putin'), its str offsets, the canonical name it was merged under\n"
"(the longest name in the text holding it, names equal up to case and\n"
"hyphens merged: 'Vladimir Putin', 'Kim Jong Un'), and kind 'person',\n"
"'org' (acronyms, institutions, countries, outlets) or 'place' (a lone\n"
"name after di/ke/dari, in/at/from).  Sentence-opening capitalised common\n"
"words (Namun, The, Pedagang) are not entities.");

static PyObject *py_entities(PyObject *module, PyObject *args, PyObject *kwargs) {
    module_state *st = get_state(module);
    PyObject *text, *lang = NULL;
    if (!parse_text_lang(args, kwargs, "O|$O:entities", &text, &lang)) return NULL;
    text_in t;
    nt_lang lg;
    if (text_from_object(text, &t, "entities") < 0) return NULL;
    if (parse_lang(st, lang, &lg) < 0) {
        text_release(&t);
        return NULL;
    }
    const nt_tokenizer *tok = pick_tokenizer(st, lg, &t);
    nt_entities es;
    nt_entities_init(&es, &py_allocator);
    intr_ctx ic = {NULL};
    nt_interrupt intr = {check_signals, &ic};
    int release = t.len >= NT_GIL_RELEASE_BYTES;
    if (release) ic.ts = PyEval_SaveThread();
    nt_status s = nt_entities_extract(tok, t.utf8, (size_t)t.len, &es, &intr);
    if (s == NT_OK && !t.ascii) s = nt_entities_to_units(t.utf8, (size_t)t.len, &es);
    if (release) PyEval_RestoreThread(ic.ts);
    PyObject *list = NULL;
    if (s != NT_OK) {
        raise_status(s);
        goto done;
    }
    list = PyList_New((Py_ssize_t)es.len);
    for (size_t i = 0; list != NULL && i < es.len; i++) {
        const nt_entity *x = &es.items[i];
        PyObject *items[5];
        items[0] = PyUnicode_Substring(text, (Py_ssize_t)x->start, (Py_ssize_t)x->end);
        items[1] = PyLong_FromLongLong(x->start);
        items[2] = PyLong_FromLongLong(x->end);
        items[3] = PyUnicode_Substring(text, (Py_ssize_t)x->canon_start, (Py_ssize_t)x->canon_end);
        items[4] = PyUnicode_InternFromString(nt_entity_kind_name(x->kind));
        PyObject *rec = make_record(st->Entity, 5, items);
        if (rec == NULL) Py_CLEAR(list);
        else PyList_SET_ITEM(list, (Py_ssize_t)i, rec);
    }
done:
    nt_entities_free(&es);
    text_release(&t);
    return list;
}

/* ------------------------------------------------ near-duplicates (similar.c) */

PyDoc_STRVAR(duplicates_doc,
"duplicates($module, texts, *, threshold=0.8, shingle=3, num_perm=128, seed=1,\n"
"           lang='auto', exact=False, groups=None, min_shingles=1)\n--\n\n"
"-> list[Duplicate]\n\n"
"Pairs of near-duplicate texts: Duplicate(a, b, similarity) with a < b the\n"
"indices of the texts, ordered by (a, b).  similarity is the exact Jaccard\n"
"index of the two texts' sets of word shingles (shingle consecutive tokens,\n"
"lower-cased, punctuation and quote marks left out); pairs at or above\n"
"threshold are found by MinHash (num_perm seeded hash functions) with LSH\n"
"banding, then verified exactly, so there are no false positives and a pair\n"
"at the threshold is missed with probability <= 0.005.  exact=True finds\n"
"every pair instead (a prefix-filter join, no signatures).  groups: one int\n"
"per text, only texts of different groups are paired.  Texts with fewer than\n"
"min_shingles distinct shingles (and texts without words) are in no pair.\n"
"lang is 'auto', 'id', 'en' or a sequence of those, one per text.");

static PyObject *py_duplicates(PyObject *module, PyObject *args, PyObject *kwargs) {
    static const char *kws[] = {"texts", "threshold", "shingle", "num_perm", "seed", "lang",
                                "exact", "groups", "min_shingles", NULL};
    module_state *st = get_state(module);
    PyObject *texts, *thr_obj = NULL, *lang = NULL, *groups_obj = Py_None;
    Py_ssize_t shingle = 3, num_perm = 128, min_shingles = 1;
    unsigned long long seed = 1;
    int exact = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$OnnKOpOn:duplicates", (char **)kws, &texts, &thr_obj,
                                     &shingle, &num_perm, &seed, &lang, &exact, &groups_obj, &min_shingles))
        return NULL;
    double threshold = 0.8;
    if (thr_obj != NULL) {
        if (PyBool_Check(thr_obj) || !(PyFloat_Check(thr_obj) || PyLong_Check(thr_obj)))
            return PyErr_Format(PyExc_TypeError, "threshold must be a number, not %.100s",
                                Py_TYPE(thr_obj)->tp_name);
        threshold = PyFloat_AsDouble(thr_obj);
        if (threshold == -1.0 && PyErr_Occurred()) return NULL;
    }
    if (!(threshold > 0.0 && threshold <= 1.0))
        return PyErr_Format(PyExc_ValueError, "threshold must be in (0, 1], not %R", thr_obj);
    if (shingle < 1 || shingle > (Py_ssize_t)NT_SIM_MAX_SHINGLE)
        return PyErr_Format(PyExc_ValueError, "shingle must be in 1..%u, not %zd", NT_SIM_MAX_SHINGLE, shingle);
    if (num_perm < 1 || num_perm > (Py_ssize_t)NT_SIM_MAX_PERM)
        return PyErr_Format(PyExc_ValueError, "num_perm must be in 1..%u, not %zd", NT_SIM_MAX_PERM, num_perm);
    if (min_shingles < 0)
        return PyErr_Format(PyExc_ValueError, "min_shingles must be >= 0, not %zd", min_shingles);
    texts_in ts;
    if (texts_from_object(texts, &ts, "duplicates") < 0) return NULL;
    PyObject *result = NULL, *langs = NULL, *gseq = NULL;
    nt_simindex *ix = NULL;
    nt_simpairs pairs;
    nt_simpairs_init(&pairs, &py_allocator);
    const nt_tokenizer **toks = PyMem_Calloc(ts.n ? (size_t)ts.n : 1, sizeof(*toks));
    uint32_t *groups = NULL;
    if (toks == NULL) {
        PyErr_NoMemory();
        goto out;
    }
    /* lang: one for all, or one per text */
    if (lang != NULL && !PyUnicode_Check(lang)) {
        langs = PySequence_Fast(lang, "lang must be 'auto', 'id', 'en' or a sequence of those");
        if (langs == NULL) goto out;
        if (PySequence_Fast_GET_SIZE(langs) != ts.n) {
            PyErr_Format(PyExc_ValueError, "got %zd langs for %zd texts", PySequence_Fast_GET_SIZE(langs), ts.n);
            goto out;
        }
    }
    for (Py_ssize_t i = 0; i < ts.n; i++) {
        nt_lang lg;
        if (parse_lang(st, langs ? PySequence_Fast_GET_ITEM(langs, i) : lang, &lg) < 0) goto out;
        toks[i] = pick_tokenizer(st, lg, &ts.t[i]);
    }
    if (ts.n == 0) {
        nt_lang lg; /* still check a lone lang */
        if (langs == NULL && parse_lang(st, lang, &lg) < 0) goto out;
    }
    if (groups_obj != Py_None) {
        gseq = PySequence_Fast(groups_obj, "groups must be a sequence of int");
        if (gseq == NULL) goto out;
        if (PySequence_Fast_GET_SIZE(gseq) != ts.n) {
            PyErr_Format(PyExc_ValueError, "got %zd groups for %zd texts", PySequence_Fast_GET_SIZE(gseq), ts.n);
            goto out;
        }
        groups = PyMem_Calloc(ts.n ? (size_t)ts.n : 1, sizeof(uint32_t));
        if (groups == NULL) {
            PyErr_NoMemory();
            goto out;
        }
        for (Py_ssize_t i = 0; i < ts.n; i++) {
            PyObject *g = PySequence_Fast_GET_ITEM(gseq, i);
            if (!PyLong_Check(g) || PyBool_Check(g)) {
                PyErr_Format(PyExc_TypeError, "groups[%zd] must be int, not %.100s", i, Py_TYPE(g)->tp_name);
                goto out;
            }
            unsigned long v = PyLong_AsUnsignedLong(g);
            if (PyErr_Occurred() || v > UINT32_MAX) {
                PyErr_Clear();
                PyErr_Format(PyExc_ValueError, "groups[%zd] must be in 0..%lu", i, (unsigned long)UINT32_MAX);
                goto out;
            }
            groups[i] = (uint32_t)v;
        }
    }
    nt_simopts o;
    nt_simopts_init(&o);
    o.shingle = (unsigned)shingle;
    o.num_perm = exact ? 1u : (unsigned)num_perm; /* the exact join uses no signatures */
    o.seed = (uint64_t)seed;
    nt_status s = nt_simindex_new(&o, &py_allocator, &ix);
    if (s != NT_OK) {
        raise_status(s);
        goto out;
    }
    Py_ssize_t total = 0;
    for (Py_ssize_t i = 0; i < ts.n; i++) total += ts.t[i].len;
    {
        nt_simfilter f = {groups, (size_t)min_shingles};
        intr_ctx ic = {NULL};
        nt_interrupt intr = {check_signals, &ic};
        int release = total >= NT_GIL_RELEASE_BYTES;
        if (release) ic.ts = PyEval_SaveThread();
        for (Py_ssize_t i = 0; i < ts.n && s == NT_OK; i++) {
            if ((i & 255) == 255 && check_signals(&ic)) s = NT_EINTR;
            else s = nt_simindex_add(ix, toks[i], ts.t[i].utf8, (size_t)ts.t[i].len, &intr);
        }
        if (s == NT_OK)
            s = exact ? nt_simindex_join(ix, threshold, &f, &pairs, &intr)
                      : nt_simindex_pairs(ix, threshold, &f, &pairs, &intr);
        if (release) PyEval_RestoreThread(ic.ts);
    }
    if (s != NT_OK) {
        raise_status(s);
        goto out;
    }
    result = PyList_New((Py_ssize_t)pairs.len);
    for (size_t i = 0; result != NULL && i < pairs.len; i++) {
        PyObject *items[3] = {PyLong_FromUnsignedLong(pairs.items[i].a), PyLong_FromUnsignedLong(pairs.items[i].b),
                              PyFloat_FromDouble(pairs.items[i].similarity)};
        PyObject *rec = make_record(st->Duplicate, 3, items);
        if (rec == NULL) Py_CLEAR(result);
        else PyList_SET_ITEM(result, (Py_ssize_t)i, rec);
    }
out:
    nt_simpairs_free(&pairs);
    nt_simindex_free(ix);
    PyMem_Free(toks);
    PyMem_Free(groups);
    Py_XDECREF(langs);
    Py_XDECREF(gseq);
    texts_release(&ts);
    return result;
}

/* ----------------------------------------------------------------- batch */

/* The calling thread's poll while nt_batch_run's workers run: take the
 * GIL, run signal handlers (Ctrl-C), report progress, give the GIL back.
 * A raised exception (KeyboardInterrupt, or one from the progress callback)
 * cancels the batch and is re-raised by batch(). */
typedef struct {
    PyThreadState *ts;
    PyObject *progress; /* callable(done, total) or NULL */
} batch_poll_ctx;

static int batch_poll(void *p, size_t done, size_t n) {
    batch_poll_ctx *c = p;
    PyEval_RestoreThread(c->ts);
    int stop = PyErr_CheckSignals() != 0;
    if (!stop && c->progress != NULL) {
        PyObject *r = PyObject_CallFunction(c->progress, "nn", (Py_ssize_t)done, (Py_ssize_t)n);
        stop = r == NULL;
        Py_XDECREF(r);
    }
    c->ts = PyEval_SaveThread();
    return stop;
}

static const struct {
    const char *name, *key; /* task name, key of its result */
    unsigned bit;
} batch_tasks[] = {{"clean", "article", NT_BATCH_CLEAN},
                   {"tokens", "tokens", NT_BATCH_TOKENS},
                   {"sentences", "sentences", NT_BATCH_SENTENCES},
                   {"quotes", "quotes", NT_BATCH_QUOTES},
                   {"keywords", "keywords", NT_BATCH_KEYWORDS},
                   {"counts", "n_tokens", NT_BATCH_COUNTS}};
#define N_BATCH_TASKS (sizeof batch_tasks / sizeof batch_tasks[0])

static int parse_tasks(PyObject *obj, unsigned *out) {
    *out = 0;
    if (obj == NULL) return 0;
    if (PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "tasks must be a collection of task names, not a str");
        return -1;
    }
    PyObject *seq = PySequence_Fast(obj, "tasks must be a collection of task names");
    if (seq == NULL) return -1;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        size_t k = 0;
        if (PyUnicode_Check(item))
            for (; k < N_BATCH_TASKS; k++)
                if (PyUnicode_CompareWithASCIIString(item, batch_tasks[k].name) == 0) break;
        if (!PyUnicode_Check(item) || k == N_BATCH_TASKS) {
            PyErr_Format(PyExc_ValueError,
                         "unknown batch task %R (tasks: 'clean', 'tokens', 'sentences', 'quotes', "
                         "'keywords', 'counts')",
                         item);
            Py_DECREF(seq);
            return -1;
        }
        *out |= batch_tasks[k].bit;
    }
    Py_DECREF(seq);
    return 0;
}

/* n languages from None, one lang for all, or a sequence of n. */
static int parse_langs(module_state *st, PyObject *obj, Py_ssize_t n, nt_lang *out) {
    if (obj == NULL || obj == Py_None || PyUnicode_Check(obj)) {
        nt_lang lg = NT_LANG_AUTO;
        if (obj != NULL && obj != Py_None && parse_lang(st, obj, &lg) < 0) return -1;
        for (Py_ssize_t i = 0; i < n; i++) out[i] = lg;
        return 0;
    }
    PyObject *seq = PySequence_Fast(obj, "langs must be None, a lang or a sequence of langs");
    if (seq == NULL) return -1;
    int r = 0;
    if (PySequence_Fast_GET_SIZE(seq) != n) {
        PyErr_Format(PyExc_ValueError, "got %zd langs for %zd texts", PySequence_Fast_GET_SIZE(seq), n);
        r = -1;
    }
    for (Py_ssize_t i = 0; r == 0 && i < n; i++) r = parse_lang(st, PySequence_Fast_GET_ITEM(seq, i), &out[i]);
    Py_DECREF(seq);
    return r;
}

/* The CPUs this process may run on (os.sched_getaffinity, else os.cpu_count). */
static Py_ssize_t usable_cpus(void) {
    PyObject *os = PyImport_ImportModule("os");
    if (os == NULL) return -1;
    PyObject *r = PyObject_HasAttrString(os, "sched_getaffinity")
                      ? PyObject_CallMethod(os, "sched_getaffinity", "i", 0)
                      : PyObject_CallMethod(os, "cpu_count", NULL);
    Py_DECREF(os);
    if (r == NULL) return -1;
    Py_ssize_t n = r == Py_None ? 1 : PyLong_Check(r) ? PyLong_AsSsize_t(r) : PyObject_Length(r);
    Py_DECREF(r);
    return n < 1 && !PyErr_Occurred() ? 1 : n;
}

/* The results of one document as a dict. */
static PyObject *batch_doc_dict(module_state *st, PyObject *text, const text_in *t, const nt_batch_doc *d,
                                unsigned tasks) {
    PyObject *dict = PyDict_New();
    if (dict == NULL) return NULL;
    for (size_t k = 0; k < N_BATCH_TASKS; k++) {
        unsigned bit = batch_tasks[k].bit;
        if (!(tasks & bit)) continue;
        if (bit == NT_BATCH_COUNTS) {
            PyObject *nt = PyLong_FromSize_t(d->n_tokens), *ns = PyLong_FromSize_t(d->n_sentences);
            int r = nt == NULL || ns == NULL || PyDict_SetItemString(dict, "n_tokens", nt) < 0 ||
                            PyDict_SetItemString(dict, "n_sentences", ns) < 0
                        ? -1
                        : 0;
            Py_XDECREF(nt);
            Py_XDECREF(ns);
            if (r < 0) {
                Py_DECREF(dict);
                return NULL;
            }
            continue;
        }
        PyObject *x = bit == NT_BATCH_CLEAN       ? article_object(st, text, t->utf8, &d->article, d->outlet)
                      : bit == NT_BATCH_TOKENS    ? tokens_list(st, text, &d->tokens)
                      : bit == NT_BATCH_SENTENCES ? spans_list(st, text, &d->sentences)
                      : bit == NT_BATCH_QUOTES    ? quotes_list(st, text, &d->quotes)
                                                  : keywords_list(st, &d->keywords);
        int r = x == NULL ? -1 : PyDict_SetItemString(dict, batch_tasks[k].key, x);
        Py_XDECREF(x);
        if (r < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    }
    if (PyDict_SetItemString(dict, "lang", d->lang == NT_LANG_EN ? st->str_en : st->str_id) < 0) {
        Py_DECREF(dict);
        return NULL;
    }
    return dict;
}

PyDoc_STRVAR(batch_doc,
"batch($module, texts, /, *, tasks=(), langs=None, n_jobs=1, keywords=None,\n"
"      progress=None, chunk=1)\n--\n\n"
"-> list[dict]\n\n"
"Run tasks over many texts on n_jobs C threads with the GIL released.\n\n"
"tasks: any of 'clean', 'tokens', 'sentences', 'quotes', 'keywords',\n"
"'counts'.  Each\n"
"text gets a dict with 'lang' ('id' or 'en') and its results, equal to\n"
"what the functions give for that text and lang: 'article' (clean()),\n"
"'tokens', 'sentences', 'quotes', 'keywords' (keywords(**keywords)),\n"
"'n_tokens' and 'n_sentences' ('counts': the lengths of tokens() and\n"
"sentences(), without building their records).  langs: None or 'auto' (detect each text),\n"
"'id', 'en', or one per text.  keywords: a dict of keywords() options\n"
"(not text or lang).  n_jobs: threads, >= 1, or -1 for every usable CPU\n"
"(never more threads than texts).  chunk: texts a thread takes at a time.\n"
"progress: callable(done, total), called from the calling thread about\n"
"every 50 ms and once at the end.  Ctrl-C (or an exception from progress)\n"
"stops the workers between texts (within a long one at its next 1 MiB)\n"
"and is raised here.  Raises TypeError for a non-str text (naming its\n"
"index) and ValueError for bad options.");

static PyObject *py_batch(PyObject *module, PyObject *args, PyObject *kwargs) {
    static const char *kws[] = {"", "tasks", "langs", "n_jobs", "keywords", "progress", "chunk", NULL};
    module_state *st = get_state(module);
    PyObject *texts, *tasks_obj = NULL, *langs_obj = NULL, *jobs_obj = NULL, *kw_obj = Py_None,
                     *progress = Py_None;
    Py_ssize_t chunk = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$OOOOOn:batch", (char **)kws, &texts, &tasks_obj,
                                     &langs_obj, &jobs_obj, &kw_obj, &progress, &chunk))
        return NULL;
    unsigned tasks;
    if (parse_tasks(tasks_obj, &tasks) < 0) return NULL;
    Py_ssize_t jobs = 1;
    if (jobs_obj != NULL && jobs_obj != Py_None) {
        if (!PyLong_Check(jobs_obj) || PyBool_Check(jobs_obj))
            return PyErr_Format(PyExc_TypeError, "n_jobs must be an int, not %.100s", Py_TYPE(jobs_obj)->tp_name);
        jobs = PyLong_AsSsize_t(jobs_obj);
        if (jobs == -1 && PyErr_Occurred()) return NULL;
        if (jobs == 0 || jobs < -1)
            return PyErr_Format(PyExc_ValueError, "n_jobs must be >= 1, or -1 for every CPU, not %zd", jobs);
        if (jobs == -1 && (jobs = usable_cpus()) < 0) return NULL;
    }
    if (chunk < 1) return PyErr_Format(PyExc_ValueError, "chunk must be >= 1, not %zd", chunk);
    if (progress != Py_None && !PyCallable_Check(progress))
        return PyErr_Format(PyExc_TypeError, "progress must be callable or None, not %.100s",
                            Py_TYPE(progress)->tp_name);
    if (kw_obj != Py_None && !PyDict_Check(kw_obj))
        return PyErr_Format(PyExc_TypeError, "keywords must be a dict of keywords() options, not %.100s",
                            Py_TYPE(kw_obj)->tp_name);
    if (PyUnicode_Check(texts) || PyBytes_Check(texts))
        return PyErr_Format(PyExc_TypeError, "batch() argument 'texts' must be a collection of str, not %.100s",
                            Py_TYPE(texts)->tp_name);

    /* a private tuple: a progress callback cannot change the texts under the workers */
    PyObject *tup = PySequence_Tuple(texts);
    if (tup == NULL) return NULL;
    texts_in ts = {NULL, NULL, 0};
    kw_args ka = {0};
    nt_lang *langs = NULL;
    const char **utf8 = NULL;
    size_t *lens = NULL;
    nt_batch_doc *docs = NULL;
    PyObject *result = NULL;
    Py_ssize_t n = 0;
    if (texts_from_object(tup, &ts, "batch") < 0) goto out;
    n = ts.n;
    size_t m = n ? (size_t)n : 1;
    langs = PyMem_Calloc(m, sizeof *langs);
    utf8 = PyMem_Calloc(m, sizeof *utf8);
    lens = PyMem_Calloc(m, sizeof *lens);
    docs = PyMem_Calloc(m, sizeof *docs);
    if (!langs || !utf8 || !lens || !docs) {
        PyMem_Free(docs); /* not initialised: nothing in it to free */
        docs = NULL;
        PyErr_NoMemory();
        goto out;
    }
    nt_batch_docs_init(docs, (size_t)n, &py_allocator);
    if (parse_langs(st, langs_obj, n, langs) < 0) goto out;
    nt_keywords_opts kw_id, kw_en;
    if (tasks & NT_BATCH_KEYWORDS) {
        PyObject *empty = PyTuple_New(0), *kw_lang = NULL;
        int r = empty == NULL ? -1 : kw_args_parse(empty, kw_obj == Py_None ? NULL : kw_obj, NULL, &kw_lang, &ka);
        Py_XDECREF(empty);
        if (r < 0) goto out;
        if (kw_lang != NULL) {
            PyErr_SetString(PyExc_ValueError, "batch(): give the language as langs=, not in keywords=");
            goto out;
        }
        kw_args_opts(&ka, NT_LANG_ID, &kw_id);
        kw_args_opts(&ka, NT_LANG_EN, &kw_en);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        utf8[i] = ts.t[i].utf8;
        lens[i] = (size_t)ts.t[i].len;
    }
    {
        nt_batch_opts o;
        memset(&o, 0, sizeof o);
        o.tasks = tasks | NT_BATCH_UNITS;
        o.langs = langs;
        o.tok_id = st->tok_id;
        o.tok_en = st->tok_en;
        o.kw_id = &kw_id;
        o.kw_en = &kw_en;
        o.threads = (size_t)jobs;
        if (o.threads > NT_BATCH_MAX_THREADS) o.threads = NT_BATCH_MAX_THREADS;
        o.chunk = (size_t)chunk;
        batch_poll_ctx pc = {NULL, progress == Py_None ? NULL : progress};
        o.poll = batch_poll;
        o.poll_ctx = &pc;
        o.alloc = &py_allocator;
        pc.ts = PyEval_SaveThread();
        nt_status s = nt_batch_run(utf8, lens, (size_t)n, &o, docs);
        PyEval_RestoreThread(pc.ts);
        if (s != NT_OK) {
            raise_status(s);
            goto out;
        }
    }
    result = PyList_New(n);
    for (Py_ssize_t i = 0; result != NULL && i < n; i++) {
        PyObject *d = (i & 63) == 63 && PyErr_CheckSignals() < 0
                          ? NULL
                          : batch_doc_dict(st, PyTuple_GET_ITEM(tup, i), &ts.t[i], &docs[i], tasks);
        if (d == NULL) Py_CLEAR(result);
        else PyList_SET_ITEM(result, i, d);
    }
out:
    if (docs) nt_batch_docs_free(docs, (size_t)n);
    PyMem_Free(docs);
    PyMem_Free(lens);
    PyMem_Free(utf8);
    PyMem_Free(langs);
    kw_args_release(&ka);
    texts_release(&ts);
    Py_DECREF(tup);
    return result;
}

static PyMethodDef core_methods[] = {
    {"tokens", (PyCFunction)(void (*)(void))py_tokens, METH_VARARGS | METH_KEYWORDS, tokens_doc},
    {"tokenize", (PyCFunction)(void (*)(void))py_tokenize, METH_VARARGS | METH_KEYWORDS, tokenize_doc},
    {"token_spans", (PyCFunction)(void (*)(void))py_token_spans, METH_VARARGS | METH_KEYWORDS,
     token_spans_doc},
    {"sentences", (PyCFunction)(void (*)(void))py_sentences, METH_VARARGS | METH_KEYWORDS,
     sentences_doc},
    {"detect_lang", (PyCFunction)(void (*)(void))py_detect_lang, METH_VARARGS | METH_KEYWORDS,
     detect_lang_doc},
    {"keywords", (PyCFunction)(void (*)(void))py_keywords, METH_VARARGS | METH_KEYWORDS, keywords_doc},
    {"_wordlist", (PyCFunction)py_wordlist, METH_VARARGS, wordlist_doc},
    {"stem", (PyCFunction)(void (*)(void))py_stem, METH_VARARGS | METH_KEYWORDS, stem_doc},
    {"tfidf", (PyCFunction)(void (*)(void))py_tfidf, METH_VARARGS | METH_KEYWORDS, tfidf_doc},
    {"distinctive", (PyCFunction)(void (*)(void))py_distinctive, METH_VARARGS | METH_KEYWORDS,
     distinctive_doc},
    {"quotes", (PyCFunction)(void (*)(void))py_quotes, METH_VARARGS | METH_KEYWORDS, quotes_doc},
    {"dates", (PyCFunction)(void (*)(void))py_dates, METH_VARARGS | METH_KEYWORDS, dates_doc},
    {"clean", (PyCFunction)(void (*)(void))py_clean, METH_VARARGS | METH_KEYWORDS, clean_doc},
    /* entities and near-duplicates */
    {"entities", (PyCFunction)(void (*)(void))py_entities, METH_VARARGS | METH_KEYWORDS, entities_doc},
    {"duplicates", (PyCFunction)(void (*)(void))py_duplicates, METH_VARARGS | METH_KEYWORDS, duplicates_doc},
    {"batch", (PyCFunction)(void (*)(void))py_batch, METH_VARARGS | METH_KEYWORDS, batch_doc},
    FAULT_METHODS
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------- lifecycle */

static int core_exec(PyObject *module) {
    module_state *st = get_state(module);
    PyObject *records = PyImport_ImportModule("newstext._records");
    if (records == NULL) return -1;
    st->Token = PyObject_GetAttrString(records, "Token");
    st->Span = PyObject_GetAttrString(records, "Span");
    st->TokenSpans = PyObject_GetAttrString(records, "TokenSpans");
    st->Keyword = PyObject_GetAttrString(records, "Keyword");
    st->TfIdf = PyObject_GetAttrString(records, "TfIdf");
    st->Distinctive = PyObject_GetAttrString(records, "Distinctive");
    Py_DECREF(records);
    if (!st->Token || !st->Span || !st->TokenSpans || !st->Keyword || !st->TfIdf || !st->Distinctive)
        return -1;
    st->Column = (PyTypeObject *)PyType_FromModuleAndSpec(module, &column_spec, NULL);
    if (st->Column == NULL) return -1;
    st->RootList = (PyTypeObject *)PyType_FromModuleAndSpec(module, &rootlist_spec, NULL);
    if (st->RootList == NULL) return -1;
    Py_INCREF(st->RootList);
    if (PyModule_AddObject(module, "RootList", (PyObject *)st->RootList) < 0) {
        Py_DECREF(st->RootList);
        return -1;
    }

    PyObject *kinds = PyTuple_New(NT_TOK_KIND_COUNT);
    if (kinds == NULL) return -1;
    for (int k = 0; k < NT_TOK_KIND_COUNT; k++) {
        st->kind_names[k] = PyUnicode_InternFromString(nt_token_kind_name(k));
        if (st->kind_names[k] == NULL) {
            Py_DECREF(kinds);
            return -1;
        }
        PyTuple_SET_ITEM(kinds, k, Py_NewRef(st->kind_names[k]));
    }
    if (PyModule_AddObject(module, "TOKEN_KINDS", kinds) < 0) {
        Py_DECREF(kinds);
        return -1;
    }
    st->str_id = PyUnicode_InternFromString("id");
    st->str_en = PyUnicode_InternFromString("en");
    st->str_auto = PyUnicode_InternFromString("auto");
    st->str_lower = PyUnicode_InternFromString("lower");
    if (!st->str_id || !st->str_en || !st->str_auto || !st->str_lower) return -1;

    nt_status s = nt_tokenizer_new(NT_LANG_ID, 0, &py_allocator, &st->tok_id);
    if (s == NT_OK) s = nt_tokenizer_new(NT_LANG_EN, 0, &py_allocator, &st->tok_en);
    if (s != NT_OK) {
        raise_status(s);
        return -1;
    }
    records = PyImport_ImportModule("newstext._records");
    if (records == NULL) return -1;
    st->Quote = PyObject_GetAttrString(records, "Quote");
    Py_DECREF(records);
    if (st->Quote == NULL) return -1;
    for (int k = 0; k < NT_QUOTE_KIND_COUNT; k++) {
        st->quote_kind_names[k] = PyUnicode_InternFromString(nt_quote_kind_name(k));
        if (st->quote_kind_names[k] == NULL) return -1;
    }
    if (PyModule_AddStringConstant(module, "UNICODE_VERSION", nt_unicode_version()) < 0) return -1;
    if (PyModule_AddStringConstant(module, "CORE_VERSION", nt_version()) < 0) return -1;
    /* dates and clean */
    PyObject *clean_records = PyImport_ImportModule("newstext._records");
    if (clean_records == NULL) return -1;
    st->DateSpan = PyObject_GetAttrString(clean_records, "DateSpan");
    st->Line = PyObject_GetAttrString(clean_records, "Line");
    st->Article = PyObject_GetAttrString(clean_records, "Article");
    Py_DECREF(clean_records);
    if (!st->DateSpan || !st->Line || !st->Article) return -1;
    PyObject *dt = PyImport_ImportModule("datetime");
    if (dt == NULL) return -1;
    st->date_cls = PyObject_GetAttrString(dt, "date");
    Py_DECREF(dt);
    if (st->date_cls == NULL) return -1;
    PyObject *labels = PyTuple_New(NT_LINE_LABEL_COUNT);
    if (labels == NULL) return -1;
    for (int k = 0; k < NT_LINE_LABEL_COUNT; k++) {
        st->label_names[k] = PyUnicode_InternFromString(nt_line_label_name(k));
        if (st->label_names[k] == NULL) {
            Py_DECREF(labels);
            return -1;
        }
        PyTuple_SET_ITEM(labels, k, Py_NewRef(st->label_names[k]));
    }
    if (PyModule_AddObject(module, "LINE_LABELS", labels) < 0) {
        Py_DECREF(labels);
        return -1;
    }
    /* entities and near-duplicates */
    PyObject *ed_records = PyImport_ImportModule("newstext._records");
    if (ed_records == NULL) return -1;
    st->Entity = PyObject_GetAttrString(ed_records, "Entity");
    st->Duplicate = PyObject_GetAttrString(ed_records, "Duplicate");
    Py_DECREF(ed_records);
    if (!st->Entity || !st->Duplicate) return -1;
    return 0;
}

static int core_traverse(PyObject *module, visitproc visit, void *arg) {
    module_state *st = get_state(module);
    Py_VISIT(st->Token);
    Py_VISIT(st->Span);
    Py_VISIT(st->TokenSpans);
    Py_VISIT(st->Column);
    Py_VISIT(st->Keyword);
    Py_VISIT(st->TfIdf);
    Py_VISIT(st->RootList);
    Py_VISIT(st->Distinctive);
    Py_VISIT(st->Quote);
    Py_VISIT(st->DateSpan);
    Py_VISIT(st->Line);
    Py_VISIT(st->Article);
    Py_VISIT(st->date_cls);
    Py_VISIT(st->Entity);
    Py_VISIT(st->Duplicate);
    return 0;
}

static int core_clear(PyObject *module) {
    module_state *st = get_state(module);
    Py_CLEAR(st->Token);
    Py_CLEAR(st->Span);
    Py_CLEAR(st->TokenSpans);
    Py_CLEAR(st->Column);
    Py_CLEAR(st->Keyword);
    Py_CLEAR(st->TfIdf);
    Py_CLEAR(st->RootList);
    Py_CLEAR(st->Distinctive);
    for (int k = 0; k < NT_TOK_KIND_COUNT; k++) Py_CLEAR(st->kind_names[k]);
    Py_CLEAR(st->str_id);
    Py_CLEAR(st->str_en);
    Py_CLEAR(st->str_auto);
    Py_CLEAR(st->str_lower);
    Py_CLEAR(st->Quote);
    for (int k = 0; k < NT_QUOTE_KIND_COUNT; k++) Py_CLEAR(st->quote_kind_names[k]);
    Py_CLEAR(st->DateSpan);
    Py_CLEAR(st->Line);
    Py_CLEAR(st->Article);
    Py_CLEAR(st->date_cls);
    for (int k = 0; k < NT_LINE_LABEL_COUNT; k++) Py_CLEAR(st->label_names[k]);
    Py_CLEAR(st->Entity);
    Py_CLEAR(st->Duplicate);
    return 0;
}

static void core_free(void *module) {
    module_state *st = get_state((PyObject *)module);
    core_clear((PyObject *)module);
    nt_tokenizer_free(st->tok_id);
    nt_tokenizer_free(st->tok_en);
    st->tok_id = NULL;
    st->tok_en = NULL;
    spares_release(); /* only a cache: another instance just maps afresh */
}

static PyModuleDef_Slot core_slots[] = {
    {Py_mod_exec, core_exec},
    {0, NULL},
};

PyDoc_STRVAR(core_doc, "newstext._core: the binding of the newstext C core.");

static struct PyModuleDef core_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "newstext._core",
    .m_doc = core_doc,
    .m_size = sizeof(module_state),
    .m_methods = core_methods,
    .m_slots = core_slots,
    .m_traverse = core_traverse,
    .m_clear = core_clear,
    .m_free = core_free,
};

PyMODINIT_FUNC PyInit__core(void) { return PyModuleDef_Init(&core_module); }
