"""Importing an activity's sign-in sheet: read, map the columns, review, then save.

1. ``read_sheet`` reads a CSV or XLSX into a header and rows (bounded in size).
2. The user maps the sheet's columns to first name, last name, e-mail, organization.
3. ``review`` matches each line to a known person (by e-mail, then by name and organization
   with fuzzy matching), and says what it will do or what is wrong, line by line.
4. ``save`` registers everyone as attended, creating new people, in one transaction; it refuses
   when any line is wrong, so nothing wrong is saved.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from rapidfuzz import fuzz, process

from prevnet.activities.merge import normalize
from prevnet.activities.models import Activity, Registration
from prevnet.network.models import Organization, Person, PositionType

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
MAX_CELL = 300
FIELDS = ("first_name", "last_name", "full_name", "email", "organization")
NAME_MATCH = 90
ORG_MATCH = 80


class SheetError(Exception):
    """The file cannot be read; the message says why."""


def _cell(value) -> str:
    text = "" if value is None else str(value)
    if "\x00" in text:
        raise SheetError(_("The file contains a NUL character; save it again as CSV or XLSX."))
    return text.strip()[:MAX_CELL]


def read_sheet(name: str, data: bytes) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of an uploaded sign-in sheet."""
    if len(data) > MAX_BYTES:
        raise SheetError(_("The file is larger than 2 MB; split it or remove other sheets."))
    if name.lower().endswith(".xlsx"):
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            values = book.worksheets[0].iter_rows(values_only=True, max_row=MAX_ROWS + 2)
            rows = [[_cell(v) for v in row] for row in values]
        except SheetError:
            raise
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise SheetError(_("This is not a readable XLSX file.")) from exc
    elif name.lower().endswith(".csv"):
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise SheetError(_("The file's characters cannot be read; save it as UTF-8 CSV."))
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = [[_cell(v) for v in row] for row in csv.reader(io.StringIO(text), dialect)]
    else:
        raise SheetError(_("Upload a CSV or XLSX file."))
    if not rows or not any(rows[0]):
        raise SheetError(_("The first line should name the columns; it is empty."))
    if len(rows) - 1 > MAX_ROWS:
        raise SheetError(_("The sheet has more than %(n)s lines.") % {"n": MAX_ROWS})
    header = [h or _("column %(n)s") % {"n": i + 1} for i, h in enumerate(rows[0])]
    width = len(header)
    return header, [(r + [""] * width)[:width] for r in rows[1:]]


def guess_mapping(header: list[str]) -> dict[str, int | None]:
    """A first guess at which column holds which field, from common header words."""
    words = {
        "first_name": ("first", "prénom", "prenom", "given"),
        "last_name": ("last", "nom de famille", "surname", "family"),
        "full_name": ("name", "nom", "participant"),
        "email": ("mail", "courriel"),
        "organization": ("organization", "organisation", "organisme", "employer", "employeur"),
    }
    mapping: dict[str, int | None] = dict.fromkeys(FIELDS)
    used: set[int] = set()
    for fieldname, keys in words.items():
        for i, h in enumerate(header):
            if i not in used and any(k in h.lower() for k in keys):
                mapping[fieldname] = i
                used.add(i)
                break
    if mapping["first_name"] is not None and mapping["last_name"] is None:
        # "Prénom" beside "Nom": the name column is the last name.
        mapping["last_name"], mapping["full_name"] = mapping["full_name"], None
    if mapping["first_name"] is not None and mapping["last_name"] is not None:
        mapping["full_name"] = None
    return mapping


@dataclass
class Line:
    number: int  # the line in the file (the header is line 1)
    first_name: str
    last_name: str
    email: str
    organization: str
    action: str  # "match", "new", "duplicate", "blank", "error"
    person_id: int | None = None
    person_label: str = ""
    how: str = ""
    problems: list[str] = field(default_factory=list)


def _split_name(full: str) -> tuple[str, str]:
    parts = full.split()
    if len(parts) < 2:
        return full, ""
    return " ".join(parts[:-1]), parts[-1]


