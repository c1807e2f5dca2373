"""Reading a list of places from a CSV or XLSX file, row by row, whatever it is made with.

A CSV is read line by line (UTF-8, its delimiter taken from the header: French spreadsheets
use ";"); an XLSX through openpyxl's read-only mode, after a check that it does not unpack to
far more than a list could (a "zip bomb"). Whatever cannot be read at all raises
ImportFileError with what to do; the rows' contents are judged by importing.py.
"""

from __future__ import annotations

import csv
import itertools
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

MAX_LINE_BYTES = 256 * 1024
MAX_COLUMNS = 100
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # Unicode's control characters (category Cc)


class ImportFileError(Exception):
    """The file as a whole cannot be read (size, format, encoding)."""


def column_key(cell) -> str:
    return re.sub(r"[\s-]+", "_", str(cell).strip().lower())


def _decoded_lines(handle) -> Iterator[str]:
    for number in itertools.count(1):
        raw = handle.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_LINE_BYTES:
            message = _("Line %(line)s is longer than %(size)s kB: this is not a list.")
            raise ImportFileError(message % {"line": number, "size": MAX_LINE_BYTES // 1024})
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            message = _("Line %(line)s is not UTF-8 text. Save the file as “CSV UTF-8”.")
            raise ImportFileError(message % {"line": number}) from exc
        yield text.removeprefix("\ufeff") if number == 1 else text


def _csv_rows(path: Path, columns) -> Iterator[tuple[int, list]]:
    with open(path, "rb") as handle:
        lines = _decoded_lines(handle)
        first = next(lines, "")
        if CONTROL.search(first.rstrip("\r\n").replace("\t", "")):
            raise ImportFileError(_("The file is neither CSV text nor an XLSX workbook."))
        # Spreadsheets in French locales separate cells with ";": take what the header uses.
        delimiter = max(
            (",", ";", "\t"),
            key=lambda d: sum(column_key(c.strip('"')) in columns for c in first.split(d)),
        )
        line = 0
        try:
            reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
            for line, values in enumerate(reader, start=1):
                yield line, values
        except csv.Error as exc:
            message = _("Line %(line)s is not valid CSV: %(error)s")
            raise ImportFileError(message % {"line": line + 1, "error": exc}) from exc


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook

    unreadable = _("The file is not a readable XLSX workbook.")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > 10 * settings.PREVNET_MAX_IMPORT_BYTES:  # a “zip bomb”
            raise ImportFileError(_("The workbook unpacks to far more than a list of places."))
        workbook = load_workbook(path, read_only=True, data_only=True)
    except ImportFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged file
        raise ImportFileError(unreadable) from exc
    try:
        if not workbook.worksheets:
            raise ImportFileError(_("The workbook has no sheet."))
        rows = workbook.worksheets[0].iter_rows(max_col=MAX_COLUMNS, values_only=True)
        for line in itertools.count(1):
            try:
                values = next(rows, None)
            except Exception as exc:
                message = _("The workbook is damaged after line %(line)s.")
                raise ImportFileError(message % {"line": line - 1}) from exc
            if values is None:
                return
            yield line, ["" if value is None else value for value in values]
    finally:
        workbook.close()


def open_rows(path: Path, columns) -> Iterator[tuple[int, list]]:
    with open(path, "rb") as handle:
        head = handle.read(4)
    if head == b"PK\x03\x04":
        return _xlsx_rows(path)
    if head == b"\xd0\xcf\x11\xe0":
        raise ImportFileError(_("This is an old Excel (.xls) file: save it as .xlsx or CSV."))
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ImportFileError(_("The file is UTF-16 text. Save it as “CSV UTF-8”."))
    return _csv_rows(path, columns)
