"""Certificates as bilingual PDFs (WeasyPrint), English and French on the same page."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.translation import override


def _texts(certificate, language: str, site: str) -> dict:
    from django.urls import reverse
    from django.utils.translation import gettext as _

    with override(language):
        verify_url = site.rstrip("/") + reverse("activities:certificate_verify")
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


def certificate_html(certificate, site: str) -> str:
    return render_to_string(
        "activities/certificate_pdf.html",
        {
            "certificate": certificate,
            "en": _texts(certificate, "en", site),
            "fr": _texts(certificate, "fr", site),
        },
    )


def certificate_pdf(certificate, site: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=certificate_html(certificate, site)).write_pdf()
