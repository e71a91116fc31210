/*
 * dates.c — date and time expressions in Indonesian and English news text.
 *
 * One left-to-right pass.  At every word start (an ASCII letter or digit not
 * preceded by one) the matcher tries the shapes documented at
 * nt_dates_find in newstext.h, longest first; on a match it records the
 * expression and resumes after it, otherwise it skips the word.  Every
 * shape reads a bounded number of words from its start (a day name, at
 * most a date of three parts, a time with am/pm and a zone), and a failed
 * attempt never reads past the next 64 bytes or so, so the pass is O(len).
 * Names come from csrc/data/{months,weekdays,zones}.txt.
 */
#include "internal.h"

void nt_dates_init(nt_dates *d, const nt_allocator *alloc)
{
    d->items = NULL;
    d->len = d->cap = 0;
    d->alloc = nt_alloc_or_default(alloc);
}

void nt_dates_free(nt_dates *d)
{
    nt_array_free(d->alloc, d->items, d->cap, sizeof *d->items);
    d->items = NULL;
    d->len = d->cap = 0;
}

static nt_status dates_push(nt_dates *d, const nt_date *x)
{
    void *p = d->items;
    nt_status st = nt_array_push(d->alloc, &p, &d->len, &d->cap, x, sizeof *x, 16);
    d->items = p;
    return st;
}

/* ------------------------------------------------------------ scanning */

typedef struct {
    const unsigned char *s;
    size_t len;
} src;

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static bool is_alnum(unsigned char c) { return is_digit(c) || is_alpha(c); }
static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

/* Skip spaces and tabs (and U+00A0 NO-BREAK SPACE) but not line breaks. */
static size_t skip_sp(const src *t, size_t i)
{
    for (;;) {
        if (i < t->len && (t->s[i] == ' ' || t->s[i] == '\t'))
            i++;
        else if (i + 1 < t->len && t->s[i] == 0xC2 && t->s[i + 1] == 0xA0)
            i += 2;
        else
            return i;
    }
}

/* Read 1..maxd digits at i; returns the count (0 if none or if more digits
 * follow) and the value. */
static size_t read_num(const src *t, size_t i, size_t maxd, int *val)
{
    size_t n = 0;
    int v = 0;
    while (i + n < t->len && is_digit(t->s[i + n])) {
        if (n == maxd)
            return 0;
        v = v * 10 + (t->s[i + n] - '0');
        n++;
    }
    *val = v;
    return n;
}

/* Length of the ASCII word at i (letters and an inner apostrophe). */
static size_t word_len(const src *t, size_t i)
{
    size_t n = 0;
    while (i + n < t->len &&
           (is_alpha(t->s[i + n]) ||
            (t->s[i + n] == '\'' && n > 0 && i + n + 1 < t->len && is_alpha(t->s[i + n + 1]))))
        n++;
    if (i + n < t->len && t->s[i + n] >= 0x80)
        return 0; /* the word goes on in non-ASCII letters: not a name here */
    return n;
}

/* A month or day name at i: its value, and the end past an optional dot. */
static int name_at(const src *t, size_t i, nt_phrase_list list, size_t *end)
{
    size_t n = word_len(t, i);
    if (n < 2)
        return 0;
    const nt_phrase *p = nt_phrase_find(list, (const char *)t->s + i, n);
    if (p == NULL)
        return 0;
    if (p->a && !is_upper(t->s[i]))
        return 0; /* abbreviations only when capitalised */
    size_t e = i + n;
    if (p->a && e < t->len && t->s[e] == '.')
        e++;
    *end = e;
    return p->value;
}

static bool boundary_after(const src *t, size_t i)
{
    return i >= t->len || !is_alnum(t->s[i]);
}

static int days_in_month(int y, int m)
{
    static const unsigned char dim[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && y != 0)
        return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
    return dim[m - 1];
}

