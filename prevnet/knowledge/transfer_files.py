"""Reading a whole-base file (JSON, XLSX or a ZIP of CSVs) into numbered rows per sheet."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from prevnet.knowledge.transfer import MAX_ROWS, SHEETS, Problem


def _unquote(value):
    # safe_cell's protective quote before a formula character comes off on the way back in.
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def _rows_from_table(header, body, sheet, problems):
    header = [str(h or "").strip() for h in header]
    unknown = [h for h in header if h and h not in SHEETS[sheet][1]]
    for column in unknown:
        problems.append(Problem(sheet, 1, column, _("Unknown column.")))
    for number, values in body:
        if not any(v not in (None, "") for v in values):
            continue
        yield number, {h: _unquote(v) for h, v in zip(header, values, strict=False) if h}


def read(content: bytes, filename: str) -> tuple[dict[str, list[tuple[int, dict]]], list[Problem]]:
    """The rows of each sheet, numbered as the reviewer sees them (header is row 1)."""
    problems: list[Problem] = []
    limit = getattr(settings, "PREVNET_MAX_IMPORT_BYTES", 10 * 1024 * 1024)
    if len(content) > limit:
        return {}, [
            Problem(
                _("file"), 0, "", _("The file is larger than %(mb)s MB.") % {"mb": limit // 2**20}
            )
        ]
    name = filename.lower()
    sheets: dict[str, list[tuple[int, dict]]] = {}
    try:
        if name.endswith(".json"):
            data = json.loads(content.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError(_("The JSON file must hold an object with one list per table."))
            for sheet, rows in data.items():
                if sheet not in SHEETS:
                    problems.append(Problem(sheet, 0, "", _("Unknown table.")))
                    continue
                if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                    problems.append(Problem(sheet, 0, "", _("Expected a list of objects.")))
                    continue
                for i, row in enumerate(rows, start=2):
                    for column in row:
                        if column not in SHEETS[sheet][1]:
                            problems.append(Problem(sheet, i, column, _("Unknown column.")))
                sheets[sheet] = [
                    (i, {k: v for k, v in row.items() if k in SHEETS[sheet][1]})
                    for i, row in enumerate(rows, start=2)
                ]
        elif name.endswith(".xlsx"):
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            for ws in book.worksheets:
                if ws.title not in SHEETS:
                    problems.append(Problem(ws.title, 0, "", _("Unknown sheet.")))
                    continue
                rows = ws.iter_rows(values_only=True)
                header = next(rows, [])
                body = ((i, list(r)) for i, r in enumerate(rows, start=2))
                sheets[ws.title] = list(_rows_from_table(header, body, ws.title, problems))
        elif name.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                if sum(i.file_size for i in archive.infolist()) > 10 * limit:
                    raise ValueError(_("The archive unpacks to too much data."))
                for info in archive.infolist():
                    sheet = info.filename.rsplit("/", 1)[-1].removesuffix(".csv")
                    if sheet not in SHEETS:
                        problems.append(Problem(info.filename, 0, "", _("Unknown sheet.")))
                        continue
                    reader = csv.reader(io.StringIO(archive.read(info).decode("utf-8-sig")))
                    header = next(reader, [])
                    sheets[sheet] = list(
                        _rows_from_table(header, enumerate(reader, start=2), sheet, problems)
                    )
        else:
            raise ValueError(_("Use a .json, .xlsx or .zip (of CSV files) file."))
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, KeyError, OSError) as exc:
        return {}, [Problem(_("file"), 0, "", str(exc) or _("The file could not be read."))]
    if sum(len(r) for r in sheets.values()) > MAX_ROWS:
        problems.append(Problem(_("file"), 0, "", _("More than %(n)s rows.") % {"n": MAX_ROWS}))
    return sheets, problems
