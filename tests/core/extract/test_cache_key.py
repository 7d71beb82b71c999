"""The extraction cache key comes from the extraction code and data themselves, so a changed
rule can never be served a result cached by the old one."""

from __future__ import annotations

from pathlib import Path

from variorum.core.extract.cache import cache_version, code_fingerprint, rules_fingerprint


def make_package(root: Path) -> Path:
    rules = root / "core" / "extract"
    rules.mkdir(parents=True)
    (rules / "__init__.py").write_text("", encoding="utf-8")
    (rules / "quotes.py").write_text(
        "from variorum.core.helper import fold\nVERBS = ['said']\n", encoding="utf-8"
    )
    (root / "core" / "helper.py").write_text("def fold(s): return s\n", encoding="utf-8")
    (root / "core" / "unrelated.py").write_text("X = 1\n", encoding="utf-8")
    return rules


def test_any_change_to_the_rules_their_data_or_what_they_import_changes_the_key(
    tmp_path: Path,
) -> None:
    rules = make_package(tmp_path)
    seen = {code_fingerprint(rules, tmp_path)}

    def changed() -> bool:
        key = code_fingerprint(rules, tmp_path)
        new = key not in seen
        seen.add(key)
        return new

    (rules / "quotes.py").write_text(
        "from variorum.core.helper import fold\nVERBS = ['said', 'told']\n", encoding="utf-8"
    )
    assert changed()
    (rules / "rules").mkdir()
    (rules / "rules" / "orgs.json").write_text('{"id": "org-suffix"}', encoding="utf-8")
    assert changed()  # a data file added beside the code
    (rules / "rules" / "orgs.json").write_text('{"id": "org-suffix", "on": false}', "utf-8")
    assert changed()
    (tmp_path / "core" / "helper.py").write_text("def fold(s): return s.lower()\n", "utf-8")
    assert changed()  # a module the rules import from elsewhere
    (rules / "quotes.py").rename(rules / "speech.py")
    assert changed()  # same content under another name


def test_compiled_caches_and_unrelated_modules_leave_the_key_alone(tmp_path: Path) -> None:
    rules = make_package(tmp_path)
    key = code_fingerprint(rules, tmp_path)
    (rules / "__pycache__").mkdir()
    (rules / "__pycache__" / "quotes.cpython-311.pyc").write_bytes(b"\x00\x01")
    (rules / "quotes.pyc").write_bytes(b"\x02")
    (tmp_path / "core" / "unrelated.py").write_text("X = 2\n", encoding="utf-8")
    assert code_fingerprint(rules, tmp_path) == key


def test_the_cache_version_holds_the_fingerprint_of_the_installed_rules() -> None:
    assert rules_fingerprint() == rules_fingerprint()
    assert cache_version("en_core_web_sm-3.8.0") == f"{rules_fingerprint()}:en_core_web_sm-3.8.0"
