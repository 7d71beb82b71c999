"""Language identification (the "not in English" warning) on real English and on samples in
other languages written here.

    .venv/bin/python benchmarks/language.py

English: every seed article (../shared/corpus/seeds), the Darwin chapters and the BBC pages;
other languages: a few short news paragraphs written for this script. Prints how many
were called right, which way the fast path (plainly English function words) or the model
decided, and the time per article.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from variorum.core.ingest.language import CONFIDENT, identify  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"

OTHERS = {
    "fr": "Le conseil municipal a adopté mardi soir le budget du port. Les pêcheurs, venus "
    "nombreux, ont demandé que la digue soit réparée avant l'hiver, faute de quoi la saison "
    "serait perdue pour plusieurs familles de la commune.",
    "de": "Der Gemeinderat hat am Dienstagabend den Haushalt für den Hafen beschlossen. Die "
    "Fischer forderten, dass die Mole vor dem Winter repariert wird, sonst sei die Saison für "
    "mehrere Familien verloren.",
    "es": "El ayuntamiento aprobó el martes por la noche el presupuesto del puerto. Los "
    "pescadores pidieron que el espigón se repare antes del invierno, porque de lo contrario "
    "varias familias perderían la temporada.",
    "it": "Il consiglio comunale ha approvato martedì sera il bilancio del porto. I pescatori "
    "hanno chiesto che il molo venga riparato prima dell'inverno, altrimenti la stagione "
    "sarebbe persa per diverse famiglie.",
    "pt": "A câmara municipal aprovou na terça-feira à noite o orçamento do porto. Os "
    "pescadores pediram que o molhe seja reparado antes do inverno, caso contrário a época "
    "ficaria perdida para várias famílias.",
    "nl": "De gemeenteraad heeft dinsdagavond de begroting voor de haven goedgekeurd. De "
    "vissers vroegen dat de pier voor de winter wordt hersteld, anders is het seizoen voor "
    "verschillende gezinnen verloren.",
}


def main() -> int:
    folders = ("seeds", "darwin", "bbc")
    english = [
        p
        for folder in folders
        for p in sorted((CORPUS / folder).glob("*"))
        if p.is_file() and p.suffix in (".txt", ".html", ".md")
    ]
    rows: list[tuple[str, str, str | None, float, float]] = []
    for path in english:
        text = path.read_text(encoding="utf-8", errors="replace")
        started = time.perf_counter()
        found, confidence = identify(text)
        rows.append((path.name, "en", found, confidence, time.perf_counter() - started))
    for code, text in OTHERS.items():
        started = time.perf_counter()
        found, confidence = identify(text)
        rows.append((f"sample-{code}", code, found, confidence, time.perf_counter() - started))
    right = sum(1 for _n, want, got, conf, _t in rows if got == want and conf >= CONFIDENT)
    wrong = [(n, want, got, round(c, 2)) for n, want, got, c, _t in rows
             if not (got == want and c >= CONFIDENT)]
    fast = sum(1 for *_x, conf, _t in rows if conf == 1.0)
    en_rows = [r for r in rows if r[1] == "en"]
    print(f"English texts: {len(en_rows)}, called English: "
          f"{sum(1 for r in en_rows if r[2] == 'en')} (fast path: {fast})")
    print(f"other languages: {len(OTHERS)}, called right: "
          f"{sum(1 for r in rows if r[1] != 'en' and r[2] == r[1] and r[3] >= CONFIDENT)}")
    print(f"right with confidence >= {CONFIDENT}: {right} of {len(rows)}; wrong or unsure: {wrong}")
    print("time per text, median (the model's first load excluded): "
          f"{sorted(r[4] for r in rows[1:])[len(rows) // 2] * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
