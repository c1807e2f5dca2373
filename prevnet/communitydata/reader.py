"""Read a Statistics Canada full-table download (docs/communitydata.md) as a stream.

A download is ``<pid>-eng.zip`` holding ``<pid>.csv`` (the data: UTF-8 with a byte-order mark,
every field quoted) and ``<pid>_MetaData.csv`` (the cube's title, its dimensions and their
members, in blank-line-separated sections). Nothing here touches the database: the reader
yields metadata and plain rows, and the importer decides what to write. The zip is read through
``zipfile``'s decompressing stream and the csv module, one row at a time, so memory stays flat
whatever the size of the table.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

FIXED_START = ("REF_DATE", "GEO", "DGUID")
FIXED_END = (
    "UOM",
    "UOM_ID",
    "SCALAR_FACTOR",
    "SCALAR_ID",
    "VECTOR",
    "COORDINATE",
    "VALUE",
    "STATUS",
    "SYMBOL",
    "TERMINATED",
    "DECIMALS",
)
# The metadata file's first section (the cube), column by column.
CUBE_COLUMNS = (
    "Cube Title",
    "Product Id",
    "CANSIM Id",
    "URL",
    "Cube Notes",
    "Archive Status",
    "Frequency",
    "Start Reference Period",
    "End Reference Period",
    "Total number of dimensions",
)


def data_header(dimensions) -> list[str]:
    """The data file's header for a table with these dimensions (GEO, the first, excluded)."""
    return [*FIXED_START, *dimensions, *FIXED_END]


BRACKET_CODE = re.compile(r"\[([0-9A-Za-z.]+)\]\s*$")
csv.field_size_limit(1024 * 1024)  # a cell never needs more; a hostile file gets a clear error


class StatcanFileError(Exception):
    """The file cannot be imported; ``line`` is the CSV line (0: the file as a whole)."""

    def __init__(self, message: str, line: int = 0, column: str = ""):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column

    def __str__(self) -> str:
        if self.line:
            return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}
        return self.message


@dataclass
class MemberInfo:
    member_id: int
    name: str
    code: str = ""
    parent_member_id: int | None = None
    terminated: bool = False


@dataclass
class Metadata:
    pid: str
    title: str
    url: str = ""
    release: str = ""
    dimensions: list[str] = field(default_factory=list)  # names, position 1 first
    members: dict[int, list[MemberInfo]] = field(default_factory=dict)  # position → members


class _Counting(io.RawIOBase):
    """Counts the uncompressed bytes read, for the progress bar."""

    def __init__(self, raw, on_read: Callable[[int], None] | None):
        self.raw, self.on_read, self.count = raw, on_read, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        return n


def bracket_code(label: str) -> str:
    """'Homicide [110]' → '110'; '' when the label has no bracketed code."""
    match = BRACKET_CODE.search(label or "")
    return match.group(1) if match else ""


