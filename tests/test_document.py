"""newstext.Document: one article, its analyses cached, its notebook display.

The articles are the project's example scrapes (examples/articles/, written
for the project) and short news sentences written here."""

from __future__ import annotations

import html
import html.parser
import pickle
from pathlib import Path

import pytest

import newstext
from newstext import Document

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
KOMPAS = (EXAMPLES / "id_kompas_banjir_jakarta.txt").read_text(encoding="utf-8")
REUTERS = (EXAMPLES / "en_reuters_style_summit.txt").read_text(encoding="utf-8")


def test_article_and_clean_text():
    d = Document(KOMPAS, id="kompas")
    assert d.id == "kompas" and d.raw == KOMPAS
    assert d.lang == "id"
    assert d.article == newstext.clean(KOMPAS, lang="id")
    assert d.text == d.article.text
    assert d.text.startswith("Hujan deras yang mengguyur Jakarta")
    assert "Baca juga" not in d.text and "Lihat Foto" not in d.text
    meta = d.metadata()
    assert meta["outlet"] == "Kompas.com"
    assert meta["date"].isoformat() == "2025-02-03"
    assert meta["authors"] == ["Nadia Putri Kusumawardani"]
    assert meta["editors"] == ["Yohanes Ardi Prasetyo"]
    assert meta["title"].startswith("Banjir Rendam 42 RT di Jakarta")


def test_clean_false_works_on_the_raw_text():
    d = Document(KOMPAS, clean=False)
    assert d.text == KOMPAS
    assert d.tokens == newstext.tokens(KOMPAS, lang="id")
    assert d.sentences == newstext.sentences(KOMPAS, lang="id")


def test_analyses_match_the_functions_and_are_cached():
    d = Document(REUTERS)
    assert d.lang == "en"
    assert d.tokens == newstext.tokens(d.text, lang="en")
    assert d.sentences == newstext.sentences(d.text, lang="en")
    assert d.quotes() == newstext.quotes(d.text, lang="en")
    assert d.keywords(top=5) == newstext.keywords(d.text, top=5, lang="en")
    assert d.keywords(top=5, method="rake") == newstext.keywords(d.text, top=5, method="rake", lang="en")
    assert d.tokens is d.tokens and d.sentences is d.sentences and d.quotes() is d.quotes()
    assert d.article is d.article and d.keywords(top=5) is d.keywords(top=5)
    for t in d.tokens:
        assert d.text[t.start:t.end] == t.text
    for q in d.quotes():
        assert d.text[q.start:q.end] == q.text


def test_quotes_of_the_kompas_article():
    d = Document(KOMPAS)
    got = [(q.kind, q.speaker, q.cue) for q in d.quotes()]
    assert got == [
        ("direct", "Hendra Wiratmaja", "kata"),
        ("direct", "Hendra Wiratmaja", "katanya"),
        ("partial", "Lestari Handayani", "menilai"),
        ("direct", "Lestari Handayani", "ujar"),
        ("other", None, None),
        ("partial", "Rahmat Wicaksono", "meminta"),
        ("direct", "Rahmat Wicaksono", "kata"),
    ]
    assert d.quotes()[4].text == "Kampung Siaga Air"


def test_explicit_lang_is_used():
    d = Document("The minister said the plan would go ahead.", lang="en")
    assert d.lang == "en"
    assert Document("Menteri mengatakan rencana itu tetap berjalan.").lang == "id"


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["a"]])
def test_text_must_be_str(bad):
    with pytest.raises(TypeError, match="str"):
        Document(bad)


def test_bad_options():
    with pytest.raises(ValueError, match="lang"):
        Document("teks", lang="fr")
    with pytest.raises(TypeError, match="lang"):
        Document("teks", lang=None)
    with pytest.raises(TypeError, match="clean"):
        Document("teks", clean="yes")


def test_empty_and_odd_text():
    d = Document("")
    assert d.text == "" and d.tokens == [] and d.sentences == [] and d.quotes() == []
    assert "nt-body" in d._repr_html_()
    odd = "Warga berkata \"banjir\ud800 datang\" kemarin.\x00"
    d = Document(odd, clean=False)
    assert d.text == odd
    assert "".join(t.text for t in d.tokens) != ""


def test_pickle_keeps_configuration_not_caches():
    d = Document(KOMPAS, id=("kompas", 3), lang="id", clean=True)
    d.tokens, d.quotes(), d.keywords(top=3)
    blob = pickle.dumps(d)
    # The caches (hundreds of tokens) are not in the pickle: it is about the text's size.
    assert len(blob) < len(KOMPAS.encode("utf-8")) + 300
    back = pickle.loads(blob)
    assert back._cache == {}
    assert (back.raw, back.id, back.lang, back.clean) == (KOMPAS, ("kompas", 3), "id", True)
    assert back.quotes() == d.quotes() and back.tokens == d.tokens
    fresh = Document(KOMPAS, id="x")
    assert len(pickle.dumps(fresh)) == len(pickle.dumps(Document(KOMPAS, id="x")))


