"""Read articles from files, directories, JSON (Lines) and stdin.

Every input gives one :class:`ReadResult` per article or per failure; bad
input never raises: the result carries a one-line reason and the rest of
the batch goes on.

- ``.html`` / ``.htm`` (or text that starts like HTML): :mod:`graphkit.ingest.html`
- ``.jsonl`` / ``.ndjson``: one JSON object a line (a bad line is reported as
  ``path:LINE: reason``); ``.json``: one object, a list of objects, or JSON Lines
- any other file: plain text (:func:`graphkit.ingest.article_from_text`)
- a directory: its files, recursively, in sorted order, hidden ones skipped
- ``-``: standard input (format sniffed from the content)

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Rain fell, police said.", encoding="utf-8")
>>> _ = (d / "b.txt").write_bytes(b"")
>>> [(pathlib.Path(r.source).name, r.error) for r in read_paths([str(d)])]
[('a.txt', None), ('b.txt', 'empty file')]
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

from graphkit.records import Article

HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson", ".jsonlines"}
JSON_EXT = {".json"}


@dataclass
class ReadResult:
    """One article read (``article``) or one failure (``error``, a one-line reason)."""

    source: str
    article: Optional[Article] = None
    error: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.article is not None


def decode(data: bytes) -> tuple[Optional[str], Optional[str]]:
    """(text, None) or (None, reason) for the bytes of a file.

    >>> decode(b"ab\\xffc")
    (None, 'not UTF-8 text: invalid start byte at byte 2')
    >>> decode(b"\\x00\\x01"), decode(b"  \\n")
    ((None, 'binary file (contains NUL bytes)'), (None, 'empty file'))
    """
    if b"\x00" in data[:65536]:
        return None, "binary file (contains NUL bytes)"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 text: {exc.reason} at byte {exc.start}"
    if not text.strip():
        return None, "empty file"
    sample = text[:65536]
    ctrl = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or 0x7F <= ord(c) < 0xA0)
    if ctrl > max(8, len(sample) // 20):
        return None, "binary file (mostly non-text characters)"
    return text, None


def _one_line(exc: BaseException) -> str:
    msg = " ".join(str(exc).split()) or type(exc).__name__
    return msg if isinstance(exc, ValueError) else f"{type(exc).__name__}: {msg}"


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<html" in head and "<body" in text[:5000].lower())


def _from_record(obj, source: str) -> ReadResult:
    from graphkit.ingest.jsonrec import article_from_record

    try:
        return ReadResult(source, article_from_record(obj, source))
    except Exception as exc:  # noqa: BLE001 - one bad record never stops the batch
        return ReadResult(source, error=_one_line(exc))


def _json_lines(text: str, source: str) -> Iterator[ReadResult]:
    for n, line in enumerate(text.split("\n"), 1):  # not splitlines(): U+2028 may sit in strings
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            yield ReadResult(where, error=f"invalid JSON: {msg}")
            continue
        yield _from_record(obj, where)


def _json(text: str, source: str) -> Iterator[ReadResult]:
    try:
        data = json.loads(text)
    except ValueError:
        yield from _json_lines(text, source)
        return
    if isinstance(data, list):
        if not data:
            yield ReadResult(source, error="empty JSON list")
        for i, obj in enumerate(data):
            yield _from_record(obj, f"{source}[{i}]")
    else:
        yield _from_record(data, source)


def read_text(text: str, source: str, kind: str = "auto") -> Iterator[ReadResult]:
    """Articles in an already decoded text; ``kind`` is ``text``, ``html``,
    ``json``, ``jsonl`` or ``auto`` (sniffed).

    >>> [r.error for r in read_text('{"text": "Hi."}\\n{bad\\n', "x.jsonl", "jsonl")]
    [None, 'invalid JSON: Expecting property name enclosed in double quotes']
    """
    if kind == "auto":
        head = text.lstrip()[:1]
        kind = "json" if head in "{[" and head else "html" if _looks_html(text) else "text"
    try:
        if kind == "jsonl":
            yield from _json_lines(text, source)
        elif kind == "json":
            yield from _json(text, source)
        elif kind == "html":
            from graphkit.ingest.html import article_from_html

            yield ReadResult(source, article_from_html(text, source))
        else:
            from graphkit.ingest import article_from_text

            yield ReadResult(source, article_from_text(text, source))
    except Exception as exc:  # noqa: BLE001 - bad input never stops the batch
        yield ReadResult(source, error=_one_line(exc))


def read_file(path: str) -> Iterator[ReadResult]:
    """Articles in one file (see module doc for the formats).

    >>> [r.error for r in read_file("/nonexistent.jsonl")]
    ['no such file']
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        yield ReadResult(path, error="no such file")
        return
    except IsADirectoryError:
        yield ReadResult(path, error="is a directory")
        return
    except PermissionError:
        yield ReadResult(path, error="permission denied")
        return
    except OSError as exc:
        yield ReadResult(path, error=f"cannot read: {exc.strerror or exc}")
        return
    text, err = decode(data)
    if err:
        yield ReadResult(path, error=err)
        return
    ext = p.suffix.lower()
    kind = ("html" if ext in HTML_EXT else "jsonl" if ext in JSONL_EXT else "json" if ext in JSON_EXT
            else "html" if _looks_html(text) else "text")
    yield from read_text(text, path, kind)


def _walk(root: str) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield os.path.join(dirpath, name)


def read_paths(paths: Iterable[str]) -> Iterator[ReadResult]:
    """Read every path (file, directory, ``-`` for stdin), one result per
    article or failure, in order.

    >>> [r.error for r in read_paths(["/nonexistent/x.txt"])]
    ['no such file']
    """
    for path in paths:
        path = str(path)
        if path == "-":
            try:
                data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
            except (OSError, ValueError) as exc:
                yield ReadResult("-", error=f"cannot read stdin: {exc}")
                continue
            text, err = decode(data)
            if err:
                yield ReadResult("-", error=err)
            else:
                yield from read_text(text, "-")
        elif os.path.isdir(path):
            found = False
            for f in _walk(path):
                found = True
                yield from read_file(f)
            if not found:
                yield ReadResult(path, error="directory has no files")
        else:
            yield from read_file(path)
