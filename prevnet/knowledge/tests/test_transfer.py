"""Export and import of the whole base: round trips, and bad files refused whole and explained."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from prevnet.knowledge import transfer
from prevnet.knowledge.models import EvidenceRating, Program, Study

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt,name", [("json", "kb.json"), ("xlsx", "kb.xlsx"), ("csv", "kb.zip")])
def test_round_trip_keeps_everything(seeded, fmt, name):
    before = transfer.tables()
    content, _type = transfer.export_bytes(fmt)
    Program.objects.filter(slug="cirv").update(summary_en="changed meanwhile")
    Study.objects.filter(program__slug="cirv").delete()
    counts = transfer.import_base(content, name)
    assert counts["programs"] == Program.objects.count()
    assert transfer.tables() == before


def test_xlsx_has_one_sheet_per_table(seeded):
    content, _type = transfer.export_bytes("xlsx")
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == list(transfer.SHEETS)
    header = [c.value for c in book["programs"][1]]
    assert {"slug", "name_fr", "goals_en", "components_fr", "settings"} <= set(header)


def _json(data) -> bytes:
    return json.dumps(data).encode()


def test_bad_rows_are_named_and_nothing_is_saved(seeded):
    before = (Program.objects.count(), EvidenceRating.objects.count())
    data = {
        "programs": [
            {"slug": "new-one", "name_en": "New", "name_fr": "Nouveau", "status": "published"},
            {"slug": "bad", "name_en": "", "name_fr": "X", "settings": "school; moon"},
            {"slug": "costly", "name_en": "C", "name_fr": "C", "cost_per_participant": "lots"},
        ],
        "ratings": [
            {
                "program": "new-one",
                "source": "blueprints",
                "level": "effective",
                "url": "https://x",
            },
            {"program": "ghost", "source": "blueprints", "level": "model", "url": "https://x"},
        ],
    }
    with pytest.raises(transfer.ImportRefused) as refused:
        transfer.import_base(_json(data), "kb.json")
    found = {(p.sheet, p.row, p.column) for p in refused.value.problems}
    assert ("programs", 3, "name_en") in found
    assert ("programs", 3, "settings") in found
    assert ("programs", 4, "cost_per_participant") in found
    assert ("ratings", 2, "level") in found
    assert ("ratings", 3, "program") in found
    assert "moon" in " ".join(str(p) for p in refused.value.problems)
    assert (Program.objects.count(), EvidenceRating.objects.count()) == before
    assert not Program.objects.filter(slug="new-one").exists()


@pytest.mark.parametrize(
    "content,name",
    [
        (b"not json", "kb.json"),
        (b"[1, 2]", "kb.json"),
        (b'{"programs": "x"}', "kb.json"),
        (b'{"spaceships": []}', "kb.json"),
        (b"PK\x03\x04 broken", "kb.xlsx"),
        (b"a,b", "kb.txt"),
    ],
)
def test_unreadable_files_are_refused_with_a_message(db, content, name):
    with pytest.raises(transfer.ImportRefused) as refused:
        transfer.import_base(content, name)
    assert refused.value.problems and all(str(p) for p in refused.value.problems)


def test_hostile_text_is_refused_or_stored_as_text(seeded, cast):
    data = {"programs": [{"slug": "cirv", "name_en": "CIRV\x00", "name_fr": "x"}]}
    with pytest.raises(transfer.ImportRefused) as refused:
        transfer.import_base(_json(data), "kb.json")
    assert refused.value.problems[0].column == "name_en"
    data = {"programs": [{"slug": "cirv", "name_en": "<script>alert(1)</script>", "name_fr": "x"}]}
    transfer.import_base(_json(data), "kb.json")
    html = cast.client("anonymous").get("/en/knowledge/programs/cirv/").content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_huge_file_is_refused(db, settings):
    settings.PREVNET_MAX_IMPORT_BYTES = 1000
    with pytest.raises(transfer.ImportRefused) as refused:
        transfer.import_base(b"{" + b" " * 2000 + b"}", "kb.json")
    assert "larger than" in str(refused.value.problems[0])


def test_zip_of_csv_with_formula_cells_round_trips(db):
    Program.objects.create(slug="f", name_en="=HYPERLINK(1)", name_fr="x", status="published")
    content, _type = transfer.export_bytes("csv")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert "'=HYPERLINK(1)" in archive.read("programs.csv").decode()
    transfer.import_base(content, "kb.zip")
    assert Program.objects.get(slug="f").name_en == "=HYPERLINK(1)"


def test_import_page_lists_problems(cast, seeded):
    upload = SimpleUploadedFile("kb.json", _json({"programs": [{"slug": "x", "name_en": ""}]}))
    response = cast.client("staff").post(reverse("knowledge:import"), {"file": upload})
    html = response.content.decode()
    assert "Nothing was saved" in html and "name_en" in html
    assert not Program.objects.filter(slug="x").exists()


def test_import_page_saves_a_good_file(cast, seeded):
    content, _type = transfer.export_bytes("json")
    upload = SimpleUploadedFile("kb.json", content)
    response = cast.client("staff").post(reverse("knowledge:import"), {"file": upload})
    assert response.status_code == 302


def test_export_downloads(cast, seeded):
    response = cast.client("staff").get(reverse("knowledge:export", args=["xlsx"]))
    assert response["Content-Disposition"].endswith('knowledge-base.xlsx"')
    assert cast.client("staff").get(reverse("knowledge:export", args=["pdf"])).status_code == 404


def test_xlsx_errors_name_the_sheet_row_and_column(seeded):
    content, _type = transfer.export_bytes("xlsx")
    book = load_workbook(io.BytesIO(content))
    sheet = book["studies"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=3, column=header.index("design") + 1, value="astrology")
    out = io.BytesIO()
    book.save(out)
    before = Study.objects.count()
    with pytest.raises(transfer.ImportRefused) as refused:
        transfer.import_base(out.getvalue(), "kb.xlsx")
    assert [(p.sheet, p.row, p.column) for p in refused.value.problems] == [
        ("studies", 3, "design")
    ]
    assert Study.objects.count() == before
