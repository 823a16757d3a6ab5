"""The neural (BiLSTM-CRF) attribution tagger: numpy inference and wiring.

Texts here are written for these tests.  Tests that need the shipped model
skip when graphkit/models/en-attribution-neural.npz is absent.
"""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from graphkit.extract import extract, neural
from graphkit.ingest import article_from_text
from graphkit.records import Article

needs_model = pytest.mark.skipif(not neural.available("en"),
                                 reason="graphkit/models/en-attribution-neural.npz is not shipped "
                                        "(train it with scripts/train_neural.py)")


def _sig(x):
    return 1.0 / (1.0 + np.exp(-x))


def _lstm_reference(x: np.ndarray, whh: np.ndarray) -> np.ndarray:
    """One sequence, one step at a time, straight from the LSTM equations."""
    hdim = whh.shape[1]
    h = np.zeros(hdim)
    c = np.zeros(hdim)
    out = []
    for t in range(len(x)):
        g = x[t] + whh @ h
        i, f, gg, o = g[:hdim], g[hdim:2 * hdim], g[2 * hdim:3 * hdim], g[3 * hdim:]
        c = _sig(f) * c + _sig(i) * np.tanh(gg)
        h = _sig(o) * np.tanh(c)
        out.append(h)
    return np.array(out)


def test_lstm_batched_matches_reference_and_pads_with_zeros():
    rng = np.random.default_rng(1)
    lens = np.array([2, 5, 3])
    xi = rng.standard_normal((3, 5, 12))
    whh = rng.standard_normal((12, 3)) * 0.5
    got = neural.lstm(xi, lens, whh)
    assert got.shape == (3, 5, 3)
    for b, n in enumerate(lens):
        np.testing.assert_allclose(got[b, :n], _lstm_reference(xi[b, :n], whh), atol=1e-10)
        assert not got[b, n:].any()


def test_viterbi_equals_brute_force():
    rng = np.random.default_rng(2)
    k = 3
    em = rng.standard_normal((2, 4, k))
    trans, start, end = rng.standard_normal((k, k)), rng.standard_normal(k), rng.standard_normal(k)
    lens = np.array([4, 2])
    got = neural.viterbi(em, lens, trans, start, end)
    for b, n in enumerate(lens):
        def score(y):
            return (start[y[0]] + end[y[-1]] + sum(em[b, t, y[t]] for t in range(n))
                    + sum(trans[y[t - 1], y[t]] for t in range(1, n)))
        best = max(itertools.product(range(k), repeat=int(n)), key=score)
        assert got[b].tolist() == list(best)


def test_viterbi_follows_transitions():
    # emissions favour label 1 at step 2, but 0 -> 1 is forbidden and the first step is surely 0
    em = np.array([[[5.0, 0.0], [0.0, 1.0]]])
    trans = np.array([[0.0, -100.0], [0.0, 0.0]])
    assert neural.viterbi(em, np.array([2]), trans, np.zeros(2), np.zeros(2))[0].tolist() == [0, 0]


def test_no_model_for_other_languages():
    assert not neural.available("id")
    with pytest.raises(ValueError):
        neural.model("id")


def test_indonesian_falls_back_to_rules():
    text = "Menteri itu membantah kabar tersebut, kata juru bicara kementerian."
    art = article_from_text(text)
    assert [a.cue.text for a in extract(art, method="neural")] == [a.cue.text for a in extract(art, method="rules")]
    assert [a.cue.text for a in extract(art, method="neural-hybrid")] == \
        [a.cue.text for a in extract(art, method="rules")]


def test_unknown_method_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown"):
        neural.run(Article(text="x", lang="en"), "en", "nonsense")


def _first() -> "neural.NeuralModel":
    return neural.NeuralModel.load(neural._paths("en")[0])


@needs_model
def test_numpy_reproduces_torch_on_stored_selftest():
    for path in neural._paths("en"):         # every ensemble member
        net = neural.NeuralModel.load(path)
        with np.load(path, allow_pickle=False) as z:
            st = {k[len("selftest_"):]: z[k] for k in z.files if k.startswith("selftest_")}
        if not st:
            pytest.skip("model file carries no selftest arrays")
        f = {"word": st["word"], "shape": st["shape"], "suffix": st["suffix"], "templates": st["templates"],
             "par_start": st["par_start"]}
        em, lens, firsts, row = net.emissions(f)
        pos = np.arange(len(row)) - np.repeat(firsts, lens)
        np.testing.assert_allclose(em[row, pos], st["emissions"], atol=2e-3)
        assert net.tag_ids(f).tolist() == st["labels"].tolist()


@needs_model
def test_model_shapes():
    net = _first()
    k = len(net.labels)
    h = net.whh_f.shape[1]
    assert net.whh_f.shape == (4 * h, h) and net.whh_b.shape == (4 * h, h)
    assert net.wih_t.shape[1] == 8 * h
    assert net.w_out_t.shape == (2 * h, k) and net.trans.shape == (k, k)
    f = neural.features(net.vocab, net.cues, "Ann said it rained.\nBob agreed.", [(0, 31)])
    x = net.inputs(f)
    assert x.shape == (len(f["words"]), net.wih_t.shape[0])
    em, lens, _, _ = net.emissions(f)
    assert em.shape == (2, 5, k) and lens.tolist() == [5, 3]


@needs_model
def test_extract_neural_spans_equal_their_text():
    text = ("The water authority said on Monday that the reservoir would stay closed until June.\n\n"
            "“We will not take risks with public safety,” said Priya Anand, the authority’s director.\n\n"
            "Local farmers, however, argued that the closure was hurting their harvest.")
    atts = extract(article_from_text(text), method="neural")
    assert atts, "expected at least one attribution"
    for a in atts:
        for s in a.spans():
            assert text[s.start:s.end] == s.text
    assert any(a.cue.text == "said" for a in atts)
    hyb = extract(article_from_text(text), method="neural-hybrid")
    assert all(a.stance in ("asserts", "denies") for a in hyb)


@needs_model
def test_batched_emissions_equal_one_paragraph_at_a_time():
    net = _first()
    text = ("Officials said the bridge would reopen.\nIt was closed in May.\n"
            "“Nobody told us anything,” a shop owner complained, adding that sales had fallen.")
    f = neural.features(net.vocab, net.cues, text, [(0, len(text))])
    em, lens, firsts, _ = net.emissions(f)
    x = net.inputs(f) @ net.wih_t + net.bias
    h4 = x.shape[1] // 2
    for p, (a, n) in enumerate(zip(firsts.tolist(), lens.tolist())):
        xp = x[a:a + n]
        hf = neural.lstm(xp[None, :, :h4], np.array([n]), net.whh_f)[0]
        hb = neural.lstm(xp[None, ::-1, h4:], np.array([n]), net.whh_b)[0][::-1]
        e = np.concatenate([hf, hb], axis=1) @ net.w_out_t + net.b_out
        np.testing.assert_allclose(em[p, :n], e, atol=1e-4)


@needs_model
def test_ensemble_of_one_model_twice_tags_like_the_model():
    net = _first()
    text = "The mayor said the bridge would reopen, but residents doubted it.\n“Never,” one said."
    single = neural.tag(text, [(0, len(text))], net=net)
    double = neural.tag(text, [(0, len(text))], net=neural.Ensemble([net, net]))
    assert single == double
