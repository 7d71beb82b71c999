"""Zip containers (.docx, .odt) opened only after their size is known to be sane, and their
XML parsed without DTDs: no zip bombs, no billion laughs, no external entities.

The check reads the central directory (sizes as declared) and then decompresses each member
with a hard cap, because a declared size can lie.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from variorum.core.ingest.errors import CorruptFileError, UnsafeFileError
from variorum.core.ingest.limits import Limits, check_budget, current_budget

_CHUNK = 1 << 16


def open_zip(data: bytes, kind: str) -> zipfile.ZipFile:
    """Open ``data`` as a zip or raise CorruptFileError("not a valid .docx (...)")."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            NotImplementedError) as exc:
        raise CorruptFileError(f"not a valid {kind} (damaged or not a zip archive)") from exc
    return archive


def open_container(data: bytes, kind: str, main_part: str) -> tuple[zipfile.ZipFile, set[str]]:
    """The one way a zip-based document is opened: a zip at all, sizes within the current
    load's limits, and its main part present ("not a valid .odt (no content.xml)")."""
    archive = open_zip(data, kind)
    check_zip_bounds(archive, len(data), current_budget().limits)
    names = set(archive.namelist())
    if main_part not in names:
        raise CorruptFileError(f"not a valid {kind} (no {main_part})")
    return archive, names


def check_zip_bounds(archive: zipfile.ZipFile, compressed_size: int, limits: Limits) -> None:
    """Refuse containers whose declared uncompressed size or ratio is past the limits."""
    total = 0
    for info in archive.infolist():
        total += max(info.file_size, 0)
        if total > limits.max_unzipped:
            raise UnsafeFileError(_bomb_reason(limits))
        ratio = info.file_size / info.compress_size if info.compress_size > 0 else 0.0
        if ratio > limits.max_ratio and info.file_size > 1024 * 1024:  # tiny members are fine
            raise UnsafeFileError(_bomb_reason(limits))
    if compressed_size > 0 and total / compressed_size > limits.max_ratio and total > 1024 * 1024:
        raise UnsafeFileError(_bomb_reason(limits))


def read_member(archive: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    """Decompress one member, stopping as soon as it grows past the limit (sizes can lie)."""
    try:
        info = archive.getinfo(name)
    except KeyError as exc:
        raise CorruptFileError(f"damaged document (missing {name})") from exc
    cap = min(limits.max_unzipped, max(int(info.compress_size * limits.max_ratio), 1024 * 1024))
    out = bytearray()
    try:
        with archive.open(info) as handle:
            while True:
                check_budget()
                chunk = handle.read(_CHUNK)
                if not chunk:
                    break
                out += chunk
                if len(out) > cap:
                    raise UnsafeFileError(_bomb_reason(limits))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError) as exc:
        raise CorruptFileError(f"damaged document ({name} cannot be decompressed)") from exc
    return bytes(out)


def parse_xml(data: bytes, what: str) -> Element:
    """Parse XML with DTDs, entity declarations and external references all refused."""
    try:
        root: Element = defused_fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
        return root
    except DefusedXmlException as exc:
        raise UnsafeFileError(f"refused: {what} declares XML entities or a DTD") from exc
    except Exception as exc:  # ParseError and expat errors: the XML itself is broken
        raise CorruptFileError(f"damaged document ({what} is not well-formed XML)") from exc


def check_xml(data: bytes, what: str) -> None:
    """Refuse XML with a DTD, entity declarations or external references, without building a
    tree: expat in C with only those handlers set is ~10x faster than parsing for real, which
    matters for the dozen parts of every .docx."""
    from xml.parsers import expat

    def refuse(*_args: object) -> None:
        raise UnsafeFileError(f"refused: {what} declares XML entities or a DTD")

    def refuse_external(*_args: object) -> int:
        refuse()
        return 0

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse_external
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise CorruptFileError(f"damaged document ({what} is not well-formed XML)") from exc


def _bomb_reason(limits: Limits) -> str:
    mb = limits.max_unzipped // (1024 * 1024)
    return (
        f"refused: expands too much when unpacked (limit {mb} MB or "
        f"{limits.max_ratio:g}:1; zip bomb?)"
    )
