"""Scale-out with Dask (issue 6): a Corpus as a dask.bag on a LocalCluster
with worker processes gives the same tables as a local run; without dask,
to_bag says what to install.

The cluster test is skipped under the sanitizer run (NEWSTEXT_TEST_SANITIZED=1):
worker processes of an ASan build are not worth their cost; everything else
here runs there too."""

from __future__ import annotations

import builtins
import os
from pathlib import Path

import pytest

from newstext import Corpus, Document

pd = pytest.importorskip("pandas")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


@pytest.fixture(scope="module")
def corpus():
    return Corpus.from_files(EXAMPLES)


def test_to_bag_without_dask_says_what_to_install(monkeypatch, corpus) -> None:
    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.split(".")[0] == "dask":
            raise ImportError("No module named 'dask'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(ImportError, match=r'pip install "newstext\[dask\]"'):
        corpus.to_bag()


def test_to_bag_partitions_documents_or_texts(corpus) -> None:
    pytest.importorskip("dask.bag")
    bag = corpus.to_bag(npartitions=3)
    assert bag.npartitions == 3
    docs = bag.compute(scheduler="sync")
    assert [d.id for d in docs] == corpus.ids and all(isinstance(d, Document) for d in docs)
    assert corpus.to_bag().npartitions == 1  # about 100 documents per partition
    texts = corpus.to_bag(texts=True, npartitions=2).compute(scheduler="sync")
    assert texts == [d.raw for d in corpus]


def _quotes(docs):
    return [Corpus(docs).quotes()]


def _keywords(docs):
    return [Corpus(docs).keywords(top=5)]


def _articles(docs):
    return [Corpus(docs).articles()]


def _plain(df):
    df = df.astype(object)
    return df.where(df.notna(), None)


def _pid(_):
    return os.getpid()


@pytest.mark.skipif(os.environ.get("NEWSTEXT_TEST_SANITIZED") == "1",
                    reason="worker processes under the sanitizer build are not worth it")
def test_local_cluster_with_worker_processes_equals_a_local_run(corpus) -> None:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        bag = corpus.to_bag(npartitions=4)
        got = {}
        for name, fn in (("quotes", _quotes), ("keywords", _keywords), ("articles", _articles)):
            got[name] = pd.concat(bag.map_partitions(fn).compute(), ignore_index=True)
        pids = set(corpus.to_bag(npartitions=4).map(_pid).compute())
        assert len(client.scheduler_info()["workers"]) == 2
    assert os.getpid() not in pids  # the work ran in other processes
    pd.testing.assert_frame_equal(got["quotes"], corpus.quotes())
    pd.testing.assert_frame_equal(got["keywords"], corpus.keywords(top=5))
    # concat of per-partition frames may turn a str column holding None into
    # object: compare the values as plain objects
    pd.testing.assert_frame_equal(_plain(got["articles"]), _plain(corpus.articles()))
    assert len(got["quotes"]) > 40
