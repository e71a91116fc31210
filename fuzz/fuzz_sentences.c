/* fuzz_sentences.c — libFuzzer target: nt_sentences_split.
 *
 * opt[0]: bit 0 language.
 * Invariants: sentences non-empty, in order, not overlapping, on unit
 * boundaries; each starts at a token's start and ends at a token's end, and
 * every token lies in exactly one sentence (so between sentences there are
 * only separators); appending to a non-empty array appends exactly the
 * sentences of an empty one.
 * Pieces: a blank line always ends a sentence (csrc/newstext.h), and no
 * decision looks past one, so splitting the text inside a blank line
 * ("\n\n") and splitting each side alone gives the sentences of the whole.
 * This holds for the boundaries only: the tokenizer's kinds may differ
 * across the cut (pukul / 16.00 on either side of it), so the check is on
 * sentence spans.
 */
#include "common.h"

static void split(const nt_tokenizer *tok, const char *s, size_t n, nt_spans *toks, nt_spans *out)
{
    nt_spans_clear(toks);
    FZ_OK(nt_tokenizer_run(tok, s, n, toks, NULL));
    FZ_OK(nt_sentences_split(tok, s, n, toks, out, NULL));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in;
    fz_begin(&in, data, size);
    nt_tokenizer *tok = NULL;
    FZ_OK(nt_tokenizer_new(fz_lang(in.opt[0]), 0, NULL, &tok));
    nt_spans toks, sents;
    nt_spans_init(&toks, NULL);
    nt_spans_init(&sents, NULL);
    split(tok, in.text, in.len, &toks, &sents);
    fz_check_spans(&in, &sents, 0, 1);
    size_t ti = 0;
    for (size_t k = 0; k < sents.len; k++) {
        FZ_REQUIRE(ti < toks.len && toks.start[ti] == sents.start[k]);
        FZ_REQUIRE(sents.kind[k] == 0);
        while (ti < toks.len && toks.end[ti] <= sents.end[k])
            ti++;
        FZ_REQUIRE(toks.end[ti - 1] == sents.end[k]);
    }
    FZ_REQUIRE(ti == toks.len);

    /* appending */
    nt_spans again;
    nt_spans_init(&again, NULL);
    fz_prefill(&again, in.opt[1] & 7);
    size_t from = again.len;
    FZ_OK(nt_sentences_split(tok, in.text, in.len, &toks, &again, NULL));
    fz_same_spans(&again, from, &sents);
    nt_spans_free(&again);

    /* pieces: cut inside the first blank line at or after the chosen point */
    size_t cut = fz_cut(&in, in.opt[2]);
    const char *nl = NULL;
    for (size_t i = cut; i + 1 < in.len; i++)
        if (in.text[i] == '\n' && in.text[i + 1] == '\n') {
            nl = in.text + i + 1;
            break;
        }
    if (nl != NULL) {
        size_t c = (size_t)(nl - in.text);
        nt_spans parts;
        nt_spans_init(&parts, NULL);
        split(tok, in.text, c, &toks, &parts);
        size_t head = parts.len;
        split(tok, in.text + c, in.len - c, &toks, &parts);
        FZ_REQUIRE(parts.len == sents.len);
        for (size_t k = 0; k < sents.len; k++) {
            int64_t shift = k < head ? 0 : (int64_t)c;
            FZ_REQUIRE(parts.start[k] + shift == sents.start[k]);
            FZ_REQUIRE(parts.end[k] + shift == sents.end[k]);
        }
        nt_spans_free(&parts);
    }

    nt_spans_free(&sents);
    nt_spans_free(&toks);
    nt_tokenizer_free(tok);
    fz_end(&in);
    return 0;
}
