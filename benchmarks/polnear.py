"""Extraction on PolNeAR (real annotated news): quotes, people and organizations.

    .venv/bin/python benchmarks/polnear.py [--part dev|heldout|all] [--every N] [--out X.json]
        [--dump rows.jsonl] [--entities] [--off RULE,RULE] [--cache DIR]

Quotes are scored by the corpus's own scorer (``../shared/tools/score_quotes.py``) on the
``variorum extract --json`` form of our results. ``--part dev`` (the default) is the training
split minus ``benchmarks/polnear-heldout.txt``: the part rules may be tuned on; ``heldout`` is
the part kept aside (score it at milestones only). ``--every N`` scores every N-th file of the
part, for quick runs. Parsed documents are cached on disk (``--cache``, by default under
/tmp), so a second run costs only the rules. ``--entities`` scores people and organizations
against ``benchmarks/polnear-entities.json`` (names labelled by reading a sample of held-out
articles), beside bare spaCy with a surname merge. ``--off`` switches rules off by id.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from variorum.core.extract import Extraction, load_pipeline, pipeline_label  # noqa: E402
from variorum.core.extract.engine import CHUNK_CHARS, extract_doc, split_for_parsing  # noqa: E402
from variorum.core.extract.entities import normalise_name  # noqa: E402
from variorum.core.extract.layout import analyse_layout  # noqa: E402
from variorum.core.extract.rules import switched_off  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "polnear-train"
SCORER = REPO.parent / "shared" / "tools" / "score_quotes.py"
HELDOUT = REPO / "benchmarks" / "polnear-heldout.txt"
ENTITY_GOLD = REPO / "benchmarks" / "polnear-entities.json"


MODEL_CODE = hashlib.sha1(
    (REPO / "desktop" / "variorum" / "core" / "extract" / "model.py").read_bytes()
).hexdigest()


def default_cache() -> str:
    return os.path.join(tempfile.gettempdir(), "variorum-docs")


def rules_parameters(name: str) -> dict[str, float]:
    from variorum.core.extract.rules import parameters

    return dict(parameters(name))


def part_files(part: str, every: int = 1) -> list[str]:
    """File names of one part of the split, sorted."""
    names = sorted(p.name for p in (CORPUS / "text").glob("*.txt"))
    held = {ln.strip() for ln in HELDOUT.read_text(encoding="utf-8").splitlines() if ln.strip()}
    if part == "heldout":
        names = [n for n in names if n in held]
    elif part == "dev":
        names = [n for n in names if n not in held]
    return names[::every]


def parsed_docs(texts: list[str], nlp: Any, cache: Path) -> Iterator[tuple[Any, Any]]:
    """(layout, doc) per text, parsing only what the cache does not hold."""
    from spacy.tokens import Doc, DocBin

    cache.mkdir(parents=True, exist_ok=True)
    # the pipeline's own name, its components, and our code that sets them up
    label = pipeline_label(nlp) + "+".join(nlp.pipe_names) + MODEL_CODE
    layouts = [analyse_layout(t) for t in texts]
    keys = [hashlib.sha1((label + lay.nlp_text).encode()).hexdigest() for lay in layouts]
    missing = [i for i, k in enumerate(keys) if not (cache / f"{k}.spacy").is_file()]
    pieces = [
        (part, i) for i in missing for part in split_for_parsing(layouts[i].nlp_text, CHUNK_CHARS)
    ]
    parts: dict[int, list[Any]] = {}
    for doc, i in nlp.pipe(pieces, as_tuples=True, batch_size=8):
        parts.setdefault(i, []).append(doc)
    for i, docs in parts.items():
        whole = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
        DocBin(docs=[whole]).to_disk(cache / f"{keys[i]}.spacy")
    for layout, key in zip(layouts, keys, strict=True):
        (doc,) = DocBin().from_disk(cache / f"{key}.spacy").get_docs(nlp.vocab)
        yield layout, doc


def extraction_json(name: str, x: Extraction) -> dict[str, Any]:
    """The ``variorum extract --json`` form (the scorer reads that)."""
    from variorum.reports.speakers import extraction_json as contract

    return contract(name, x)


def run(
    names: list[str], nlp: Any, cache: Path, traces: dict[str, dict[int | str, tuple[str, ...]]]
) -> dict[str, Extraction]:
    """Extractions by file name; ``traces`` receives the rule ids behind each quote."""
    texts = [(CORPUS / "text" / n).read_text(encoding="utf-8") for n in names]
    label = pipeline_label(nlp)
    out = {}
    for name, text, (layout, doc) in zip(names, texts, parsed_docs(texts, nlp, cache), strict=True):
        traces[name] = {}
        out[name] = extract_doc(text, doc, layout, label, traces[name])
    return out


def rule_precision(
    results: dict[str, Extraction],
    traces: dict[str, dict[int | str, tuple[str, ...]]],
    dump: str,
) -> list[tuple[str, int, int, int, int, int]]:
    """(rule, name-level right, name-level scored, lenient right, lenient scored, unscored)
    per rule id, from the scorer's per-prediction rows (which follow our output's order).
    Unscored: quotes overlapping no gold quote, mostly scare quotes and titles given a
    speaker (the scorer does not count them; an analyst sees them)."""
    rows = [json.loads(ln) for ln in Path(dump).read_text(encoding="utf-8").splitlines()]
    preds = [r for r in rows if not r.get("gold")]
    tally: dict[str, list[int]] = {}
    i = 0
    for name, x in results.items():
        for speaker in x.speakers:
            for q in speaker.quotes:
                row = preds[i]
                i += 1
                assert row["file"] == name and row["text"] == q.text
                for rule in traces[name].get(q.start, ()):
                    t = tally.setdefault(rule, [0, 0, 0, 0, 0])
                    t[4] += row.get("status") == "overlaps no gold quote"
                    if row.get("name_level") in ("right", "wrong speaker"):
                        t[1] += 1
                        t[0] += row["name_level"] == "right"
                    if row.get("lenient") in ("right", "wrong speaker"):
                        t[3] += 1
                        t[2] += row["lenient"] == "right"
    return sorted(((r, *t) for r, t in tally.items()), key=lambda r: (r[1] / r[2]) if r[2] else 1.0)


def score_quotes(results: dict[str, Extraction], dump: str | None) -> str:
    """The corpus scorer's report on ``results``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "extract.json"
        files = Path(tmp) / "files.txt"
        path.write_text(json.dumps([extraction_json(n, x) for n, x in results.items()]))
        files.write_text("\n".join(results) + "\n")
        cmd = [sys.executable, str(SCORER), str(CORPUS), str(path), "--files", str(files)]
        if dump:
            cmd += ["--dump", dump]
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout


