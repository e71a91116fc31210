/*
 * lexicon.c — membership tests in the compiled-in word lists.
 *
 * The lists are the text files in csrc/data, turned into
 * csrc/lexicon_tables.h by tools/gen_lexicons.py.  Each list is two sorted
 * arrays of fixed-width, NUL-padded ASCII entries: "fold" entries (written
 * all in lower case; they match ignoring ASCII case) and "exact" entries
 * (containing a capital; they match byte for byte), and each array has a
 * generated open-addressing hash index.  A lookup lowercases the probe once
 * into a small stack buffer while hashing it, then walks the index from the
 * probe's slot to the entry or to an empty slot (the index is at most half
 * full, so that is about one comparison on average): O(1) for a given list,
 * no allocation, no mutable state, no recursion.
 */
#include "internal.h"
#include "lexicon_tables.h"

/* Is the probe (len bytes, none of them NUL, len < NT_LEX_WIDTH) the entry?
 * entry[len] is inside the entry: a longer entry has a non-NUL byte there. */
static inline bool lex_equal(const unsigned char *probe, size_t len, const char *entry)
{
    return memcmp(probe, entry, len) == 0 && entry[len] == '\0';
}

static inline bool lex_find(const char (*tab)[NT_LEX_WIDTH], const uint16_t *index,
                            uint32_t mask, uint32_t hash, const unsigned char *probe,
                            size_t len)
{
    for (uint32_t h = hash & mask;; h = (h + 1) & mask) {
        unsigned v = index[h];
        if (v == 0)
            return false;
        if (lex_equal(probe, len, tab[v - 1]))
            return true;
    }
}

static inline uint32_t fnv_step(uint32_t h, unsigned char c)
{
    return (h ^ c) * NT_LEX_FNV_PRIME;
}

static inline uint32_t fnv_final(uint32_t h)
{
    return h ^ (h >> 16);
}

bool nt_lexicon_has(nt_lexicon lex, const char *word, size_t len)
{
    if ((unsigned)lex >= (unsigned)NT_LEX_COUNT || word == NULL || len == 0)
        return false;
    const nt_lex_table *t = &nt_lex_tables[lex];
    if (len > t->max_len) /* also guarantees len < NT_LEX_WIDTH */
        return false;

    /* Entries are printable ASCII: a NUL or non-ASCII byte never matches.
     * Lowercase and hash the probe for the fold array and note whether it
     * has a capital at all (every exact entry has one). */
    const unsigned char *w = (const unsigned char *)word;
    unsigned char low[NT_LEX_WIDTH];
    bool has_upper = false;
    uint32_t h = NT_LEX_FNV_OFFSET;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = w[i];
        if (c == 0 || c >= 0x80)
            return false;
        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c - 'A' + 'a');
            has_upper = true;
        }
        low[i] = c;
        h = fnv_step(h, c);
    }

    if (t->n_fold && lex_find(t->fold, t->fold_hash, t->fold_mask, fnv_final(h), low, len))
        return true;
    if (!has_upper || t->n_exact == 0)
        return false;
    h = NT_LEX_FNV_OFFSET;
    for (size_t i = 0; i < len; i++)
        h = fnv_step(h, w[i]);
    return lex_find(t->exact, t->exact_hash, t->exact_mask, fnv_final(h), w, len);
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
