/* lang.c — Indonesian or English?  Counts function words from each
 * language's compiled-in list over at most the first 64 KiB of text,
 * stopping as soon as the count is decisive. */
#include "internal.h"

#define NT_LANG_WINDOW ((size_t)64 * 1024)

/* Decisive evidence: the leading language has at least NT_LANG_DECISIVE
 * hits and at least NT_LANG_MARGIN times as many as the other.  A news
 * article reaches it within its first few hundred words, so detection costs
 * microseconds however long the text is; mixed text keeps counting up to the
 * end of the window. */
#define NT_LANG_DECISIVE 100
#define NT_LANG_MARGIN 3

static inline bool word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
}

nt_lang nt_lang_detect(const char *text, size_t len) {
    if (text == NULL) return NT_LANG_ID;
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len < NT_LANG_WINDOW ? len : NT_LANG_WINDOW;
    size_t id_hits = 0, en_hits = 0;
    size_t i = 0;
    while (i < n) {
        if (!word_byte(s[i])) {
            i++;
            continue;
        }
        size_t a = i;
        while (i < n && word_byte(s[i])) i++;
        /* words glued to non-ASCII letters are not plain ASCII words */
        if ((a > 0 && s[a - 1] >= 0x80) || (i < n && s[i] >= 0x80)) continue;
        size_t wl = i - a;
        if (wl == 0 || wl > 12) continue;
        bool hit = false;
        if (nt_lexicon_has(NT_LEX_LANG_ID, text + a, wl)) {
            id_hits++;
            hit = true;
        }
        if (nt_lexicon_has(NT_LEX_LANG_EN, text + a, wl)) {
            en_hits++;
            hit = true;
        }
        if (hit) {
            if (id_hits >= NT_LANG_DECISIVE && id_hits >= NT_LANG_MARGIN * en_hits)
                return NT_LANG_ID;
            if (en_hits >= NT_LANG_DECISIVE && en_hits >= NT_LANG_MARGIN * id_hits)
                return NT_LANG_EN;
        }
    }
    return en_hits > id_hits ? NT_LANG_EN : NT_LANG_ID;
}
