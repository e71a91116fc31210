/*
 * test_unicode.c — exact checks of the Unicode property lookups
 * (csrc/unicode.c).  Standalone: links only unicode.c.
 *
 *   cc -std=c11 -Wall -Wextra -Werror -Icsrc tests/c/test_unicode.c \
 *      csrc/unicode.c -o /tmp/t && /tmp/t
 *
 * The exhaustive comparison with the Unicode data, every code point, is
 * tests/test_unicode_tables.py; this file pins down the values the
 * tokenizer relies on.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static int n_checks;
static int n_failed;

static const char *const gc_names[] = {
    "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No",
    "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs",
    "Zl", "Zp", "Cc", "Cf", "Cs", "Co",
};

static const char *gc_name(nt_gc g) {
    if ((int)g >= 0 && (int)g < NT_GC_COUNT)
        return gc_names[g];
    return "??";
}

static void check_gc(int line, uint32_t cp, nt_gc want) {
    nt_gc got = nt_uc_category(cp);
    n_checks++;
    if (got != want) {
        n_failed++;
        fprintf(stderr, "test_unicode.c:%d: category(U+%04lX) = %s, want %s\n",
                line, (unsigned long)cp, gc_name(got), gc_name(want));
    }
}

static void check_map(int line, const char *what, uint32_t cp, uint32_t got,
                      uint32_t want) {
    n_checks++;
    if (got != want) {
        n_failed++;
        fprintf(stderr, "test_unicode.c:%d: %s(U+%04lX) = U+%04lX, want U+%04lX\n",
                line, what, (unsigned long)cp, (unsigned long)got,
                (unsigned long)want);
    }
}

static void check_bool(int line, const char *what, uint32_t cp, bool got,
                       bool want) {
    n_checks++;
    if (got != want) {
        n_failed++;
        fprintf(stderr, "test_unicode.c:%d: %s(U+%04lX) = %d, want %d\n", line,
                what, (unsigned long)cp, (int)got, (int)want);
    }
}

#define GC(cp, g) check_gc(__LINE__, (cp), NT_GC_##g)
#define LOWER(cp, want) check_map(__LINE__, "lower", (cp), nt_uc_lower(cp), (want))
#define UPPER(cp, want) check_map(__LINE__, "upper", (cp), nt_uc_upper(cp), (want))
/* An upper/lower case pair in both directions. */
#define PAIR(up, lo)                                                          \
    do {                                                                      \
        LOWER((up), (lo));                                                    \
        UPPER((lo), (up));                                                    \
        LOWER((lo), (lo));                                                    \
        UPPER((up), (up));                                                    \
    } while (0)
#define SPACE(cp, want) check_bool(__LINE__, "is_space", (cp), nt_uc_is_space(cp), (want))

static void test_version(void) {
    const char *v = nt_unicode_version();
    n_checks++;
    if (v == NULL || strcmp(v, "17.0.0") != 0) {
        n_failed++;
        fprintf(stderr, "test_unicode.c:%d: nt_unicode_version() = %s, want 17.0.0\n",
                __LINE__, v ? v : "(null)");
    }
}

