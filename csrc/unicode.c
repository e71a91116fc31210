/*
 * unicode.c — Unicode character properties: General_Category, simple case
 * mappings and White_Space, from the generated tables in ucd_tables.h
 * (tools/gen_unicode.py; the Unicode version is NT_UNICODE_VERSION).
 *
 * Every lookup is O(1): ASCII is answered directly, anything else by three
 * reads of the three-stage table described at the top of ucd_tables.h.
 * All data is static const; there is no mutable state.
 */
#include "internal.h"
#include "ucd_tables.h"

/* The record of a code point; cp must be <= 0x10FFFF. */
static inline const nt_ucd_record *nt_ucd_lookup(uint32_t cp) {
    uint32_t mid = nt_ucd_top[cp >> (NT_UCD_LEAF_SHIFT + NT_UCD_MID_SHIFT)];
    uint32_t leaf = nt_ucd_mid[(mid << NT_UCD_MID_SHIFT) +
                               ((cp >> NT_UCD_LEAF_SHIFT) &
                                ((1u << NT_UCD_MID_SHIFT) - 1u))];
    uint32_t rec = nt_ucd_leaf[(leaf << NT_UCD_LEAF_SHIFT) +
                               (cp & ((1u << NT_UCD_LEAF_SHIFT) - 1u))];
    return &nt_ucd_records[rec];
}

const char *nt_unicode_version(void) {
    return NT_UNICODE_VERSION;
}

nt_gc nt_uc_category(uint32_t cp) {
    if (cp < 0x80u)
        return (nt_gc)nt_ucd_ascii_gc[cp];
    if (cp > 0x10FFFFu)
        return NT_GC_Cn;
    return (nt_gc)nt_ucd_lookup(cp)->gc;
}

uint32_t nt_uc_lower(uint32_t cp) {
    if (cp < 0x80u)
        return (cp >= 'A' && cp <= 'Z') ? cp + 0x20u : cp;
    if (cp > 0x10FFFFu)
        return cp;
    /* Unsigned wrap-around: adding a negative delta is well defined. */
    return cp + (uint32_t)nt_ucd_lookup(cp)->lower;
}

uint32_t nt_uc_upper(uint32_t cp) {
    if (cp < 0x80u)
        return (cp >= 'a' && cp <= 'z') ? cp - 0x20u : cp;
    if (cp > 0x10FFFFu)
        return cp;
    return cp + (uint32_t)nt_ucd_lookup(cp)->upper;
}

bool nt_uc_is_space(uint32_t cp) {
    if (cp < 0x80u)
        return cp == 0x20u || (cp >= 0x09u && cp <= 0x0Du);
    if (cp == 0x85u)
        return true;
    {
        nt_gc g = nt_uc_category(cp);
        return g == NT_GC_Zs || g == NT_GC_Zl || g == NT_GC_Zp;
    }
}
