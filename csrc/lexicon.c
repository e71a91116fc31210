/*
 * lexicon.c — membership tests in the compiled-in word lists.
 *
 * The lists are the text files in csrc/data, turned into
 * csrc/lexicon_tables.h by tools/gen_lexicons.py.  Each list is two sorted
 * arrays of fixed-width, NUL-padded ASCII entries: "fold" entries (written
 * all in lower case; they match ignoring ASCII case) and "exact" entries
 * (containing a capital; they match byte for byte).  A lookup lowercases the
 * probe once into a small stack buffer and binary-searches each array:
 * O(log n) comparisons of at most NT_LEX_WIDTH bytes, no allocation, no
 * mutable state, no recursion.
 */
#include "internal.h"
#include "lexicon_tables.h"

/* Compare the probe (len bytes, none of them NUL) with one NUL-padded entry
 * in strcmp order.  len < NT_LEX_WIDTH, so entry[len] is inside the entry:
 * memcmp sees a shorter entry's padding NUL as smaller than any probe byte. */
static int lex_compare(const unsigned char *probe, size_t len, const char *entry)
{
    int c = memcmp(probe, entry, len);
    if (c != 0)
        return c;
    return entry[len] == '\0' ? 0 : -1;
}

static bool lex_search(const char (*tab)[NT_LEX_WIDTH], size_t n,
                       const unsigned char *probe, size_t len)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = lex_compare(probe, len, tab[mid]);
        if (c == 0)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

bool nt_lexicon_has(nt_lexicon lex, const char *word, size_t len)
{
    if ((unsigned)lex >= (unsigned)NT_LEX_COUNT || word == NULL || len == 0)
        return false;
    const nt_lex_table *t = &nt_lex_tables[lex];
    if (len > t->max_len) /* also guarantees len < NT_LEX_WIDTH */
        return false;

    /* Entries are printable ASCII: a NUL or non-ASCII byte never matches.
     * Lowercase the probe for the fold array and note whether it has a
     * capital at all (every exact entry has one). */
    const unsigned char *w = (const unsigned char *)word;
    unsigned char low[NT_LEX_WIDTH];
    bool has_upper = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = w[i];
        if (c == 0 || c >= 0x80)
            return false;
        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c - 'A' + 'a');
            has_upper = true;
        }
        low[i] = c;
    }

    if (lex_search(t->fold, t->n_fold, low, len))
        return true;
    return has_upper && lex_search(t->exact, t->n_exact, w, len);
}

size_t nt_lexicon_size(nt_lexicon lex)
{
    if ((unsigned)lex >= (unsigned)NT_LEX_COUNT)
        return 0;
    const nt_lex_table *t = &nt_lex_tables[lex];
    return (size_t)t->n_fold + t->n_exact;
}

const char *nt_lexicon_entry(nt_lexicon lex, size_t i)
{
    if ((unsigned)lex >= (unsigned)NT_LEX_COUNT)
        return NULL;
    const nt_lex_table *t = &nt_lex_tables[lex];
    if (i < t->n_fold)
        return t->fold[i];
    i -= t->n_fold;
    return i < t->n_exact ? t->exact[i] : NULL;
}
