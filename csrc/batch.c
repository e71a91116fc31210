/*
 * batch.c — many documents on a pool of POSIX threads (nt_batch_run).
 *
 * The pool lives for one call: no global state, no thread survives the
 * call.  Workers take documents by an atomic index (`chunk` at a time),
 * write each document's results to its own slot, and check a shared stop
 * flag between documents (and, through nt_interrupt, inside long ones).
 * The calling thread does no document work: it waits on a condition
 * variable with a timeout and calls the caller's poll hook at every wake-up,
 * so a binding can run signal handlers and draw progress there; a nonzero
 * poll raises the stop flag.
 */
#define _POSIX_C_SOURCE 200809L

#include "newstext.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

typedef struct pool {
    const char *const *texts;
    const size_t *lens;
    size_t n;
    const nt_batch_opts *o;
    nt_batch_doc *docs;
    atomic_size_t next;     /* first document not yet taken          */
    atomic_size_t done;     /* documents finished (progress)          */
    atomic_int stop;        /* cancelled by poll, or a document failed */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    size_t running;         /* workers not yet finished (under mu)    */
} pool;

typedef struct worker {
    pool *p;
    nt_spans scratch;       /* tokens for sentences when not kept     */
    nt_spans scratch_sents; /* sentences counted but not kept         */
    nt_interrupt intr;
} worker;

static int stop_requested(void *ctx) { return atomic_load_explicit(&((pool *)ctx)->stop, memory_order_relaxed); }

void nt_batch_docs_init(nt_batch_doc *docs, size_t n, const nt_allocator *alloc) {
    for (size_t i = 0; docs != NULL && i < n; i++) {
        nt_batch_doc *d = &docs[i];
        d->status = NT_EINTR;
        d->lang = NT_LANG_AUTO;
        d->outlet = NULL;
        d->n_tokens = d->n_sentences = 0;
        nt_article_init(&d->article, alloc);
        nt_spans_init(&d->tokens, alloc);
        nt_spans_init(&d->sentences, alloc);
        nt_quotes_init(&d->quotes, alloc);
        nt_keywords_init(&d->keywords, alloc);
    }
}

void nt_batch_docs_free(nt_batch_doc *docs, size_t n) {
    for (size_t i = 0; docs != NULL && i < n; i++) {
        nt_batch_doc *d = &docs[i];
        nt_article_free(&d->article);
        nt_spans_free(&d->tokens);
        nt_spans_free(&d->sentences);
        nt_quotes_free(&d->quotes);
        nt_keywords_free(&d->keywords);
    }
}

/* All the work for one document. */
static nt_status run_doc(worker *w, const char *text, size_t len, nt_lang lang, nt_batch_doc *d) {
    const nt_batch_opts *o = w->p->o;
    unsigned tasks = o->tasks;
    nt_status s = NT_OK;
    if (lang == NT_LANG_AUTO) lang = nt_lang_detect(text, len);
    d->lang = lang;
    const nt_tokenizer *tok = lang == NT_LANG_EN ? o->tok_en : o->tok_id;
    if (tasks & NT_BATCH_CLEAN) {
        s = nt_clean_run(text, len, lang, &d->article, &w->intr);
        for (size_t i = 0; s == NT_OK && i < d->article.fields.len; i++)
            if (d->article.fields.kind[i] == NT_FIELD_OUTLET && d->outlet == NULL)
                d->outlet = nt_outlet_name(text + d->article.fields.start[i],
                                           (size_t)(d->article.fields.end[i] - d->article.fields.start[i]));
        if (s == NT_OK && (tasks & NT_BATCH_UNITS)) {
            nt_utf8_spans_to_units(text, len, &d->article.pieces);
            nt_utf8_spans_to_units(text, len, &d->article.fields);
        }
    }
    if (s == NT_OK && (tasks & (NT_BATCH_TOKENS | NT_BATCH_SENTENCES | NT_BATCH_COUNTS))) {
        nt_spans *toks = (tasks & NT_BATCH_TOKENS) ? &d->tokens : &w->scratch;
        nt_spans *sents = (tasks & NT_BATCH_SENTENCES) ? &d->sentences : &w->scratch_sents;
        nt_spans_clear(toks);
        nt_spans_clear(sents);
        s = nt_tokenizer_run(tok, text, len, toks, &w->intr);
        if (s == NT_OK && (tasks & (NT_BATCH_SENTENCES | NT_BATCH_COUNTS)))
            s = nt_sentences_split(tok, text, len, toks, sents, &w->intr);
        d->n_tokens = toks->len;
        d->n_sentences = sents->len;
        if (s == NT_OK && (tasks & NT_BATCH_UNITS)) {
            if (tasks & NT_BATCH_TOKENS) nt_utf8_spans_to_units(text, len, &d->tokens);
            if (tasks & NT_BATCH_SENTENCES) nt_utf8_spans_to_units(text, len, &d->sentences);
        }
    }
    if (s == NT_OK && (tasks & NT_BATCH_QUOTES)) {
        s = nt_quotes_extract(tok, text, len, &d->quotes, &w->intr);
        if (s == NT_OK && (tasks & NT_BATCH_UNITS)) s = nt_quotes_to_units(text, len, &d->quotes);
    }
    if (s == NT_OK && (tasks & NT_BATCH_KEYWORDS))
        s = nt_keywords_extract(tok, text, len, lang == NT_LANG_EN ? o->kw_en : o->kw_id,
                                &d->keywords, &w->intr);
    return s;
}

