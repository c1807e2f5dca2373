"""import_municipalities: every bad row reported with its line, nothing saved on any error."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from prevnet.network import importing
from prevnet.network.factories import MunicipalityFactory, UserFactory
from prevnet.network.importing import import_municipalities
from prevnet.network.models import Municipality

HEADER = "name,province,csd_code,population,population_year,membership_status,joined_on\n"
GOOD = "Brandon,MB,4607062,51313,2021,,\n"


def write(tmp_path, text: str, name="m.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def xlsx(tmp_path, rows, name="m.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def messages(result) -> list[str]:
    return [str(e) for e in result.errors]


def refused(path) -> str:
    """The only message of a refused file, after checking nothing was written."""
    before = Municipality.objects.count()
    result = import_municipalities(path)
    assert not result.ok and Municipality.objects.count() == before
    assert len(result.errors) == 1 and result.errors[0].line == 0, messages(result)
    return result.errors[0].message


# --- good files -------------------------------------------------------------------------------


def test_csv_import_then_reimport_is_idempotent(db, tmp_path):
    path = write(
        tmp_path,
        "\ufeff"  # Excel's “CSV UTF-8” starts with a byte-order mark
        + HEADER.replace("csd_code", "CSD Code").replace("name", "Name")
        + 'Kingston,ON,3510010,"132,485",2021,member,2015-03-01\n'
        + "Lévis,Québec,2425213,149 683,2021,Membre,\n"
        + "Brandon,46,4607062,51313,2021,,\n"
        + ",,,,,,\n",  # an empty row is skipped
    )
    result = import_municipalities(path)
    assert result.ok, messages(result)
    assert (result.rows, result.created, result.updated, result.unchanged) == (3, 3, 0, 0)
    levis = Municipality.objects.get(csd_code="2425213")
    assert (levis.province.abbreviation, levis.membership_status) == ("QC", "member")
    assert levis.population == 149683
    kingston = Municipality.objects.get(csd_code="3510010")
    assert (kingston.population, kingston.joined_on) == (132485, dt.date(2015, 3, 1))
    assert Municipality.objects.get(csd_code="4607062").membership_status == "prospective"
    record = kingston.history.get()
    assert (record.history_user, record.history_change_reason) == (None, "import")
    again = import_municipalities(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert Municipality.history.count() == 3  # the re-import recorded no change


def test_reimport_updates_changed_rows_and_blank_cells_keep_values(db, tmp_path):
    first = "Kingston,ON,3510010,100,2016,member,2015-03-01\nBrandon,MB,4607062,51313,2021,,\n"
    import_municipalities(write(tmp_path, HEADER + first))
    second = "Kingston,Ontario,3510010,132485,2021,,\nBrandon,MB,4607062,51313,2021,,\n"
    result = import_municipalities(write(tmp_path, HEADER + second))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    kingston = Municipality.objects.get(csd_code="3510010")
    assert (kingston.population, kingston.population_year) == (132485, 2021)
    assert (kingston.membership_status, str(kingston.joined_on)) == ("member", "2015-03-01")
    assert kingston.history.count() == 2
    assert kingston.history.first().history_type == "~"
    # Set back to prospective, a municipality loses its join date.
    import_municipalities(write(tmp_path, HEADER + "Kingston,ON,3510010,,,prospective,\n"))
    kingston.refresh_from_db()
    assert (kingston.membership_status, kingston.joined_on) == ("prospective", None)


def test_existing_municipality_is_updated_with_the_importing_user(db, tmp_path):
    MunicipalityFactory(name="Old name", csd_code="3510010")
    user = UserFactory()
    result = import_municipalities(write(tmp_path, HEADER + "Kingston,ON,3510010,,,,\n"), user=user)
    assert (result.created, result.updated) == (0, 1)
    record = Municipality.objects.get(csd_code="3510010").history.first()
    assert (record.name, record.history_user, record.history_change_reason) == (
        "Kingston",
        user,
        "import",
    )


def test_xlsx_import(db, tmp_path):
    path = xlsx(
        tmp_path,
        [
            ["Name", "Province", "CSD code", "Population", "Latitude", "Longitude", "Joined on"]
            + ["Membership status"],
            ["Kingston", "ontario", 3510010, 132485, 44.23, -76.49, None, None],
            [None] * 8,
            ["Lévis", "Qc", 2425213.0, 149683.0, "46,80", "-71,18", None, "ancienne membre"],
            ["Brandon", 46, "4607062", None, None, None, dt.datetime(2015, 3, 1), "MEMBER"],
        ],
    )
    result = import_municipalities(path)
    assert result.ok, messages(result)
    assert result.created == 3
    kingston = Municipality.objects.get(csd_code="3510010")
    assert (str(kingston.latitude), kingston.population) == ("44.23000", 132485)
    levis = Municipality.objects.get(csd_code="2425213")
    assert (str(levis.longitude), levis.membership_status) == ("-71.18000", "former")
    brandon = Municipality.objects.get(csd_code="4607062")
    assert (brandon.joined_on, brandon.membership_status) == (dt.date(2015, 3, 1), "member")


def test_xlsx_errors_name_the_spreadsheet_line(db, tmp_path):
    path = xlsx(tmp_path, [["name", "province", "csd_code"], [], ["K", "ZZ", 3510010]])
    assert messages(import_municipalities(path)) == [
        "line 3, province: “ZZ” is not a Canadian province or territory"
    ]


def test_semicolon_csv_from_a_french_spreadsheet(db, tmp_path):
    body = "name;province;csd_code;latitude;website\nLévis;QC;2425213;46,80;www.ville.levis.qc.ca\n"
    result = import_municipalities(write(tmp_path, body))
    assert result.ok, messages(result)
    levis = Municipality.objects.get()
    assert (str(levis.latitude), levis.website) == ("46.80000", "https://www.ville.levis.qc.ca")


def test_no_query_per_row(db, tmp_path, django_assert_max_num_queries):
    rows = "".join(f"Place {i},ON,35{i:05d},{i},2021,,\n" for i in range(600))
    path = write(tmp_path, HEADER + rows)
    with django_assert_max_num_queries(30):  # batched inserts (SQLite: about 75 rows each)
        assert import_municipalities(path).created == 600
    with django_assert_max_num_queries(3):  # provinces, then the existing codes
        assert import_municipalities(path).unchanged == 600


# --- bad rows ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Kingston,ON,3510010,many,2021,,\n", "population: “many” is not a whole number"),
        ("Kingston,ON,3510010,1.5,2021,,\n", "population: “1.5” is not a whole number"),
        ("Kingston,ON,3510010,-5,2021,,\n", "population: Ensure this value is greater"),
        ("Kingston,ZZ,3510010,1,2021,,\n", "province: “ZZ” is not a Canadian province"),
        ("Kingston,,3510010,1,2021,,\n", "province: required; the cell is empty"),
        ("Kingston,ON,,1,2021,,\n", "csd_code: required; the cell is empty"),
        ("Kingston,ON,351,1,2021,,\n", "csd_code: “351” is not a 7-digit"),
        ("Kingston,ON,35100101,1,2021,,\n", "csd_code: “35100101” is not a 7-digit"),
        ("Lévis,ON,2425213,1,2021,,\n", "csd_code: A census subdivision code in Ontario"),
        (",ON,3510010,1,2021,,\n", "name: This field cannot be blank."),
        ("Kingston,ON,3510010,1,2021,gold,\n", "membership_status: “gold” is not one of"),
        ("Kingston,ON,3510010,1,2021,member,01/02/2015\n", "joined_on: “01/02/2015” is not a"),
        ("Kingston,ON,3510010,1,2021,member,2015-02-30\n", "joined_on: “2015-02-30” is not a"),
        ("Kingston,ON,3510010,1,1200,,\n", "population_year: Ensure this value is greater"),
        ("Kingston,ON,3510010,99999999999,2021,,\n", "population: “99999999999” is too large"),
        ("Kingston,ON,3510010,1,2021,prospective,2015-01-01\n", "joined_on: A prospective"),
        ("K\x00,ON,3510010,1,2021,,\n", "name: contains a NUL character"),
        ("K\x07,ON,3510010,1,2021,,\n", "name: contains a control character (U+0007)"),
        ("x" * 10_000 + ",ON,3510010,1,2021,,\n", "name: Ensure this value has at most 200"),
        ('"=HYPERLINK(""http://x"",""y"")",ON,3510010,,,,\n', "name: “=HYPERLINK("),
        ("@SUM(A1),ON,3510010,,,,\n", "name: “@SUM(A1)” looks like a spreadsheet formula"),
        ("+1,ON,3510010,,,,\n", "name: “+1” looks like a spreadsheet formula"),
        ("<script>alert(1)</script>,ON,3510010,,,,\n", "name: a name cannot contain < or >"),
        ("Kingston,ON,3510010,1,2021,,,extra\n", "has a value in column 8, which has no name"),
    ],
)
def test_bad_rows_are_named_and_nothing_is_saved(db, tmp_path, body, expected):
    result = import_municipalities(write(tmp_path, HEADER + GOOD + body))
    text = "\n".join(messages(result))
    assert f"line 3, {expected}" in text or f"line 3: {expected}" in text, text
    assert {e.line for e in result.errors} == {3}
    assert (result.created, result.updated, Municipality.objects.count()) == (0, 0, 0)


@pytest.mark.parametrize(
    "website, expected",
    [
        ("javascript:alert(1)", "website: Enter a valid URL."),
        ("https://exa mple.org", "website: Enter a valid URL."),
    ],
)
def test_bad_websites(db, tmp_path, website, expected):
    body = f"name,province,csd_code,website\nKingston,ON,3510010,{website}\n"
    assert messages(import_municipalities(write(tmp_path, body))) == [f"line 2, {expected}"]


def test_coordinates_outside_canada(db, tmp_path):
    body = "name,province,csd_code,latitude,longitude\nK,ON,3510010,12.5,1e300\n"
    assert messages(import_municipalities(write(tmp_path, body))) == [
        "line 2, longitude: “1e300” is not a number"
    ]
    body = "name,province,csd_code,latitude,longitude\nK,ON,3510010,12.5,-76\n"
    assert messages(import_municipalities(write(tmp_path, body))) == [
        "line 2, latitude: Ensure this value is greater than or equal to 41."
    ]


def test_every_bad_row_is_reported_in_line_order(db, tmp_path):
    body = GOOD + "A,ZZ,3510010,,,,\n" + GOOD.replace("4607062", "4607063") + "B,ON,35,x,,,\n"
    result = import_municipalities(write(tmp_path, HEADER + body))
    assert [(e.line, e.column) for e in result.errors] == [
        (3, "province"),
        (5, "population"),
        (5, "csd_code"),
    ]
    assert Municipality.objects.count() == 0


def test_duplicate_codes_name_both_lines(db, tmp_path):
    body = "A,ON,3510010,1,2021,,\nB,MB,4607062,1,2021,,\nC,ON,3510010,1,2021,,\n"
    result = import_municipalities(write(tmp_path, HEADER + body))
    assert messages(result) == ["line 4, csd_code: code 3510010 is already on line 2"]
    assert Municipality.objects.count() == 0


def test_a_code_taken_during_the_import_saves_nothing(db, tmp_path, monkeypatch):
    MunicipalityFactory(csd_code="3510010")
    # As if another import had created 3510010 after this one looked for existing codes.
    monkeypatch.setattr(Municipality.objects, "in_bulk", lambda *args, **kwargs: {})
    body = HEADER + GOOD + "Kingston,ON,3510010,,,,\n"
    assert "added by someone else during the import" in refused(write(tmp_path, body))
    assert not Municipality.objects.filter(csd_code="4607062").exists()


# --- bad files --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, expected",
    [
        ("name,province\nA,ON\n", ["line 1, csd_code: required column missing"]),
        ("Name\n", ["line 1, province: required column missing", "line 1, csd_code: required"]),
        ("name,province,csd_code,Colour\nA,ON,3510010,red\n", ["line 1, Colour: unknown column"]),
        ("name,province,csd_code,name\nA,ON,3510010,B\n", ["line 1, name: column appears more"]),
    ],
)
def test_header_problems_are_named(db, tmp_path, content, expected):
    result = import_municipalities(write(tmp_path, content))
    got = messages(result)
    assert len(got) == len(expected) and all(
        g.startswith(e) for g, e in zip(got, expected, strict=False)
    ), got
    assert Municipality.objects.count() == 0


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "The file is empty."),
        (b" , ,\n", "Line 1 must name the columns"),
        (HEADER.encode() + "Lévis,QC,2425213,,,,\n".encode("latin-1"), "Line 2 is not UTF-8"),
        ("name,province\n".encode("utf-16"), "UTF-16"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old Excel (.xls)"),
        (b"name,province,csd_code\n" + b"x" * 300_000, "Line 2 is longer than 256 kB"),
        (b'name,province,csd_code\n"unclosed,ON,3510010\n', "Line 2 is not valid CSV"),
        (bytes(range(256)) * 20, "neither CSV text nor an XLSX workbook"),
    ],
)
def test_unreadable_csv_gets_a_clear_message(db, tmp_path, content, expected):
    path = tmp_path / "m.csv"
    path.write_bytes(content)
    assert expected in refused(path)


def test_garbage_bytes(db, tmp_path):
    path = tmp_path / "m.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 20)
    assert refused(path) == "The file is not a readable XLSX workbook."
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(128, 256)) * 20)  # a JPEG, say
    assert refused(path) == "Line 1 is not UTF-8 text. Save the file as “CSV UTF-8”."
    other = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    assert refused(other) == "The file is not a readable XLSX workbook."


def test_workbook_without_a_sheet(db, tmp_path):
    source = xlsx(tmp_path, [["name"]], name="one.xlsx")
    path = tmp_path / "none.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", data)
            if not item.filename.startswith("xl/worksheets/"):
                out.writestr(item, data)
    assert refused(path) == "The workbook has no sheet."


def test_oversized_file_refused_before_parsing(db, tmp_path, settings):
    settings.PREVNET_MAX_IMPORT_BYTES = 100_000
    path = write(tmp_path, HEADER + "Kingston,ON,3510010,1,2021,,\n" * 7000)
    assert refused(path) == "The file is 0.2 MB; the largest accepted is 0.1 MB."


def test_50_megabyte_file_is_refused_quickly_without_being_read(db, tmp_path, monkeypatch):
    path = tmp_path / "huge.csv"
    with open(path, "w") as handle:
        handle.write(HEADER)
        handle.write("Kingston,ON,3510010,1,2021,,\n" * 1_800_000)  # about 52 MB

    def never(path, columns):
        raise AssertionError("the file was opened for parsing")

    monkeypatch.setattr(importing, "open_rows", never)
    message = refused(path)
    assert message == "The file is 52.2 MB; the largest accepted is 21.0 MB."


def test_too_many_rows(db, tmp_path, settings):
    settings.PREVNET_MAX_IMPORT_ROWS = 2
    body = "".join(f"P{i},ON,351001{i},,,,\n" for i in range(3))
    assert refused(write(tmp_path, HEADER + body)) == (
        "The file has more than 2 municipalities; split it."
    )


def test_header_only_imports_nothing(db, tmp_path):
    result = import_municipalities(write(tmp_path, HEADER))
    assert result.ok and (result.rows, result.created) == (0, 0)


# --- the command ------------------------------------------------------------------------------


def test_command_reports_and_fails(db, tmp_path):
    path = write(tmp_path, HEADER + "Kingston,ZZ,3510010,1,2021,,\nA,ON,35,,,,\n")
    err = StringIO()
    with pytest.raises(CommandError, match="2 problems found; nothing was imported"):
        call_command("import_municipalities", str(path), stderr=err)
    assert "line 2, province: “ZZ”" in err.getvalue()
    assert "line 3, csd_code: “35”" in err.getvalue()
    assert Municipality.objects.count() == 0


def test_command_imports_and_counts(db, tmp_path):
    path = write(tmp_path, HEADER + "K,ON,3510010,,,,\n" + GOOD)
    out = StringIO()
    call_command("import_municipalities", str(path), stdout=out)
    assert "2 created, 0 updated, 0 unchanged" in out.getvalue()
    out = StringIO()
    call_command("import_municipalities", str(path), stdout=out)
    assert "0 created, 0 updated, 2 unchanged" in out.getvalue()


def test_command_missing_file_and_help(db, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_municipalities", str(tmp_path / "missing.csv"))
    with pytest.raises(CommandError, match="not a file"):
        call_command("import_municipalities", str(tmp_path))
    from prevnet.network.management.commands.import_municipalities import Command

    text = Command().create_parser("manage.py", "import_municipalities").format_help()
    for column in importing.COLUMNS:
        assert column in text


def test_workbook_that_unpacks_to_far_more_than_its_size(db, tmp_path, settings):
    path = xlsx(tmp_path, [["name", "province", "csd_code"]] + [["Same", "ON", "3510010"]] * 5000)
    settings.PREVNET_MAX_IMPORT_BYTES = path.stat().st_size  # compresses more than tenfold
    assert refused(path) == "The workbook unpacks to far more than a list of places."