class StatcanZip:
    """An open full-table download. Use as a context manager."""

    def __init__(self, path):
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise StatcanFileError(
                _("This is not a complete zip file (is the download truncated?): %(error)s")
                % {"error": exc}
            ) from exc
        names = self.zip.namelist()
        meta = [n for n in names if n.lower().endswith("_metadata.csv")]
        if not meta:
            self.zip.close()
            raise StatcanFileError(
                _(
                    "The zip holds no <table>_MetaData.csv: is it a Statistics Canada full-table download?"  # noqa: E501
                )
            )
        self.meta_name = meta[0]
        self.pid = meta[0][: -len("_MetaData.csv")].rsplit("/", 1)[-1]
        data = [n for n in names if n.rsplit("/", 1)[-1] == f"{self.pid}.csv"]
        if not data:
            self.zip.close()
            raise StatcanFileError(
                _("The zip holds no %(name)s data file.") % {"name": f"{self.pid}.csv"}
            )
        self.data_name = data[0]
        info = self.zip.getinfo(self.data_name)
        self.data_size = info.file_size
        # The zip directory's CRC-32 and size of the data file: free to read, and the same for
        # the same release whatever the compression, so a repeated import can be skipped.
        self.fingerprint = f"{info.CRC:08x}:{info.file_size}"

    def __enter__(self) -> StatcanZip:
        return self

    def __exit__(self, *exc) -> None:
        self.zip.close()

    def _text(self, name: str, on_read=None):
        counting = _Counting(self.zip.open(name), on_read)
        self._counter = counting
        return io.TextIOWrapper(
            io.BufferedReader(counting, 1 << 20), encoding="utf-8-sig", newline=""
        )

    def data_text(self):
        """The data file as text (for a bulk loader that drives the csv module itself)."""
        return self._text(self.data_name)

    def data_bytes(self, on_read=None):
        """The data file as decompressed bytes (for a bulk loader that parses it itself)."""
        counting = _Counting(self.zip.open(self.data_name), on_read)
        self._counter = counting
        return io.BufferedReader(counting, 1 << 20)

    @property
    def bytes_read(self) -> int:
        return self._counter.count if getattr(self, "_counter", None) else 0

    def metadata(self) -> Metadata:
        try:
            with self._text(self.meta_name) as text:
                sections = _sections(csv.reader(text))
        except (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError) as exc:
            raise StatcanFileError(
                _("The metadata file cannot be read: %(error)s") % {"error": exc}
            ) from exc
        cube = sections.get("Cube Title")
        dims = sections.get("Dimension ID")
        members = sections.get("Dimension ID#members")
        if not cube or not dims or members is None:
            raise StatcanFileError(
                _("The metadata file lacks its cube, dimension or member section.")
            )
        head, row = cube[0], cube[1] if len(cube) > 1 else []
        info = dict(zip(head, row, strict=False))
        meta = Metadata(
            pid=(info.get("Product Id") or self.pid).strip()[:10],
            title=(info.get("Cube Title") or "").strip()[:300],
            url=(info.get("URL") or "").strip()[:300],
            release=(info.get("Release Time") or info.get("End Reference Period") or "")[:40],
        )
        for dim_row in dims[1:]:
            if len(dim_row) >= 2 and dim_row[0].strip().isdigit():
                meta.dimensions.append(dim_row[1].strip()[:200])
        for m in members[1:]:
            if len(m) < 4 or not m[0].strip().isdigit() or not m[3].strip().isdigit():
                continue
            parent = m[4].strip() if len(m) > 4 else ""
            meta.members.setdefault(int(m[0]), []).append(
                MemberInfo(
                    member_id=int(m[3]),
                    name=m[1].strip()[:300],
                    code=m[2].strip().strip("[]")[:40],
                    parent_member_id=int(parent) if parent.isdigit() else None,
                    terminated=len(m) > 5 and m[5].strip().lower() in ("t", "1", "true"),
                )
            )
        if not meta.dimensions:
            raise StatcanFileError(_("The metadata file lists no dimension."))
        return meta

    def rows(self, on_read=None) -> Iterator[tuple[int, list[str]]]:
        """Yield (line number, fields) after checking the header; the header is line 1."""
        try:
            with self._text(self.data_name, on_read) as text:
                reader = csv.reader(text)
                header = next(reader, None)
                check_header(header)
                width = len(header)
                for fields in reader:
                    if len(fields) != width:
                        if not fields:
                            continue
                        raise StatcanFileError(
                            _("expected %(width)s fields, found %(found)s.")
                            % {"width": width, "found": len(fields)},
                            line=reader.line_num,
                        )
                    yield reader.line_num, fields
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise StatcanFileError(
                _("The data file is damaged or truncated: %(error)s") % {"error": exc}
            ) from exc
        except UnicodeDecodeError as exc:
            raise StatcanFileError(
                _("The data file is not UTF-8 text: %(error)s") % {"error": exc}
            ) from exc
        except csv.Error as exc:
            raise StatcanFileError(
                _("The data file is not valid CSV: %(error)s") % {"error": exc}
            ) from exc

    def header(self) -> list[str]:
        with self._text(self.data_name) as text:
            return next(csv.reader(text), [])


def check_header(header: list[str] | None) -> None:
    if not header:
        raise StatcanFileError(_("The data file is empty."), line=1)
    ok = (
        len(header) >= len(FIXED_START) + len(FIXED_END)
        and tuple(header[:3]) == FIXED_START
        and tuple(header[-len(FIXED_END) :]) == FIXED_END
    )
    if not ok:
        expected = ", ".join(FIXED_START) + ", <dimensions>, " + ", ".join(FIXED_END)
        raise StatcanFileError(
            _("Unexpected header. Expected %(expected)s; found %(found)s.")
            % {"expected": expected, "found": ", ".join(h[:40] for h in header[:20])},
            line=1,
        )


def _sections(reader) -> dict[str, list[list[str]]]:
    """The metadata file's sections, keyed by their first header cell."""
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for row in reader:
        if not row or not any(cell.strip() for cell in row):
            current = None
            continue
        if current is None:
            key = row[0].strip()
            if key == "Dimension ID" and key in sections:
                key += "#members"  # the member section starts with the same header cell
            current = sections.setdefault(key, [])
        current.append(row)
    return sections
