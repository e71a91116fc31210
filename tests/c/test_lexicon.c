/*
 * test_lexicon.c — tests for nt_lexicon_has (csrc/lexicon.c) and the
 * generated tables (csrc/lexicon_tables.h).
 *
 *   cc -std=c11 -Wall -Wextra -Werror -Icsrc tests/c/test_lexicon.c \
 *      csrc/lexicon.c -o /tmp/t && /tmp/t
 *
 * Exits 0 and prints "test_lexicon: N checks passed" when every check holds;
 * otherwise reports each failure on stderr and exits 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "lexicon_tables.h" /* read-only: to walk every entry */

static unsigned long n_checks, n_failed;

static void check_at(bool ok, const char *file, int line, const char *what)
{
    n_checks++;
    if (!ok) {
        n_failed++;
        fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
    }
}
#define CHECK(cond) check_at((cond), __FILE__, __LINE__, #cond)

static const char *const lex_names[NT_LEX_COUNT] = {
    "ABBREV_ID", "ABBREV_EN", "TITLES", "LANG_ID", "LANG_EN",
    "STOP_ID", "STOP_EN", "CUES_ID", "CUES_EN", "BOILERPLATE",
    "QUOTE_CUE_POST", "QUOTE_CUE_VERB", "QUOTE_PRONOUNS", "QUOTE_ADJUNCTS", "QUOTE_SKIP",
    "QUOTE_STOP", "QUOTE_ROLES",
};

/* Expect has(lex, s) == want; report the word on failure. */
static void expect_at(nt_lexicon lex, const char *s, size_t len, bool want,
                      const char *file, int line)
{
    bool got = nt_lexicon_has(lex, s, len);
    n_checks++;
    if (got != want) {
        n_failed++;
        fprintf(stderr, "%s:%d: nt_lexicon_has(%s, \"", file, line, lex_names[lex]);
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
                fputc(c, stderr);
            else
                fprintf(stderr, "\\x%02x", c);
        }
        fprintf(stderr, "\", %zu) = %s, expected %s\n", len, got ? "true" : "false",
                want ? "true" : "false");
    }
}
#define YES(lex, s) expect_at((lex), (s), strlen(s), true, __FILE__, __LINE__)
#define NO(lex, s) expect_at((lex), (s), strlen(s), false, __FILE__, __LINE__)
#define EXPECT_LEN(lex, s, len, want) expect_at((lex), (s), (len), (want), __FILE__, __LINE__)

/* ------------------------------------------------------------- oracle */

static unsigned char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c; }
static unsigned char upper(unsigned char c) { return (c >= 'a' && c <= 'z') ? (unsigned char)(c - 32) : c; }

/* The matching rule, by linear scan over the tables: independent of the
 * binary search and of the probe lowercasing in lexicon.c. */
static bool oracle(nt_lexicon lex, const char *w, size_t len)
{
    const nt_lex_table *t = &nt_lex_tables[lex];
    for (size_t i = 0; i < t->n_fold; i++) {
        const char *e = t->fold[i];
        if (strlen(e) != len)
            continue;
        size_t k = 0;
        while (k < len && lower((unsigned char)w[k]) == (unsigned char)e[k])
            k++;
        if (k == len)
            return true;
    }
    for (size_t i = 0; i < t->n_exact; i++) {
        const char *e = t->exact[i];
        if (strlen(e) == len && memcmp(e, w, len) == 0)
            return true;
    }
    return false;
}

static void expect_oracle(nt_lexicon lex, const char *w, size_t len, int line)
{
    expect_at(lex, w, len, oracle(lex, w, len), __FILE__, line);
}

/* ------------------------------------------------------ table invariants */