static void *worker_main(void *arg) {
    worker *w = arg;
    pool *p = w->p;
    size_t chunk = p->o->chunk ? p->o->chunk : 1;
    while (!atomic_load_explicit(&p->stop, memory_order_relaxed)) {
        size_t first = atomic_fetch_add(&p->next, chunk);
        if (first >= p->n) break;
        size_t last = p->n - first < chunk ? p->n : first + chunk;
        for (size_t i = first; i < last; i++) {
            if (atomic_load_explicit(&p->stop, memory_order_relaxed)) break;
            nt_lang lang = p->o->langs ? p->o->langs[i] : NT_LANG_AUTO;
            nt_status s = run_doc(w, p->texts[i], p->lens[i], lang, &p->docs[i]);
            /* a document stopped by the flag was not finished: leave it
             * NT_EINTR, like the documents never started */
            p->docs[i].status = s;
            if (s != NT_OK) {
                atomic_store(&p->stop, 1);
                break;
            }
            atomic_fetch_add_explicit(&p->done, 1, memory_order_relaxed);
        }
    }
    pthread_mutex_lock(&p->mu);
    p->running--;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void deadline_after(struct timespec *ts, unsigned ms) {
    clock_gettime(CLOCK_MONOTONIC, ts);
    ts->tv_sec += ms / 1000;
    ts->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

static int valid_opts(const nt_batch_opts *o) {
    if (o == NULL || o->threads == 0 || (o->tasks & ~NT_BATCH_TASKS_ALL) != 0) return 0;
    if (o->tok_id == NULL || o->tok_en == NULL) return 0;
    if ((o->tasks & NT_BATCH_KEYWORDS) && (o->kw_id == NULL || o->kw_en == NULL)) return 0;
    return 1;
}

nt_status nt_batch_run(const char *const *texts, const size_t *lens, size_t n, const nt_batch_opts *o,
                       nt_batch_doc *docs) {
    if (!valid_opts(o) || (n > 0 && (texts == NULL || lens == NULL || docs == NULL))) return NT_EINVAL;
    for (size_t i = 0; i < n; i++) {
        if (texts[i] == NULL && lens[i] > 0) return NT_EINVAL;
        if (o->langs && o->langs[i] != NT_LANG_AUTO && o->langs[i] != NT_LANG_ID && o->langs[i] != NT_LANG_EN)
            return NT_EINVAL;
    }
    if (n == 0) return o->poll && o->poll(o->poll_ctx, 0, 0) ? NT_EINTR : NT_OK;
    const nt_allocator *alloc = o->alloc ? o->alloc : nt_allocator_default();
    size_t nthreads = o->threads < n ? o->threads : n;
    if (nthreads > NT_BATCH_MAX_THREADS) nthreads = NT_BATCH_MAX_THREADS;

    pool p;
    p.texts = texts;
    p.lens = lens;
    p.n = n;
    p.o = o;
    p.docs = docs;
    atomic_init(&p.next, 0);
    atomic_init(&p.done, 0);
    atomic_init(&p.stop, 0);
    p.running = 0;

    size_t wbytes = nthreads * sizeof(worker), tbytes = nthreads * sizeof(pthread_t);
    worker *ws = alloc->malloc(alloc->ctx, wbytes);
    pthread_t *tids = ws ? alloc->malloc(alloc->ctx, tbytes) : NULL;
    if (tids == NULL) {
        if (ws) alloc->free(alloc->ctx, ws, wbytes);
        return NT_ENOMEM;
    }
    pthread_condattr_t ca;
    int ok = pthread_condattr_init(&ca) == 0;
    if (ok) {
        ok = pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) == 0 && pthread_cond_init(&p.cv, &ca) == 0;
        pthread_condattr_destroy(&ca);
    }
    if (ok && pthread_mutex_init(&p.mu, NULL) != 0) {
        pthread_cond_destroy(&p.cv);
        ok = 0;
    }
    if (!ok) {
        alloc->free(alloc->ctx, tids, tbytes);
        alloc->free(alloc->ctx, ws, wbytes);
        return NT_ENOMEM;
    }

    /* Workers block asynchronous signals (they inherit the mask of the
     * thread that creates them), so Ctrl-C and timers are delivered to the
     * calling thread, whose poll handles them; faults stay deliverable. */
    sigset_t block, old_mask;
    sigfillset(&block);
    const int faults[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT, SIGSYS};
    for (size_t k = 0; k < sizeof faults / sizeof faults[0]; k++) sigdelset(&block, faults[k]);
    int masked = pthread_sigmask(SIG_SETMASK, &block, &old_mask) == 0;
    size_t started = 0;
    pthread_mutex_lock(&p.mu);
    for (; started < nthreads; started++) {
        worker *w = &ws[started];
        w->p = &p;
        nt_spans_init(&w->scratch, alloc);
        nt_spans_init(&w->scratch_sents, alloc);
        w->intr.check = stop_requested;
        w->intr.ctx = &p;
        if (pthread_create(&tids[started], NULL, worker_main, w) != 0) break;
        p.running++;
    }
    pthread_mutex_unlock(&p.mu);
    if (masked) pthread_sigmask(SIG_SETMASK, &old_mask, NULL);

    int cancelled = 0;
    if (started == 0) {
        atomic_store(&p.stop, 1);
    } else {
        unsigned ms = o->poll_ms ? o->poll_ms : 50;
        pthread_mutex_lock(&p.mu);
        while (p.running > 0) {
            struct timespec ts;
            deadline_after(&ts, ms);
            int rc = pthread_cond_timedwait(&p.cv, &p.mu, &ts);
            if (o->poll && rc == ETIMEDOUT && p.running > 0 && !cancelled) {
                size_t done = atomic_load(&p.done);
                pthread_mutex_unlock(&p.mu);
                if (o->poll(o->poll_ctx, done, n)) {
                    cancelled = 1;
                    atomic_store(&p.stop, 1);
                }
                pthread_mutex_lock(&p.mu);
            }
        }
        pthread_mutex_unlock(&p.mu);
        /* the last word: every worker has finished */
        if (o->poll && !cancelled && o->poll(o->poll_ctx, atomic_load(&p.done), n)) cancelled = 1;
    }
    for (size_t k = 0; k < started; k++) pthread_join(tids[k], NULL);
    for (size_t k = 0; k < started; k++) {
        nt_spans_free(&ws[k].scratch);
        nt_spans_free(&ws[k].scratch_sents);
    }
    pthread_cond_destroy(&p.cv);
    pthread_mutex_destroy(&p.mu);
    alloc->free(alloc->ctx, tids, tbytes);
    alloc->free(alloc->ctx, ws, wbytes);

    if (started == 0) return NT_ENOMEM;
    if (cancelled) return NT_EINTR;
    for (size_t i = 0; i < n; i++)
        if (docs[i].status != NT_OK && docs[i].status != NT_EINTR) return docs[i].status;
    for (size_t i = 0; i < n; i++)
        if (docs[i].status != NT_OK) return docs[i].status;
    return NT_OK;
}
