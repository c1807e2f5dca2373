"""Briefs: Markdown rendered safely, drafts hidden, Atom feed, PDF with the title."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from pypdf import PdfReader

from prevnet.knowledge.markdown import render
from prevnet.knowledge.tests.factories import BriefFactory, ProgramFactory
from prevnet.knowledge.vocabulary import Status

pytestmark = pytest.mark.django_db
HOSTILE = (
    "Hello <script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n"
    "[click](javascript:alert(1)) <iframe src='https://evil'></iframe>\n\n"
    "<a href='https://x' onclick='steal()'>x</a>"
)


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def _tags(html: str) -> list:
    collector = _TagCollector()
    collector.feed(html)
    return collector.tags


def _pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_markdown_renders_formatting():
    html = render("## Title\n\n- **bold** item\n\n[site](https://example.org)")
    assert "<h2>Title</h2>" in html and "<strong>bold</strong>" in html
    assert 'href="https://example.org"' in html


def test_markdown_never_lets_code_through():
    html = render(HOSTILE)
    tags = _tags(html)
    assert {name for name, _attrs in tags} <= {"p", "a"}
    for _name, attrs in tags:
        assert all(not key.startswith("on") for key, _v in attrs)
        assert all(not (value or "").startswith("javascript") for _k, value in attrs)
    assert "&lt;script&gt;" in html  # shown as text, not dropped silently


def test_script_never_reaches_a_page(cast):
    brief = BriefFactory(body_en=HOSTILE, body_fr=HOSTILE)
    for url in (
        brief.get_absolute_url(),
        reverse("knowledge:brief_feed"),
        reverse("knowledge:brief_list"),
    ):
        content = cast.client("anonymous").get(url).content.decode()
        assert "<script>alert" not in content, url
        assert "<img src=x" not in content, url


def test_draft_brief_is_staff_only(cast):
    draft = BriefFactory(status=Status.DRAFT, title_en="Unfinished thoughts")
    assert cast.client("observer").get(draft.get_absolute_url()).status_code == 403
    assert cast.client("staff").get(draft.get_absolute_url()).status_code == 200
    feed = cast.client("anonymous").get(reverse("knowledge:brief_feed")).content.decode()
    assert "Unfinished thoughts" not in feed


def test_feed_lists_published_briefs_in_atom(cast):
    BriefFactory(title_en="Action brief on gangs")
    response = cast.client("anonymous").get(reverse("knowledge:brief_feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Action brief on gangs" in response.content.decode()


def test_brief_pdf_has_the_title(cast):
    brief = BriefFactory(title_en="Preventing dating violence", body_en="# Heading\n\nText.")
    brief.programs.add(ProgramFactory(name_en="The Fourth R"))
    response = cast.client("anonymous").get(reverse("knowledge:brief_pdf", args=[brief.slug]))
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "Preventing dating violence" in text and "The Fourth R" in text


def test_program_pdf_has_the_title_in_french(cast, seeded):
    response = cast.client("anonymous").get("/fr/knowledge/programs/perry-preschool/pdf/")
    assert response.status_code == 200
    text = _pdf_text(response.content)
    assert "Préscolaire Perry" in text
    assert "Schweinhart" in text  # the study, with its source
