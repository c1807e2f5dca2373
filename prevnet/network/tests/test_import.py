"""import_municipalities: every bad row reported with its line, nothing saved on any error."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from prevnet.network.importing import import_municipalities
from prevnet.network.models import Municipality

HEADER = "name,province,csd_code,population,population_year,membership_status,joined_on\n"


def write(tmp_path, text: str, name="m.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def messages(result) -> list[str]:
    return [str(e) for e in result.errors]


def test_csv_import_then_reimport_is_idempotent(db, tmp_path):
    path = write(
        tmp_path,
        "\ufeff"
        + HEADER
        + 'Kingston,ON,3510010,"132,485",2021,member,2015-03-01\n'
        + "Lévis,Québec,2425213,149683,2021,Membre,\n"
        + "Brandon,46,4607062,51313,2021,,\n",
    )
    result = import_municipalities(path)
    assert result.ok, messages(result)
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    levis = Municipality.objects.get(csd_code="2425213")
    assert (levis.province.abbreviation, levis.membership_status) == ("QC", "member")
    assert Municipality.objects.get(csd_code="3510010").population == 132485
    again = import_municipalities(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert Municipality.history.count() == 3  # the re-import recorded no change


def test_reimport_updates_changed_rows(db, tmp_path):
    import_municipalities(write(tmp_path, HEADER + "Kingston,ON,3510010,100,2016,,\n"))
    result = import_municipalities(write(tmp_path, HEADER + "Kingston,ON,3510010,132485,2021,,\n"))
    assert (result.created, result.updated) == (0, 1)
    assert Municipality.objects.get().population == 132485


def test_xlsx_import(db, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Name", "Province", "CSD_Code", "Population", "Latitude", "Longitude"])
    sheet.append(["Kingston", "Ontario", "3510010", 132485, 44.23, -76.49])
    sheet.append([None, None, None, None, None, None])
    path = tmp_path / "m.xlsx"
    workbook.save(path)
    result = import_municipalities(path)
    assert result.ok, messages(result)
    assert str(Municipality.objects.get().latitude) == "44.23000"


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Kingston,ON,3510010,many,2021,,\n", "line 2, population: “many” is not a whole number"),
        ("Kingston,ZZ,3510010,1,2021,,\n", "line 2, province: “ZZ” is not a Canadian province"),
        ("Kingston,ON,351,1,2021,,\n", "line 2, csd_code: “351” is not a 7-digit"),
        ("Lévis,ON,2425213,1,2021,,\n", "line 2, csd_code: A census subdivision code in Ontario"),
        (",ON,3510010,1,2021,,\n", "line 2, name: This field cannot be blank."),
        ("Kingston,ON,3510010,1,2021,gold,\n", "line 2, membership_status: “gold” is not one of"),
        (
            "Kingston,ON,3510010,1,2021,member,01/02/2015\n",
            "line 2, joined_on: “01/02/2015” is not a date",
        ),
        ("Kingston,ON,3510010,1,1200,,\n", "line 2, population_year: Ensure this value is greater"),
        ("K\x00,ON,3510010,1,2021,,\n", "line 2, name: contains a NUL character"),
        (
            "x" * 10_000 + ",ON,3510010,1,2021,,\n",
            "line 2, name: Ensure this value has at most 200",
        ),
        ("Kingston,ON,3510010,1,2021,prospective,2015-01-01\n", "line 2, joined_on: A prospective"),
    ],
)
def test_bad_rows_are_named_and_nothing_is_saved(db, tmp_path, body, expected):
    good = "Brandon,MB,4607062,51313,2021,,\n"
    result = import_municipalities(write(tmp_path, HEADER + good + body))
    text = "\n".join(messages(result))
    assert expected.replace("line 2", "line 3") in text, text
    assert Municipality.objects.count() == 0


def test_duplicate_codes_name_both_lines(db, tmp_path):
    body = "A,ON,3510010,1,2021,,\nB,MB,4607062,1,2021,,\nC,ON,3510010,1,2021,,\n"
    result = import_municipalities(write(tmp_path, HEADER + body))
    assert messages(result) == ["line 4, csd_code: code 3510010 is already on line 2"]


@pytest.mark.parametrize(
    "content, expected",
    [
        ("name,province\nA,ON\n", "missing required columns: csd_code"),
        ("name,province,csd_code,colour\nA,ON,3510010,red\n", "unknown columns: colour"),
        ("", "The file is empty."),
        ("name,province,csd_code\nA,ON,3510010,extra,cells\n", "more cells than the header"),
    ],
)
def test_bad_files_get_a_clear_message(db, tmp_path, content, expected):
    result = import_municipalities(write(tmp_path, content))
    assert expected in messages(result)[0]
    assert Municipality.objects.count() == 0


def test_non_utf8_csv(db, tmp_path):
    path = write(tmp_path, HEADER + "Lévis,QC,2425213,1,2021,,\n", encoding="latin-1")
    assert "not UTF-8" in messages(import_municipalities(path))[0]


def test_garbage_named_xlsx(db, tmp_path):
    path = tmp_path / "m.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 20)
    assert "not a readable XLSX" in messages(import_municipalities(path))[0]


def test_oversized_file_refused_before_parsing(db, tmp_path, settings):
    settings.PREVNET_MAX_IMPORT_BYTES = 100
    path = write(tmp_path, HEADER + "Kingston,ON,3510010,1,2021,,\n" * 10)
    assert "largest accepted" in messages(import_municipalities(path))[0]


def test_50_megabyte_file_is_refused_on_its_size(db, tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "w") as handle:
        handle.write(HEADER)
        handle.write("Kingston,ON,3510010,1,2021,,\n" * 1_800_000)  # about 50 MB
    result = import_municipalities(path)
    # Refused on its size alone: the only message is about size, none about its rows.
    assert messages(result) == ["file: The file is 52.2 MB; the largest accepted is 21.0 MB."], (
        messages(result)[:3]
    )


def test_formula_strings_are_stored_as_text(db, tmp_path):
    path = write(tmp_path, HEADER + '"=HYPERLINK(""http://x"")",ON,3510010,1,2021,,\n')
    assert import_municipalities(path).ok
    assert Municipality.objects.get().name == '=HYPERLINK("http://x")'


def test_command_reports_and_fails(db, tmp_path):
    path = write(tmp_path, HEADER + "Kingston,ZZ,3510010,1,2021,,\n")
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_municipalities", str(path), stderr=err)
    assert "line 2, province" in err.getvalue()
    out = StringIO()
    call_command(
        "import_municipalities", str(write(tmp_path, HEADER + "K,ON,3510010,,,,\n")), stdout=out
    )
    assert "1 created" in out.getvalue()
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_municipalities", str(tmp_path / "missing.csv"))