# ---------------------------------------------------------------- people and organizations


def _keys(names: list[str]) -> set[str]:
    return {normalise_name(n) for n in names if n}


def score_entities(
    gold: list[dict[str, Any]], predicted: list[list[str]]
) -> tuple[int, int, int, int]:
    """(right predictions, predictions, gold found, gold): a predicted entity (its name and
    aliases) is right when one of its names is one of a gold entity's names. A prediction of
    an optional gold entity (a judgement call) is not counted; nor is that entity's recall."""
    gold_keys = [_keys([g["name"], *g.get("aliases", [])]) for g in gold]
    optional = [bool(g.get("optional")) for g in gold]
    found = [False] * len(gold)
    right = counted = 0
    for names in predicted:
        keys = _keys(names)
        hits = [i for i, g in enumerate(gold_keys) if keys & g]
        if hits and all(optional[i] for i in hits):
            continue
        counted += 1
        if hits:
            right += 1
            for i in hits:
                found[i] = True
    wanted = [i for i in range(len(gold)) if not optional[i]]
    return right, counted, sum(found[i] for i in wanted), len(wanted)


def bare_spacy(doc: Any) -> dict[str, list[list[str]]]:
    """Bare model entities with a surname merge: a one-word PERSON that is the last word of
    a longer PERSON in the same article is that person; ORG names as the model wrote them."""
    people: dict[str, set[str]] = {}
    orgs: dict[str, set[str]] = {}
    for ent in doc.ents:
        name = " ".join(ent.text.split())
        if ent.label_ == "PERSON":
            people.setdefault(normalise_name(name), set()).add(name)
        elif ent.label_ == "ORG":
            orgs.setdefault(normalise_name(name), set()).add(name)
    merged: dict[str, set[str]] = {}
    for key, forms in people.items():
        words = key.split()
        longer = [k for k in people if len(k.split()) > 1 and k.split()[-1] == words[-1]]
        if len(words) == 1 and len(longer) == 1:
            merged.setdefault(longer[0], set()).update(forms)
        else:
            merged.setdefault(key, set()).update(forms)
    return {
        "people": [sorted(f) for f in merged.values()],
        "organizations": [sorted(f) for f in orgs.values()],
    }


def entity_report(nlp: Any, cache: Path, off: set[str]) -> dict[str, Any]:
    gold = json.loads(ENTITY_GOLD.read_text(encoding="utf-8"))
    names = [f["file"] for f in gold["files"]]
    texts = [(CORPUS / "text" / n).read_text(encoding="utf-8") for n in names]
    label = pipeline_label(nlp)
    totals: dict[str, dict[str, list[int]]] = {
        s: {"people": [0, 0, 0, 0], "organizations": [0, 0, 0, 0]} for s in ("ours", "bare")
    }
    errors: list[str] = []
    for g, text, (layout, doc) in zip(
        gold["files"], texts, parsed_docs(texts, nlp, cache), strict=True
    ):
        x = extract_doc(text, doc, layout, label)
        ours = {
            "people": [[e.name, *e.aliases] for e in x.people],
            "organizations": [[e.name, *e.aliases] for e in x.organizations],
        }
        bare = bare_spacy(nlp(text))
        for system, found in (("ours", ours), ("bare", bare)):
            for cat in ("people", "organizations"):
                s = score_entities(g[cat], found[cat])
                totals[system][cat] = [a + b for a, b in zip(totals[system][cat], s, strict=True)]
                if system == "ours":
                    gk = [_keys([e["name"], *e.get("aliases", [])]) for e in g[cat]]
                    for p in found[cat]:
                        if not any(_keys(p) & k for k in gk):
                            errors.append(f"{g['file'][:40]} {cat}: extra {p[0]}")
                    for e, k in zip(g[cat], gk, strict=True):
                        if not e.get("optional") and not any(_keys(p) & k for p in found[cat]):
                            errors.append(f"{g['file'][:40]} {cat}: missed {e['name']}")
    return {"files": len(names), "totals": totals, "errors": errors}


