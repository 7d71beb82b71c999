"""Extraction quality against hand-made gold lists, and throughput.

    .venv/bin/python benchmarks/extraction.py [--json] [--model NAME]

Quality: precision and recall per category (quote speakers, organizations, people) on every
benchmarks/gold/*.json whose article is available (seeds need ../shared/corpus). Targets from
the issue: quote speakers >= 0.95 precision and >= 0.9 recall; organizations and people >= 0.9
/ 0.9. Throughput: words per second of ``extract_many`` (model already loaded) on the Darwin
chapter (six editions) and on the seeds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from variorum.core.extract import Extraction, extract_many, load_pipeline, pipeline_label  # noqa: E402
from variorum.core.extract.entities import normalise_name  # noqa: E402
from variorum.core.ingest import load_file  # noqa: E402

GOLD_DIR = REPO / "benchmarks" / "gold"
CORPUS = REPO.parent / "shared" / "corpus"
SAMPLES = REPO / "desktop" / "variorum" / "resources" / "samples"
TARGETS = {"quote speakers": (0.95, 0.9), "organizations": (0.9, 0.9), "people": (0.9, 0.9)}
_FOLD = str.maketrans({c: '"' for c in "“”„‟«»"} | {c: "'" for c in "‘’‚‛"})


@dataclass
class Score:
    tp_pred: int = 0
    """Predictions that match the gold."""
    pred: int = 0
    tp_gold: int = 0
    """Gold items that were found."""
    gold: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.gold += other.gold
        self.misses += other.misses
        self.extras += other.extras

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0


def resolve(source: str) -> Path | None:
    kind, _, rest = source.partition(":")
    if kind == "samples":
        path = SAMPLES / rest
        return path if path.is_file() else None
    if kind == "bench":  # texts written for the benchmark only (benchmarks/texts/)
        path = Path(__file__).resolve().parent / "texts" / rest
        return path if path.is_file() else None
    if kind == "corpus":
        folder, _, number = rest.partition("/")
        found = sorted((CORPUS / folder).glob(f"{number}_*.txt"))
        return found[0] if found else None
    raise ValueError(f"unknown source {source!r}")


def _names(item: dict[str, Any]) -> set[str]:
    return {normalise_name(n) for n in [item["name"], *item.get("aliases", [])]}


def score_entities(gold: list[dict[str, Any]], predicted: list[Any]) -> Score:
    """A prediction is right when its name or an alias is one of a gold item's names."""
    gold_keys = [_names(g) for g in gold]
    s = Score(pred=len(predicted), gold=len(gold))
    found = [False] * len(gold)
    for p in predicted:
        keys = {normalise_name(n) for n in [p.name, *p.aliases]}
        hits = [i for i, g in enumerate(gold_keys) if keys & g]
        if hits:
            s.tp_pred += 1
            for i in hits:
                found[i] = True
        else:
            s.extras.append(p.name)
    s.tp_gold = sum(found)
    s.misses = [g["name"] for g, f in zip(gold, found, strict=True) if not f]
    return s


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", text.translate(_FOLD).casefold()).split())


def _same_quote(gold_text: str, predicted: str) -> bool:
    g, p = _fold(gold_text), _fold(predicted)
    return bool(g) and bool(p) and (g in p or p in g)


def _speaker_names(quote: dict[str, Any], entities: dict[str, set[str]]) -> set[str]:
    """The gold speaker's name and, when the speaker is in the gold people or organizations,
    its aliases there ("Lord Pemberton" may be listed as "Pemberton")."""
    key = normalise_name(quote["speaker"])
    return entities.get(key, {key})


