"""Import a network's list of municipalities from CSV or XLSX (docs/import_municipalities.md).

Every row is checked before anything is written; one bad row means nothing is saved, and the
result lists every problem with its line (the spreadsheet's line: the header is line 1), its
column and the reason. A municipality already in the registry (same census subdivision code)
is updated, so importing the same file twice is harmless. Files are read as streams: a CSV line
by line, an XLSX through openpyxl's read-only mode (spreadsheet.py).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from prevnet.network.models import MembershipStatus, Municipality, Province
from prevnet.network.spreadsheet import CONTROL, ImportFileError, column_key, open_rows

REQUIRED = ("name", "province", "csd_code")
OPTIONAL = ("population", "population_year", "latitude", "longitude", "website")
OPTIONAL += ("membership_status", "joined_on")
COLUMNS = REQUIRED + OPTIONAL
SAVED = ("name", "province", *OPTIONAL)  # what an update writes; csd_code is the key
COMPARED = ("name", "province_id", *OPTIONAL)
MAX_ROWS = 20_000  # Canada has about 5,200 census subdivisions; PREVNET_MAX_IMPORT_ROWS overrides
PROGRESS_EVERY = 200
CHANGE_REASON = "import"


class RowError(NamedTuple):
    """One problem: (line, column, message). Line 0 is the file as a whole."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        if not self.line:
            return self.message
        where = _("line %(line)s") % {"line": self.line}
        where = f"{where}, {self.column}" if self.column else where
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


# --- reading ----------------------------------------------------------------------------------


def _show(value, limit: int = 40) -> str:
    """A cell's value as quoted in a message: short, and without control characters."""
    text = CONTROL.sub("\ufffd", str(value)[:limit])
    return text + "…" if len(str(value)) > limit else text


def _header_errors(header: list[str], cells: list) -> list[RowError]:
    unknown = _("unknown column; the columns are: %(columns)s") % {"columns": ", ".join(COLUMNS)}
    pairs = zip(header, cells, strict=True)
    errors = [RowError(1, _show(c), unknown) for k, c in pairs if k and k not in COLUMNS]
    errors += [RowError(1, c, _("required column missing")) for c in REQUIRED if c not in header]
    repeated = sorted({k for k in header if k and header.count(k) > 1})
    return errors + [RowError(1, c, _("column appears more than once")) for c in repeated]


def size_problem(size: int) -> str | None:
    """Why a file of ``size`` bytes is refused, or None; shared by the command and the page."""
    limit = settings.PREVNET_MAX_IMPORT_BYTES
    if size <= limit:
        return None
    return _("The file is %(size)s MB; the largest accepted is %(limit)s MB.") % {
        "size": round(size / 1e6, 1),
        "limit": round(limit / 1e6, 1),
    }


def read_table(path: str | Path, errors: list[RowError]) -> Iterator[tuple[int, dict]]:
    """(line, {column: value}) for each non-empty row; problems of the header or of a row's
    shape go to ``errors``. Raises ImportFileError when the file cannot be read at all."""
    size = os.path.getsize(path)
    if problem := size_problem(size):  # refused before anything is read
        raise ImportFileError(problem)
    if size == 0:
        raise ImportFileError(_("The file is empty."))
    max_rows = getattr(settings, "PREVNET_MAX_IMPORT_ROWS", MAX_ROWS)
    header, count = None, 0
    for line, values in open_rows(Path(path), COLUMNS):
        if header is None:
            header = [column_key(v) for v in values]
            if not any(header):
                raise ImportFileError(_("Line 1 must name the columns; it is empty."))
            if problems := _header_errors(header, values):
                errors.extend(problems)
                return
            continue
        if not any(str(v).strip() for v in values):
            continue
        count += 1
        if count > max_rows:
            message = _("The file has more than %(count)s municipalities; split it.")
            raise ImportFileError(message % {"count": max_rows})
        values = list(values) + [""] * (len(header) - len(values))
        stray = [i + 1 for i, v in enumerate(values) if str(v).strip() and not header[i : i + 1]]
        stray += [i + 1 for i, k in enumerate(header) if not k and str(values[i]).strip()]
        if stray:
            message = _("has a value in column %(number)s, which has no name on line 1")
            errors.append(RowError(line, "", message % {"number": min(stray)}))
            continue
        yield line, {k: values[i] for i, k in enumerate(header) if k}
    if header is None:
        raise ImportFileError(_("The file is empty."))


