"""Train the learned attribution tagger (CRF) on the PolNeAR train split.

Usage (from the repository root)::

    .venv/bin/python scripts/train_tagger.py \\
        --train ../shared/eval/polnear/train \\
        --out graphkit/models/en-attribution.crfsuite

Reads ``<train>/text/<doc>.txt`` and the first ``<train>/attributions/<doc>_*.ann``
(brat standoff) of every article, labels tokens with BIO tags for SRC / CUE /
CON, and trains a python-crfsuite model (L-BFGS, deterministic) with the
features of :mod:`graphkit.extract.learned_features` and the cue list
``graphkit/models/en-cues.txt``, plus word clusters computed from the raw
train text (written to ``en-clusters.txt`` next to the model).  Only the train split is used: the dev split
is for measuring.  Prints the training time and the model size.

Options: ``--c1`` / ``--c2`` (L1 / L2 regularisation), ``--max-iter``,
``--min-freq`` (drop features seen fewer times), ``--limit N`` (first N
articles, for a quick try).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from graphkit.extract.learned_features import (  # noqa: E402
    Encoder, paragraphs_of, read_clusters, read_cues, spans_to_bio, strings, tokenize, tokenize_doc,
)

_ROLE = {"Source": "SRC", "Cue": "CUE", "Content": "CON"}


def read_ann(path: Path) -> list[tuple[str, int, int, int]]:
    """Labelled spans ``(role, start, end, event number)`` of one brat file.

    Events without a cue or a content are skipped; ``Content2...`` pieces join
    their event's content.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            head = parts[1].split(" ", 1)
            if len(head) < 2:
                continue
            try:
                spans[parts[0]] = [tuple(map(int, p.split())) for p in head[1].split(";")]  # type: ignore[misc]
            except ValueError:
                continue
    out: list[tuple[str, int, int, int]] = []
    n = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("E"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        roles: dict[str, list[str]] = {}
        for arg in parts[1].split():
            if ":" not in arg:
                continue
            name, ref = arg.split(":", 1)
            name = re.sub(r"\d+$", "", name)
            roles.setdefault(name, []).append(ref)
        if "Cue" not in roles or "Content" not in roles:
            continue
        n += 1
        for name, refs in roles.items():
            role = _ROLE.get(name)
            if role is None:
                continue
            for ref in refs:
                for s, e in spans.get(ref, []):
                    out.append((role, s, e, n))
    return out


def word_clusters(texts: list[str], min_count: int = 5, n_ctx: int = 1000, dim: int = 100,
                  ks: tuple[int, ...] = (64, 512)) -> dict[str, tuple[str, ...]]:
    """Distributional word clusters from raw text (deterministic).

    Each word seen ``min_count`` times gets a vector of positive PMI with the
    ``n_ctx`` most frequent words to its left and right, reduced to ``dim``
    dimensions (randomized SVD, fixed seed) and clustered with spherical
    k-means (initialised with the most frequent words) for each k in ``ks``.
    """
    import numpy as np

    seqs = [[t.text.lower() for t in tokenize(x)] for x in texts]
    cnt: dict[str, int] = {}
    for s in seqs:
        for w in s:
            cnt[w] = cnt.get(w, 0) + 1
    vocab = sorted((w for w, c in cnt.items() if c >= min_count), key=lambda w: (-cnt[w], w))
    vi = {w: i for i, w in enumerate(vocab)}
    ci = {w: i for i, w in enumerate(vocab[:n_ctx])}
    rows, cols = [], []
    for s in seqs:
        for i, w in enumerate(s):
            r = vi.get(w)
            if r is None:
                continue
            if i > 0 and s[i - 1] in ci:
                rows.append(r)
                cols.append(ci[s[i - 1]])
            if i + 1 < len(s) and s[i + 1] in ci:
                rows.append(r)
                cols.append(n_ctx + ci[s[i + 1]])
    m = np.zeros((len(vocab), 2 * n_ctx), dtype=np.float64)
    np.add.at(m, (np.array(rows), np.array(cols)), 1.0)
    tot = m.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.log((m / tot) / ((m.sum(1, keepdims=True) / tot) * (m.sum(0, keepdims=True) / tot)))
    p[~np.isfinite(p)] = 0
    p = np.maximum(p, 0)
    rng = np.random.default_rng(0)
    q, _ = np.linalg.qr(p @ rng.standard_normal((p.shape[1], dim + 20)))
    u, sv, _ = np.linalg.svd(q.T @ p, full_matrices=False)
    x = (q @ u[:, :dim]) * sv[:dim]
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    labels = []
    for k in ks:
        c = x[:k].copy()
        for _ in range(25):
            a = np.argmax(x @ c.T, axis=1)
            for j in range(k):
                sel = a == j
                if sel.any():
                    v = x[sel].sum(0)
                    c[j] = v / (np.linalg.norm(v) + 1e-9)
        labels.append(a)
    return {w: tuple(str(int(lab[i])) for lab in labels) for i, w in enumerate(vocab)}


def load_split(root: Path, limit: int | None = None) -> list[tuple[str, str, list]]:
    """(name, text, labelled spans) for every article of a PolNeAR split."""
    docs = []
    for txt in sorted((root / "text").glob("*.txt")):
        anns = sorted((root / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        docs.append((txt.stem, txt.read_text(encoding="utf-8"), read_ann(anns[0])))
        if limit and len(docs) >= limit:
            break
    return docs


def sequences(docs: list[tuple[str, str, list]], encoder: Encoder, rules: bool = True):
    """(attribute strings, BIO labels) of every paragraph of every article.

    Articles go through ingest like at tagging time (only body spans are
    tagged); the rule extractor's output on the article is part of the
    features unless ``rules`` is False.
    """
    from graphkit.extract import extract_text
    from graphkit.ingest import article_from_text

    for _, text, spans in docs:
        art = article_from_text(text)
        body = art.body_spans()
        found = extract_text(text, "en", body) if rules else []
        words, starts, ends = tokenize_doc(text, [(s.start, s.end) for s in body])
        if not words:
            continue
        enc = encoder.encode(text, words, starts, ends, found)
        feats = strings(enc, encoder)
        labels = spans_to_bio(list(zip(starts, ends)), spans)
        for a, b in paragraphs_of(enc.par_start):
            y = labels[a:b]
            if y[0].startswith("I-"):
                y[0] = "B-" + y[0][2:]
            yield feats[a:b], y


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, required=True, help="PolNeAR train directory (text/, attributions/)")
    ap.add_argument("--out", type=Path, default=REPO / "graphkit" / "models" / "en-attribution.crfsuite")
    ap.add_argument("--cues", type=Path, default=REPO / "graphkit" / "models" / "en-cues.txt")
    ap.add_argument("--clusters", type=Path, default=None,
                    help="word-cluster file to write (default: en-clusters.txt next to --out)")
    ap.add_argument("--c1", type=float, default=1.2)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--max-iter", type=int, default=150)
    ap.add_argument("--min-freq", type=float, default=5)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-rules", action="store_true", help="leave the rule extractor's spans out of the features")
    args = ap.parse_args(argv)
    try:
        import pycrfsuite
    except ImportError:
        print("python-crfsuite is not installed (pip install python-crfsuite)", file=sys.stderr)
        return 2
    if not (args.train / "text").is_dir():
        print(f"{args.train}: no text/ directory (expected a PolNeAR split)", file=sys.stderr)
        return 2
    cues = read_cues(args.cues)
    t0 = time.perf_counter()
    docs = load_split(args.train, args.limit)
    cl_path = args.clusters or args.out.with_name("en-clusters.txt")
    clusters = word_clusters([d[1] for d in docs])
    with cl_path.open("w", encoding="utf-8") as fh:
        fh.write("# word<TAB>cluster (k=64)<TAB>cluster (k=512); built by scripts/train_tagger.py\n")
        for w, cs in clusters.items():
            fh.write(w + "\t" + "\t".join(cs) + "\n")
    clusters = read_clusters(cl_path)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    ntok = 0
    for x, y in sequences(docs, Encoder(cues, clusters), rules=not args.no_rules):
        ntok += len(x)
        trainer.append(x, y)
    t1 = time.perf_counter()
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.max_iter,
                        "feature.minfreq": args.min_freq,
                        "feature.possible_transitions": True})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    t2 = time.perf_counter()
    size = args.out.stat().st_size
    print(f"articles: {len(docs)}  tokens: {ntok}")
    print(f"features: {t1 - t0:.1f} s  training: {t2 - t1:.1f} s")
    print(f"model: {args.out}  size: {size / 1e6:.2f} MB  clusters: {cl_path} ({len(clusters)} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
