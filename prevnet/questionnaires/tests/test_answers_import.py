"""Importing a KoboToolbox/ODK CSV of answers: matched by name, bad rows skipped and reported."""

import uuid

import pytest
from django.core.management import call_command

from prevnet.questionnaires.answers_import import import_csv
from prevnet.questionnaires.models import Submission
from prevnet.questionnaires.tests.factories import campaign_for

KEY = uuid.uuid4()
KOBO = (
    "start;end;uses_ccss;grp/programs;partners;partners/police;partners/other;"
    "partners_other;csd_code;meta/instanceID;_submission_time\n"
    f"x;y;yes;3;police other;1;1;Library;3500001;uuid:{KEY};2026-01-01\n"
    "x;y;yes;lots;;0;0;;;uuid:" + str(uuid.uuid4()) + ";2026-01-01\n"
    "x;y;maybe;;;0;0;;;uuid:" + str(uuid.uuid4()) + ";2026-01-01\n"
    "x;y;no;;;0;0;;9999999;uuid:" + str(uuid.uuid4()) + ";2026-01-01\n"
)


def test_kobo_csv_with_skip_report(cast):
    campaign = campaign_for(cast)
    report = import_csv(campaign, KOBO.encode())
    assert report.imported == 1
    reasons = dict(report.skipped)
    assert reasons[3] == "programs: Enter a whole number."
    assert reasons[4] == "uses_ccss: Choose one of the options."
    assert reasons[5] == "no municipality has the code 9999999"
    assert report.ignored_columns == ["start", "end"]
    sub = Submission.objects.get()
    assert sub.client_uuid == KEY and sub.invitation.municipality == cast.city_a
    assert sub.answers == {
        "uses_ccss": "yes",
        "programs": 3,
        "partners": ["police", "other"],
        "partners_other": "Library",
    }
    again = import_csv(campaign, KOBO.encode())
    assert again.imported == 0 and dict(again.skipped)[2] == "already imported"
    assert Submission.objects.count() == 1


def test_odk_central_headers_and_no_instance_id(cast):
    campaign = campaign_for(cast)
    content = b"SubmissionDate,g-uses_ccss,g-comment\n2026-01-01,no,<script>x</script>\n"
    assert import_csv(campaign, content).imported == 1
    assert import_csv(campaign, content).imported == 0  # same row, same derived id
    assert (
        Submission.objects.get().answers["comment"] == "<script>x</script>"
    )  # stored, escaped when shown


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"a,b\n1,2\n", "No column matches"),
        (b"uses_ccss\n\x00", "not a text CSV"),
    ],
)
def test_files_refused_whole(cast, content, problem):
    report = import_csv(campaign_for(cast), content)
    assert problem in report.problem and not Submission.objects.exists()


def test_command_prints_the_report(cast, tmp_path, capsys):
    campaign = campaign_for(cast)
    path = tmp_path / "kobo.csv"
    path.write_text(KOBO)
    call_command("import_answers", str(campaign.pk), str(path))
    out = capsys.readouterr().out
    assert "1 answer(s) imported, 3 row(s) skipped." in out and "Line 3: programs" in out
