"""Every table can be exported: CSV (streamed) and XLSX, with translated headers.

Cells that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with a quote,
so an exported name like "=HYPERLINK(...)" stays text (CSV injection).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from io import BytesIO

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from openpyxl import Workbook

FORMATS = ("csv", "xlsx")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


def export_response(
    fmt: str, filename: str, headers: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    """A download of ``rows`` under translated ``headers``; ``fmt`` is csv or xlsx."""
    headers = [str(h) for h in headers]
    if fmt == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=_("Export")[:31])
        sheet.append(headers)
        for row in rows:
            sheet.append([safe_cell(v) for v in row])
        buffer = BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        writer = csv.writer(_Echo())
        language = get_language()

        def stream():
            # Rows are written after the view returns: keep the request's language for labels.
            with override(language):
                # A byte-order mark so spreadsheet programs read the accents of French names.
                yield "\ufeff" + writer.writerow(headers)
                for row in rows:
                    yield writer.writerow([safe_cell(v) for v in row])

        response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
