/* fuzz_quotes.c — libFuzzer target: nt_quotes_extract and
 * nt_quotes_to_units.
 *
 * opt[0]: bit 0 tokenizer language; opt[1] & 3: quotes of another text
 * already in the array.
 * Invariants: quotes in text order (by start), inside the text, on unit
 * boundaries, start <= end; kinds < NT_QUOTE_KIND_COUNT, flags only the
 * documented bits; speaker, name and cue spans each either -1/-1 or a
 * non-empty span on boundaries; kind "other" has no name; two quotes
 * overlap only when one is unclosed and holds the other (a quote nested in
 * a recovered one); what is appended after earlier contents equals what an
 * empty array gets, and the earlier contents are untouched;
 * nt_quotes_to_units gives the independent decoder's unit offsets.
 * No "pieces" check: a quote may run over paragraphs and speakers carry
 * over from earlier paragraphs.
 */
#include "common.h"

static void opt_span(const fz_input *in, int64_t a, int64_t b)
{
    if (a == -1) {
        FZ_REQUIRE(b == -1);
        return;
    }
    fz_check_span(in, a, b, 1);
}

static int same_quote(const nt_quote *a, const nt_quote *b)
{
    return a->start == b->start && a->end == b->end && a->speaker_start == b->speaker_start &&
           a->speaker_end == b->speaker_end && a->name_start == b->name_start && a->name_end == b->name_end &&
           a->cue_start == b->cue_start && a->cue_end == b->cue_end && a->kind == b->kind && a->flags == b->flags;
}

static int64_t unit(const fz_input *in, int64_t off)
{
    return off < 0 ? off : (int64_t)in->units[off];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in;
    fz_begin(&in, data, size);
    nt_tokenizer *tok = NULL;
    FZ_OK(nt_tokenizer_new(fz_lang(in.opt[0]), 0, NULL, &tok));
    nt_quotes q;
    nt_quotes_init(&q, NULL);
    size_t pre = in.opt[1] & 3;
    for (size_t i = 0; i < pre; i++) {
        nt_quote x = {100 + 10 * (int64_t)i, 105 + 10 * (int64_t)i, -1, -1, -1, -1, -1, -1, NT_QUOTE_OTHER, 0};
        if (q.len == q.cap) {
            /* grow through the extractor's own array: extract nothing */
            FZ_OK(nt_quotes_extract(tok, "", 0, &q, NULL));
        }
        if (q.len < q.cap)
            q.items[q.len++] = x;
        else {
            pre = q.len;
            break;
        }
    }
    size_t from = q.len;
    FZ_OK(nt_quotes_extract(tok, in.text, in.len, &q, NULL));
    for (size_t i = 0; i < from; i++)
        FZ_REQUIRE(q.items[i].start == 100 + 10 * (int64_t)i && q.items[i].end == 105 + 10 * (int64_t)i);

    int64_t prev = 0;
    for (size_t k = from; k < q.len; k++) {
        const nt_quote *x = &q.items[k];
        fz_check_span(&in, x->start, x->end, 0);
        FZ_REQUIRE(x->start >= prev);
        prev = x->start;
        FZ_REQUIRE(x->kind < NT_QUOTE_KIND_COUNT);
        FZ_REQUIRE((x->flags & ~(NT_QUOTE_UNCLOSED | NT_QUOTE_CARRIED)) == 0);
        opt_span(&in, x->speaker_start, x->speaker_end);
        opt_span(&in, x->name_start, x->name_end);
        opt_span(&in, x->cue_start, x->cue_end);
        if (x->kind == NT_QUOTE_OTHER)
            FZ_REQUIRE(x->name_start == -1);
        for (size_t j = from; j < k; j++) {
            const nt_quote *y = &q.items[j];
            if (y->end > x->start && x->end > y->start) {
                int y_holds = (y->flags & NT_QUOTE_UNCLOSED) && y->start <= x->start && x->end <= y->end;
                int x_holds = (x->flags & NT_QUOTE_UNCLOSED) && x->start <= y->start && y->end <= x->end;
                FZ_REQUIRE(y_holds || x_holds);
            }
        }
    }

    nt_quotes fresh;
    nt_quotes_init(&fresh, NULL);
    FZ_OK(nt_quotes_extract(tok, in.text, in.len, &fresh, NULL));
    FZ_REQUIRE(fresh.len == q.len - from);
    /* field by field: nt_quote has padding after flags, whose bytes are
     * whatever the heap held (a memcmp of whole structs failed on them) */
    for (size_t k = 0; k < fresh.len; k++)
        FZ_REQUIRE(same_quote(&fresh.items[k], &q.items[from + k]));

    FZ_OK(nt_quotes_to_units(in.text, in.len, &fresh));
    for (size_t k = 0; k < fresh.len; k++) {
        const nt_quote *x = &q.items[from + k], *u = &fresh.items[k];
        FZ_REQUIRE(u->start == unit(&in, x->start) && u->end == unit(&in, x->end));
        FZ_REQUIRE(u->speaker_start == unit(&in, x->speaker_start) && u->speaker_end == unit(&in, x->speaker_end));
        FZ_REQUIRE(u->name_start == unit(&in, x->name_start) && u->name_end == unit(&in, x->name_end));
        FZ_REQUIRE(u->cue_start == unit(&in, x->cue_start) && u->cue_end == unit(&in, x->cue_end));
    }
    nt_quotes_free(&fresh);
    nt_quotes_free(&q);
    nt_tokenizer_free(tok);
    fz_end(&in);
    return 0;
}
