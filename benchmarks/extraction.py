"""Extraction throughput: articles/s and MB/s over real corpora.

Corpora (read from ``../shared`` next to the repository, never copied):
PolNeAR train texts (English), the Indonesian seed article(s) in
``../shared/eval/seed`` and the Indonesian corpus
``../shared/corpora/detik-id/articles.jsonl`` (field ``text``).

For each corpus it times ingest (layout parsing: ``article_from_text``) and
extraction (``graphkit.extract.extract`` on the parsed articles) separately,
each the median of several runs after one warm-up document.  Extraction gets
one row per method (``--methods``, default ``rules,hybrid,auto``; hybrid
falls back to the rules where no model for the language is shipped).

    python benchmarks/extraction.py [--runs 5] [--limit N] [--methods rules,hybrid]
"""
from __future__ import annotations

import argparse
import importlib
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def corpora(limit: int | None) -> dict[str, list[str]]:
    """Corpus name -> texts (only corpora that are present)."""
    out: dict[str, list[str]] = {}
    train = SHARED / "eval" / "polnear" / "train" / "text"
    if train.is_dir():
        out["polnear-train (en)"] = [_read(p) for p in sorted(train.glob("*.txt"))]
    seed = SHARED / "eval" / "seed"
    if seed.is_dir():
        out["seed (id)"] = [_read(p) for p in sorted(seed.glob("*.txt"))]
    detik = SHARED / "corpora" / "detik-id" / "articles.jsonl"
    if detik.is_file():
        texts = []
        for line in _read(detik).split("\n"):  # not splitlines(): texts hold U+2028
            if line.strip():
                try:
                    texts.append(json.loads(line)["text"])
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue
        out["detik-id (id)"] = texts
    return {k: (v[:limit] if limit else v) for k, v in out.items() if v}


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement (median is printed)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts of each corpus")
    ap.add_argument("--methods", default="rules,hybrid,auto",
                    help="comma-separated extraction methods to time (rules, learned, hybrid, auto)")
    args = ap.parse_args(argv)
    if not (SHARED / "eval").is_dir():
        print(f"benchmarks/extraction.py: {SHARED} is absent; the corpora (third-party data, "
              "not part of the repository) live there.", file=sys.stderr)
        return 2
    from graphkit.ingest import article_from_text
    try:
        extract = importlib.import_module("graphkit.extract").extract
    except (ImportError, AttributeError):
        extract = None
        print("note: graphkit.extract.extract is not available; timing ingest only", file=sys.stderr)

    print(f"{'corpus':22} {'stage':8} {'docs':>6} {'MB':>7} {'median s':>9} {'articles/s':>11} {'MB/s':>8}")
    for name, texts in corpora(args.limit).items():
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        articles = [article_from_text(t) for t in texts]          # warm-up + input for extract
        stages = {"ingest": lambda: [article_from_text(t) for t in texts]}
        if extract is not None:
            for method in [m.strip() for m in args.methods.split(",") if m.strip()]:
                try:
                    extract(articles[0], method=method)
                except TypeError:          # an extractor without methods
                    extract(articles[0])
                    stages["extract"] = lambda: [extract(a) for a in articles]
                    break
                except ValueError as exc:  # unknown method, or no model for this language
                    print(f"note: {name}: {method}: {exc}", file=sys.stderr)
                    continue
                stages[method] = lambda m=method: [extract(a, method=m) for a in articles]
        for stage, fn in stages.items():
            sec = median_time(fn, args.runs)
            rate = len(texts) / sec if sec else float("inf")
            print(f"{name:22} {stage:8} {len(texts):>6} {mb:>7.3f} {sec:>9.3f} {rate:>11.1f} {mb / sec if sec else float('inf'):>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
