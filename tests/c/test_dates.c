/* test_dates.c — unit tests of nt_dates_find (csrc/dates.c) and the phrase
 * lookups it uses (csrc/phrases.c).  Built and run by tests/test_c_core.py
 * (also under ASan+UBSan); prints "test_dates: N checks passed". */
#include "internal.h"

#include "harness.h"


/* Find dates in s; expect exactly one with the given text and values. */
static void expect_one(const char *s, const char *want, int y, int m, int d, int hh, int mm,
                       const char *zone, int line) {
    nt_dates ds;
    nt_dates_init(&ds, NULL);
    nt_status st = nt_dates_find(s, strlen(s), NULL, &ds, NULL);
    int ok = st == NT_OK && ds.len == 1;
    if (ok) {
        nt_date *x = &ds.items[0];
        size_t n = (size_t)(x->end - x->start);
        ok = n == strlen(want) && memcmp(s + x->start, want, n) == 0 && x->year == y &&
             x->month == m && x->day == d && x->hour == hh && x->minute == mm;
        if (ok && zone == NULL) ok = x->zone_start == -1 && x->zone_end == -1;
        if (ok && zone != NULL)
            ok = (size_t)(x->zone_end - x->zone_start) == strlen(zone) &&
                 memcmp(s + x->zone_start, zone, strlen(zone)) == 0;
    }
    checks++;
    if (!ok) {
        failures++;
        fprintf(stderr, "%s:%d: dates(\"%s\") gave %zu dates (status %d)\n", __FILE__, line, s,
                ds.len, (int)st);
    }
    nt_dates_free(&ds);
}
#define ONE(s, want, y, m, d, hh, mm, zone) expect_one(s, want, y, m, d, hh, mm, zone, __LINE__)

static size_t count(const char *s) {
    nt_dates ds;
    nt_dates_init(&ds, NULL);
    nt_status st = nt_dates_find(s, strlen(s), NULL, &ds, NULL);
    size_t n = st == NT_OK ? ds.len : (size_t)-1;
    nt_dates_free(&ds);
    return n;
}

static int stop_now(void *ctx) {
    (void)ctx;
    return 1;
}

int main(void) {
    ONE("Kompas.com - 14/09/2023, 14:54 WIB", "14/09/2023, 14:54 WIB", 2023, 9, 14, 14, 54, "WIB");
    ONE("pada Rabu (13/9/2023) sore", "Rabu (13/9/2023)", 2023, 9, 13, -1, -1, NULL);
    ONE("hari Kamis (14/09).", "Kamis (14/09)", 0, 9, 14, -1, -1, NULL);
    ONE("19 Juni 2024, 11:03 WIBPYONGYANG,", "19 Juni 2024, 11:03 WIB", 2024, 6, 19, 11, 3, "WIB");
    ONE("tiba pukul 16.00 WITA", "pukul 16.00 WITA", 0, 0, 0, 16, 0, "WITA");
    ONE("Updated 3:45 p.m. ET", "3:45 p.m. ET", 0, 0, 0, 15, 45, "ET");
    ONE("March 6, 2025", "March 6, 2025", 2025, 3, 6, -1, -1, NULL);
    ONE("1 Agu 2023", "1 Agu 2023", 2023, 8, 1, -1, -1, NULL);
    ONE("2023-09-13", "2023-09-13", 2023, 9, 13, -1, -1, NULL);
    ONE("29/2/2024", "29/2/2024", 2024, 2, 29, -1, -1, NULL);
    CHECK(count("29/2/2023") == 0);             /* not a leap year */
    CHECK(count("rasio 2:1 dan 1/2 porsi") == 0);
    CHECK(count("Rp 16.00 juta") == 0);
    CHECK(count("5 des persen") == 0);          /* abbreviation needs a capital */
    CHECK(count("") == 0);
    CHECK(count("Minggu lalu") == 0);           /* a day name alone is no date */

    /* ref resolves a missing year to the nearest one */
    {
        const char *s = "Sabtu (30/12)";
        nt_date ref;
        memset(&ref, 0, sizeof ref);
        ref.year = 2024;
        ref.month = 1;
        ref.day = 2;
        nt_dates ds;
        nt_dates_init(&ds, NULL);
        CHECK(nt_dates_find(s, strlen(s), &ref, &ds, NULL) == NT_OK);
        CHECK(ds.len == 1 && ds.items[0].year == 2023 && (ds.items[0].flags & NT_DATE_YEAR_RESOLVED));
        CHECK(ds.len == 1 && ds.items[0].weekday == 6);
        nt_dates_free(&ds);
        nt_dates_free(&ds); /* twice is safe */
    }

    /* bad arguments, interrupt */
    {
        nt_dates ds;
        nt_dates_init(&ds, NULL);
        CHECK(nt_dates_find(NULL, 3, NULL, &ds, NULL) == NT_EINVAL);
        CHECK(nt_dates_find("x", 1, NULL, NULL, NULL) == NT_EINVAL);
        CHECK(nt_dates_find(NULL, 0, NULL, &ds, NULL) == NT_OK && ds.len == 0);
        size_t big = NT_INTERRUPT_BYTES * 2 + 10;
        char *buf = malloc(big);
        CHECK(buf != NULL);
        if (buf) {
            memset(buf, 'a', big);
            nt_interrupt intr = {stop_now, NULL};
            CHECK(nt_dates_find(buf, big, NULL, &ds, &intr) == NT_EINTR);
            free(buf);
        }
        nt_dates_free(&ds);
    }

    /* every allocation failure is a clean NT_ENOMEM without leaks */
    {
        char text[4096];
        size_t used = 0;
        while (used + 20 < sizeof text) {
            memcpy(text + used, "Rabu (13/9/2023) ", 17);
            used += 17;
        }
        int saw_enomem = 0;
        for (long k = 1; k < 20; k++) {
            test_alloc_ctx ctx = {0, k, 0, 0};
            nt_allocator a = {t_malloc, t_realloc, t_free, &ctx};
            nt_dates ds;
            nt_dates_init(&ds, &a);
            nt_status st = nt_dates_find(text, used, NULL, &ds, NULL);
            CHECK(st == NT_OK || st == NT_ENOMEM);
            if (st == NT_ENOMEM) saw_enomem = 1;
            nt_dates_free(&ds);
            CHECK(ctx.live == 0);
        }
        CHECK(saw_enomem);
    }

    /* phrase lookups */
    CHECK(nt_phrase_find(NT_PH_MONTHS, "Agustus", 7) != NULL &&
          nt_phrase_find(NT_PH_MONTHS, "Agustus", 7)->value == 8);
    CHECK(nt_phrase_find(NT_PH_MONTHS, "Agustusan", 9) == NULL);
    CHECK(nt_phrase_find(NT_PH_LINES, "Baca Juga", 9) != NULL);
    CHECK(nt_phrase_find(NT_PH_COUNT, "x", 1) == NULL);
    CHECK(strcmp(nt_outlet_name("KOMPAS.TV", 9), "Kompas.TV") == 0);
    CHECK(strcmp(nt_outlet_name("p.dw.com", 8), "DW") == 0);
    CHECK(nt_outlet_name("example.org", 11) == NULL);
    CHECK(nt_days_from_civil(1970, 1, 1) == 0 && nt_days_from_civil(2024, 3, 1) - nt_days_from_civil(2024, 2, 28) == 2);

    return test_summary("test_dates");
}
