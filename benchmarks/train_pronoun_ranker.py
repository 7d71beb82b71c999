"""Fits the pronoun ranker's weights on PolNeAR's training split (never the held-out part).

    .venv/bin/python benchmarks/train_pronoun_ranker.py [--every N] [--write]

Every quote whose annotated Source is a pronoun ("he said") with a resolved speaker name
gives one ranking: the candidates the ranker considers at that pronoun, the right one being
the candidate whose mentions share a content word with the annotated speaker. A logistic
regression (scikit-learn, here only: the app reads the weights as plain numbers) is fitted on
candidate-vs-rest, and the threshold set where the top candidate's score separates right
from wrong on the training rankings. ``--write`` stores the weights in
``desktop/variorum/core/extract/rules/pronouns.toml``; without it they are printed, with the
accuracy of the top candidate under the current and the fitted weights. About one in four
resolved speakers in the gold is itself wrong (CoreNLP's coreference), so expect noise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))
sys.path.insert(0, str(REPO / "benchmarks"))

import polnear  # noqa: E402
from variorum.core.extract.pronouns import FEATURES, Candidate, PronounRanker  # noqa: E402

WEIGHTS = REPO / "desktop" / "variorum" / "core" / "extract" / "rules" / "pronouns.toml"
STOP = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "the", "of", "and", "jr"}


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 1} - STOP


def collect(every: int) -> list[list[tuple[list[float], bool]]]:
    gold = json.loads((polnear.CORPUS / "quotes.json").read_text(encoding="utf-8"))
    names = polnear.part_files("dev", every)
    wanted: dict[str, dict[int, set[str]]] = {}
    for r in gold["records"]:
        if r["file"] in names and r["source_kind"] == "pronoun" and r["speaker"]:
            wanted.setdefault(r["file"], {})[r["source_span"][0]] = words(r["speaker"])
    rankings: list[list[tuple[list[float], bool]]] = []
    current: dict[str, Any] = {}

    def observe(ranker: PronounRanker, pos: int, pronoun: str, cands: list[Candidate]) -> None:
        speaker = wanted.get(current["file"], {}).get(pos)
        if not speaker or not cands or current.get("seen", set()) & {pos}:
            return
        current.setdefault("seen", set()).add(pos)
        text = ranker.doc.text
        rows = []
        for c in cands:
            said = set()
            for m in ranker.index.of_group(c.mention.group):
                said |= words(text[m.start : m.end])
            rows.append(([c.features.get(f, 0.0) for f in FEATURES], bool(said & speaker)))
        if any(ok for _, ok in rows):
            rankings.append(rows)

    PronounRanker.observer = observe
    nlp = polnear.load_pipeline()
    texts = [(polnear.CORPUS / "text" / n).read_text(encoding="utf-8") for n in names]
    docs = polnear.parsed_docs(texts, nlp, Path(polnear.default_cache()))
    for name, text, (layout, doc) in zip(names, texts, docs, strict=True):
        current.clear()
        current["file"] = name
        polnear.extract_doc(text, doc, layout)
    PronounRanker.observer = None
    return rankings


def top_accuracy(rankings: list[list[tuple[list[float], bool]]], w: dict[str, float]) -> float:
    right = 0
    for rows in rankings:
        scores = [sum(w.get(f, 0.0) * v for f, v in zip(FEATURES, x, strict=True)) for x, _ in rows]
        best = max(range(len(rows)), key=lambda i: (scores[i], -i))
        right += rows[best][1]
    return right / max(len(rankings), 1)


def pairs(rankings: list[list[tuple[list[float], bool]]]) -> tuple[list[list[float]], list[int]]:
    """The right candidate against each wrong one of the same ranking, both ways round (a
    ranking objective; the bias cancels out)."""
    xs: list[list[float]] = []
    ys: list[int] = []
    for rows in rankings:
        right = [x for x, ok in rows if ok]
        for x, ok in rows:
            if ok:
                continue
            for r in right:
                diff = [a - b for a, b in zip(r, x, strict=True)]
                xs.extend([diff, [-d for d in diff]])
                ys.extend([1, 0])
    return xs, ys


def fit(rankings: list[list[tuple[list[float], bool]]]) -> dict[str, float]:
    from sklearn.linear_model import LogisticRegression

    xs, ys = pairs(rankings)
    model = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=False).fit(xs, ys)
    return {f: round(float(w), 3) for f, w in zip(FEATURES, model.coef_[0], strict=True)}


def main() -> int:

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--check", action="store_true", help="fit on half, measure on half")
    args = parser.parse_args()
    rankings = collect(args.every)
    if args.check:
        # fitted on even rankings, measured on odd ones: what the fit does on rankings it
        # has not seen
        halves = (rankings[::2], rankings[1::2])
        w = fit(halves[0])
        before = top_accuracy(halves[1], polnear.rules_parameters("pronoun_ranker"))
        after = top_accuracy(halves[1], w)
        print(f"half/half check, unseen half: fitted {after:.3f}, current weights {before:.3f}")
    fitted = fit(rankings)
    xs = pairs(rankings)[0]
    current = polnear.rules_parameters("pronoun_ranker")
    print(f"{len(rankings)} rankings, {len(xs) // 2} right-wrong pairs")
    print(
        f"top-candidate accuracy: current weights {top_accuracy(rankings, current):.3f}, "
        f"fitted {top_accuracy(rankings, fitted):.3f}"
    )
    fitted["threshold"] = current.get("threshold", -4.0)
    for f, w in fitted.items():
        print(f"  {f} = {w}")
    if args.write:
        text = WEIGHTS.read_text(encoding="utf-8")
        head = text[: text.index("[parameters.pronoun_ranker]")]
        body = "\n".join(f"{f} = {w}" for f, w in fitted.items())
        WEIGHTS.write_text(f"{head}[parameters.pronoun_ranker]\n{body}\n", encoding="utf-8")
        print(f"written to {WEIGHTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