static void check_array(const char (*a)[NT_LEX_WIDTH], size_t n, bool fold, size_t *longest)
{
    CHECK((n == 0) == (a == NULL));
    for (size_t i = 0; i < n; i++) {
        const char *e = a[i];
        size_t len = 0;
        while (len < NT_LEX_WIDTH && e[len] != '\0')
            len++;
        CHECK(len > 0 && len < NT_LEX_WIDTH); /* NUL-terminated inside its slot */
        if (len > *longest)
            *longest = len;
        for (size_t k = len; k < NT_LEX_WIDTH; k++)
            CHECK(e[k] == '\0'); /* padding is all NUL */
        CHECK(e[len - 1] != '.');
        bool upper_seen = false, ascii = true;
        for (size_t k = 0; k < len; k++) {
            unsigned char c = (unsigned char)e[k];
            if (c >= 'A' && c <= 'Z')
                upper_seen = true;
            if (c <= 0x20 || c >= 0x7f)
                ascii = false;
        }
        CHECK(ascii);
        CHECK(fold ? !upper_seen : upper_seen);
        if (i > 0)
            CHECK(strcmp(a[i - 1], e) < 0); /* sorted, no duplicates */
    }
}

static void check_tables(void)
{
    for (int l = 0; l < NT_LEX_COUNT; l++) {
        const nt_lex_table *t = &nt_lex_tables[l];
        size_t longest = 0;
        CHECK(t->n_fold + t->n_exact > 0);
        check_array(t->fold, t->n_fold, true, &longest);
        check_array(t->exact, t->n_exact, false, &longest);
        CHECK(longest == t->max_len);
        CHECK(t->max_len < NT_LEX_WIDTH);
        /* an exact entry is never shadowed by a fold entry */
        for (size_t i = 0; i < t->n_exact; i++) {
            char buf[NT_LEX_WIDTH];
            size_t len = strlen(t->exact[i]);
            for (size_t k = 0; k <= len; k++)
                buf[k] = (char)lower((unsigned char)t->exact[i][k]);
            for (size_t j = 0; j < t->n_fold; j++)
                if (strcmp(buf, t->fold[j]) == 0)
                    CHECK(!"exact entry duplicated by a fold entry");
        }
    }
}

/* ----------------------------------------------- every entry, variants */

static void check_every_entry(void)
{
    for (int l = 0; l < NT_LEX_COUNT; l++) {
        nt_lexicon lex = (nt_lexicon)l;
        const nt_lex_table *t = &nt_lex_tables[l];
        for (int pass = 0; pass < 2; pass++) {
            size_t n = pass ? t->n_exact : t->n_fold;
            for (size_t i = 0; i < n; i++) {
                const char *e = pass ? t->exact[i] : t->fold[i];
                size_t len = strlen(e);
                char buf[NT_LEX_WIDTH + 2];

                EXPECT_LEN(lex, e, len, true);

                /* case variants: all match for fold entries; for exact
                 * entries only what the oracle says (another exact entry) */
                for (size_t k = 0; k < len; k++)
                    buf[k] = (char)upper((unsigned char)e[k]);
                EXPECT_LEN(lex, buf, len, pass == 0 ? true : oracle(lex, buf, len));
                for (size_t k = 0; k < len; k++)
                    buf[k] = (char)lower((unsigned char)e[k]);
                EXPECT_LEN(lex, buf, len, pass == 0 ? true : oracle(lex, buf, len));
                memcpy(buf, e, len);
                buf[0] = (char)upper((unsigned char)buf[0]);
                EXPECT_LEN(lex, buf, len, pass == 0 ? true : oracle(lex, buf, len));

                /* prefixes and extensions match only if they are entries */
                for (size_t k = 1; k < len; k++)
                    expect_oracle(lex, e, k, __LINE__);
                memcpy(buf, e, len);
                buf[len] = 'x';
                expect_oracle(lex, buf, len + 1, __LINE__);
                buf[len] = '.';
                EXPECT_LEN(lex, buf, len + 1, false); /* no entry ends in a dot */
                buf[len] = '\0';
                EXPECT_LEN(lex, buf, len + 1, false); /* embedded NUL */

                /* the probe is not NUL-terminated: trailing bytes are ignored */
                memcpy(buf, e, len);
                buf[len] = 'Q';
                buf[len + 1] = '\0';
                EXPECT_LEN(lex, buf, len, true);

                /* a non-ASCII byte anywhere never matches */
                memcpy(buf, e, len);
                buf[len / 2] = (char)0xC3;
                EXPECT_LEN(lex, buf, len, false);
            }
        }
    }
}

