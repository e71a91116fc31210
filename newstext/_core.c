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
    PyObject *str_id, *str_en, *str_auto;
    nt_tokenizer *tok_id, *tok_en;
    PyObject *Quote;      /* newstext._records.Quote */
    PyObject *quote_kind_names[NT_QUOTE_KIND_COUNT];
} module_state;

static inline module_state *get_state(PyObject *module) {
    return (module_state *)PyModule_GetState(module);
}

/* The core allocates through Python's raw allocator: thread-safe without the
 * GIL, and visible to tracemalloc. */
static void *raw_malloc(void *ctx, size_t n) {
    (void)ctx;
    return PyMem_RawMalloc(n);
}
static void *raw_realloc(void *ctx, void *p, size_t old, size_t n) {
    (void)ctx;
    (void)old;
    return PyMem_RawRealloc(p, n);
}
static void raw_free(void *ctx, void *p, size_t n) {
    (void)ctx;
    (void)n;
    PyMem_RawFree(p);
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

/* Run tokenizer (and optionally the splitter) with the GIL released on large
 * input.  Offsets in *toks (and *sents) are converted to str indices. */
static nt_status run_core(const nt_tokenizer *tok, const text_in *t, nt_spans *toks,
                          nt_spans *sents) {
    intr_ctx ic = {NULL};
    nt_interrupt intr = {check_signals, &ic};
    nt_status s;
    int release = t->len >= NT_GIL_RELEASE_BYTES;
    if (release) ic.ts = PyEval_SaveThread();
    s = nt_tokenizer_run(tok, t->utf8, (size_t)t->len, toks, &intr);
    if (s == NT_OK && sents != NULL)
        s = nt_sentences_split(tok, t->utf8, (size_t)t->len, toks, sents, &intr);
    if (s == NT_OK && !t->ascii) {
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
    return rec;
}

/* --------------------------------------------------------------- Column */

/* A read-only one-dimensional buffer that owns memory from the core. */
typedef struct {
    PyObject_HEAD
    void *data;
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
    PyMem_RawFree(c->data);
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

/* Wrap data (taken over: freed with PyMem_RawFree) in a memoryview. */
static PyObject *column_view(module_state *st, void *data, Py_ssize_t len, Py_ssize_t itemsize,
                             const char *format) {
    Column *c = PyObject_New(Column, st->Column);
    if (c == NULL) {
        PyMem_RawFree(data);
        return NULL;
    }
    Py_INCREF(st->Column); /* heap type instances own a reference to it */
    c->data = data;
    c->len = len;
    c->itemsize = itemsize;
    c->format = format;
    PyObject *mv = PyMemoryView_FromObject((PyObject *)c);
    Py_DECREF(c);
    return mv;
}

/* ------------------------------------------------------------- functions */

static const char *kw_lang[] = {"text", "lang", NULL};

static int parse_text_lang(PyObject *args, PyObject *kwargs, const char *fmt, PyObject **text,
                           PyObject **lang) {
    return PyArg_ParseTupleAndKeywords(args, kwargs, fmt, (char **)kw_lang, text, lang);
}

PyDoc_STRVAR(tokens_doc,
"tokens(text, *, lang='auto') -> list[Token]\n--\n\n"
"Tokens of text as Token(text, start, end, kind), in text order.\n\n"
"Offsets are str indices (text[t.start:t.end] == t.text).  lang is 'auto'\n"
"(detect Indonesian or English), 'id' or 'en'.  Raises TypeError if text\n"
"is not a str and ValueError for an unknown lang.");

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
    nt_status s = run_core(pick_tokenizer(st, lg, &t), &t, &toks, NULL);
    PyObject *list = NULL;
    if (s != NT_OK) {
        raise_status(s);
        goto done;
    }
    list = PyList_New((Py_ssize_t)toks.len);
    if (list == NULL) goto done;
    for (size_t i = 0; i < toks.len; i++) {
        PyObject *items[4];
        items[0] = PyUnicode_Substring(text, (Py_ssize_t)toks.start[i], (Py_ssize_t)toks.end[i]);
        items[1] = PyLong_FromLongLong(toks.start[i]);
        items[2] = PyLong_FromLongLong(toks.end[i]);
        items[3] = Py_NewRef(st->kind_names[toks.kind[i]]);
        PyObject *rec = make_record(st->Token, 4, items);
        if (rec == NULL) {
            Py_CLEAR(list);
            goto done;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, rec);
    }
done:
    nt_spans_free(&toks);
    text_release(&t);
    return list;
}

PyDoc_STRVAR(tokenize_doc,
"tokenize(text, *, lang='auto', lower=False, punct=True) -> list[str]\n--\n\n"
"The token strings of text.\n\n"
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
    nt_status s = run_core(pick_tokenizer(st, lg, &t), &t, &toks, NULL);
    PyObject *list = NULL;
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
    Py_ssize_t k = 0;
    for (size_t i = 0; i < toks.len; i++) {
        if (!punct && (toks.kind[i] == NT_TOK_PUNCT || toks.kind[i] == NT_TOK_QUOTE)) continue;
        PyObject *w = PyUnicode_Substring(text, (Py_ssize_t)toks.start[i], (Py_ssize_t)toks.end[i]);
        if (w != NULL && lower) {
            PyObject *lw = PyObject_CallMethod(w, "lower", NULL);
            Py_DECREF(w);
            w = lw;
        }
        if (w == NULL) {
            Py_CLEAR(list);
            goto done;
        }
        PyList_SET_ITEM(list, k++, w);
    }
done:
    nt_spans_free(&toks);
    text_release(&t);
    return list;
}

PyDoc_STRVAR(token_spans_doc,
"token_spans(text, *, lang='auto') -> TokenSpans\n--\n\n"
"Token boundaries without per-token objects: TokenSpans(starts, ends, kinds),\n"
"three read-only memoryviews (formats 'q', 'q', 'B') of equal length.\n"
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
    nt_status s = run_core(pick_tokenizer(st, lg, &t), &t, &toks, NULL);
    text_release(&t);
    if (s != NT_OK) {
        nt_spans_free(&toks);
        return raise_status(s);
    }
    if (toks.cap == 0 && nt_spans_reserve(&toks, 1) != NT_OK) { /* empty text: own a buffer */
        nt_spans_free(&toks);
        return PyErr_NoMemory();
    }
    int64_t *starts, *ends;
    uint8_t *kinds;
    size_t len, cap;
    nt_spans_release(&toks, &starts, &ends, &kinds, &len, &cap);
    PyObject *items[3];
    items[0] = column_view(st, starts, (Py_ssize_t)len, 8, "q");
    items[1] = column_view(st, ends, (Py_ssize_t)len, 8, "q");
    items[2] = column_view(st, kinds, (Py_ssize_t)len, 1, "B");
    return make_record(st->TokenSpans, 3, items);
}

PyDoc_STRVAR(sentences_doc,
"sentences(text, *, lang='auto') -> list[Span]\n--\n\n"
"Sentences of text as Span(text, start, end), in text order.  Each span\n"
"runs from its first token to its last (closing quotes included) and has\n"
"no surrounding whitespace.  Paragraph breaks always end a sentence; a\n"
"line without final punctuation ends one when the next line starts with a\n"
"capital (headlines, bylines).");

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
    nt_status s = run_core(pick_tokenizer(st, lg, &t), &t, &toks, &sents);
    nt_spans_free(&toks);
    PyObject *list = NULL;
    if (s != NT_OK) {
        raise_status(s);
        goto done;
    }
    list = PyList_New((Py_ssize_t)sents.len);
    if (list == NULL) goto done;
    for (size_t i = 0; i < sents.len; i++) {
        PyObject *items[3];
        items[0] = PyUnicode_Substring(text, (Py_ssize_t)sents.start[i], (Py_ssize_t)sents.end[i]);
        items[1] = PyLong_FromLongLong(sents.start[i]);
        items[2] = PyLong_FromLongLong(sents.end[i]);
        PyObject *rec = make_record(st->Span, 3, items);
        if (rec == NULL) {
            Py_CLEAR(list);
            goto done;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, rec);
    }
done:
    nt_spans_free(&sents);
    text_release(&t);
    return list;
}

PyDoc_STRVAR(detect_lang_doc,
"detect_lang(text) -> str\n--\n\n"
"'id' or 'en': which language's function words dominate the first 64 KiB\n"
"of text.  Text with no evidence either way (empty, numbers, other\n"
"languages) is 'id', the library's home language.");

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

/* ---------------------------------------------------------------- quotes */

PyDoc_STRVAR(quotes_doc,
"quotes(text, *, lang='auto') -> list[Quote]\n--\n\n"
"Quoted spans of text and who said them, in text order, as\n"
"Quote(text, start, end, speaker, speaker_start, speaker_end, cue, kind,\n"
"unclosed).  text/start/end are the quoted words without their marks;\n"
"speaker is the canonical name (the longest mention of that person in the\n"
"text, titles left out) or None; speaker_start/speaker_end locate the\n"
"mention it was read from (None when it was carried over from an earlier\n"
"source by katanya, dia, he or a continuation); cue is the cue word or None;\n"
"kind is 'direct', 'partial' (a fragment inside reported speech) or 'other'\n"
"(headings, terms, names: speaker None); unclosed is True when the marks\n"
"could not be balanced and the quote was cut at its paragraph's end.");

static PyObject *slice_or_none(PyObject *text, int64_t a, int64_t b) {
    if (a < 0 || b < a) Py_RETURN_NONE;
    return PyUnicode_Substring(text, (Py_ssize_t)a, (Py_ssize_t)b);
}

static PyObject *int_or_none(int64_t v) {
    if (v < 0) Py_RETURN_NONE;
    return PyLong_FromLongLong(v);
}

static PyObject *py_quotes(PyObject *module, PyObject *args, PyObject *kwargs) {
    module_state *st = get_state(module);
    PyObject *text, *lang = NULL;
    if (!parse_text_lang(args, kwargs, "O|$O:quotes", &text, &lang)) return NULL;
    text_in t;
    nt_lang lg;
    if (text_from_object(text, &t, "quotes") < 0) return NULL;
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
    nt_status s = nt_quotes_extract(tok, t.utf8, (size_t)t.len, &qs, &intr);
    if (s == NT_OK && !t.ascii) s = nt_quotes_to_units(t.utf8, (size_t)t.len, &qs);
    if (release) PyEval_RestoreThread(ic.ts);
    PyObject *list = NULL;
    if (s != NT_OK) {
        raise_status(s);
        goto done;
    }
    list = PyList_New((Py_ssize_t)qs.len);
    if (list == NULL) goto done;
    for (size_t i = 0; i < qs.len; i++) {
        const nt_quote *q = &qs.items[i];
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
            goto done;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, rec);
    }
done:
    nt_quotes_free(&qs);
    text_release(&t);
    return list;
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
    {"quotes", (PyCFunction)(void (*)(void))py_quotes, METH_VARARGS | METH_KEYWORDS, quotes_doc},
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
    Py_DECREF(records);
    if (!st->Token || !st->Span || !st->TokenSpans) return -1;
    st->Column = (PyTypeObject *)PyType_FromModuleAndSpec(module, &column_spec, NULL);
    if (st->Column == NULL) return -1;

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
    if (!st->str_id || !st->str_en || !st->str_auto) return -1;

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
    return 0;
}

