/*
 * cleanview.c — the clean view of an article (issue 3, item 5): the text of
 * its title, body and heading pieces with a map back to the original, so
 * that keywords, quotes and corpus terms can run on clean text
 * (NT_KW_CLEAN, nt_quotes_extract_clean) without re-implementing any of
 * nt_clean_run.  The layout rules are written down in newstext.h.
 */
#include "internal.h"

static const char empty_text[1] = {0};

void nt_clean_view_init(nt_clean_view *v, const nt_allocator *alloc)
{
    memset(v, 0, sizeof *v);
    v->text = empty_text;
    v->alloc = nt_alloc_or_default(alloc);
}

void nt_clean_view_free(nt_clean_view *v)
{
    if (v == NULL)
        return;
    const nt_allocator *a = nt_alloc_or_default(v->alloc);
    nt_array_free(a, v->buf, v->buf_cap, 1);
    nt_array_free(a, v->segs, v->segs_cap, sizeof(nt_clean_seg));
    v->buf = NULL;
    v->segs = NULL;
    v->buf_cap = v->segs_cap = v->nsegs = v->len = 0;
    v->text = empty_text;
}

static bool ws_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Does t[s, e) hold a blank line: '\n', horizontal white space, '\n'? */
static bool has_blank_line(const char *t, size_t s, size_t e)
{
    bool after_nl = false;
    for (size_t i = s; i < e; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == '\n') {
            if (after_nl)
                return true;
            after_nl = true;
        } else if (!ws_byte(c)) {
            after_nl = false;
        }
    }
    return false;
}

/* The runs of the view: maximal stretches of kept pieces that touch.  Every
 * run but the last loses its trailing white space and is followed by its
 * separator ("\n\n" when the skipped bytes hold a blank line, else "\n").
 * With out NULL, only counts: *vlen gets an upper bound of the view's bytes
 * (two bytes a separator).  Otherwise fills out->segs (room for every run)
 * and, when copy is set (several runs), writes the view into out->buf;
 * *vlen gets its length.  Returns the number of runs.  O(pieces + len). */
static size_t view_runs(const char *text, const nt_spans *p, unsigned keep, nt_clean_view *out, bool copy,
                        size_t *vlen)
{
    size_t n = 0, at = 0;
    size_t run_s = 0, run_e = 0; /* the open run */
    bool open = false;
    for (size_t i = 0; i <= p->len; i++) {
        bool kept = i < p->len && (keep & NT_CLEAN_KEEP(p->kind[i])) != 0;
        if (kept && open && (size_t)p->start[i] == run_e) {
            run_e = (size_t)p->end[i];
            continue;
        }
        if (open && (kept || i == p->len)) {
            /* close the run (trimmed when another follows) */
            size_t e = run_e;
            if (kept)
                while (e > run_s && ws_byte((unsigned char)text[e - 1]))
                    e--;
            if (out != NULL) {
                nt_clean_seg *g = &out->segs[n];
                g->view = (int64_t)at;
                g->orig = (int64_t)run_s;
                g->len = (int64_t)(e - run_s);
                if (copy)
                    memcpy(out->buf + at, text + run_s, e - run_s);
            }
            n++;
            at += e - run_s;
            if (kept) {
                /* the separator: what the skipped bytes held */
                bool blank = out == NULL || has_blank_line(text, e, (size_t)p->start[i]);
                if (copy) {
                    out->buf[at] = '\n';
                    if (blank)
                        out->buf[at + 1] = '\n';
                }
                at += 1 + (size_t)blank;
            }
            open = false;
        }
        if (kept) {
            open = true;
            run_s = (size_t)p->start[i];
            run_e = (size_t)p->end[i];
        }
    }
    *vlen = at;
    return n;
}

/* The checks both builders share: NULL out or text leave out as it is,
 * anything else empties it, then keep is checked. */
static nt_status view_start(const char *text, size_t len, unsigned keep, nt_clean_view *out)
{
    if (out == NULL || (text == NULL && len > 0))
        return NT_EINVAL;
    out->text = empty_text;
    out->len = 0;
    out->nsegs = 0;
    if ((keep & ~NT_CLEAN_KEEP_ALL) != 0)
        return NT_EINVAL;
    return NT_OK;
}

