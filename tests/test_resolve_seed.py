"""The seed article through ingest -> extract -> resolve, against its gold reading."""
import json

from conftest import SEED_GOLD, SEED_TEXT, needs_shared


def _overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


@needs_shared
def test_seed_required_attributions_and_chains():
    from graphkit.ingest import article_from_text
    from graphkit.extract import extract
    from graphkit.resolve import resolve

    text = SEED_TEXT.read_text(encoding="utf-8")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    art = article_from_text(text)
    atts = resolve(art, extract(art))
    for g in gold["attributions"]:
        if not g["required"]:
            continue
        gc = (g["cue"]["start"], g["cue"]["end"])
        hits = [a for a in atts if _overlap((a.cue.start, a.cue.end), gc)]
        assert hits, f"missed {g['id']} ({g['cue']['text']})"
        a = hits[0]
        if g["source"]:
            assert a.source is not None and _overlap((a.source.start, a.source.end),
                                                     (g["source"]["start"], g["source"]["end"])), g["id"]
    outlet = art.metadata.outlet.value if art.metadata.outlet else gold["metadata"]["outlet"]
    from graphkit.resolve.gazetteer import gazetteer
    outlet = gazetteer().outlet(outlet) or outlet
    predicted = []
    for a in atts:
        if a.entity is not None:
            predicted.append(([outlet, *[v.label for v in a.via], a.entity.label], a))
    for chain in gold["chains"]:
        ok = False
        for labels, a in predicted:
            if labels[:-1] != chain[:-1]:
                continue
            if labels[-1] == chain[-1]:
                ok = True
            else:  # the gold source span with this entity overlaps ours
                for g in gold["attributions"]:
                    s = g["source"]
                    if s and s["entity"] == chain[-1] and a.source is not None and \
                            _overlap((a.source.start, a.source.end), (s["start"], s["end"])):
                        ok = True
        assert ok, f"chain not found: {chain}"
