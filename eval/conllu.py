"""Minimal CoNLL-U reader that rebuilds a treebank's raw text with gold spans.

Used by ``eval/ud.py``.  Only what the tokenisation / sentence-splitting
evaluation needs is parsed: comments ``# newdoc``, ``# newpar``, ``# text``
and, for each *surface* token, its FORM and MISC column.

Raw text is rebuilt the way the CoNLL 2018 shared task built its ``.txt``
inputs (UD tools ``conllu_to_text.pl``), minus its cosmetic 80-column line
wrapping:

* the surface tokens of a sentence are joined by one space, or by nothing when
  the token's MISC has ``SpaceAfter=No``; a multi-word token range ``1-2``
  contributes its own FORM once and its words are skipped; empty nodes ``1.1``
  are skipped;
* a ``SpacesAfter=`` value is treated as one plain space, or as ``"\\n"`` when
  it contains an escaped newline;
* sentences within a paragraph are joined by a single space (whatever the
  last token's MISC says);
* a sentence that carries ``# newpar`` or ``# newdoc`` starts a new paragraph,
  separated from the previous text by ``"\\n\\n"`` (never at the start of the
  file).

Gold spans are ``str`` offsets into the rebuilt text: one span per surface
token (an MWT counts once) and one per sentence, from the first token's start
to the last token's end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Treebank", "read_treebank", "rebuild"]


@dataclass
class Treebank:
    """A rebuilt treebank: its raw text and gold character spans."""

    name: str
    text: str
    tokens: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # ``# text =`` checks: how many sentences had the line, and the sentences
    # whose rebuilt span differs from it as (sent_id, rebuilt, comment).
    text_checked: int = 0
    text_mismatches: list[tuple[str, str, str]] = field(default_factory=list)
    words: int = 0  # syntactic words (after MWT expansion), for information


def _separator_after(misc: str) -> str:
    """Whitespace that follows a token, from its MISC column."""
    if misc == "_" or not misc:
        return " "
    sep = " "
    for item in misc.split("|"):
        if item == "SpaceAfter=No":
            sep = ""
        elif item.startswith("SpacesAfter="):
            value = item[len("SpacesAfter="):]
            sep = "\n" if "\\n" in value else " "
    return sep


def _sentences(lines):
    """Yield (comments, token_rows) per sentence; token_rows are column lists."""
    comments: list[str] = []
    rows: list[list[str]] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            if rows or comments:
                yield comments, rows
            comments, rows = [], []
        elif line.startswith("#"):
            comments.append(line)
        else:
            rows.append(line.split("\t"))
    if rows or comments:
        yield comments, rows


def _comment_key(comment: str) -> tuple[str, str | None]:
    """``'# newpar id = p1'`` -> ``('newpar', 'id = p1')``; ``'# text = a b'`` -> ``('text', 'a b')``."""
    body = comment[1:].strip()
    if body.startswith("text") and body[4:].lstrip().startswith("="):
        return "text", body[4:].lstrip()[1:].strip()
    if body.startswith("sent_id"):
        return "sent_id", body.partition("=")[2].strip()
    for key in ("newdoc", "newpar"):
        if body == key or body.startswith(key + " ") or body.startswith(key + "\t"):
            return key, body[len(key):].strip() or None
    return body.partition("=")[0].strip(), None


def rebuild(lines, name: str = "") -> Treebank:
    """Rebuild raw text and gold spans from an iterable of CoNLL-U lines."""
    parts: list[str] = []
    pos = 0  # length of "".join(parts)
    tb = Treebank(name=name, text="")
    first = True
    for n, (comments, rows) in enumerate(_sentences(lines), 1):
        if not rows:
            continue  # comment-only block (e.g. a trailing comment)
        newpar = False
        sent_text = None
        sent_id = str(n)
        for c in comments:
            key, value = _comment_key(c)
            if key in ("newdoc", "newpar"):
                newpar = True
            elif key == "text":
                sent_text = value
            elif key == "sent_id":
                sent_id = value or sent_id
        if not first:
            sep = "\n\n" if newpar else " "
            parts.append(sep)
            pos += len(sep)
        first = False

        sent_start = None
        tok_end = pos
        skip_until = 0  # last word id covered by the current MWT range
        trailing = ""
        for cols in rows:
            if len(cols) < 10:
                raise ValueError(f"{name}: sentence {sent_id}: bad line {cols!r}")
            tid, form, misc = cols[0], cols[1], cols[9]
            if "." in tid:
                continue  # empty node
            if "-" in tid:
                lo, _, hi = tid.partition("-")
                skip_until = int(hi)
            else:
                tb.words += 1
                if int(tid) <= skip_until:
                    continue  # word inside a multi-word token
            # `trailing` is the separator after the previous token of this sentence
            if trailing:
                parts.append(trailing)
                pos += len(trailing)
            start = pos
            parts.append(form)
            pos += len(form)
            tb.tokens.append((start, pos))
            if sent_start is None:
                sent_start = start
            tok_end = pos
            trailing = _separator_after(misc)
        if sent_start is None:
            sent_start = pos
        tb.sentences.append((sent_start, tok_end))
        if sent_text is not None:
            tb.text_checked += 1
            # the sentence is the tail of `parts`; avoid re-joining everything
            rebuilt = _tail(parts, pos - sent_start)
            if rebuilt != sent_text:
                tb.text_mismatches.append((sent_id, rebuilt, sent_text))
    tb.text = "".join(parts)
    assert len(tb.text) == pos
    return tb


def _tail(parts: list[str], length: int) -> str:
    """The last `length` characters of "".join(parts), without joining it all."""
    out: list[str] = []
    need = length
    for p in reversed(parts):
        if need <= 0:
            break
        if len(p) >= need:
            out.append(p[len(p) - need:])
            need = 0
        else:
            out.append(p)
            need -= len(p)
    return "".join(reversed(out))


def read_treebank(path, name: str | None = None) -> Treebank:
    """Read a ``.conllu`` file (UTF-8) and rebuild it; see :func:`rebuild`."""
    import os

    if name is None:
        name = os.path.basename(str(path))
        if name.endswith(".conllu"):
            name = name[: -len(".conllu")]
    with open(path, encoding="utf-8") as fh:
        return rebuild(fh, name=name)
