"""The whole job: read articles, extract, resolve, store.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text('Ann Lee said the plan "works well".', encoding="utf-8")
>>> _ = (d / "empty.txt").write_text("", encoding="utf-8")
>>> report = ingest([str(d)], store="memory")
>>> report.ingested, len(report.failures)
(1, 1)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from graphkit.records import Article, Attribution
from graphkit.rdf.model import article_triples
from graphkit.rdf.store import GraphStore, open_store


def analyse(article: Article) -> list[Attribution]:
    """Extract and resolve the attributions of one article.

    >>> from graphkit.ingest import article_from_text
    >>> atts = analyse(article_from_text('"We will win," said Ann Lee.'))
    >>> [a.cue.text for a in atts]
    ['said']
    """
    from graphkit.extract import extract
    from graphkit.resolve import resolve

    return resolve(article, extract(article))


@dataclass
class Failure:
    source: str
    reason: str


@dataclass
class IngestReport:
    """What an ingest run did."""

    ingested: int = 0          # articles added or replaced
    unchanged: int = 0         # already stored with the same text
    attributions: int = 0
    triples: int = 0           # quads in the store after the run
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_dict(self) -> dict:
        return {
            "ingested": self.ingested,
            "unchanged": self.unchanged,
            "attributions": self.attributions,
            "triples": self.triples,
            "failures": [{"source": f.source, "reason": f.reason} for f in self.failures],
        }


def ingest(
    paths: Iterable[str],
    store: Union[str, Path, GraphStore] = "memory",
    progress: Optional[Callable[[str], None]] = None,
    batch_size: int = 32,
) -> IngestReport:
    """Ingest files, directories, JSON Lines or ``-`` (stdin) into a store.

    A file that cannot be read, or an article that fails, is recorded in
    ``report.failures`` with a one-line reason; the rest of the batch goes
    on.  Unchanged articles are skipped (idempotent).  Articles are written
    ``batch_size`` at a time, each batch in one transaction, so a killed run
    leaves whole articles only.  ``store`` is a
    directory (persistent Oxigraph store), ``"memory"`` or an open store.
    """
    from graphkit.ingest import read_paths

    st = store if isinstance(store, GraphStore) else open_store(store)
    report = IngestReport()
    pending: list[tuple] = []          # (article, triples, attribution count)

    def flush() -> None:
        if not pending:
            return
        try:
            statuses = st.put_many([(a, t) for a, t, _ in pending])
        except Exception as exc:  # the whole batch was not written
            report.failures.extend(Failure(a.source, f"store: {type(exc).__name__}: {exc}") for a, _, _ in pending)
        else:
            for (_, _, n), status in zip(pending, statuses):
                if status == "unchanged":
                    report.unchanged += 1
                else:
                    report.ingested += 1
                    report.attributions += n
        pending.clear()

    try:
        for res in read_paths(paths):
            if progress:
                progress(res.source)
            if res.article is None:
                report.failures.append(Failure(res.source, res.error or "unreadable"))
                continue
            try:
                atts = analyse(res.article)
                triples = article_triples(res.article, atts)
            except Exception as exc:  # one bad article never stops the batch
                report.failures.append(Failure(res.source, f"{type(exc).__name__}: {exc}"))
                continue
            pending.append((res.article, triples, len(atts)))
            if len(pending) >= batch_size:
                flush()
        flush()
        report.triples = len(st)
    finally:
        if not isinstance(store, GraphStore):
            st.close()
    return report
