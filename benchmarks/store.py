"""Store benchmark: rdflib in-memory vs the embedded Oxigraph store, same run.

Builds N synthetic article graphs shaped like the model (each: metadata,
5 attributions with chains through outlets, anonymous sources, denials),
writes them with ``GraphStore.put_many`` (32 articles a transaction, as
``graphkit ingest`` does) into both backends and times three
typical queries. Prints medians of several runs and the ratio.

    python benchmarks/store.py [--articles 2000] [--runs 3]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from graphkit.ids import article_id
from graphkit.rdf.model import article_triples
from graphkit.rdf.store import open_store
from graphkit.records import Article, Attribution, Entity, Field, Metadata, Span

OUTLETS = [f"Outlet {i}" for i in range(40)]
PEOPLE = [f"Person {i}" for i in range(400)]

QUERIES = {
    "chain": """SELECT ?outlet ?via ?src WHERE {
        ?m a gk:Mention ; schema:isPartOf ?art ; prov:wasQuotedFrom+ ?up .
        ?art schema:publisher/schema:name ?outlet .
        OPTIONAL { ?up schema:isPartOf/schema:publisher/schema:name ?via }
        OPTIONAL { ?up prov:wasAttributedTo/skos:prefLabel ?src } }""",
    "anonymous-share": """SELECT ?outlet (COUNT(?s) AS ?n) WHERE {
        ?m a gk:Mention ; schema:isPartOf/schema:publisher/schema:name ?outlet ; gk:reports ?st .
        ?st prov:wasAttributedTo ?s . ?s a gk:AnonymousSource } GROUP BY ?outlet""",
    "who-quotes": """SELECT DISTINCT ?outlet WHERE {
        ?p skos:prefLabel "Person 7" . ?st prov:wasAttributedTo ?p .
        ?m gk:reports ?st ; schema:isPartOf/schema:publisher/schema:name ?outlet }""",
}


def synthetic(i: int) -> tuple[Article, list[Attribution]]:
    sents = []
    atts = []
    pos = 0
    parts = []
    for k in range(5):
        s = f'"Claim {i}-{k} is true," Person {(i * 7 + k) % 400} said, according to Outlet {(i + k) % 40}. '
        parts.append(s)
        start = pos
        q0 = start + 1
        q1 = q0 + len(f"Claim {i}-{k} is true,")
        src0 = s.index("Person") + start
        src1 = s.index(" said") + start
        cue0 = src1 + 1
        sents.append((start, start + len(s), q0, q1, src0, src1, cue0))
        pos += len(s)
    text = "".join(parts)
    for k, (s0, s1, q0, q1, a0, a1, c0) in enumerate(sents):
        anon = k == 4
        ent = (Entity(key=f"anon {i}", label="officials", type="person_group", anonymous=True)
               if anon else Entity(key=text[a0:a1], label=text[a0:a1], type="person"))
        atts.append(Attribution(
            id=f"a{k + 1}", cue=Span.of(text, c0, c0 + 4), content=[Span.of(text, q0, q1)],
            source=Span.of(text, a0, a1), direct=True, stance="denies" if k == 3 else "asserts",
            sentence=Span.of(text, s0, s1), entity=ent, claim=f"c{k}",
            via=[Entity(key=OUTLETS[(i + k) % 40], label=OUTLETS[(i + k) % 40], type="outlet")]))
    art = Article(text=text, lang="en", source=f"synthetic/{i}", id=article_id(text=text),
                  metadata=Metadata(title=Field(f"Article {i}"), outlet=Field(OUTLETS[i % 40]),
                                    published=Field("2024-01-01T00:00:00+00:00")))
    return art, atts


def run(n: int, runs: int) -> None:
    graphs = [(a, article_triples(a, atts)) for a, atts in (synthetic(i) for i in range(n))]
    triples = sum(len(g) for _, g in graphs)
    results: dict[str, dict[str, list[float]]] = {"memory": {}, "oxigraph": {}}
    for r in range(runs):
        for backend in ("memory", "oxigraph"):
            with tempfile.TemporaryDirectory() as tmp:
                st = open_store("memory" if backend == "memory" else Path(tmp) / "s")
                t0 = time.perf_counter()
                for k in range(0, len(graphs), 32):     # as `graphkit ingest` writes
                    st.put_many(graphs[k:k + 32])
                results[backend].setdefault("load", []).append(time.perf_counter() - t0)
                for name, q in QUERIES.items():
                    t0 = time.perf_counter()
                    rows = list(st.query(q))
                    results[backend].setdefault(name, []).append(time.perf_counter() - t0)
                    results[backend].setdefault(name + ":rows", []).append(len(rows))
                st.close()
    print(f"store benchmark: {n} articles, {triples} triples, median of {runs} runs (seconds)")
    print(f"{'step':<16} {'rdflib memory':>14} {'oxigraph':>10} {'ratio':>7}  rows")
    for step in ["load", *QUERIES]:
        m = statistics.median(results["memory"][step])
        o = statistics.median(results["oxigraph"][step])
        rows = "" if step == "load" else (
            f"{int(results['memory'][step + ':rows'][0])}/{int(results['oxigraph'][step + ':rows'][0])}")
        print(f"{step:<16} {m:>14.3f} {o:>10.3f} {m / o if o else float('inf'):>6.1f}x  {rows}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    run(args.articles, args.runs)
