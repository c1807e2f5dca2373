"""Answers collected elsewhere (a KoboToolbox or ODK Central CSV export of the same form).

Columns are matched to questions by name: group paths are dropped (Kobo writes
``group/question``, ODK Central ``group-question``), and the split columns of a select-multiple
question (``question/choice``) are ignored in favour of its space-separated column. Each row is
checked like a submitted answer; a row that fails is skipped and reported, never half-saved.
The instance id (``meta/instanceID``, ``_uuid``, ``KEY``) becomes the client UUID, so importing
the same file twice adds nothing the second time. A ``csd_code`` column ties a row to the
invited municipality with that census subdivision code.
"""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from prevnet.network.models import Municipality
from prevnet.questionnaires import schema
from prevnet.questionnaires.models import Campaign, Submission, SubmissionStatus
from prevnet.questionnaires.services import form_of

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
ID_COLUMNS = ("meta/instanceID", "meta-instanceID", "instanceID", "_uuid", "KEY", "meta/rootUuid")
NAMESPACE = uuid.UUID("0b7a4f2e-7c39-4d0e-a1c4-6f1f8d3e0a11")


@dataclass
class ImportReport:
    imported: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)
    ignored_columns: list[str] = field(default_factory=list)
    problem: str = ""  # the whole file refused

    def lines(self) -> list[str]:
        if self.problem:
            return [self.problem]
        out = [
            _("%(n)s answer(s) imported, %(s)s row(s) skipped.")
            % {"n": self.imported, "s": len(self.skipped)}
        ]
        out += [
            _("Line %(line)s: %(reason)s") % {"line": line, "reason": reason}
            for line, reason in self.skipped
        ]
        if self.ignored_columns:
            out.append(_("Columns ignored: %(c)s") % {"c": ", ".join(self.ignored_columns)})
        return out


def _decode(content: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        return None if "\x00" in text else text
    return None


def _question_of(header: str, names: set[str]) -> str | None:
    if header in names:
        return header
    for sep in ("/", "-"):
        last = header.rsplit(sep, 1)[-1]
        if sep in header and last in names:
            return last
    return None


def _instance_uuid(row: dict, line_text: str) -> uuid.UUID | None:
    for column in ID_COLUMNS:
        value = (row.get(column) or "").strip()
        if value:
            try:
                return uuid.UUID(value.removeprefix("uuid:"))
            except ValueError:
                return None
    return uuid.uuid5(NAMESPACE, line_text)  # the same row imported twice gets the same id


def import_csv(campaign: Campaign, content: bytes) -> ImportReport:
    report = ImportReport()
    if len(content) > MAX_BYTES:
        report.problem = _("The file is larger than 10 MB.")
        return report
    text = _decode(content)
    if text is None:
        report.problem = _("This is not a text CSV file (UTF-8 or Windows-1252).")
        return report
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    form = form_of(campaign.version)
    top_names = {n.name for n, parent in form.walk() if parent is None or parent.type == "group"}
    headers = reader.fieldnames or []
    mapping = {h: _question_of(h, top_names) for h in headers}
    report.ignored_columns = [
        h
        for h, name in mapping.items()
        if name is None
        and h not in ID_COLUMNS
        and h != "csd_code"
        and not h.startswith("_")
        and "/" not in h
    ]
    if not any(mapping.values()):
        report.problem = _("No column matches a question of this questionnaire.")
        return report
    codes = {}
    if "csd_code" in headers:
        codes = dict(Municipality.objects.values_list("csd_code", "pk"))
    invitations = {
        inv.municipality_id: inv
        for inv in campaign.invitations.filter(municipality__isnull=False, submission__isnull=True)
    }
    existing = set(Submission.objects.values_list("client_uuid", flat=True))
    new: list[Submission] = []
    for line, row in enumerate(reader, start=2):
        if line - 1 > MAX_ROWS:
            report.skipped.append((line, _("more than %(n)s rows: not read") % {"n": MAX_ROWS}))
            break
        raw = {}
        for header, name in mapping.items():
            if name is None:
                continue
            value = (row.get(header) or "").strip()
            node = form.names[name]
            raw[name] = value.split() if node.type == "select_multiple" else value
        key = _instance_uuid(row, repr(sorted(row.items(), key=str)))
        if key is None:
            report.skipped.append((line, _("the instance id is not a UUID")))
            continue
        if key in existing:
            report.skipped.append((line, _("already imported")))
            continue
        clean, errors = schema.read_answers(form, raw, final=True)
        if errors:
            name, message = next(iter(errors.items()))
            report.skipped.append((line, f"{name}: {message}"))
            continue
        municipality_id, invitation = None, None
        code = (row.get("csd_code") or "").strip()
        if code:
            municipality_id = codes.get(code)
            if municipality_id is None:
                report.skipped.append(
                    (line, _("no municipality has the code %(c)s") % {"c": code[:20]})
                )
                continue
            invitation = invitations.pop(municipality_id, None)
        existing.add(key)
        new.append(
            Submission(
                campaign=campaign,
                version=campaign.version,
                invitation=invitation,
                municipality_id=municipality_id,
                client_uuid=key,
                answers=clean,
                status=SubmissionStatus.SUBMITTED,
                source="csv",
            )
        )
    with transaction.atomic():
        for sub in new:
            sub.submitted_at = sub.created_at
        Submission.objects.bulk_create(new)
    report.imported = len(new)
    return report