# --- one cell ---------------------------------------------------------------------------------


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code or year typed as a number in a spreadsheet
    text = str(value).strip()
    if "\x00" in text:
        raise ValueError(_("contains a NUL character, which is not allowed"))
    if control := CONTROL.search(text):
        message = _("contains a control character (U+%(code)04X), which is not allowed")
        raise ValueError(message % {"code": ord(control.group())})
    return text


def _name(value) -> str:
    text = _text(value)
    if text[:1] in ("=", "+", "-", "@"):
        message = _("“%(value)s” looks like a spreadsheet formula, not a name")
        raise ValueError(message % {"value": _show(text)})
    if "<" in text or ">" in text:
        raise ValueError(_("a name cannot contain < or >"))
    return text


def _integer(value) -> int | None:
    text = _text(value)
    cleaned = re.sub(r"[\s,\u00a0\u202f]", "", text)  # 132,485 or 132 485
    if text and not re.fullmatch(r"-?\d{1,30}", cleaned):
        raise ValueError(_("“%(value)s” is not a whole number") % {"value": _show(text)})
    if text and abs(int(cleaned)) > 2**31 - 1:  # larger than any database column holds
        raise ValueError(_("“%(value)s” is too large") % {"value": _show(text)})
    return int(cleaned) if text else None


def _decimal(value) -> Decimal | None:
    text = _text(value).replace(",", ".")  # 45,42 as written in French
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or abs(number) >= 1000:
        raise ValueError(_("“%(value)s” is not a number") % {"value": _show(text)})
    return number.quantize(Decimal("0.00001"))


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    text = _text(value)
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError as exc:
        message = _("“%(value)s” is not a date written YYYY-MM-DD")
        raise ValueError(message % {"value": _show(text)}) from exc


def _website(value) -> str:
    text = _text(value)
    if "://" not in text and re.fullmatch(r"[\w.-]+\.[a-z]{2,}(/\S*)?", text, re.IGNORECASE):
        return "https://" + text  # “www.ottawa.ca”, as people write it
    return text


PARSERS: dict[str, Callable] = {
    "name": _name,
    "population": _integer,
    "population_year": _integer,
    "latitude": _decimal,
    "longitude": _decimal,
    "website": _website,
    "joined_on": _date,
}


def _fold(text: str) -> str:
    """Case, accents, spaces and hyphens don't matter: “Québec” = “quebec” = “QUEBEC”."""
    return "".join(c for c in unicodedata.normalize("NFKD", str(text).lower()) if c.isalnum())


def _lookups() -> tuple[dict[str, Province], dict[str, str]]:
    provinces = {}
    for province in Province.objects.all():
        for key in (province.abbreviation, province.sgc_code, province.name_en, province.name_fr):
            provinces[_fold(key)] = province
    statuses = {}
    for value, label in MembershipStatus.choices:
        statuses[_fold(value)] = value
        for language in ("en", "fr"):
            with translation.override(language):
                statuses[_fold(label)] = value
    return provinces, statuses


def _parse(line: int, row: dict, lookups, errors: list[RowError]) -> dict | None:
    """The row's values (optional cells left blank are left out), or None if one is wrong."""
    provinces, statuses = lookups
    values, failed = {}, False

    def fail(column, message):
        nonlocal failed
        errors.append(RowError(line, column, str(message)))
        failed = True

    for column, raw in row.items():
        try:
            value = PARSERS.get(column, _text)(raw)
        except ValueError as exc:
            fail(column, exc)
            continue
        if column in ("province", "csd_code") and not value:
            fail(column, _("required; the cell is empty"))
        elif column in REQUIRED or value not in ("", None):
            values[column] = value
    code = values.get("csd_code")
    if code and not re.fullmatch(r"\d{7}", code):
        message = _("“%(value)s” is not a 7-digit census subdivision code")
        fail("csd_code", message % {"value": _show(code)})
    if values.get("province"):
        values["province"] = provinces.get(_fold(values["province"]))
        if values["province"] is None:
            message = _("“%(value)s” is not a Canadian province or territory")
            fail("province", message % {"value": _show(row["province"])})
    if "membership_status" in values:
        status = statuses.get(_fold(values["membership_status"]))
        if status is None:
            message = _("“%(value)s” is not one of: prospective, member, former")
            fail("membership_status", message % {"value": _show(values["membership_status"])})
        values["membership_status"] = status
    return None if failed else values


