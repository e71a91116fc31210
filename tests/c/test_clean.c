/* test_clean.c — unit tests of nt_clean_run / nt_clean_body (csrc/clean.c).
 * Built and run by tests/test_c_core.py (also under ASan+UBSan); prints
 * "test_clean: N checks passed". */
#include "newstext.h"

#include "harness.h"


static const char ARTICLE[] =
    "Putin Tiba di Hanoi, Bahas Kerja Sama Energi dengan Vietnam\n"
    "Kompas dunia | 20 Juni 2024, 09:15 WIBHANOI, KOMPAS.TV - Presiden Rusia Vladimir Putin tiba "
    "di Hanoi pada Kamis (20/6/2024) dini hari untuk kunjungan kenegaraan.\n"
    "Putin disambut Presiden Vietnam di bandara Noi Bai dan langsung menuju istana kepresidenan.\n"
    "Baca Juga: Putin Tinggalkan Pyongyang Usai Teken Pakta Pertahanan\n"
    "Kerja Sama Nuklir Sipil\n"
    "Kedua negara membahas pembangunan pusat riset nuklir sipil di Vietnam bagian selatan.\n"
    "Penulis : Rizky L Pratama Editor : Edy-A.-Putra\n"
    "Sumber : Associated Press\n";

static int partition_ok(const nt_spans *p, size_t len) {
    int64_t pos = 0;
    for (size_t i = 0; i < p->len; i++) {
        if (p->start[i] != pos || p->end[i] <= p->start[i] || p->kind[i] >= NT_LINE_LABEL_COUNT)
            return 0;
        pos = p->end[i];
    }
    return (size_t)pos == len;
}

static int field_is(const nt_article *a, const char *text, nt_meta_field f, const char *want) {
    for (size_t i = 0; i < a->fields.len; i++)
        if (a->fields.kind[i] == f) {
            size_t n = (size_t)(a->fields.end[i] - a->fields.start[i]);
            if (n == strlen(want) && memcmp(text + a->fields.start[i], want, n) == 0) return 1;
        }
    return 0;
}

static int stop_now(void *ctx) {
    (void)ctx;
    return 1;
}