def review(rows: list[list[str]], mapping: dict[str, int | None]) -> list[Line]:
    """What would happen to each line; no database write."""

    def get(row, key):
        i = mapping.get(key)
        return row[i] if i is not None and i < len(row) else ""

    people = list(
        Person.objects.select_related("organization").only(
            "id", "first_name", "last_name", "email", "organization__name"
        )
    )
    by_email = {p.email.lower(): p for p in people if p.email}
    names = [normalize(f"{p.first_name} {p.last_name}") for p in people]
    seen: dict[str, int] = {}
    lines = []
    for offset, row in enumerate(rows):
        number = offset + 2
        first, last = get(row, "first_name"), get(row, "last_name")
        if not (first or last) and get(row, "full_name"):
            first, last = _split_name(get(row, "full_name"))
        email, org = get(row, "email").lower(), get(row, "organization")
        line = Line(number, first, last, email, org, action="new")
        lines.append(line)
        if not any(c.strip() for c in row):
            line.action = "blank"
            continue
        if not (first and last):
            line.problems.append(_("a first and a last name are needed"))
        if email:
            try:
                validate_email(email)
            except ValidationError:
                line.problems.append(_("“%(email)s” is not an e-mail address") % {"email": email})
        if "<" in first + last + org or ">" in first + last + org:
            line.problems.append(_("names cannot contain < or >"))
        if line.problems:
            line.action = "error"
            continue
        key = email or normalize(f"{first} {last}|{org}")
        if key in seen:
            line.action, line.how = "duplicate", _("same as line %(n)s") % {"n": seen[key]}
            continue
        seen[key] = number
        match, how = None, ""
        if email and email in by_email:
            match, how = by_email[email], _("same e-mail")
        elif names:
            found = process.extractOne(
                normalize(f"{first} {last}"),
                names,
                scorer=fuzz.token_sort_ratio,
                score_cutoff=NAME_MATCH,
            )
            if found:
                candidate = people[found[2]]
                their_org = candidate.organization.name if candidate.organization_id else ""
                same_org = (
                    not org
                    or not their_org
                    or fuzz.token_set_ratio(normalize(org), normalize(their_org)) >= ORG_MATCH
                )
                # Two different e-mails mean two people, however alike their names.
                other_email = bool(email and candidate.email and candidate.email.lower() != email)
                if same_org and not other_email:
                    match = candidate
                    how = _("similar name (%(score)s%%) and organization") % {
                        "score": int(found[1])
                    }
        if match:
            line.action, line.person_id, line.how = "match", match.pk, how
            line.person_label = f"{match.first_name} {match.last_name}"
    return lines


def lines_as_dicts(lines: list[Line]) -> list[dict]:
    return [asdict(line) for line in lines]


@transaction.atomic
def save(activity: Activity, lines: list[Line], by) -> dict[str, int]:
    """Register every matched or new attendee as attended; refuse if any line is wrong."""
    errors = [line for line in lines if line.action == "error"]
    if errors:
        raise ValueError(_("Some lines have problems; nothing was saved."))
    counts = {"matched": 0, "created": 0, "registered": 0}
    by = by if getattr(by, "is_authenticated", False) else None
    for line in lines:
        if line.action == "match":
            person = Person.objects.get(pk=line.person_id)
            counts["matched"] += 1
        elif line.action == "new":
            person = Person(
                first_name=line.first_name,
                last_name=line.last_name,
                email=line.email,
                position_type=PositionType.PRACTITIONER,
                municipality=activity.place,
                organization=Organization.objects.filter(name__iexact=line.organization).first()
                if line.organization
                else None,
            )
            person._history_user = by
            person.full_clean()
            person.save()
            counts["created"] += 1
        else:
            continue
        registration, created = Registration.objects.get_or_create(
            activity=activity, person=person, defaults={"registered_by": by, "attended": True}
        )
        if not registration.attended:
            registration.attended = True
            registration.save(update_fields=["attended"])
        counts["registered"] += int(created)
    return counts
