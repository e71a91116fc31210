/* fuzz_clean.c — libFuzzer target: nt_clean_run and nt_clean_body.
 *
 * opt[0] % 3: language (AUTO, ID, EN); opt[1]: where to cut the text for
 * the reuse check.
 * Invariants: the pieces partition the text (the first starts at 0, each
 * ends where the next starts, the last ends at len: every byte in exactly
 * one piece), on unit boundaries, labels < NT_LINE_LABEL_COUNT; fields
 * non-empty, inside the text, on boundaries, in text order, kinds 1..8, at
 * most one TITLE/OUTLET/DATE/DATELINE/URL, no separator at either end; the
 * publication date's fields in range; running again into a used nt_article
 * gives what a fresh one gives (previous contents are cleared); every span
 * of nt_clean_body lies in a body or heading piece of nt_clean_run, holds
 * all of its non-separator text, and has only separators trimmed off, and
 * what it appends to a non-empty array is what it gives in an empty one.
 * No "pieces" check: labels depend on the whole article (position,
 * repeated lines, neighbours), so a part of it is not labelled alone the
 * same way.
 */
#include "common.h"

static void check_date(const nt_date *d)
{
    FZ_REQUIRE(d->month <= 12 && d->day <= 31 && d->weekday <= 7);
    FZ_REQUIRE(d->hour >= -1 && d->hour <= 23 && d->minute >= -1 && d->minute <= 59);
    FZ_REQUIRE((d->hour < 0) == (d->minute < 0));
    FZ_REQUIRE(d->year >= 0 && d->year <= 9999);
}

static void same_article(const nt_article *a, const nt_article *b)
{
    fz_same_spans(&a->pieces, 0, &b->pieces);
    fz_same_spans(&a->fields, 0, &b->fields);
    FZ_REQUIRE(memcmp(&a->date, &b->date, sizeof a->date) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in;
    fz_begin(&in, data, size);
    nt_lang lang = (nt_lang)(in.opt[0] % 3);
    nt_article a;
    nt_article_init(&a, NULL);
    FZ_OK(nt_clean_run(in.text, in.len, lang, &a, NULL));

    int64_t at = 0;
    for (size_t k = 0; k < a.pieces.len; k++) {
        FZ_REQUIRE(a.pieces.start[k] == at && a.pieces.end[k] > at);
        FZ_REQUIRE(fz_on_boundary(&in, a.pieces.end[k]));
        FZ_REQUIRE(a.pieces.kind[k] < NT_LINE_LABEL_COUNT);
        at = a.pieces.end[k];
    }
    FZ_REQUIRE((size_t)at == in.len);

    int seen[NT_FIELD_COUNT] = {0};
    int64_t prev = 0;
    for (size_t k = 0; k < a.fields.len; k++) {
        int64_t s = a.fields.start[k], e = a.fields.end[k];
        uint8_t f = a.fields.kind[k];
        fz_check_span(&in, s, e, 1);
        FZ_REQUIRE(s >= prev);
        prev = s;
        FZ_REQUIRE(f > NT_FIELD_NONE && f < NT_FIELD_COUNT);
        seen[f]++;
        size_t n;
        FZ_REQUIRE(!fz_is_separator(fz_cp_at(&in, (size_t)s, &n)));
        size_t last = (size_t)s;
        for (size_t j = (size_t)s; j < (size_t)e; j += n) {
            last = j;
            (void)fz_cp_at(&in, j, &n);
        }
        FZ_REQUIRE(!fz_is_separator(fz_cp_at(&in, last, &n)));
    }
    FZ_REQUIRE(seen[NT_FIELD_TITLE] <= 1 && seen[NT_FIELD_OUTLET] <= 1 && seen[NT_FIELD_DATE] <= 1);
    FZ_REQUIRE(seen[NT_FIELD_DATELINE] <= 1 && seen[NT_FIELD_URL] <= 1);
    check_date(&a.date);

    /* reuse: a used article is cleared first */
    size_t cut = fz_cut(&in, in.opt[1]);
    nt_article used, fresh;
    nt_article_init(&used, NULL);
    nt_article_init(&fresh, NULL);
    FZ_OK(nt_clean_run(in.text + cut, in.len - cut, lang, &used, NULL));
    FZ_OK(nt_clean_run(in.text, in.len, lang, &used, NULL));
    same_article(&used, &a);
    nt_article_free(&used);
    nt_article_free(&fresh);

    /* clean_body against clean_run */
    nt_spans body;
    nt_spans_init(&body, NULL);
    fz_prefill(&body, in.opt[2] & 3);
    size_t from = body.len;
    FZ_OK(nt_clean_body(in.text, in.len, lang, &body, NULL));
    fz_check_spans(&in, &body, from, 1);
    size_t bi = from;
    for (size_t k = 0; k < a.pieces.len; k++) {
        uint8_t lab = a.pieces.kind[k];
        size_t ps = (size_t)a.pieces.start[k], pe = (size_t)a.pieces.end[k];
        int content = !fz_only_separators(&in, ps, pe);
        if (lab != NT_LINE_BODY && lab != NT_LINE_HEADING)
            continue;
        if (bi < body.len && (size_t)body.start[bi] >= ps && (size_t)body.end[bi] <= pe) {
            FZ_REQUIRE(body.kind[bi] == lab);
            FZ_REQUIRE(fz_only_separators(&in, ps, (size_t)body.start[bi]));
            FZ_REQUIRE(fz_only_separators(&in, (size_t)body.end[bi], pe));
            bi++;
        } else {
            FZ_REQUIRE(!content);
        }
    }
    FZ_REQUIRE(bi == body.len);
    nt_spans fresh_body;
    nt_spans_init(&fresh_body, NULL);
    FZ_OK(nt_clean_body(in.text, in.len, lang, &fresh_body, NULL));
    fz_same_spans(&body, from, &fresh_body);
    nt_spans_free(&fresh_body);
    nt_spans_free(&body);

    /* the clean view (keywords/quotes with clean=): never longer than the
     * text, every run's bytes are the original's, runs in order, and
     * mapping its ends back lands inside the text */
    nt_clean_view v;
    nt_clean_view_init(&v, NULL);
    FZ_OK(nt_clean_view_from_article(in.text, in.len, &a, NT_CLEAN_KEEP_TEXT, &v));
    FZ_REQUIRE(v.len <= in.len);
    int64_t vprev = 0, oprev = 0;
    for (size_t k = 0; k < v.nsegs; k++) {
        const nt_clean_seg *g = &v.segs[k];
        FZ_REQUIRE(g->view >= vprev && g->orig >= oprev && g->len >= 0);
        FZ_REQUIRE(g->view + g->len <= (int64_t)v.len && g->orig + g->len <= (int64_t)in.len);
        FZ_REQUIRE(memcmp(v.text + g->view, in.text + g->orig, (size_t)g->len) == 0);
        vprev = g->view + g->len;
        oprev = g->orig + g->len;
    }
    FZ_REQUIRE(nt_clean_view_orig(&v, (int64_t)v.len, 1) <= (int64_t)in.len);
    nt_clean_view_free(&v);

    nt_article_free(&a);
    fz_end(&in);
    return 0;
}
