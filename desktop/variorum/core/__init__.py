"""Everything that works without Qt: loading, normalising, diffing, grouping, extraction, storage.

Nothing in this package may import PySide6; a test enforces it so the CLI starts fast and the
core can be driven by scripts, tests and benchmarks exactly as the GUI drives it.
"""