static int core_traverse(PyObject *module, visitproc visit, void *arg) {
    module_state *st = get_state(module);
    Py_VISIT(st->Token);
    Py_VISIT(st->Span);
    Py_VISIT(st->TokenSpans);
    Py_VISIT(st->Column);
    Py_VISIT(st->Quote);
    return 0;
}

static int core_clear(PyObject *module) {
    module_state *st = get_state(module);
    Py_CLEAR(st->Token);
    Py_CLEAR(st->Span);
    Py_CLEAR(st->TokenSpans);
    Py_CLEAR(st->Column);
    for (int k = 0; k < NT_TOK_KIND_COUNT; k++) Py_CLEAR(st->kind_names[k]);
    Py_CLEAR(st->str_id);
    Py_CLEAR(st->str_en);
    Py_CLEAR(st->str_auto);
    Py_CLEAR(st->Quote);
    for (int k = 0; k < NT_QUOTE_KIND_COUNT; k++) Py_CLEAR(st->quote_kind_names[k]);
    return 0;
}

static void core_free(void *module) {
    module_state *st = get_state((PyObject *)module);
    core_clear((PyObject *)module);
    nt_tokenizer_free(st->tok_id);
    nt_tokenizer_free(st->tok_en);
    st->tok_id = NULL;
    st->tok_en = NULL;
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
