"""The map step: one article in, one :class:`Sketch` out, independently of every other article.

A sketch holds the article's text features (:mod:`.features`), its MinHash signature cut into
LSH band keys, and its rare-feature keys (names, and a sample of the four-word runs inside its
quotes). Sketches are plain data (numpy arrays and strings), so a cluster worker can make
them and send them on.

MinHash comes from rensa (a Rust extension) rather than datasketch: on this project's
machine it made signatures 9-40 times faster from the same shingles, imports in 2 ms instead
of 1 s (datasketch pulls in scipy, 140 MB), with the same accuracy and the same signature in
every process (``benchmarks/minhash_libraries.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rensa import RMinHash

from variorum.core.stories.features import (
    Hashes,
    TextFeatures,
    features_batch,
    mix64,
    unique_per_doc,
)
from variorum.core.stories.model import StoryInput
from variorum.core.stories.params import GroupingParams

Keys = npt.NDArray[np.uint64]
_NO_KEYS: Keys = np.zeros(0, dtype=np.uint64)
_NO_HASHES: Hashes = np.zeros(0, dtype=np.uint32)


@dataclass(frozen=True, eq=False)
class Sketch:
    """Everything grouping keeps of one article (the text itself is not kept)."""

    id: str
    title: str
    published: str | None
    path: str | None
    features: TextFeatures
    bands: Keys
    """One 64-bit key per LSH band (empty for a text too short to have a shingle)."""
    keys: Hashes
    """Sorted rare-feature keys: name hashes and the sampled quote keys."""

    @property
    def words(self) -> int:
        return self.features.words


def sketch_batch(docs: Sequence[StoryInput], params: GroupingParams) -> list[Sketch]:
    """Sketch many articles at once (one call into rensa for all their signatures)."""
    features = features_batch([doc.text for doc in docs])
    bands = band_keys([f.shingles for f in features], params)
    keys = rare_keys(features, params)
    return [
        Sketch(doc.id, doc.title, doc.published, doc.path, feat, band, key)
        for doc, feat, band, key in zip(docs, features, bands, keys, strict=True)
    ]


def rare_keys(features: Sequence[TextFeatures], params: GroupingParams) -> list[Hashes]:
    """Each article's rare-feature keys: its names and one in ``key_sample`` of its quote
    keys, sorted and unique (all articles in one sort)."""
    n = len(features)
    quoted = np.concatenate([_NO_HASHES, *(f.quote_keys for f in features)])
    quoted_by = np.repeat(np.arange(n), [len(f.quote_keys) for f in features])
    sampled = quoted % np.uint32(params.key_sample) == 0
    named = np.concatenate([_NO_HASHES, *(f.names for f in features)])
    named_by = np.repeat(np.arange(n), [len(f.names) for f in features])
    return unique_per_doc(
        np.concatenate((named, quoted[sampled])),
        np.concatenate((named_by, quoted_by[sampled])),
        n,
    )


def signatures(shingle_sets: Sequence[Hashes], params: GroupingParams) -> npt.NDArray[np.uint32]:
    """MinHash signatures, one row per set (rows of empty sets are meaningless: see
    :func:`band_keys`)."""
    if not shingle_sets:
        return np.zeros((0, params.num_perm), dtype=np.uint32)
    sizes = np.array([max(1, len(s)) for s in shingle_sets], dtype=np.uint64)
    flat = np.concatenate(
        [s if len(s) else np.zeros(1, dtype=np.uint32) for s in shingle_sets]
    ).astype(np.uint64)
    offsets = np.zeros(len(shingle_sets) + 1, dtype=np.uint64)
    offsets[1:] = np.cumsum(sizes)
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(
        flat, offsets, params.num_perm, params.seed
    )
    return np.asarray(matrix.to_rows(), dtype=np.uint32)


def band_keys(shingle_sets: Sequence[Hashes], params: GroupingParams) -> list[Keys]:
    """Each set's LSH band keys: ``rows`` signature values of a band hashed together with the
    band's number, so equal keys mean equal bands."""
    sig = signatures(shingle_sets, params)
    used = params.bands * params.rows
    if sig.shape[0] == 0:
        return []
    cut = sig[:, :used].astype(np.uint64).reshape(len(shingle_sets), params.bands, params.rows)
    acc = np.broadcast_to(
        np.arange(1, params.bands + 1, dtype=np.uint64), (len(shingle_sets), params.bands)
    ).copy()
    with np.errstate(over="ignore"):
        for r in range(params.rows):
            acc = mix64(acc * np.uint64(0x100000001B3) + cut[:, :, r])
    return [acc[i] if len(s) else _NO_KEYS for i, s in enumerate(shingle_sets)]
