/* fuzz_stem.c — libFuzzer target: nt_stem, with and without a root list.
 *
 * opt[0]: bit 0 language; bit 1 a root list made from every third word.
 * Each whitespace-separated word of the text is stemmed, and so is the
 * whole text as one "word".
 * Invariants: NT_OK with cap == nt_stem_bound(len) and the length within
 * it; NT_ETOOBIG with one byte less (when the bound is > 0); the stem of a
 * valid UTF-8 word is valid UTF-8; a word of ASCII letters gives ASCII
 * lower case; the same word gives the same stem twice.  A fresh output
 * buffer each time lets ASan catch any write past the bound.
 */
#include "common.h"

static void stem_one(nt_lang lang, const char *w, size_t n, const nt_wordset *roots)
{
    size_t cap = nt_stem_bound(n);
    FZ_REQUIRE(cap >= n);
    char *out = malloc(cap ? cap : 1), *again = malloc(cap ? cap : 1);
    FZ_REQUIRE(out && again);
    size_t len = (size_t)-1, len2 = (size_t)-1;
    FZ_OK(nt_stem(lang, w, n, roots, out, cap, &len));
    FZ_REQUIRE(len <= cap);
    if (fz_utf8_valid((const uint8_t *)w, n))
        FZ_REQUIRE(fz_utf8_valid((const uint8_t *)out, len));
    int ascii_letters = n > 0;
    for (size_t i = 0; i < n; i++)
        ascii_letters &= (w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z');
    if (ascii_letters)
        for (size_t i = 0; i < len; i++)
            FZ_REQUIRE(out[i] >= 'a' && out[i] <= 'z');
    FZ_OK(nt_stem(lang, w, n, roots, again, cap, &len2));
    FZ_REQUIRE(len2 == len && memcmp(out, again, len) == 0);
    if (cap > 0)
        FZ_REQUIRE(nt_stem(lang, w, n, roots, again, cap - 1, &len2) == NT_ETOOBIG);
    free(out);
    free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in;
    fz_begin(&in, data, size);
    nt_lang lang = fz_lang(in.opt[0]);
    nt_wordset *roots = NULL;
    if (in.opt[0] & 2) {
        FZ_OK(nt_wordset_new(NULL, &roots));
        size_t w = 0;
        for (size_t i = 0; i < in.len;) {
            while (i < in.len && (in.text[i] == ' ' || in.text[i] == '\n'))
                i++;
            size_t a = i;
            while (i < in.len && in.text[i] != ' ' && in.text[i] != '\n')
                i++;
            if (i > a && w++ % 3 == 0 && i - a <= 65536)
                FZ_OK(nt_wordset_add(roots, in.text + a, i - a));
        }
    }
    for (size_t i = 0; i < in.len;) {
        while (i < in.len && (in.text[i] == ' ' || in.text[i] == '\n'))
            i++;
        size_t a = i;
        while (i < in.len && in.text[i] != ' ' && in.text[i] != '\n')
            i++;
        if (i > a)
            stem_one(lang, in.text + a, i - a, roots);
    }
    stem_one(lang, in.text, in.len, roots);
    nt_wordset_free(roots);
    fz_end(&in);
    return 0;
}
