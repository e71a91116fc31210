#!/usr/bin/env python3
"""The corpus path: what newstext.Corpus costs on top of the functions it wraps.

On the PFSA-ID dev articles (../shared/corpus/pfsa_id/pfsa_id_dev.jsonl),
in one process, best of ``--repeat`` runs:

* ``functions``: a plain loop calling newstext.clean, tokens, sentences,
  quotes and keywords on each article (the work, with no frames);
* ``Corpus tables``: a fresh ``Corpus`` of the same texts asked for
  ``articles()``, ``quotes()`` and ``keywords()`` (the same work, cached per
  document, plus building three pandas DataFrames);
* each table alone on a fresh corpus, ``kwic`` on a warm corpus, and a
  pickle round trip of a warm corpus (it carries texts, not caches).

The ratio ``Corpus tables / functions`` is the layer's overhead; absolute
times only mean something next to each other.  Prints "skipped: ..." and
exits 0 when ../shared or pandas is absent.

    python benchmarks/bench_corpus.py [--repeat 3]
"""

from __future__ import annotations

import pickle
import sys
import time

from _common import load_or_skip, parser


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv=None) -> int:
    args = parser(__doc__).parse_args(argv)
    arts = load_or_skip(args.corpus)
    if arts is None:
        return 0
    import newstext
    from newstext import Corpus

    texts, ids, mb = arts

    def functions():
        out = []
        for t in texts:
            lang = newstext.detect_lang(t)
            art = newstext.clean(t, lang=lang)
            body = art.text
            out.append((art, newstext.tokens(body, lang=lang), newstext.sentences(body, lang=lang),
                        newstext.quotes(body, lang=lang), newstext.keywords(body, top=10, lang=lang)))
        return out

    def tables():
        c = Corpus(texts, ids=ids)
        return c.articles(), c.quotes(), c.keywords(top=10)

    def one(method):
        return lambda: getattr(Corpus(texts, ids=ids), method)()

    warm = Corpus(texts, ids=ids)
    warm.articles(), warm.quotes(), warm.keywords(top=10)

    results = [
        ("functions (clean, tokens, sentences, quotes, keywords)", best(functions, args.repeat)),
        ("Corpus tables (articles, quotes, keywords)", best(tables, args.repeat)),
        ("Corpus.articles() (fresh)", best(one("articles"), args.repeat)),
        ("Corpus.quotes() (fresh)", best(one("quotes"), args.repeat)),
        ("Corpus.keywords() (fresh)", best(one("keywords"), args.repeat)),
        ("Corpus.keywords(method='tfidf') (fresh)",
         best(lambda: Corpus(texts, ids=ids).keywords(method="tfidf"), args.repeat)),
        ("Corpus.speakers() (warm)", best(warm.speakers, args.repeat)),
        ("Corpus.kwic('presiden', window=5) (warm)", best(lambda: warm.kwic("presiden", window=5), args.repeat)),
        ("pickle round trip (warm corpus)", best(lambda: pickle.loads(pickle.dumps(warm)), args.repeat)),
    ]
    base = results[0][1]
    print(f"{len(texts)} articles, {mb:.2f} MB, best of {args.repeat}, Python {sys.version.split()[0]}\n")
    print("| path | seconds | articles/s | vs functions |")
    print("|---|---:|---:|---:|")
    for name, sec in results:
        print(f"| {name} | {sec:.3f} | {len(texts) / sec:,.0f} | {sec / base:.2f}x |")
    blob = pickle.dumps(warm)
    print(f"\npickled warm corpus: {len(blob) / 1e6:.2f} MB for {mb:.2f} MB of text (caches are not pickled)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