def score_quotes(
    gold: list[dict[str, Any]], x: Extraction, entities: list[dict[str, Any]] | None = None
) -> Score:
    """A quote is right when its text overlaps a gold quote and its speaker (by name or
    alias) is that quote's speaker (by name or, from the gold entity lists, alias)."""
    speakers = {normalise_name(e["name"]): _names(e) for e in entities or []}
    predicted = [(q, s) for s in x.speakers for q in s.quotes]
    s = Score(pred=len(predicted), gold=len(gold))
    found = [False] * len(gold)
    for q, speaker in predicted:
        keys = {normalise_name(n) for n in [speaker.name, *speaker.aliases]}
        hits = [
            i
            for i, g in enumerate(gold)
            if _same_quote(g["text"], q.text) and _speaker_names(g, speakers) & keys
        ]
        if hits:
            s.tp_pred += 1
            for i in hits:
                found[i] = True
        else:
            s.extras.append(f"{speaker.name}: {q.text[:50]}")
    s.tp_gold = sum(found)
    s.misses = [
        f"{g['speaker']}: {g['text'][:50]}" for g, f in zip(gold, found, strict=True) if not f
    ]
    return s


def quality(nlp: Any, only: list[str] | None = None) -> dict[str, Any]:
    golds = []
    skipped = []
    for path in sorted(GOLD_DIR.glob("*.json")):
        if only and not any(path.stem.startswith(prefix) for prefix in only):
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = resolve(gold["source"])
        if article is None:
            skipped.append(path.name)
            continue
        golds.append((path.name, gold, load_file(article).text))
    results = extract_many([t for _, _, t in golds], nlp)
    groups = ("all", "dev", "heldout")
    totals = {g: {name: Score() for name in TARGETS} for g in groups}
    per_file: dict[str, dict[str, Any]] = {}
    for (name, gold, _), x in zip(golds, results, strict=True):
        scores = {
            "quote speakers": score_quotes(
                gold["quotes"], x, gold["people"] + gold["organizations"]
            ),
            "organizations": score_entities(gold["organizations"], list(x.organizations)),
            "people": score_entities(gold["people"], list(x.people)),
        }
        per_file[name] = {"split": gold.get("split", "dev")}
        for cat, sc in scores.items():
            totals["all"][cat].add(sc)
            totals[per_file[name]["split"]][cat].add(sc)
            per_file[name][cat] = {
                "precision": round(sc.precision, 3),
                "recall": round(sc.recall, 3),
                "missed": sc.misses,
                "extra": sc.extras,
            }

    def summary(scores: dict[str, Score]) -> dict[str, Any]:
        return {
            cat: {
                "precision": round(sc.precision, 3),
                "recall": round(sc.recall, 3),
                "predicted": sc.pred,
                "gold": sc.gold,
                "target": {"precision": TARGETS[cat][0], "recall": TARGETS[cat][1]},
                "met": sc.precision >= TARGETS[cat][0] and sc.recall >= TARGETS[cat][1],
            }
            for cat, sc in scores.items()
        }

    return {
        "files": [n for n, _, _ in golds],
        "skipped": skipped,
        "summary": {g: summary(totals[g]) for g in groups if totals[g]["people"].gold},
        "per_file": per_file,
    }


def entity_rule_precision(nlp: Any) -> list[tuple[str, int, int]]:
    """(rule id, right, predicted) for the rules that voted for the label of a listed person
    or organization, over the hand-made gold files: a rule's entity is right when the gold
    lists it under that label."""
    from variorum.core.extract.engine import extract_doc
    from variorum.core.extract.layout import analyse_layout

    tally: dict[str, list[int]] = {}
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = resolve(gold["source"])
        if article is None:
            continue
        text = load_file(article).text
        layout = analyse_layout(text)
        trace: dict[int | str, tuple[str, ...]] = {}
        x = extract_doc(text, nlp(layout.nlp_text), layout, "", trace)
        for cat, predicted in (("people", x.people), ("organizations", x.organizations)):
            keys = [_names(g) for g in gold[cat]]
            for e in predicted:
                names = {normalise_name(n) for n in [e.name, *e.aliases]}
                right = any(names & k for k in keys)
                ids = {r for n in names for r in trace.get(f"entity:{n}", ())}
                for rule in ids:
                    t = tally.setdefault(rule, [0, 0])
                    t[0] += right
                    t[1] += 1
    return sorted(((r, a, b) for r, (a, b) in tally.items()), key=lambda t: t[1] / t[2])


