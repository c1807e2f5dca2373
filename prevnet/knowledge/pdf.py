"""PDFs of a program page and of a brief, in the network's look (WeasyPrint)."""

from __future__ import annotations

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify


def _stylesheets():
    from weasyprint import CSS

    return [CSS(filename=finders.find("knowledge/print.css"))]


def render_pdf(request, template: str, context: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, context, request=request)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(
        stylesheets=_stylesheets()
    )


def pdf_response(request, template: str, context: dict, name: str) -> HttpResponse:
    response = HttpResponse(render_pdf(request, template, context), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name) or "document"}.pdf"'
    return response