/* ------------------------------------------------- random probes */

static uint32_t rng_state = 12345u;
static uint32_t rng(void)
{
    rng_state = rng_state * 1664525u + 1013904223u;
    return rng_state >> 8;
}

static void check_random(void)
{
    static const char alphabet[] = "aAbdDeEgHhiIjJkKlLmMnNoOpPrRsStTuUvy.-'0";
    size_t alen = sizeof alphabet - 1;
    char buf[NT_LEX_WIDTH + 4];
    for (int iter = 0; iter < 200000; iter++) {
        nt_lexicon lex = (nt_lexicon)(rng() % NT_LEX_COUNT);
        const nt_lex_table *t = &nt_lex_tables[lex];
        size_t len;
        if (iter % 2 == 0) {
            /* mutate a real entry: change one byte's case, or one byte */
            bool use_exact = t->n_exact > 0 && (rng() & 1);
            size_t n = use_exact ? t->n_exact : t->n_fold;
            if (n == 0)
                continue;
            const char *e = use_exact ? t->exact[rng() % n] : t->fold[rng() % n];
            len = strlen(e);
            memcpy(buf, e, len);
            size_t k = rng() % len;
            switch (rng() % 3) {
            case 0: buf[k] = (char)upper((unsigned char)buf[k]); break;
            case 1: buf[k] = (char)lower((unsigned char)buf[k]); break;
            default: buf[k] = alphabet[rng() % alen]; break;
            }
        } else {
            len = 1 + rng() % (t->max_len + 2u);
            for (size_t k = 0; k < len; k++)
                buf[k] = alphabet[rng() % (iter % 4 == 1 ? 16u : alen)];
        }
        expect_oracle(lex, buf, len, __LINE__);
    }
}

/* ------------------------------------------------- documented behaviour */

