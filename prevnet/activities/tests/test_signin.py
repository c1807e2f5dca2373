"""A messy sign-in sheet gets a clear review, and nothing wrong is saved."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from prevnet.activities import signin
from prevnet.activities.models import Registration
from prevnet.activities.tests.factories import ActivityFactory
from prevnet.network.factories import OrganizationFactory, PersonFactory
from prevnet.network.models import Person

pytestmark = pytest.mark.django_db

MESSY = (
    "Prénom;Nom;Courriel;Organisme\n"
    "Hélène;Côté;helene@example.org;Ville de Gatineau\n"
    ";;;\n"
    "Marc;Lavoie;not-an-email;SPVM\n"
    "Hélène;Côté;HELENE@example.org;Ville de Gatineau\n"
    "\n"
    "Jean;;jean@example.org;\n"
    "Zoë;Tremblay;zoe@example.org;<script>alert(1)</script>\n"
).encode()


def _mapping():
    return {"first_name": 0, "last_name": 1, "full_name": None, "email": 2, "organization": 3}


def test_messy_sheet_review_names_every_problem_and_saves_nothing():
    activity = ActivityFactory()
    header, rows = signin.read_sheet("sheet.csv", MESSY)
    assert header == ["Prénom", "Nom", "Courriel", "Organisme"]
    assert signin.guess_mapping(header) == _mapping()
    lines = signin.review(rows, _mapping())
    by_line = {line.number: line for line in lines}
    assert by_line[2].action == "new"
    assert by_line[3].action == "blank"
    assert by_line[4].action == "error"
    assert "“not-an-email” is not an e-mail address" in by_line[4].problems
    assert by_line[5].action == "duplicate" and by_line[5].how == "same as line 2"
    assert by_line[7].action == "error"
    assert "a first and a last name are needed" in by_line[7].problems
    assert by_line[8].problems == ["names cannot contain < or >"]
    people_before = Person.objects.count()
    with pytest.raises(ValueError, match="nothing was saved"):
        signin.save(activity, lines, None)
    assert Person.objects.count() == people_before
    assert not Registration.objects.exists()


def test_clean_sheet_matches_by_email_then_by_fuzzy_name_and_organization():
    activity = ActivityFactory()
    org = OrganizationFactory(name="Ville de Gatineau")
    by_email = PersonFactory(first_name="Anne", last_name="Roy", email="anne@example.org")
    by_name = PersonFactory(first_name="Hélène", last_name="Côté", email="", organization=org)
    sheet = (
        b"First name,Last name,E-mail,Organization\n"
        b"Annie,Roy,ANNE@example.org,\n"
        b"Helene,Cote,,Ville de Gatineau\n"
        b"Pat,Newcomer,pat@example.org,Ville de Gatineau\n"
    )
    header, rows = signin.read_sheet("s.csv", sheet)
    lines = signin.review(rows, signin.guess_mapping(header))
    assert [(line.action, line.person_id) for line in lines] == [
        ("match", by_email.pk),
        ("match", by_name.pk),
        ("new", None),
    ]
    counts = signin.save(activity, lines, None)
    assert counts == {"matched": 2, "created": 1, "registered": 3}
    new = Person.objects.get(email="pat@example.org")
    assert new.organization == org
    assert Registration.objects.filter(activity=activity, attended=True).count() == 3
    # Importing the same sheet again registers no one twice.
    assert (
        signin.save(activity, signin.review(rows, signin.guess_mapping(header)), None)["registered"]
        == 0
    )


def test_same_name_in_another_organization_is_not_a_match():
    PersonFactory(
        first_name="Marc",
        last_name="Lavoie",
        email="",
        organization=OrganizationFactory(name="SPVM"),
    )
    lines = signin.review([["Marc", "Lavoie", "", "Hôpital Sainte-Justine"]], _mapping())
    assert lines[0].action == "new"


def test_xlsx_with_full_name_column():
    book = Workbook()
    sheet = book.active
    sheet.append(["Participant", "Courriel"])
    sheet.append(["Marie-Ève Gagnon", "meg@example.org"])
    buffer = io.BytesIO()
    book.save(buffer)
    header, rows = signin.read_sheet("feuille.xlsx", buffer.getvalue())
    mapping = signin.guess_mapping(header)
    assert mapping["full_name"] == 0 and mapping["email"] == 1
    line = signin.review(rows, mapping)[0]
    assert (line.first_name, line.last_name, line.action) == ("Marie-Ève", "Gagnon", "new")


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("a.pdf", b"%PDF", "Upload a CSV or XLSX file."),
        ("a.xlsx", b"not a zip", "This is not a readable XLSX file."),
        ("a.csv", b"x" * (signin.MAX_BYTES + 1), "larger than 2 MB"),
        ("a.csv", b"name\nab\x00c\n", "NUL character"),
        ("a.csv", b"\n\n", "The first line should name the columns"),
        ("a.csv", b"name\n" + b"x\n" * (signin.MAX_ROWS + 1), "more than 2000 lines"),
    ],
)
def test_unreadable_files_are_named(name, data, message):
    with pytest.raises(signin.SheetError, match=message):
        signin.read_sheet(name, data)


def test_sign_in_pages_upload_map_review_save(cast):
    activity = ActivityFactory()
    client = cast.client("staff")
    upload = io.BytesIO(MESSY)
    upload.name = "sheet.csv"
    url = f"/en/activities/{activity.pk}/sign-in-sheet/"
    response = client.post(url, {"file": upload})
    assert response.status_code == 302
    review_url = response["Location"]
    page = client.get(review_url).content.decode()
    assert 'value="2" selected' in page  # e-mail column guessed
    post = {"first_name": "0", "last_name": "1", "email": "2", "organization": "3", "save": "1"}
    page = client.post(review_url, post).content.decode()
    assert "Some lines have problems; nothing was saved." in page
    assert "not an e-mail address" in page
    assert "&lt;script&gt;" in page and "<script>alert" not in page
    assert not Registration.objects.exists()
    clean = io.BytesIO(b"Name,Email\nAna Silva,ana@example.org\n")
    clean.name = "ok.csv"
    client.post(url, {"file": clean})
    response = client.post(review_url, {"full_name": "0", "email": "1", "save": "1"})
    assert response.status_code == 302
    assert Registration.objects.get(activity=activity).person.email == "ana@example.org"


def test_mapping_needs_names(cast):
    activity = ActivityFactory()
    client = cast.client("staff")
    upload = io.BytesIO(b"A,B\n1,2\n")
    upload.name = "x.csv"
    client.post(f"/en/activities/{activity.pk}/sign-in-sheet/", {"file": upload})
    page = client.post(f"/en/activities/{activity.pk}/sign-in-sheet/review/", {"email": "1"})
    assert "Choose the columns of the first and last names" in page.content.decode()


def test_same_name_with_another_email_is_a_new_person():
    PersonFactory(first_name="Marc", last_name="Lavoie", email="marc@ville.ca")
    lines = signin.review([["Marc", "Lavoie", "marc.lavoie@spvm.qc.ca", ""]], _mapping())
    assert lines[0].action == "new"
    lines = signin.review([["Marc", "Lavoie", "", ""]], _mapping())
    assert lines[0].action == "match"