class _Structure(html.parser.HTMLParser):
    """Checks that tags nest and collects the text and the marked spans."""

    VOID = {"br", "hr", "img", "meta"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.text = []
        self.body = None
        self.marks = []  # (classes, title, text)
        self.speakers = []
        self.keywords = []
        self.errors = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        a = dict(attrs)
        self.stack.append([tag, a.get("class", ""), a.get("title"), []])
        if a.get("class") == "nt-body":
            self.body = []

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> does not close {self.stack[-1][0] if self.stack else None}")
            return
        tag, cls, title, chunks = self.stack.pop()
        inner = "".join(chunks)
        if "nt-quote" in cls:
            self.marks.append((cls, title, inner))
        elif "nt-speaker" in cls:
            self.speakers.append(inner)
        elif cls == "nt-keyword":
            self.keywords.append((title, inner))

    def handle_data(self, data):
        for frame in self.stack:
            frame[3].append(data)
        if self.stack and any(f[1] == "nt-body" for f in self.stack) and not any(
                "nt-speaker" in f[1] for f in self.stack) and self.stack[0][0] != "style":
            self.body.append(data)


def parse(markup):
    p = _Structure()
    p.feed(markup)
    p.close()
    assert p.errors == [] and p.stack == []
    return p


def test_html_shows_clean_article_quotes_speakers_keywords():
    d = Document(KOMPAS, id="kompas")
    markup = d._repr_html_()
    p = parse(markup)
    # The body, without the speaker labels, is the clean text exactly.
    assert "".join(p.body) == d.text
    # Direct and partial quotes are highlighted with their speaker; the
    # quoted programme name (kind other) is not.
    shown = [(cls, text) for cls, _, text in p.marks]
    want = [(f"nt-quote nt-{q.kind}", q.text) for q in d.quotes() if q.kind != "other"]
    assert shown == want
    assert p.speakers == ["Hendra Wiratmaja", "Hendra Wiratmaja", "Lestari Handayani", "Lestari Handayani",
                          "Rahmat Wicaksono", "Rahmat Wicaksono"]
    assert p.marks[1][1] == "Hendra Wiratmaja — katanya"
    # Keywords are marked where they occur, as written.
    assert p.keywords, "no keyword marked"
    top = {k.phrase.casefold() for k in d.keywords(top=10)}
    for title, inner in p.keywords:
        assert title.startswith("keyword: ")
        assert inner.casefold() == title[len("keyword: "):].casefold()
        assert inner.casefold() in top
    # Metadata on top, before the body.
    assert markup.index("<th>outlet</th><td>Kompas.com") < markup.index('<div class="nt-body">')
    assert "<th>editors</th><td>Yohanes Ardi Prasetyo</td>" in markup
    assert '<h3 class="nt-title">Banjir Rendam 42 RT di Jakarta' in markup


def test_keyword_marks_never_cross_punctuation():
    d = Document(KOMPAS)
    for s, e, phrase in d.keyword_spans(10):
        assert d.text[s:e].casefold() == phrase.casefold()


def test_html_escapes_markup_in_text_and_speaker():
    text = ('Kepala Dinas <b>Budi</b> & Rekan mengatakan, "Harga <script>alert(1)</script> naik '
            '5% & stok aman," kata Budi Santoso di Jakarta, Senin.\n')
    d = Document(text, clean=False, lang="id")
    markup = d.to_html(keywords=0)
    assert "<script>" not in markup and "<b>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup and "&amp; Rekan" in markup
    p = parse(markup)
    assert "".join(p.body) == text
    assert [m[2] for m in p.marks] == [q.text for q in d.quotes() if q.kind != "other"]


def test_unknown_speaker_is_marked():
    # the first quote follows no cue and no source named before it
    d = Document("Warga berkumpul di balai desa sejak pagi.\n\n"
                 "\"Kami menolak rencana tambang itu.\"\n\n"
                 "\"Harga pupuk naik,\" kata Joko Susilo.\n")
    p = parse(d.to_html(keywords=0))
    assert [(q.speaker, q.kind) for q in d.quotes()] == [(None, "direct"), ("Joko Susilo", "direct")]
    assert p.speakers.count("?") == 1
    assert "".join(p.body) == d.text


def test_other_quotes_on_request():
    d = Document(KOMPAS)
    p = parse(d.to_html(other_quotes=True, keywords=0))
    assert ("nt-quote nt-other", "unknown speaker", "Kampung Siaga Air") in p.marks
    assert "".join(p.body) == d.text


def test_repr():
    d = Document(KOMPAS, id="k")
    assert repr(d).startswith("Document(id='k', lang='id', chars=")
    assert "Banjir Rendam 42 RT" in repr(d)


def test_speaker_label_follows_the_closing_quote_mark():
    d = Document(KOMPAS)
    markup = d.to_html(keywords=0)
    # ”Pompa stasioner ... anak-anak,” kata Hendra: the label sits after ”, not inside the quote
    assert ('dan anak-anak,</mark>\u201d<sup class="nt-speaker">Hendra Wiratmaja</sup> kata Hendra'
            in markup)
    # an unclosed quote has no closing mark: the label follows the quote text
    text = 'Warga berkata, "air sudah masuk rumah sejak pagi kata Budi Santoso\n'
    d = Document(text, clean=False, lang="id")
    (q,) = [q for q in d.quotes() if q.kind != "other"]
    assert q.unclosed
    assert f"{q.text[-6:]}</mark><sup" in d.to_html(keywords=0)


def test_headings_are_bold_paragraphs():
    d = Document((EXAMPLES / "id_dw_iklim_asean.txt").read_text(encoding="utf-8"))
    p = parse(d.to_html())
    assert "".join(p.body) == d.text
    markup = d.to_html()
    assert markup.count('<b class="nt-heading">') == 2
    assert '<b class="nt-heading">Kritik dari masyarakat sipil</b>' in markup
    assert '<b class="nt-heading">Batu bara masih jadi ganjalan</b>' in markup
    assert [d.text[s:e] for s, e in d._heading_spans()] == ["Kritik dari masyarakat sipil",
                                                            "Batu bara masih jadi ganjalan"]
    # a heading's words elsewhere in the text are not taken for it; clean=False has no headings
    assert Document(d.raw, clean=False)._heading_spans() == []
    assert "nt-heading\"" not in Document(d.raw, clean=False).to_html(keywords=0)


def test_properties_len_and_metadata_of_a_wire_story():
    d = Document(REUTERS, id="wire")
    assert (d.raw, d.clean, len(d)) == (REUTERS, True, len(d.text))
    assert len(Document(REUTERS, clean=False)) == len(REUTERS)
    assert d.metadata() == {
        "title": "Allies pledge up to $12 billion for critical minerals at Washington summit",
        "outlet": None, "date": newstext.clean(REUTERS).date, "time": "15:45 ET", "dateline": "WASHINGTON",
        "authors": ["Hannah Kessler", "David Okafor"], "editors": [], "agencies": ["Reuters"], "url": None,
    }
    assert d.metadata()["date"].isoformat() == "2025-03-06"
    assert d.text.startswith("Officials from 14 countries agreed on Thursday")
    assert "Advertisement" not in d.text and "Read more" not in d.text


def test_keywords_with_a_stopword_set_are_cached_by_its_contents():
    d = Document(KOMPAS)
    stop = set(newstext.STOPWORDS["id"]) | {"jakarta"}
    got = d.keywords(top=3, stopwords=stop)
    assert got == newstext.keywords(d.text, top=3, stopwords=stop, lang="id")
    assert all("jakarta" not in k.phrase.casefold().split() for k in got)
    assert d.keywords(top=3, stopwords=set(stop)) is got     # a set counts by its contents (frozenset key)
    assert d.keywords(top=3, stopwords=stop - {"jakarta"}) != got


def test_keyword_spans_of_the_kompas_article():
    d = Document(KOMPAS)
    spans = d.keyword_spans(3)
    assert [p for _, _, p in spans][:3] == ["Badan Penanggulangan Bencana", "DKI Jakarta", "BPBD DKI Jakarta"]
    assert d.keyword_spans(0) == []


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_html_of_every_example_article(path):
    d = Document(path.read_text(encoding="utf-8"), id=path.stem)
    markup = d._repr_html_()
    p = parse(markup)
    assert "".join(p.body) == d.text                       # nothing lost or added but the labels
    shown = [q for q in d.quotes() if q.kind != "other"]
    assert [m[2] for m in p.marks] == [q.text for q in shown]
    assert p.speakers == [q.speaker or "?" for q in shown]
    assert f"id {path.stem} · lang {d.lang} · {len(d.sentences)} sentences · {len(shown)} quotes" in markup
    for s, e in d._heading_spans():
        assert f'<b class="nt-heading">{html.escape(d.text[s:e])}</b>' in markup
