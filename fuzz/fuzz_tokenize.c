/* fuzz_tokenize.c — libFuzzer target: nt_tokenizer_run, the UTF-8 helpers,
 * nt_lang_detect and nt_outlet_name.
 *
 * opt[0]: bit 0 language (ID/EN); opt[1]: where
 * to cut the text for the appending check.
 * Invariants: tokens non-empty, in order, not overlapping, inside the text,
 * on unit boundaries, kinds < NT_TOK_KIND_COUNT; between tokens only
 * White_Space or control characters, and no token starts or ends with one
 * (nothing lost); tokenizing B into an array that already holds the tokens
 * of A appends exactly the tokens of B alone (the array is appended to, so
 * earlier contents must not leak into the new text); nt_utf8_validate,
 * nt_utf8_decode, nt_utf8_count, nt_utf8_spans_to_units(32) agree with the
 * independent decoder of common.h.
 */
#include "common.h"

static void tokenize(const nt_tokenizer *tok, const char *s, size_t n, nt_spans *out)
{
    FZ_OK(nt_tokenizer_run(tok, s, n, out, NULL));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in;
    fz_begin(&in, data, size);
    nt_tokenizer *tok = NULL;
    /* option bits are reserved (csrc/newstext.h): refused, *out untouched */
    FZ_REQUIRE(nt_tokenizer_new(fz_lang(in.opt[0]), 1u << (in.opt[0] >> 3 & 31), NULL, &tok) == NT_EINVAL);
    FZ_REQUIRE(tok == NULL);
    FZ_OK(nt_tokenizer_new(fz_lang(in.opt[0]), 0, NULL, &tok));
    FZ_REQUIRE(nt_tokenizer_lang(tok) == fz_lang(in.opt[0]));

    nt_spans toks;
    nt_spans_init(&toks, NULL);
    tokenize(tok, in.text, in.len, &toks);
    fz_check_spans(&in, &toks, 0, 1);
    size_t prev = 0;
    for (size_t i = 0; i < toks.len; i++) {
        size_t a = (size_t)toks.start[i], b = (size_t)toks.end[i], n;
        FZ_REQUIRE(toks.kind[i] < NT_TOK_KIND_COUNT);
        FZ_REQUIRE(fz_only_separators(&in, prev, a));
        FZ_REQUIRE(!fz_is_separator(fz_cp_at(&in, a, &n)));
        size_t last = a;
        for (size_t j = a; j < b; j += n) {
            last = j;
            (void)fz_cp_at(&in, j, &n);
        }
        FZ_REQUIRE(!fz_is_separator(fz_cp_at(&in, last, &n)));
        prev = b;
    }
    FZ_REQUIRE(fz_only_separators(&in, prev, in.len));

    /* appending: tokens of the tail after those of the head */
    size_t cut = fz_cut(&in, in.opt[1]);
    nt_spans both, tail;
    nt_spans_init(&both, NULL);
    nt_spans_init(&tail, NULL);
    tokenize(tok, in.text, cut, &both);
    size_t head = both.len;
    tokenize(tok, in.text + cut, in.len - cut, &both);
    tokenize(tok, in.text + cut, in.len - cut, &tail);
    fz_same_spans(&both, head, &tail);
    nt_spans_free(&both);
    nt_spans_free(&tail);

    /* UTF-8 helpers against the independent decoder */
    size_t bad = (size_t)-1;
    nt_status vs = nt_utf8_validate(in.text, in.len, &bad);
    FZ_REQUIRE((vs == NT_OK) == in.valid);
    if (vs != NT_OK) {
        FZ_REQUIRE(vs == NT_EUTF8 && bad < in.len);
        FZ_REQUIRE(fz_utf8_valid((const uint8_t *)in.text, bad));
        FZ_REQUIRE(fz_seq_len((const uint8_t *)in.text, in.len, bad, 0) == 0);
    }
    FZ_REQUIRE(nt_utf8_count(in.text, in.len) == in.units[in.len]);
    for (size_t i = 0, n; i < in.len; i += n) {
        uint32_t cp;
        n = nt_utf8_decode(in.text, in.len, i, &cp);
        size_t m;
        FZ_REQUIRE(n >= 1 && n <= 4 && in.boundary[i]);
        FZ_REQUIRE(cp == fz_cp_at(&in, i, &m) && n == m);
    }
    nt_spans units;
    nt_spans_init(&units, NULL);
    for (size_t i = 0; i < toks.len; i++)
        FZ_OK(nt_spans_push(&units, toks.start[i], toks.end[i], toks.kind[i]));
    nt_utf8_spans_to_units(in.text, in.len, &units);
    for (size_t i = 0; i < toks.len; i++) {
        FZ_REQUIRE(units.start[i] == (int64_t)in.units[toks.start[i]]);
        FZ_REQUIRE(units.end[i] == (int64_t)in.units[toks.end[i]]);
    }
    nt_spans_free(&units);
    /* the 4-byte conversion: checked always, trusted only on valid text */
    if (toks.len > 0) {
        int32_t *s32 = malloc(toks.len * sizeof(int32_t)), *e32 = malloc(toks.len * sizeof(int32_t));
        FZ_REQUIRE(s32 != NULL && e32 != NULL);
        for (int trusted = 0; trusted <= (int)in.valid; trusted++) {
            nt_spans b;
            nt_spans_init(&b, NULL);
            for (size_t i = 0; i < toks.len; i++)
                FZ_OK(nt_spans_push(&b, toks.start[i], toks.end[i], toks.kind[i]));
            FZ_OK(nt_utf8_spans_to_units32(in.text, in.len, trusted, &b, s32, e32));
            for (size_t i = 0; i < toks.len; i++) {
                FZ_REQUIRE(s32[i] == (int32_t)in.units[toks.start[i]]);
                FZ_REQUIRE(e32[i] == (int32_t)in.units[toks.end[i]]);
            }
            nt_spans_free(&b);
        }
        free(s32);
        free(e32);
    }

    nt_lang l = nt_lang_detect(in.text, in.len);
    FZ_REQUIRE(l == NT_LANG_ID || l == NT_LANG_EN);
    const char *outlet = nt_outlet_name(in.text, in.len);
    FZ_REQUIRE(outlet == NULL || outlet[0] != '\0');

    nt_spans_free(&toks);
    nt_tokenizer_free(tok);
    fz_end(&in);
    return 0;
}