static bool valid_date(int y, int m, int d)
{
    if (m < 1 || m > 12)
        return false;
    if (y != 0 && (y < 1000 || y > 2999))
        return false;
    return d == 0 || (d >= 1 && d <= days_in_month(y, m));
}

/* A time at i: H:MM, H.MM, optional am/pm, optional zone.  `loose` allows
 * H.MM and a bare hour with am/pm without other evidence (after "pukul",
 * "jam", "at").  Returns the end (0 if no time) and fills x. */
static size_t time_at(const src *t, size_t i, bool loose, nt_date *x)
{
    int h, m = 0;
    size_t n = read_num(t, i, 2, &h);
    if (n == 0)
        return 0;
    size_t j = i + n;
    bool have_min = false;
    unsigned char sep = j < t->len ? t->s[j] : 0;
    if ((sep == ':' || sep == '.') && j + 1 < t->len && is_digit(t->s[j + 1])) {
        size_t k = read_num(t, j + 1, 2, &m);
        if (k == 2 && boundary_after(t, j + 3) && !(j + 3 < t->len && t->s[j + 3] == ':' &&
                                                     j + 4 < t->len && is_digit(t->s[j + 4]))) {
            have_min = true;
            j += 3;
        } else if (k != 0) {
            return 0;
        }
    }
    if (!have_min)
        sep = 0;
    if (h > 24 || m > 59 || (h == 24 && m != 0))
        return 0;
    /* am / pm */
    size_t k = skip_sp(t, j);
    int ampm = 0;
    if (k < t->len && (t->s[k] | 0x20) == 'a')
        ampm = 1;
    else if (k < t->len && (t->s[k] | 0x20) == 'p')
        ampm = 2;
    if (ampm) {
        size_t e = k + 1;
        if (e < t->len && t->s[e] == '.')
            e++;
        if (e < t->len && (t->s[e] | 0x20) == 'm') {
            e++;
            if (e < t->len && t->s[e] == '.')
                e++;
            if (boundary_after(t, e) && h >= 1 && h <= 12) {
                h = ampm == 2 ? (h % 12) + 12 : h % 12;
                j = e;
            } else {
                ampm = 0;
            }
        } else {
            ampm = 0;
        }
    }
    /* zone, in capitals */
    size_t z = skip_sp(t, j);
    size_t zn = 0;
    while (z + zn < t->len && is_upper(t->s[z + zn]))
        zn++;
    bool zone = false;
    if (zn >= 2 && boundary_after(t, z + zn) &&
        nt_phrase_find(NT_PH_ZONES, (const char *)t->s + z, zn) != NULL) {
        zone = true;
    } else if (zn >= 6 && boundary_after(t, z + zn)) {
        /* a zone glued to a capitalised dateline: "11:03 WIBPYONGYANG" */
        for (size_t zl = 4; zl >= 3; zl--) {
            if (nt_phrase_find(NT_PH_ZONES, (const char *)t->s + z, zl) != NULL) {
                zn = zl;
                zone = true;
                break;
            }
        }
    }
    if (!(sep == ':' || ampm || zone || (loose && sep == '.')))
        return 0;
    if (sep == ':' && !ampm && !zone && n == 1 && !loose && h > 12)
        return 0;
    x->hour = (int8_t)(h == 24 ? 0 : h);
    x->minute = (int8_t)m;
    if (zone) {
        x->zone_start = (int64_t)z;
        x->zone_end = (int64_t)(z + zn);
        j = z + zn;
    }
    return j;
}

/* After a date ending at i: ", 14:54 WIB", " pukul 16.00", " at 3 p.m.". */
static size_t trailing_time(const src *t, size_t i, nt_date *x)
{
    size_t j = skip_sp(t, i);
    if (j < t->len && (t->s[j] == ',' || t->s[j] == '|' || t->s[j] == '-'))
        j = skip_sp(t, j + 1);
    bool loose = false;
    size_t w = word_len(t, j);
    if (w > 0) {
        if ((w == 5 && strncasecmp_ascii((const char *)t->s + j, "pukul", 5)) ||
            (w == 3 && strncasecmp_ascii((const char *)t->s + j, "jam", 3)) ||
            (w == 2 && strncasecmp_ascii((const char *)t->s + j, "at", 2))) {
            loose = true;
            j = skip_sp(t, j + w);
        } else {
            return i;
        }
    }
    nt_date y = *x;
    size_t e = time_at(t, j, loose, &y);
    if (e == 0)
        return i;
    *x = y;
    return e;
}

