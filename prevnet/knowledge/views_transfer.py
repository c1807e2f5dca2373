"""Staff export and import the whole knowledge base (see transfer.py)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prevnet.core import access
from prevnet.knowledge import transfer

EXTENSIONS = {"json": "json", "xlsx": "xlsx", "csv": "zip"}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("JSON, XLSX or a ZIP of CSV files, as exported from this page."),
    )


def export(request, fmt: str):
    access.require(request, "knowledge.export_base")
    if fmt not in transfer.FORMATS:
        raise Http404
    content, content_type = transfer.export_bytes(fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="knowledge-base.{EXTENSIONS[fmt]}"'
    return response


def import_base(request):
    access.require(request, "knowledge.import_base")
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            counts = transfer.import_base(upload.read(), upload.name, request.user)
        except transfer.ImportRefused as refused:
            problems = refused.problems
        else:
            total = sum(counts.values())
            messages.success(request, _("Knowledge base imported: %(n)s rows.") % {"n": total})
            return redirect("knowledge:search")
    return render(request, "knowledge/import.html", {"form": form, "problems": problems[:500]})
