"""Which MinHash library story grouping uses: datasketch or rensa, measured on this machine.

Both compute 128-permutation MinHash signatures over the same word shingles of real articles
(polnear-train, repeated to a few thousand documents). Printed per library: signatures per
second from shingle strings (each library's ordinary use) and from our pre-hashed shingles
(how grouping calls it), the error of the estimated Jaccard against the exact one on
pairs that share text (Darwin editions, seeds), whether a signature is the same in another
process with another hash seed (a cluster needs that), import time and installed size.

    .venv/bin/python benchmarks/minhash_libraries.py
"""

from __future__ import annotations

import importlib.metadata
import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from variorum.core.stories.features import SHINGLE_WORDS, shingles  # noqa: E402
from variorum.core.stories.scan import words_of  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
NUM_PERM = 128
SEED = 42
REPEAT = 5


def _texts() -> tuple[list[str], list[str]]:
    polnear = [
        p.read_text(encoding="utf-8")
        for p in sorted((CORPUS / "polnear-train" / "text").glob("*.txt"))
    ]
    similar = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "darwin").glob("*.txt"))]
    similar += [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "seeds").glob("*.txt"))]
    return polnear * REPEAT, similar


def _string_shingles(text: str) -> list[str]:
    words = words_of(text)
    width = min(SHINGLE_WORDS, len(words))
    return [" ".join(words[i : i + width]) for i in range(len(words) - width + 1)]


def _rensa_strings(docs: list[list[str]]) -> np.ndarray:
    from rensa import RMinHash

    out = []
    for doc in docs:
        m = RMinHash(NUM_PERM, SEED)
        m.update(doc)
        out.append(m.digest())
    return np.asarray(out, dtype=np.uint64)


def _rensa_hashes(docs: list[np.ndarray]) -> np.ndarray:
    from rensa import RMinHash

    flat = np.concatenate(docs).astype(np.uint64)
    offsets = np.zeros(len(docs) + 1, dtype=np.uint64)
    offsets[1:] = np.cumsum([len(d) for d in docs])
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, NUM_PERM, SEED)
    return np.asarray(matrix.to_rows(), dtype=np.uint64)


def _datasketch_strings(docs: list[list[str]]) -> np.ndarray:
    from datasketch import MinHash

    out = []
    for m in MinHash.generator(
        ([s.encode() for s in d] for d in docs), num_perm=NUM_PERM, seed=SEED
    ):
        out.append(m.hashvalues)
    return np.asarray(out, dtype=np.uint64)


def _identity(value: int) -> int:
    return value


def _datasketch_hashes(docs: list[np.ndarray]) -> np.ndarray:
    from datasketch import MinHash

    out = []
    lists = (d.tolist() for d in docs)
    for m in MinHash.generator(
        lists, num_perm=NUM_PERM, seed=SEED, hashfunc=_identity, scheme="affine32"
    ):
        out.append(m.hashvalues)
    return np.asarray(out, dtype=np.uint64)


def _timed(fn, arg):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(arg)
    return result, time.perf_counter() - start


def _error(sig: np.ndarray, sets: list[np.ndarray]) -> float:
    errors = []
    for i, j in itertools.combinations(range(len(sets)), 2):
        exact = len(np.intersect1d(sets[i], sets[j])) / max(1, len(np.union1d(sets[i], sets[j])))
        estimate = float(np.mean(sig[i] == sig[j]))
        errors.append(abs(exact - estimate))
    return float(np.mean(errors))


def _other_process_digest(lib: str, text: str) -> list[int]:
    """The first values of a signature computed in a fresh interpreter with another hash seed."""
    code = (
        f"import sys; sys.path[:0] = [{str(ROOT / 'desktop')!r}, {str(ROOT / 'benchmarks')!r}]\n"
        "import minhash_libraries as m\n"
        f"text = open({text!r}, encoding='utf-8').read()\n"
        f"sig = m._{lib}_strings([m._string_shingles(text)])\n"
        "print(' '.join(str(int(v)) for v in sig[0][:8]))\n"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return [int(v) for v in out.stdout.split()]


def _import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    best = min(
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    )
    return best * 1000


def _installed_mb(dist: str) -> float:
    total = 0
    for f in importlib.metadata.distribution(dist).files or ():
        path = Path(f.locate())
        if path.is_file():
            total += path.stat().st_size
    return total / 1e6


_HEADER = """\
library       strings/s   hashes/s  |J err|  same in   import           size
                 (docs)     (docs)   (mean)  process       ms     MB (+deps)"""


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit("needs ../shared/corpus")
    try:
        import datasketch  # noqa: F401 - only this comparison uses it
    except ImportError:
        sys.exit("install datasketch to compare: .venv/bin/pip install datasketch")
    texts, similar = _texts()
    string_docs = [_string_shingles(t) for t in texts]
    hashed_docs = [shingles(words_of(t)) for t in texts]
    similar_strings = [_string_shingles(t) for t in similar]
    similar_sets = [shingles(words_of(t)) for t in similar]
    total = sum(len(d) for d in string_docs)
    print(f"{len(texts)} documents, {total:,} shingles, {NUM_PERM} permutations")
    print(_HEADER)
    for lib in ("datasketch", "rensa"):
        by_strings = globals()[f"_{lib}_strings"]
        by_hashes = globals()[f"_{lib}_hashes"]
        _, t_strings = _timed(by_strings, string_docs)
        _, t_hashes = _timed(by_hashes, hashed_docs)
        error = (
            _error(by_hashes(similar_sets), similar_sets)
            + _error(by_strings(similar_strings), similar_sets)
        ) / 2
        sample = str(CORPUS / "seeds" / sorted(os.listdir(CORPUS / "seeds"))[0])
        sample_shingles = _string_shingles(Path(sample).read_text(encoding="utf-8"))
        here = by_strings([sample_shingles])[0][:8].tolist()
        stable = here == _other_process_digest(lib, sample)
        size = _installed_mb(lib)
        deps = f" + scipy {_installed_mb('scipy'):.0f}" if lib == "datasketch" else ""
        print(
            f"{lib:12} {len(texts) / t_strings:10,.0f} {len(texts) / t_hashes:10,.0f} {error:8.3f} "
            f"{'yes' if stable else 'NO':>8} {_import_ms(lib):8.0f} {size:6.1f}{deps:>8}"
        )


if __name__ == "__main__":
    main()