int main(void) {
    size_t len = strlen(ARTICLE);
    nt_article a;
    nt_article_init(&a, NULL);
    CHECK(nt_clean_run(ARTICLE, len, NT_LANG_AUTO, &a, NULL) == NT_OK);
    CHECK(partition_ok(&a.pieces, len));
    CHECK(a.pieces.len == 9);
    if (a.pieces.len == 9) {
        CHECK(a.pieces.kind[0] == NT_LINE_TITLE);
        CHECK(a.pieces.kind[1] == NT_LINE_METADATA);
        CHECK(a.pieces.kind[2] == NT_LINE_BODY);
        CHECK(a.pieces.kind[4] == NT_LINE_BOILERPLATE);
        CHECK(a.pieces.kind[5] == NT_LINE_HEADING);
        CHECK(a.pieces.kind[3] == NT_LINE_BODY && a.pieces.kind[6] == NT_LINE_BODY);
        CHECK(a.pieces.kind[7] == NT_LINE_METADATA && a.pieces.kind[8] == NT_LINE_METADATA);
    }
    CHECK(field_is(&a, ARTICLE, NT_FIELD_DATELINE, "HANOI"));
    CHECK(field_is(&a, ARTICLE, NT_FIELD_OUTLET, "KOMPAS.TV"));
    CHECK(field_is(&a, ARTICLE, NT_FIELD_AUTHOR, "Rizky L Pratama"));
    CHECK(field_is(&a, ARTICLE, NT_FIELD_EDITOR, "Edy-A.-Putra"));
    CHECK(field_is(&a, ARTICLE, NT_FIELD_AGENCY, "Associated Press"));
    CHECK(a.date.year == 2024 && a.date.month == 6 && a.date.day == 20 && a.date.hour == 9);
    CHECK(strcmp(nt_outlet_name("KOMPAS.TV", 9), "Kompas.TV") == 0);
    CHECK(strcmp(nt_line_label_name(NT_LINE_CAPTION), "caption") == 0);
    CHECK(strcmp(nt_line_label_name(99), "unknown") == 0);
    CHECK(strcmp(nt_meta_field_name(NT_FIELD_DATELINE), "dateline") == 0);

    /* reuse clears the previous result; empty and blank input */
    CHECK(nt_clean_run("", 0, NT_LANG_ID, &a, NULL) == NT_OK && a.pieces.len == 0 && a.fields.len == 0);
    CHECK(nt_clean_run(" \n\n", 3, NT_LANG_ID, &a, NULL) == NT_OK && a.pieces.len == 1 &&
          a.pieces.kind[0] == NT_LINE_BOILERPLATE);
    CHECK(nt_clean_run(NULL, 2, NT_LANG_ID, &a, NULL) == NT_EINVAL);
    CHECK(nt_clean_run("x", 1, (nt_lang)7, &a, NULL) == NT_EINVAL);
    CHECK(nt_clean_run("x", 1, NT_LANG_ID, NULL, NULL) == NT_EINVAL);
    nt_article_free(&a);
    nt_article_free(&a);

    /* the body entry point */
    nt_spans body;
    nt_spans_init(&body, NULL);
    CHECK(nt_clean_body(ARTICLE, len, NT_LANG_ID, &body, NULL) == NT_OK);
    CHECK(body.len == 4);
    if (body.len == 4) {
        CHECK(memcmp(ARTICLE + body.start[0], "Presiden Rusia", 14) == 0);
        CHECK(body.kind[2] == NT_LINE_HEADING);
        CHECK(ARTICLE[body.end[3] - 1] == '.');
    }
    CHECK(nt_clean_body("x", 1, NT_LANG_ID, NULL, NULL) == NT_EINVAL);
    nt_spans_free(&body);

    /* interrupt */
    {
        size_t big = NT_INTERRUPT_BYTES * 2 + 5;
        char *buf = malloc(big);
        CHECK(buf != NULL);
        if (buf) {
            for (size_t i = 0; i < big; i++) buf[i] = (i % 50 == 49) ? '\n' : 'a';
            nt_interrupt intr = {stop_now, NULL};
            nt_article b;
            nt_article_init(&b, NULL);
            CHECK(nt_clean_run(buf, big, NT_LANG_ID, &b, &intr) == NT_EINTR);
            /* one line without a break: polled inside the line too */
            for (size_t i = 0; i < big; i++) buf[i] = (i % 7 == 6) ? ' ' : 'b';
            CHECK(nt_clean_run(buf, big, NT_LANG_ID, &b, &intr) == NT_EINTR);
            CHECK(nt_clean_run(buf, big, NT_LANG_ID, &b, NULL) == NT_OK && b.pieces.len == 1);
            nt_article_free(&b);
            free(buf);
        }
    }

    /* every allocation failure is NT_ENOMEM without leaks */
    {
        int saw = 0;
        for (long k = 1; k < 40; k++) {
            test_alloc_ctx ctx = {0, k, 0, 0};
            nt_allocator al = {t_malloc, t_realloc, t_free, &ctx};
            nt_article b;
            nt_article_init(&b, &al);
            nt_status st = nt_clean_run(ARTICLE, len, NT_LANG_AUTO, &b, NULL);
            CHECK(st == NT_OK || st == NT_ENOMEM);
            saw |= st == NT_ENOMEM;
            nt_article_free(&b);
            CHECK(ctx.live == 0);
            nt_spans sp;
            nt_spans_init(&sp, &al);
            ctx.calls = 0;
            st = nt_clean_body(ARTICLE, len, NT_LANG_AUTO, &sp, NULL);
            CHECK(st == NT_OK || st == NT_ENOMEM);
            nt_spans_free(&sp);
            CHECK(ctx.live == 0);
        }
        CHECK(saw);
    }

    return test_summary("test_clean");
}
