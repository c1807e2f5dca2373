"""Certificates as bilingual PDFs (WeasyPrint), English and French on the same page."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.translation import override


def _texts(certificate, language: str, verify_url: str) -> dict:
    from django.utils.translation import gettext as _

    with override(language):
        if certificate.kind == "trained":
            what = _("has been trained to the network's standard in")
            subject = str(certificate.module) if certificate.module else ""
        else:
            what = _("attended")
            subject = certificate.activity.title if certificate.activity else ""
        return {
            "heading": str(
                _("Certificate of training to standard")
                if certificate.kind == "trained"
                else _("Certificate of attendance")
            ),
            "what": what,
            "subject": subject,
            "issued": _("Issued on %(date)s") % {"date": certificate.issued_on.isoformat()},
            "verify": _("Check this certificate at %(url)s with the code %(code)s")
            % {"url": verify_url, "code": certificate.code},
            "network": _("National Municipal Network on Crime Prevention"),
        }


def certificate_html(certificate, verify_url: str) -> str:
    return render_to_string(
        "activities/certificate_pdf.html",
        {
            "certificate": certificate,
            "verify_url": verify_url,
            "en": _texts(certificate, "en", verify_url),
            "fr": _texts(certificate, "fr", verify_url),
        },
    )


def certificate_pdf(certificate, verify_url: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=certificate_html(certificate, verify_url)).write_pdf()
