"""The public surface matches DESIGN.md, the stub file and the docs."""

from __future__ import annotations

import ast
import inspect
import pickle
from pathlib import Path

import newstext
from newstext import _core

STUB = Path(newstext.__file__).with_name("_core.pyi")


def stub_functions() -> dict[str, ast.FunctionDef]:
    tree = ast.parse(STUB.read_text())
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


def stub_classes() -> set[str]:
    return {n.name for n in ast.parse(STUB.read_text()).body if isinstance(n, ast.ClassDef)}


def test_all_names_exist() -> None:
    for name in newstext.__all__:
        assert hasattr(newstext, name), name


def test_stub_lists_exactly_the_binding_functions() -> None:
    public = {n for n in dir(_core) if not n.startswith("_") and callable(getattr(_core, n))}
    stubbed = {n for n in stub_functions() if not n.startswith("_")} | stub_classes()
    assert stubbed == public


def test_signatures_match_stub() -> None:
    for name, node in stub_functions().items():
        sig = inspect.signature(getattr(_core, name))
        positional = [a.arg for a in node.args.args]
        keyword_only = [a.arg for a in node.args.kwonlyargs]
        assert [p.name for p in sig.parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD] == positional
        assert [p.name for p in sig.parameters.values() if p.kind is p.KEYWORD_ONLY] == keyword_only
        defaults = {p.name: p.default for p in sig.parameters.values() if p.default is not p.empty}
        stub_defaults = {a.arg: ast.literal_eval(d) for a, d in zip(node.args.kwonlyargs, node.args.kw_defaults)}
        assert defaults == stub_defaults, name


def test_versions() -> None:
    assert newstext.__version__ == "0.1.0"
    assert newstext.CORE_VERSION == newstext.__version__
    assert newstext.UNICODE_VERSION == "17.0.0"
    assert newstext.TOKEN_KINDS == ("word", "number", "punct", "symbol", "url", "email", "hashtag",
                                    "mention", "quote", "date", "time")


def test_records_pickle_and_compare() -> None:
    toks = newstext.tokens("Putin tiba di Pyongyang.", lang="id")
    assert pickle.loads(pickle.dumps(toks)) == toks
    sents = newstext.sentences("Putin tiba. Kim menyambut.", lang="id")
    assert pickle.loads(pickle.dumps(sents)) == sents
    assert sents[1]._asdict() == {"text": "Kim menyambut.", "start": 12, "end": 26}