def source_probe(results: dict[str, Extraction], nlp: Any, cache: Path) -> dict[str, list[int]]:
    """Recall probe for people and organizations on any part: the annotated Sources that are
    names ("Sen. Ted Cruz", "the FBI"), each found when a mention of a listed person or
    organization overlaps it; beside bare spaCy's PERSON/ORG entities on the same text."""
    gold = json.loads((CORPUS / "quotes.json").read_text(encoding="utf-8"))
    spans: dict[str, set[tuple[int, int]]] = {}
    for r in gold["records"]:
        if r["file"] in results and r["source_kind"] == "name" and r.get("source_span"):
            spans.setdefault(r["file"], set()).add(tuple(r["source_span"]))
    names = sorted(spans)
    texts = [(CORPUS / "text" / n).read_text(encoding="utf-8") for n in names]
    tally = {"ours": [0, 0], "bare": [0, 0]}
    for name, (_, doc) in zip(names, parsed_docs(texts, nlp, cache), strict=True):
        x = results[name]
        ours = [(m.start, m.end) for e in (*x.people, *x.organizations) for m in e.mentions]
        bare = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PERSON", "ORG")]
        for s, e in spans[name]:
            for system, found in (("ours", ours), ("bare", bare)):
                tally[system][1] += 1
                tally[system][0] += any(a < e and s < b for a, b in found)
    return tally


def prf(t: list[int]) -> tuple[float, float, float]:
    p = t[0] / t[1] if t[1] else 1.0
    r = t[2] / t[3] if t[3] else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--out", help="write the extract --json form here")
    parser.add_argument("--dump", help="the scorer's per-row dump (JSON lines)")
    parser.add_argument("--entities", action="store_true")
    parser.add_argument("--off", default="", help="rule ids to switch off, comma-separated")
    parser.add_argument("--cache", default=default_cache())
    args = parser.parse_args()
    if not CORPUS.is_dir() or not SCORER.is_file():
        print(f"PolNeAR corpus or scorer not found beside the checkout ({CORPUS})")
        return 1
    off = {r for r in args.off.split(",") if r}
    nlp = load_pipeline()
    cache = Path(args.cache)
    if args.entities:
        with switched_off(off):
            rep = entity_report(nlp, cache, off)
        for err in rep["errors"]:
            print("  " + err)
        print(f"people and organizations, {rep['files']} held-out files labelled by reading:")
        for system, cats in rep["totals"].items():
            for cat, t in cats.items():
                p, r, f = prf(t)
                print(
                    f"  {system:<5} {cat:<14} P={p:.3f} R={r:.3f} F1={f:.3f} "
                    f"(right {t[0]}/{t[1]} predicted, found {t[2]}/{t[3]} gold)"
                )
        return 0
    names = part_files(args.part, args.every)
    traces: dict[str, dict[int | str, tuple[str, ...]]] = {}
    with switched_off(off):
        results = run(names, nlp, cache, traces)
    if args.out:
        Path(args.out).write_text(
            json.dumps([extraction_json(n, x) for n, x in results.items()], ensure_ascii=False)
        )
    with tempfile.TemporaryDirectory() as tmp:
        dump = args.dump or str(Path(tmp) / "rows.jsonl")
        print(score_quotes(results, dump), end="")
        if args.part == "heldout":
            print("  (held-out part: per-rule precision is not shown, so nobody tunes on it)")
        else:
            print(
                "  precision per rule id (name-level right/scored; lenient right/scored;"
                " unscored):"
            )
            for rule, nr, ns, lr, ls, un in rule_precision(results, traces, dump):
                print(
                    f"    {rule:<34} {nr / max(ns, 1):.3f} ({nr}/{ns})   "
                    f"{lr / max(ls, 1):.3f} ({lr}/{ls})   {un}"
                )
    probe = source_probe(results, nlp, cache)
    print(
        "  Sources that are names, covered by a person or organization mention (recall probe): "
        + ", ".join(f"{k} {a}/{b} = {a / max(b, 1):.3f}" for k, (a, b) in probe.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
