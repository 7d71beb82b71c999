"""spaCy for Variorum's bundle: the contributed hook collects every submodule, spacy.tests
(400+ modules) included; this one leaves the test suite out."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules


def _wanted(name: str) -> bool:
    return not name.startswith("spacy.tests")


hiddenimports = collect_submodules("spacy", filter=_wanted)
datas = collect_data_files("spacy", excludes=["tests", "tests/**"])