/* Numeric date at i: ISO yyyy-mm-dd, or d/m[/y], d-m-y, d.m.y.  `ctx`:
 * a bracket or day name precedes (allows a bare d/m with short parts). */
static size_t numeric_date_at(const src *t, size_t i, bool ctx, nt_date *x)
{
    int a, b, c;
    size_t na = read_num(t, i, 4, &a);
    if (na == 0)
        return 0;
    size_t j = i + na;
    if (j >= t->len)
        return 0;
    unsigned char sep = t->s[j];
    if (sep != '/' && sep != '-' && sep != '.')
        return 0;
    size_t nb = read_num(t, j + 1, 2, &b);
    if (nb == 0)
        return 0;
    size_t k = j + 1 + nb;
    if (na == 4) { /* ISO */
        if (sep != '-' || k >= t->len || t->s[k] != '-')
            return 0;
        size_t nc = read_num(t, k + 1, 2, &c);
        size_t ce = k + 1 + nc;
        bool tee = ce + 1 < t->len && t->s[ce] == 'T' && is_digit(t->s[ce + 1]);
        if (nc == 0 || (!boundary_after(t, ce) && !tee) || !valid_date(a, b, c) || c == 0)
            return 0;
        x->year = (int16_t)a;
        x->month = (uint8_t)b;
        x->day = (uint8_t)c;
        size_t e = k + 1 + nc;
        if (e + 1 < t->len && (t->s[e] == 'T' || t->s[e] == ' ') && is_digit(t->s[e + 1])) {
            nt_date y = *x;
            size_t te = time_at(t, e + 1, true, &y);
            if (te != 0 && t->s[e] == 'T') {
                *x = y;
                return te;
            }
        }
        return e;
    }
    if (na > 2)
        return 0;
    int y = 0;
    size_t e = k;
    if (k < t->len && t->s[k] == sep && k + 1 < t->len && is_digit(t->s[k + 1])) {
        size_t nc = read_num(t, k + 1, 4, &c);
        if (nc != 2 && nc != 4)
            return 0;
        y = nc == 2 ? 2000 + c : c;
        e = k + 1 + nc;
    } else if (sep != '/') {
        return 0; /* 13-9 and 13.9 need a year */
    } else if (!ctx && (na != 2 || nb != 2)) {
        return 0; /* 1/2 is a fraction unless brackets or a day name say otherwise */
    }
    if (!boundary_after(t, e) || (e < t->len && (t->s[e] == '/' || t->s[e] == '.') &&
                                  e + 1 < t->len && is_digit(t->s[e + 1])))
        return 0;
    int day = a, mon = b;
    if (!valid_date(y, mon, day) || day == 0) {
        if (y != 0 && valid_date(y, a, b) && b != 0) { /* month first (US) */
            day = b;
            mon = a;
        } else {
            return 0;
        }
    }
    x->year = (int16_t)y;
    x->month = (uint8_t)mon;
    x->day = (uint8_t)day;
    return e;
}