static void test_categories(void) {
    /* ASCII */
    GC('A', Lu);
    GC('Z', Lu);
    GC('a', Ll);
    GC('z', Ll);
    GC('0', Nd);
    GC('5', Nd);
    GC(' ', Zs);
    GC('\n', Cc);
    GC('\t', Cc);
    GC(0x00, Cc);
    GC(0x7F, Cc);
    GC('_', Pc);
    GC('-', Pd);
    GC('(', Ps);
    GC(')', Pe);
    GC('.', Po);
    GC('"', Po);
    GC('\'', Po);
    GC('+', Sm);
    GC('$', Sc);
    GC('^', Sk);
    GC('`', Sk);
    GC('|', Sm);
    /* Latin-1 and general punctuation */
    GC(0x0080, Cc);
    GC(0x0085, Cc);
    GC(0x00A0, Zs);
    GC(0x00A9, So);   /* © */
    GC(0x00AB, Pi);   /* « */
    GC(0x00BB, Pf);   /* » */
    GC(0x00AD, Cf);   /* soft hyphen */
    GC(0x00B2, No);   /* ² */
    GC(0x00D7, Sm);   /* × */
    GC(0x00E9, Ll);   /* é */
    GC(0x00C9, Lu);   /* É */
    GC(0x00AA, Lo);   /* ª */
    GC(0x02B0, Lm);   /* ʰ */
    GC(0x01C5, Lt);   /* ǅ */
    GC(0x2014, Pd);   /* — */
    GC(0x2013, Pd);   /* – */
    GC(0x2018, Pi);   /* ‘ */
    GC(0x2019, Pf);   /* ’ */
    GC(0x201C, Pi);   /* “ */
    GC(0x201D, Pf);   /* ” */
    GC(0x201E, Ps);   /* „ */
    GC(0x2026, Po);   /* … */
    GC(0x200B, Cf);   /* zero width space */
    GC(0x200D, Cf);   /* ZWJ */
    GC(0x2028, Zl);
    GC(0x2029, Zp);
    GC(0x202F, Zs);
    GC(0x3000, Zs);
    GC(0x20AC, Sc);   /* € */
    GC(0x2160, Nl);   /* Ⅰ */
    GC(0xFEFF, Cf);   /* BOM */
    GC(0xFFFD, So);
    GC(0xFFFF, Cn);
    /* other scripts */
    GC(0x0660, Nd);   /* Arabic-Indic zero */
    GC(0x0966, Nd);   /* Devanagari zero */
    GC(0xFF10, Nd);   /* fullwidth zero */
    GC(0x0627, Lo);   /* Arabic alef */
    GC(0x0E01, Lo);   /* Thai ko kai */
    GC(0x0E31, Mn);   /* Thai mai han-akat */
    GC(0x0903, Mc);   /* Devanagari visarga */
    GC(0x20DD, Me);   /* combining enclosing circle */
    GC(0x0301, Mn);   /* combining acute */
    GC(0x4E00, Lo);   /* CJK */
    GC(0xAC00, Lo);   /* Hangul syllable */
    GC(0x3042, Lo);   /* hiragana a */
    GC(0x0391, Lu);   /* Α */
    GC(0x03B1, Ll);   /* α */
    GC(0x0416, Lu);   /* Ж */
    GC(0x0436, Ll);   /* ж */
    /* astral, surrogates, private use, limits */
    GC(0x1F600, So);  /* 😀 */
    GC(0x1F1E9, So);  /* regional indicator D */
    GC(0x1F3FB, Sk);  /* skin tone modifier */
    GC(0x1D400, Lu);  /* mathematical bold A */
    GC(0x20000, Lo);  /* CJK extension B */
    GC(0xE0001, Cf);  /* language tag */
    GC(0xE0100, Mn);  /* variation selector 17 */
    GC(0xD800, Cs);
    GC(0xDBFF, Cs);
    GC(0xDFFF, Cs);
    GC(0xE000, Co);
    GC(0xF8FF, Co);
    GC(0xF0000, Co);
    GC(0x10FFFD, Co);
    GC(0x10FFFE, Cn);
    GC(0x10FFFF, Cn);
    GC(0x110000, Cn);
    GC(0xFFFFFFFF, Cn);
    GC(0x0378, Cn);   /* unassigned in the Greek block */
    /* new in Unicode 16.0 and 17.0 */
    GC(0x10D50, Lu);  /* Garay capital a */
    GC(0x10D70, Ll);  /* Garay small a */
    GC(0x16EA0, Lu);  /* Beria Erfe capital arkab */
    GC(0x16EBB, Ll);  /* Beria Erfe small arkab */
    GC(0x20C0, Sc);   /* som sign (14.0) */
    GC(0x20C1, Sc);   /* Saudi riyal sign (17.0) */
}