nt_status nt_clean_view_from_article(const char *text, size_t len, const nt_article *a,
                                     unsigned keep, nt_clean_view *out)
{
    if (a == NULL)
        return NT_EINVAL;
    nt_status st = view_start(text, len, keep, out);
    if (st != NT_OK)
        return st;
    const nt_spans *p = &a->pieces;
    /* the pieces must partition [0, len) */
    int64_t at = 0;
    for (size_t i = 0; i < p->len; i++) {
        if (p->start[i] != at || p->end[i] <= p->start[i] || p->kind[i] >= NT_LINE_LABEL_COUNT)
            return NT_EINVAL;
        at = p->end[i];
    }
    if ((size_t)at != len)
        return NT_EINVAL;

    /* pass 1: count the runs and bound the bytes of the view */
    size_t bytes = 0;
    size_t runs = view_runs(text, p, keep, NULL, false, &bytes);
    if (runs == 0)
        return NT_OK;
    const nt_allocator *al = nt_alloc_or_default(out->alloc);
    out->alloc = al;
    /* the sizes are known up front: buffers of exactly what is needed */
    void *sp = out->segs;
    st = nt_array_reserve(al, &sp, &out->segs_cap, runs, sizeof(nt_clean_seg), 0);
    out->segs = sp;
    if (st != NT_OK)
        return st;
    if (runs > 1) {
        void *bp = out->buf;
        st = nt_array_reserve(al, &bp, &out->buf_cap, bytes, 1, 0);
        out->buf = bp;
        if (st != NT_OK)
            return st;
    }

    /* pass 2: the runs, copied with their separators when there are several */
    size_t vlen = 0;
    out->nsegs = view_runs(text, p, keep, out, runs > 1, &vlen);
    out->len = vlen;
    out->text = runs > 1 ? out->buf : text + out->segs[0].orig;
    return NT_OK;
}

nt_status nt_clean_view_build(const char *text, size_t len, nt_lang lang, unsigned keep,
                              nt_clean_view *out, const nt_interrupt *intr)
{
    nt_status st = view_start(text, len, keep, out);
    if (st != NT_OK)
        return st;
    nt_article a;
    nt_article_init(&a, out->alloc);
    st = nt_clean_run(text, len, lang, &a, intr);
    if (st == NT_OK)
        st = nt_clean_view_from_article(text, len, &a, keep, out);
    nt_article_free(&a);
    return st;
}

int64_t nt_clean_view_orig(const nt_clean_view *v, int64_t off, int is_end)
{
    if (v == NULL || off < 0 || v->nsegs == 0)
        return off;
    int64_t x = is_end ? off - 1 : off;
    if (x < 0)
        return v->segs[0].orig;
    /* the last run starting at or before x */
    size_t lo = 0, hi = v->nsegs;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->segs[mid].view <= x)
            lo = mid;
        else
            hi = mid;
    }
    const nt_clean_seg *g = &v->segs[lo];
    if (x < g->view + g->len)
        return g->orig + (x - g->view) + (is_end ? 1 : 0);
    /* in the separator after run lo (or past the end) */
    if (is_end || lo + 1 == v->nsegs)
        return g->orig + g->len;
    return v->segs[lo + 1].orig;
}

/* Map a half-open span of the view (-1 = none); an empty span stays empty. */
static void map_span(const nt_clean_view *v, int64_t *s, int64_t *e)
{
    if (*s < 0 || *e < 0)
        return;
    int64_t ms = nt_clean_view_orig(v, *s, 0);
    *e = *e > *s ? nt_clean_view_orig(v, *e, 1) : ms;
    *s = ms;
}

nt_status nt_quotes_extract_clean(const nt_tokenizer *tok, const char *text, size_t len,
                                  nt_quotes *out, const nt_interrupt *intr)
{
    if (tok == NULL || out == NULL || (text == NULL && len > 0))
        return NT_EINVAL;
    nt_clean_view v;
    nt_clean_view_init(&v, out->alloc);
    nt_status st = nt_clean_view_build(text, len, nt_tokenizer_lang(tok), NT_CLEAN_KEEP_TEXT, &v, intr);
    size_t base = out->len;
    if (st == NT_OK)
        st = nt_quotes_extract(tok, v.text, v.len, out, intr);
    for (size_t i = base; i < out->len; i++) {
        nt_quote *q = &out->items[i];
        map_span(&v, &q->start, &q->end);
        map_span(&v, &q->speaker_start, &q->speaker_end);
        map_span(&v, &q->name_start, &q->name_end);
        map_span(&v, &q->cue_start, &q->cue_end);
    }
    nt_clean_view_free(&v);
    return st;
}
