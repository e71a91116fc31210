/* fuzz_dates.c — libFuzzer target: nt_dates_find.
 *
 * opt[0] bit 0: pass a reference date built from opt[1..3] (year
 * 1900..2155, month 1..12, day 1..28); otherwise NULL.
 * Invariants: expressions non-empty, in order, not overlapping, on unit
 * boundaries; month 0..12, day 0..31, a complete date is a real calendar
 * day (31/2/2024 is never reported), hour -1..23 and minute -1..59 set
 * together, weekday 0..7, the zone inside the expression or both -1;
 * NT_DATE_YEAR_RESOLVED only with a reference and a year; the reference
 * changes years only, never which expressions are found nor their other
 * fields; appending to a non-empty array appends what an empty one gets.
 * No "pieces" check: an expression may run over a line break
 * ("Rabu,\n13 September 2023").
 */
#include "common.h"

static int days_in(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

static void find(const fz_input *in, const nt_date *ref, nt_dates *out)
{
    FZ_OK(nt_dates_find(in->text, in->len, ref, out, NULL));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in;
    fz_begin(&in, data, size);
    nt_date ref;
    memset(&ref, 0, sizeof ref);
    ref.year = (int16_t)(1900 + in.opt[1]);
    ref.month = (uint8_t)(1 + in.opt[2] % 12);
    ref.day = (uint8_t)(1 + in.opt[3] % 28);
    const nt_date *r = (in.opt[0] & 1) ? &ref : NULL;

    nt_dates d;
    nt_dates_init(&d, NULL);
    find(&in, r, &d);
    int64_t prev = 0;
    for (size_t i = 0; i < d.len; i++) {
        const nt_date *x = &d.items[i];
        fz_check_span(&in, x->start, x->end, 1);
        FZ_REQUIRE(x->start >= prev);
        prev = x->end;
        FZ_REQUIRE(x->month <= 12 && x->day <= 31 && x->weekday <= 7);
        FZ_REQUIRE(x->year >= 0 && x->year <= 9999);
        if (x->year > 0 && x->month > 0 && x->day > 0)
            FZ_REQUIRE(x->day <= days_in(x->year, x->month));
        FZ_REQUIRE(x->hour >= -1 && x->hour <= 23 && x->minute >= -1 && x->minute <= 59);
        FZ_REQUIRE((x->hour < 0) == (x->minute < 0));
        FZ_REQUIRE(x->year || x->month || x->hour >= 0 || x->weekday);
        if (x->zone_start < 0) {
            FZ_REQUIRE(x->zone_end == -1 && x->zone_start == -1);
        } else {
            fz_check_span(&in, x->zone_start, x->zone_end, 1);
            FZ_REQUIRE(x->zone_start >= x->start && x->zone_end <= x->end);
        }
        FZ_REQUIRE((x->flags & ~NT_DATE_YEAR_RESOLVED) == 0);
        if (x->flags & NT_DATE_YEAR_RESOLVED)
            FZ_REQUIRE(r != NULL && x->year > 0);
    }

    /* the other reference (none <-> some) finds the same expressions */
    nt_dates o;
    nt_dates_init(&o, NULL);
    find(&in, r ? NULL : &ref, &o);
    FZ_REQUIRE(o.len == d.len);
    for (size_t i = 0; i < d.len; i++) {
        const nt_date *x = &d.items[i], *y = &o.items[i];
        FZ_REQUIRE(x->start == y->start && x->end == y->end);
        FZ_REQUIRE(x->month == y->month && x->day == y->day && x->weekday == y->weekday);
        FZ_REQUIRE(x->hour == y->hour && x->minute == y->minute);
        FZ_REQUIRE(x->zone_start == y->zone_start && x->zone_end == y->zone_end);
        if (!(x->flags & NT_DATE_YEAR_RESOLVED) && !(y->flags & NT_DATE_YEAR_RESOLVED))
            FZ_REQUIRE(x->year == y->year);
    }
    nt_dates_free(&o);

    /* appending */
    nt_dates app;
    nt_dates_init(&app, NULL);
    find(&in, r, &app);
    size_t from = app.len;
    find(&in, r, &app);
    FZ_REQUIRE(app.len == 2 * from && from == d.len);
    FZ_REQUIRE(d.len == 0 || memcmp(app.items + from, d.items, d.len * sizeof *d.items) == 0);
    nt_dates_free(&app);

    nt_dates_free(&d);
    fz_end(&in);
    return 0;
}