/* "14 September 2023", "13 Sept", "1 Agu 2023" at i. */
static size_t day_month_at(const src *t, size_t i, nt_date *x)
{
    int d;
    size_t nd = read_num(t, i, 2, &d);
    if (nd == 0)
        return 0;
    size_t j = skip_sp(t, i + nd);
    if (j == i + nd)
        return 0;
    size_t e;
    int m = name_at(t, j, NT_PH_MONTHS, &e);
    if (m == 0 || !boundary_after(t, e))
        return 0;
    int y = 0;
    size_t k = skip_sp(t, e);
    if (k > e) {
        int yy;
        size_t ny = read_num(t, k, 4, &yy);
        if (ny == 4 && boundary_after(t, k + 4) && yy >= 1000 && yy <= 2999) {
            y = yy;
            e = k + 4;
        }
    }
    if (!valid_date(y, m, d) || d == 0)
        return 0;
    x->year = (int16_t)y;
    x->month = (uint8_t)m;
    x->day = (uint8_t)d;
    return e;
}

/* "September 13, 2023", "Sept. 13", "Juni 2024" at i. */
static size_t month_first_at(const src *t, size_t i, nt_date *x)
{
    size_t e;
    int m = name_at(t, i, NT_PH_MONTHS, &e);
    if (m == 0)
        return 0;
    size_t j = skip_sp(t, e);
    if (j == e)
        return 0;
    int v;
    size_t n = read_num(t, j, 4, &v);
    if (n == 4 && boundary_after(t, j + 4) && v >= 1000 && v <= 2999) {
        x->year = (int16_t)v;
        x->month = (uint8_t)m;
        x->day = 0;
        return j + 4;
    }
    if (n == 0 || n > 2)
        return 0;
    size_t k = j + n;
    /* ordinal suffix */
    if (k + 1 < t->len && ((strncasecmp_ascii((const char *)t->s + k, "st", 2)) ||
                           (strncasecmp_ascii((const char *)t->s + k, "nd", 2)) ||
                           (strncasecmp_ascii((const char *)t->s + k, "rd", 2)) ||
                           (strncasecmp_ascii((const char *)t->s + k, "th", 2))))
        k += 2;
    if (!boundary_after(t, k))
        return 0;
    int y = 0;
    size_t q = k;
    if (q < t->len && t->s[q] == ',')
        q++;
    q = skip_sp(t, q);
    int yy;
    if (q > k && read_num(t, q, 4, &yy) == 4 && boundary_after(t, q + 4) && yy >= 1000 &&
        yy <= 2999) {
        y = yy;
        k = q + 4;
    }
    if (!valid_date(y, m, v) || v == 0)
        return 0;
    x->year = (int16_t)y;
    x->month = (uint8_t)m;
    x->day = (uint8_t)v;
    return k;
}

/* Any date (not a lone time) at i. */
static size_t date_at(const src *t, size_t i, bool ctx, nt_date *x)
{
    size_t e;
    if (is_digit(t->s[i])) {
        if ((e = numeric_date_at(t, i, ctx, x)) != 0)
            return e;
        return day_month_at(t, i, x);
    }
    return month_first_at(t, i, x);
}

/* Try every shape at word start i.  Returns the end, 0 if nothing. */
static size_t match_at(const src *t, size_t i, nt_date *x)
{
    x->start = (int64_t)i;
    x->zone_start = x->zone_end = -1;
    x->year = 0;
    x->month = x->day = 0;
    x->hour = x->minute = -1;
    x->weekday = 0;
    x->flags = 0;
    unsigned char c = t->s[i];
    size_t e;
    bool after_bracket = i > 0 && t->s[i - 1] == '(';
    if (is_digit(c)) {
        if ((e = date_at(t, i, after_bracket, x)) != 0)
            return trailing_time(t, e, x);
        return time_at(t, i, false, x);
    }
    /* a day name followed by a date */
    int wd = name_at(t, i, NT_PH_WEEKDAYS, &e);
    if (wd != 0 && boundary_after(t, e)) {
        size_t j = e;
        if (j < t->len && t->s[j] == ',')
            j++;
        j = skip_sp(t, j);
        bool bracket = j < t->len && t->s[j] == '(';
        if (bracket)
            j = skip_sp(t, j + 1);
        if (j < t->len && is_alnum(t->s[j])) {
            size_t de = date_at(t, j, true, x);
            if (de != 0) {
                x->weekday = (uint8_t)wd;
                if (bracket) {
                    size_t k = skip_sp(t, de);
                    if (k < t->len && t->s[k] == ')')
                        return k + 1; /* a time after the bracket stays apart */
                    /* an unclosed bracket: the date still counts */
                }
                return trailing_time(t, de, x);
            }
        }
        x->weekday = 0;
    }
    if ((e = month_first_at(t, i, x)) != 0)
        return trailing_time(t, e, x);
    /* "pukul 16.00", "jam 9.30 WIT", "at 10 a.m." */
    size_t w = word_len(t, i);
    if ((w == 5 && strncasecmp_ascii((const char *)t->s + i, "pukul", 5)) ||
        (w == 3 && strncasecmp_ascii((const char *)t->s + i, "jam", 3)) ||
        (w == 2 && strncasecmp_ascii((const char *)t->s + i, "at", 2))) {
        size_t j = skip_sp(t, i + w);
        if (j > i + w && j < t->len && is_digit(t->s[j])) {
            bool english = w == 2;
            nt_date y = *x;
            size_t te = time_at(t, j, !english, &y);
            if (te != 0) {
                *x = y;
                return te;
            }
        }
    }
    return 0;
}