def throughput(nlp: Any) -> dict[str, Any]:
    sets = {
        "darwin (6 editions of ch. I)": sorted((CORPUS / "darwin").glob("*.txt")),
        "seeds (4 news texts)": sorted((CORPUS / "seeds").glob("*.txt")),
    }
    out: dict[str, Any] = {}
    for name, paths in sets.items():
        if not paths:
            continue
        articles = [load_file(p) for p in paths]
        words = sum(a.words for a in articles)
        runs = []
        for _ in range(2):
            start = time.perf_counter()
            for _x in extract_many([a.text for a in articles], nlp, batch_size=8):
                pass
            runs.append(time.perf_counter() - start)
        best = min(runs)
        bare_runs = []
        for _ in range(2):  # the bare model on the same texts, in the same run
            start = time.perf_counter()
            for _doc in nlp.pipe([a.text for a in articles], batch_size=8):
                pass
            bare_runs.append(time.perf_counter() - start)
        bare = min(bare_runs)
        out[name] = {
            "words": words,
            "seconds": round(best, 2),
            "words_per_second": round(words / best),
            "bare_model_words_per_second": round(words / bare),
            "cost_over_bare_model": round(best / bare - 1, 3),
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--model")
    parser.add_argument("--no-speed", action="store_true", help="skip the throughput runs")
    parser.add_argument(
        "--rules", action="store_true", help="precision per entity rule id on the gold files"
    )
    parser.add_argument(
        "--only",
        help="score only gold files whose name starts with one of these comma-separated"
        " prefixes (e.g. heldout-03,heldout-04,heldout-05: one batch of held-out texts)",
    )
    args = parser.parse_args()
    start = time.perf_counter()
    nlp = load_pipeline(args.model)
    load_seconds = time.perf_counter() - start
    report: dict[str, Any] = {
        "model": pipeline_label(nlp),
        "model_load_seconds": round(load_seconds, 2),
        "quality": quality(nlp, args.only.split(",") if args.only else None),
    }
    if not args.no_speed:
        report["throughput"] = throughput(nlp)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print(f"model {report['model']} (import + load {load_seconds:.1f} s)")
    q = report["quality"]
    print(
        f"gold files: {', '.join(q['files'])}"
        + (f"; skipped {q['skipped']}" if q["skipped"] else "")
    )
    for group, cats in q["summary"].items():
        label = {"all": "all files", "dev": "development files", "heldout": "held-out files"}
        print(f"-- {label[group]}")
        print(f"{'category':<16}{'precision':>10}{'recall':>8}{'pred':>6}{'gold':>6}  target")
        for cat, s in cats.items():
            t = s["target"]
            mark = "ok" if s["met"] else "MISSED"
            print(
                f"{cat:<16}{s['precision']:>10.3f}{s['recall']:>8.3f}{s['predicted']:>6}"
                f"{s['gold']:>6}  >= {t['precision']}/{t['recall']} {mark}"
            )
    for name, cats in q["per_file"].items():
        for cat, s in cats.items():
            if cat == "split":
                continue
            for miss in s["missed"]:
                print(f"  {name} {cat}: missed {miss}")
            for extra in s["extra"]:
                print(f"  {name} {cat}: extra  {extra}")
    if args.rules:
        print("precision per entity rule id (entities whose label the rule voted for):")
        for rule, right, total in entity_rule_precision(nlp):
            print(f"  {rule:<32} {right / total:.3f} ({right}/{total})")
    for name, t in report.get("throughput", {}).items():
        print(
            f"throughput {name}: {t['words']} words in {t['seconds']} s"
            f" = {t['words_per_second']} words/s; bare model {t['bare_model_words_per_second']}"
            f" words/s; the rules cost {100 * t['cost_over_bare_model']:.0f} % over the bare model"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
