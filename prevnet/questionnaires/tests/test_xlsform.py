"""XLSForm import and export: the round trip, and bad forms named by sheet, row and column."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from prevnet.questionnaires import builtin, services, xlsform
from prevnet.questionnaires.models import QuestionnaireVersion


@pytest.mark.parametrize("form", builtin.all_forms(), ids=lambda f: f"{f.form_id}-{f.version}")
def test_round_trip_keeps_everything(form):
    again = xlsform.read(xlsform.write(form))
    assert again == form  # questions, choices, both languages, relevance, constraints, version


def _edit(content: bytes, sheet: str, row: int, column: str, value) -> bytes:
    book = load_workbook(io.BytesIO(content))
    ws = book[sheet]
    headers = [c.value for c in ws[1]]
    ws.cell(row=row, column=headers.index(column) + 1, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _problems(content: bytes) -> list[str]:
    with pytest.raises(xlsform.XLSFormError) as caught:
        xlsform.read(content)
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def outcome_xlsx():
    return xlsform.write(builtin.outcome())


def test_unknown_type_names_sheet_row_and_column(outcome_xlsx):
    assert _problems(_edit(outcome_xlsx, "survey", 3, "type", "geopoint3d")) == [
        "survey, row 3, column type: Unknown question type “geopoint3d”."
    ]


def test_duplicate_names(outcome_xlsx):
    problems = _problems(_edit(outcome_xlsx, "survey", 3, "name", "uses_ccss"))
    assert "survey, row 3, column name: The name “uses_ccss” is used twice." in problems


def test_broken_expression(outcome_xlsx):
    problems = _problems(_edit(outcome_xlsx, "survey", 3, "relevant", "${uses_ccss} = "))
    assert problems == ["survey, row 3, column relevant: The expression ends too early."]


def test_circular_relevance(outcome_xlsx):
    content = _edit(outcome_xlsx, "survey", 2, "relevant", "${exchanges_ccss} = 'yes'")
    problems = _problems(content)
    assert len(problems) == 1 and "Circular relevance" in problems[0]


def test_missing_sheet():
    book = load_workbook(io.BytesIO(xlsform.write(builtin.outcome())))
    del book["choices"]
    out = io.BytesIO()
    book.save(out)
    assert _problems(out.getvalue()) == ["choices: The sheet “choices” is missing."]


def test_not_a_workbook_and_huge_files():
    assert "not an .xlsx" in _problems(b"<script>alert(1)</script>")[0]
    assert "larger than 5 MB" in _problems(b"0" * (5 * 1024 * 1024 + 1))[0]


def test_pyxform_checks_what_odk_would_refuse(outcome_xlsx):
    # A name pyxform refuses (it clashes with XML), our own check accepts only A-Z, 0-9, _.
    problems = _problems(_edit(outcome_xlsx, "survey", 3, "name", "bad name"))
    assert problems == ["survey, row 3, column name: “bad name” is not a valid name."]


def test_commands_import_then_export(tmp_path, db, capsys):
    path = tmp_path / "outcome.xlsx"
    path.write_bytes(xlsform.write(builtin.outcome()))
    call_command("import_xlsform", str(path))
    version = QuestionnaireVersion.objects.get(pk=int(capsys.readouterr().out.strip()))
    assert not version.is_published and version.version == "1"
    out = tmp_path / "back.xlsx"
    call_command("export_xlsform", str(version.pk), str(out))
    assert xlsform.read(out.read_bytes()) == builtin.outcome()


def test_command_saves_nothing_on_error(tmp_path, db):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(_edit(xlsform.write(builtin.outcome()), "survey", 3, "type", "nope"))
    with pytest.raises(CommandError, match="row 3, column type"):
        call_command("import_xlsform", str(path))
    assert not QuestionnaireVersion.objects.exists()


def test_the_same_version_twice_is_refused(db):
    services.save_form(builtin.outcome())
    with pytest.raises(services.FormProblems, match="exists already"):
        services.save_form(builtin.outcome())


def test_load_questionnaires_is_idempotent(db, capsys):
    call_command("load_questionnaires")
    call_command("load_questionnaires")
    assert QuestionnaireVersion.objects.count() == 5
    assert services.latest_version(builtin.ACTIVITY_IMPACT).version == "year3"
    profile = services.form_of(services.latest_version(builtin.PROFILE))
    assert [n.name for n in profile.nodes] == [
        "socio_demographic",
        "strategies",
        "governance",
        "programmes",
        "funding_evaluation",
        "capacity",
        "interests",
    ]
    year1 = services.form_of(QuestionnaireVersion.objects.get(version="year1")).names
    year3 = services.form_of(services.latest_version(builtin.ACTIVITY_IMPACT)).names
    assert set(year1) < set(year3)


def test_or_other_becomes_an_explicit_other_specify(outcome_xlsx):
    form = xlsform.read(_edit(outcome_xlsx, "survey", 3, "type", "select_one yes_no or_other"))
    names = [n.name for n in form.nodes]
    assert names[names.index("exchanges_ccss") + 1] == "exchanges_ccss_other"
    other = form.nodes[names.index("exchanges_ccss") + 1]
    assert other.relevance == "selected(${exchanges_ccss}, 'other')"
    assert [c.name for c in form.choices["yes_no"]][-1] == "other"