static void check_examples(void)
{
    /* case rule on lower-case entries */
    YES(NT_LEX_ABBREV_ID, "Prof");
    YES(NT_LEX_ABBREV_ID, "prof");
    YES(NT_LEX_ABBREV_ID, "PROF");
    YES(NT_LEX_ABBREV_ID, "pRoF");
    YES(NT_LEX_ABBREV_ID, "dr");
    YES(NT_LEX_ABBREV_ID, "Dr");
    YES(NT_LEX_ABBREV_ID, "DR");
    YES(NT_LEX_ABBREV_ID, "a.n");
    YES(NT_LEX_ABBREV_ID, "A.n");
    YES(NT_LEX_ABBREV_ID, "s.d");
    YES(NT_LEX_ABBREV_ID, "dll");
    YES(NT_LEX_ABBREV_ID, "Dll");
    YES(NT_LEX_ABBREV_ID, "dsb");
    YES(NT_LEX_ABBREV_ID, "Jl");
    YES(NT_LEX_ABBREV_ID, "hlm");
    YES(NT_LEX_ABBREV_ID, "Tbk");
    YES(NT_LEX_ABBREV_ID, "AKBP");
    YES(NT_LEX_ABBREV_ID, "Brigjen");
    YES(NT_LEX_ABBREV_ID, "Kompol");
    /* exact entries in ABBREV_ID */
    YES(NT_LEX_ABBREV_ID, "No");
    NO(NT_LEX_ABBREV_ID, "no");
    NO(NT_LEX_ABBREV_ID, "NO");
    YES(NT_LEX_ABBREV_ID, "H");
    NO(NT_LEX_ABBREV_ID, "h");
    YES(NT_LEX_ABBREV_ID, "Hal");
    NO(NT_LEX_ABBREV_ID, "hal"); /* "hal" is a common word */
    YES(NT_LEX_ABBREV_ID, "S.Kom");
    NO(NT_LEX_ABBREV_ID, "s.kom");
    YES(NT_LEX_ABBREV_ID, "S.H");
    YES(NT_LEX_ABBREV_ID, "Ph.D");
    YES(NT_LEX_ABBREV_ID, "Sp.PD");
    YES(NT_LEX_ABBREV_ID, "Feb");
    NO(NT_LEX_ABBREV_ID, "FEB");
    YES(NT_LEX_ABBREV_ID, "Okt");
    YES(NT_LEX_ABBREV_ID, "Kel");
    NO(NT_LEX_ABBREV_ID, "KEL");
    /* deliberately absent */
    NO(NT_LEX_ABBREV_ID, "Rp");
    NO(NT_LEX_ABBREV_ID, "PT");
    NO(NT_LEX_ABBREV_ID, "Agus");
    NO(NT_LEX_ABBREV_ID, "yang");

    /* ABBREV_EN */
    YES(NT_LEX_ABBREV_EN, "Mr");
    YES(NT_LEX_ABBREV_EN, "MR");
    YES(NT_LEX_ABBREV_EN, "Mrs");
    YES(NT_LEX_ABBREV_EN, "Ms");
    NO(NT_LEX_ABBREV_EN, "MS");
    YES(NT_LEX_ABBREV_EN, "No");
    NO(NT_LEX_ABBREV_EN, "no");
    NO(NT_LEX_ABBREV_EN, "NO");
    YES(NT_LEX_ABBREV_EN, "e.g");
    YES(NT_LEX_ABBREV_EN, "E.G");
    YES(NT_LEX_ABBREV_EN, "i.e");
    YES(NT_LEX_ABBREV_EN, "etc");
    YES(NT_LEX_ABBREV_EN, "U.S");
    YES(NT_LEX_ABBREV_EN, "u.s");
    YES(NT_LEX_ABBREV_EN, "a.m");
    YES(NT_LEX_ABBREV_EN, "p.m");
    YES(NT_LEX_ABBREV_EN, "P.M");
    YES(NT_LEX_ABBREV_EN, "Inc");
    YES(NT_LEX_ABBREV_EN, "Sept");
    YES(NT_LEX_ABBREV_EN, "Calif");
    YES(NT_LEX_ABBREV_EN, "Rep");
    NO(NT_LEX_ABBREV_EN, "rep");
    YES(NT_LEX_ABBREV_EN, "Ill");
    NO(NT_LEX_ABBREV_EN, "ill");
    NO(NT_LEX_ABBREV_EN, "Sun");
    NO(NT_LEX_ABBREV_EN, "US"); /* "u.s" needs its dot */
    NO(NT_LEX_ABBREV_EN, "Prof."); /* words are given without the final dot */

    /* TITLES */
    YES(NT_LEX_TITLES, "Presiden");
    YES(NT_LEX_TITLES, "presiden");
    YES(NT_LEX_TITLES, "PRESIDEN");
    YES(NT_LEX_TITLES, "Kapolri");
    YES(NT_LEX_TITLES, "Pak");
    YES(NT_LEX_TITLES, "Bu");
    YES(NT_LEX_TITLES, "Senator");
    YES(NT_LEX_TITLES, "Queen");
    YES(NT_LEX_TITLES, "Dr");
    NO(NT_LEX_TITLES, "Jokowi");

    /* LANG_ID / LANG_EN */
    YES(NT_LEX_LANG_ID, "yang");
    YES(NT_LEX_LANG_ID, "Yang");
    YES(NT_LEX_LANG_ID, "dan");
    YES(NT_LEX_LANG_ID, "tidak");
    YES(NT_LEX_LANG_ID, "ujar");
    NO(NT_LEX_LANG_ID, "the");
    NO(NT_LEX_LANG_ID, "data");
    YES(NT_LEX_LANG_EN, "the");
    YES(NT_LEX_LANG_EN, "The");
    YES(NT_LEX_LANG_EN, "THE");
    YES(NT_LEX_LANG_EN, "said");
    YES(NT_LEX_LANG_EN, "would");
    NO(NT_LEX_LANG_EN, "yang");
    NO(NT_LEX_LANG_EN, "program");
    NO(NT_LEX_LANG_EN, "who"); /* WHO in Indonesian news */
    NO(NT_LEX_LANG_EN, "as");  /* AS = Amerika Serikat */

    /* prefixes and extensions of entries */
    NO(NT_LEX_ABBREV_ID, "pro");   /* prefix of "prof" */
    NO(NT_LEX_ABBREV_ID, "profe");
    NO(NT_LEX_ABBREV_ID, "a.");    /* prefix of "a.n" */
    NO(NT_LEX_ABBREV_ID, "a");
    NO(NT_LEX_ABBREV_ID, "S.Ko");  /* prefix of "S.Kom" */
    NO(NT_LEX_LANG_EN, "th");      /* prefix of "the" */
    NO(NT_LEX_LANG_EN, "thee");
    NO(NT_LEX_LANG_ID, "yan");
    NO(NT_LEX_LANG_ID, "yangg");

    /* empty, NULL, too long, bad list */
    EXPECT_LEN(NT_LEX_ABBREV_ID, "", 0, false);
    EXPECT_LEN(NT_LEX_ABBREV_ID, "Prof", 0, false);
    EXPECT_LEN(NT_LEX_LANG_EN, NULL, 0, false);
    CHECK(!nt_lexicon_has(NT_LEX_LANG_EN, NULL, 3));
    CHECK(!nt_lexicon_has(NT_LEX_COUNT, "the", 3));
    CHECK(!nt_lexicon_has((nt_lexicon)99, "the", 3));
    CHECK(!nt_lexicon_has((nt_lexicon)-1, "the", 3));
    /* a length beyond the longest entry returns false before reading */
    CHECK(!nt_lexicon_has(NT_LEX_ABBREV_ID, "Prof", SIZE_MAX));
    CHECK(!nt_lexicon_has(NT_LEX_LANG_EN, "the", (size_t)NT_LEX_WIDTH));
    NO(NT_LEX_LANG_ID, "yangyangyangyangyangyangyangyang");

    /* the probe need not be NUL-terminated */
    EXPECT_LEN(NT_LEX_ABBREV_ID, "Prof.", 4, true);
    EXPECT_LEN(NT_LEX_ABBREV_ID, "dllama", 3, true);
    EXPECT_LEN(NT_LEX_ABBREV_ID, "dllama", 4, false);
    EXPECT_LEN(NT_LEX_LANG_EN, "thesis", 3, true);
    {
        char exact4[4] = {'S', '.', 'S', 'n'}; /* no terminator at all */
        EXPECT_LEN(NT_LEX_ABBREV_ID, exact4, 4, true);
        EXPECT_LEN(NT_LEX_ABBREV_ID, exact4, 3, true); /* "S.S" */
    }

    /* NUL and non-ASCII bytes */
    EXPECT_LEN(NT_LEX_LANG_EN, "the\0", 4, false);
    EXPECT_LEN(NT_LEX_LANG_EN, "\0the", 4, false);
    EXPECT_LEN(NT_LEX_LANG_EN, "t\0e", 3, false);
    NO(NT_LEX_ABBREV_ID, "Prof\xc3\xa9");
    NO(NT_LEX_ABBREV_ID, "\xc3\xa9");
    NO(NT_LEX_LANG_ID, "yang\x80");
    NO(NT_LEX_LANG_EN, "\xefthe");
    NO(NT_LEX_LANG_EN, "th\xc3\xa9");
    NO(NT_LEX_ABBREV_EN, "M\xe2\x80\x8br"); /* zero-width space inside */
    /* Unicode case folding is not applied: fullwidth letters never match */
    NO(NT_LEX_LANG_EN, "\xef\xbd\x94\xef\xbd\x88\xef\xbd\x85");
    /* Latin-1-style bytes that lowercase to ASCII in some locales */
    EXPECT_LEN(NT_LEX_LANG_EN, "\xd4he", 3, false);

    /* whitespace and punctuation around the word are not stripped */
    NO(NT_LEX_LANG_EN, " the");
    NO(NT_LEX_LANG_EN, "the ");
    NO(NT_LEX_ABBREV_ID, "(Prof");
}

int main(void)
{
    check_tables();
    check_examples();
    check_every_entry();
    check_random();
    if (n_failed) {
        fprintf(stderr, "test_lexicon: %lu of %lu checks failed\n", n_failed, n_checks);
        return 1;
    }
    printf("test_lexicon: %lu checks passed\n", n_checks);
    return 0;
}