# --- the import --------------------------------------------------------------------------------


def _apply(municipality: Municipality, values: dict, line: int, errors: list[RowError]) -> bool:
    """Set the row's values (a blank optional cell keeps what the registry has) and validate."""
    for name in SAVED:
        if name in values:
            setattr(municipality, name, values[name])
    if municipality.membership_status == MembershipStatus.PROSPECTIVE and "joined_on" not in values:
        municipality.joined_on = None
    try:
        # Province and code were checked above (codes across the whole file), so skip the
        # per-row queries and repeated messages Django would produce for them.
        municipality.full_clean(exclude=["province", "csd_code"], validate_unique=False)
    except ValidationError as exc:
        for column, messages in exc.message_dict.items():
            column = "" if column == "__all__" else column
            errors.extend(RowError(line, column, message) for message in messages)
        return False
    return True


def _check(path, result: ImportResult, progress) -> list[tuple[int, dict]]:
    """Every row parsed, or problems in ``result.errors``; duplicate codes name both lines."""
    lookups = _lookups()
    parsed, seen = [], {}
    for count, (line, row) in enumerate(read_table(path, result.errors), start=1):
        result.rows = count
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
        values = _parse(line, row, lookups, result.errors)
        if values is None:
            continue
        code = values["csd_code"]
        if code in seen:
            message = _("code %(code)s is already on line %(first)s")
            message %= {"code": code, "first": seen[code]}
            result.errors.append(RowError(line, "csd_code", message))
            continue
        seen[code] = line
        parsed.append((line, values))
    return parsed


def _save(to_create: list, to_update: list, fields: list[str], user) -> None:
    """All in one transaction, with a history row for each (bulk_create alone records none).
    Updates write only the columns that changed: Django's bulk_update slows with each one."""
    options = {"batch_size": 500, "default_user": user, "default_change_reason": CHANGE_REASON}
    with transaction.atomic():
        bulk_create_with_history(to_create, Municipality, **options)
        if to_update:
            bulk_update_with_history(to_update, Municipality, fields=fields, **options)


def import_municipalities(
    path: str | Path, *, user=None, progress: Callable[[int], None] | None = None
) -> ImportResult:
    """Check every row, then save all of them in one transaction, or none.

    The edit history records ``user`` (None from the command line) and the reason “import”.
    ``progress(rows_read)`` is called every few hundred rows, for a page that shows it.
    """
    result = ImportResult()
    try:
        parsed = _check(path, result, progress)
    except ImportFileError as exc:  # the file's own problem comes first, then any rows'
        result.errors.insert(0, RowError(0, "", str(exc)))
        return result
    codes = [values["csd_code"] for _line, values in parsed]
    existing = Municipality.objects.in_bulk(codes, field_name="csd_code")  # one query per 999
    to_create, to_update, unchanged, fields = [], [], 0, set()
    for line, values in parsed:
        municipality = existing.get(values["csd_code"])
        if municipality is None:
            municipality = Municipality(csd_code=values["csd_code"])
            if _apply(municipality, values, line, result.errors):
                to_create.append(municipality)
            continue
        before = [getattr(municipality, f) for f in COMPARED]
        if _apply(municipality, values, line, result.errors):
            after = [getattr(municipality, f) for f in COMPARED]
            changed = {f for f, old, new in zip(SAVED, before, after, strict=True) if old != new}
            fields |= changed
            if changed:
                to_update.append(municipality)
            else:
                unchanged += 1
    if result.errors:
        result.errors.sort(key=lambda error: error.line)
        return result
    try:
        if to_create or to_update:
            _save(to_create, to_update, sorted(fields), user)
    except IntegrityError:
        message = _(
            "One of these census subdivision codes was added by someone else during the import; "
            "nothing was imported. Import the file again."
        )
        result.errors.append(RowError(0, "", message))
        return result
    result.created, result.updated, result.unchanged = len(to_create), len(to_update), unchanged
    return result