static void test_case(void) {
    uint32_t c;
    /* ASCII, exhaustively */
    for (c = 0; c < 0x80; c++) {
        uint32_t lo = (c >= 'A' && c <= 'Z') ? c + 32 : c;
        uint32_t up = (c >= 'a' && c <= 'z') ? c - 32 : c;
        LOWER(c, lo);
        UPPER(c, up);
    }
    PAIR(0x00C9, 0x00E9);  /* É é */
    PAIR(0x00C0, 0x00E0);  /* À à */
    PAIR(0x0178, 0x00FF);  /* Ÿ ÿ */
    PAIR(0x0100, 0x0101);  /* Ā ā */
    PAIR(0x0391, 0x03B1);  /* Α α */
    PAIR(0x03A9, 0x03C9);  /* Ω ω */
    PAIR(0x0386, 0x03AC);  /* Ά ά */
    PAIR(0x0410, 0x0430);  /* А а */
    PAIR(0x042F, 0x044F);  /* Я я */
    PAIR(0x0401, 0x0451);  /* Ё ё */
    PAIR(0x0531, 0x0561);  /* Armenian */
    PAIR(0x10A0, 0x2D00);  /* Georgian Asomtavruli / Nuskhuri */
    PAIR(0x1C90, 0x10D0);  /* Georgian Mtavruli / Mkhedruli */
    PAIR(0x13A0, 0xAB70);  /* Cherokee */
    PAIR(0x24B6, 0x24D0);  /* circled A */
    PAIR(0x2160, 0x2170);  /* Roman numeral one */
    PAIR(0xFF21, 0xFF41);  /* fullwidth A */
    PAIR(0x10400, 0x10428);  /* Deseret */
    PAIR(0x1E900, 0x1E922);  /* Adlam */
    PAIR(0x10D50, 0x10D70);  /* Garay (16.0) */
    PAIR(0x16EA0, 0x16EBB);  /* Beria Erfe (17.0) */
    PAIR(0xA7DC, 0x019B);    /* lambda with stroke (16.0) */
    PAIR(0xA7D2, 0xA7D3);    /* double thorn (17.0) */

    /* Σ σ ς */
    PAIR(0x03A3, 0x03C3);
    LOWER(0x03C2, 0x03C2);
    UPPER(0x03C2, 0x03A3);

    /* Turkish i: the simple, language-neutral mappings */
    LOWER(0x0130, 0x0069);   /* İ -> i */
    UPPER(0x0130, 0x0130);
    UPPER(0x0131, 0x0049);   /* ı -> I */
    LOWER(0x0131, 0x0131);
    UPPER('i', 'I');
    LOWER('I', 'i');

    /* ß has no simple uppercase; ẞ lowercases to ß */
    UPPER(0x00DF, 0x00DF);
    LOWER(0x00DF, 0x00DF);
    LOWER(0x1E9E, 0x00DF);
    UPPER(0x1E9E, 0x1E9E);

    /* titlecase digraphs: ǅ lowers to ǆ, uppers to Ǆ */
    LOWER(0x01C5, 0x01C6);
    UPPER(0x01C5, 0x01C4);
    UPPER(0x01C6, 0x01C4);
    LOWER(0x01C4, 0x01C6);

    /* Greek with ypogegrammeni: simple uppercase is the titlecase letter */
    UPPER(0x1F80, 0x1F88);
    LOWER(0x1F88, 0x1F80);
    UPPER(0x1F88, 0x1F88);
    UPPER(0x1FB3, 0x1FBC);

    /* signs that lowercase to letters */
    LOWER(0x212A, 0x006B);   /* KELVIN SIGN */
    LOWER(0x2126, 0x03C9);   /* OHM SIGN */
    LOWER(0x212B, 0x00E5);   /* ANGSTROM SIGN */
    UPPER(0x00B5, 0x039C);   /* MICRO SIGN */
    UPPER(0x017F, 0x0053);   /* long s */

    /* no mapping */
    LOWER(0x1D400, 0x1D400); /* mathematical bold A */
    UPPER(0x1D41A, 0x1D41A); /* mathematical bold a */
    LOWER(0x4E00, 0x4E00);
    UPPER(0x0660, 0x0660);
    LOWER(0xD800, 0xD800);
    LOWER(0x10FFFF, 0x10FFFF);
    LOWER(0x110000, 0x110000);
    UPPER(0xFFFFFFFF, 0xFFFFFFFF);
}

static void test_space(void) {
    uint32_t c;
    for (c = 0; c < 0x80; c++) {
        bool want = c == ' ' || (c >= 0x09 && c <= 0x0D);
        SPACE(c, want);
    }
    SPACE(0x0085, true);
    SPACE(0x00A0, true);
    SPACE(0x1680, true);
    SPACE(0x2000, true);
    SPACE(0x200A, true);
    SPACE(0x2028, true);
    SPACE(0x2029, true);
    SPACE(0x202F, true);
    SPACE(0x205F, true);
    SPACE(0x3000, true);
    SPACE(0x200B, false);  /* zero width space is Cf, not White_Space */
    SPACE(0x180E, false);  /* Mongolian vowel separator is Cf since 6.3 */
    SPACE(0xFEFF, false);
    SPACE(0x001C, false);  /* information separators are not White_Space */
    SPACE(0x001F, false);
    SPACE(0x0084, false);
    SPACE(0x0086, false);
    SPACE('a', false);
    SPACE(0x110000, false);
}

int main(void) {
    test_version();
    test_categories();
    test_case();
    test_space();
    if (n_failed) {
        fprintf(stderr, "test_unicode: %d of %d checks failed\n", n_failed, n_checks);
        return 1;
    }
    printf("test_unicode: %d checks passed\n", n_checks);
    return 0;
}