static void resolve_year(nt_date *x, const nt_date *ref)
{
    if (ref == NULL || x->year != 0 || x->month == 0 || x->day == 0)
        return;
    if (ref->year < 1000 || ref->month < 1 || ref->month > 12 || ref->day < 1 || ref->day > 31)
        return;
    int64_t r = nt_days_from_civil(ref->year, ref->month, ref->day);
    int best = 0;
    int64_t best_dist = INT64_MAX;
    for (int y = ref->year - 1; y <= ref->year + 1; y++) {
        if (!valid_date(y, x->month, x->day))
            continue;
        int64_t d = nt_days_from_civil(y, x->month, x->day) - r;
        if (d < 0)
            d = -d;
        if (d < best_dist) {
            best_dist = d;
            best = y;
        }
    }
    if (best != 0) {
        x->year = (int16_t)best;
        x->flags |= NT_DATE_YEAR_RESOLVED;
    }
}

nt_status nt_dates_find(const char *text, size_t len, const nt_date *ref, nt_dates *out,
                        const nt_interrupt *intr)
{
    if (out == NULL || (text == NULL && len > 0))
        return NT_EINVAL;
    src t = {(const unsigned char *)text, len};
    size_t next_poll = NT_INTERRUPT_BYTES;
    size_t i = 0;
    while (i < len) {
        if (i >= next_poll) {
            next_poll = i + NT_INTERRUPT_BYTES;
            if (intr != NULL && intr->check != NULL && intr->check(intr->ctx))
                return NT_EINTR;
        }
        unsigned char c = t.s[i];
        if (!is_alnum(c)) {
            i++;
            continue;
        }
        bool start = i == 0 || !(is_alnum(t.s[i - 1]) || t.s[i - 1] == '/' ||
                                 t.s[i - 1] == '.' || t.s[i - 1] == ':' || t.s[i - 1] == '-');
        if (!start && i > 0 && (t.s[i - 1] == '.' || t.s[i - 1] == '-') &&
            !(i > 1 && is_digit(t.s[i - 2])) && !is_digit(c))
            start = true; /* "kemarin.Rabu" is odd, but "-Senin" is a word start */
        if (start && i > 0 && t.s[i - 1] >= 0x80 && nt_letter_before(text, len, i))
            start = false; /* inside a word of non-ASCII letters */
        if (start) {
            nt_date x;
            size_t e = match_at(&t, i, &x);
            if (e != 0) {
                x.end = (int64_t)e;
                resolve_year(&x, ref);
                nt_status s = dates_push(out, &x);
                if (s != NT_OK)
                    return s;
                i = e;
                continue;
            }
        }
        i++;
        while (i < len && is_alnum(t.s[i]) && i < next_poll)
            i++;
    }
    return NT_OK;
}
