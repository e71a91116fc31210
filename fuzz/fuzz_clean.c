/* fuzz_clean.c — random-input driver for nt_dates_find and nt_clean_run.
 *
 *   cc -std=c11 -O1 -g -fsanitize=address,undefined -Icsrc fuzz/fuzz_clean.c csrc/[a-z]*.c -o /tmp/fz
 *   /tmp/fz 20000        # iterations (default 5000)
 *
 * Builds texts from news fragments, random bytes and invalid UTF-8, and
 * checks the documented invariants: pieces partition the text, dates are
 * ordered and inside it.  Exits 1 on a violation (sanitizers catch the rest).
 */
#include "newstext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const frags[] = {
    "\n", "\n\n", " ", "Baca juga: Judul", "Penulis", "Penulis : A B Editor : C", "JAKARTA, KOMPAS \xe2\x80\x94 ",
    "Kompas dunia | 19 Juni 2024, 11:03 WIB", "PYONGYANG, KOMPAS.TV - ", "(Tribunnews.com/Nama)",
    "kp/pkp (AFP, Reuters)", "Iklan", "Foto: X/Y", "https://p.dw.com/p/1", "Rabu (13/9/2023)", "(13/9",
    "Putin bertemu Kim di Rusia.", "\xe2\x80\x9cKutipan.\xe2\x80\x9d", "Sumber : CNA/SL", "By Jane Doe",
    "WASHINGTON (Reuters) - ", "\xc2\xa9", "\xc2\xa0", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "\xff", "\xc3",
    "3:45 p.m. ET", "pukul 16.00", "2024-06-19T", "HANOI, Sept 3 (Reuters) - ", "(Reporting by A; Editing by B)",
    "Global", "1. ", "Sept.", "31/2/2024", ":", "/", "(", ")", "-", "\r\n", "\t", "\x00",
};

int main(int argc, char **argv) {
    long iters = argc > 1 ? atol(argv[1]) : 5000;
    unsigned long long rng = 0x9E3779B97F4A7C15ull;
    char buf[4096];
    size_t nfr = sizeof frags / sizeof frags[0];
    for (long it = 0; it < iters; it++) {
        size_t len = 0;
        rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
        int parts = (int)(rng % 60);
        for (int p = 0; p < parts; p++) {
            rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
            if (rng % 5 == 0) {
                if (len < sizeof buf) buf[len++] = (char)(rng >> 24);
                continue;
            }
            const char *f = frags[(rng >> 8) % nfr];
            size_t n = strlen(f);
            if (f[0] == '\0') n = 1; /* the NUL fragment */
            if (len + n > sizeof buf) break;
            memcpy(buf + len, f, n);
            len += n;
        }
        nt_article a;
        nt_article_init(&a, NULL);
        nt_lang lang = (nt_lang)(it % 3);
        if (nt_clean_run(buf, len, lang, &a, NULL) != NT_OK) return 1;
        int64_t pos = 0;
        for (size_t i = 0; i < a.pieces.len; i++) {
            if (a.pieces.start[i] != pos || a.pieces.end[i] <= pos) return 1;
            pos = a.pieces.end[i];
        }
        if ((size_t)pos != len) return 1;
        for (size_t i = 0; i < a.fields.len; i++)
            if (a.fields.start[i] < 0 || a.fields.end[i] > (int64_t)len || a.fields.start[i] >= a.fields.end[i]) return 1;
        nt_article_free(&a);
        nt_dates d;
        nt_dates_init(&d, NULL);
        if (nt_dates_find(buf, len, NULL, &d, NULL) != NT_OK) return 1;
        int64_t prev = 0;
        for (size_t i = 0; i < d.len; i++) {
            if (d.items[i].start < prev || d.items[i].end <= d.items[i].start || d.items[i].end > (int64_t)len) return 1;
            prev = d.items[i].end;
        }
        nt_dates_free(&d);
    }
    printf("fuzz_clean: %ld inputs ok\n", iters);
    return 0;
}
