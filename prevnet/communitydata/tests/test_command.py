"""manage.py import_statcan, and fetching from Statistics Canada (the network is mocked)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from prevnet.communitydata import fetch
from prevnet.communitydata.models import ImportRun, Observation, Table
from prevnet.communitydata.reader import StatcanFileError
from prevnet.communitydata.tests import statcan_files as sf

pytestmark = pytest.mark.django_db


def test_command_imports_with_a_progress_bar(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_statcan", sf.make_zip(tmp_path / "t.zip"), stdout=out, stderr=err)
    assert "198 rows; 198 new, 0 revised, 0 unchanged" in out.getvalue()
    assert "100%" in err.getvalue() and "[" in err.getvalue()
    call_command("import_statcan", sf.make_zip(tmp_path / "t.zip"), stdout=out, stderr=err)
    assert "198 rows; 0 new, 0 revised, 198 unchanged" in out.getvalue()
    assert ImportRun.objects.filter(status="done").count() == 2


def test_command_reports_a_bad_file(tmp_path):
    header = [*sf.HEADER]
    header[-1] = "DEC"
    path = sf.make_zip(tmp_path / "t.zip", data=sf.data_csv(header=header))
    with pytest.raises(CommandError, match="line 1: Unexpected header"):
        call_command("import_statcan", path, "--no-progress", stdout=io.StringIO())
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_statcan", str(tmp_path / "missing.zip"), stdout=io.StringIO())
    with pytest.raises(CommandError, match="either"):
        call_command("import_statcan", stdout=io.StringIO())
    assert not Table.objects.exists()


class _Response(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_fetch_downloads_then_imports(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    zipped = Path(sf.make_zip(tmp_path / "source.zip")).read_bytes()
    answers = {
        fetch.WDS.format(pid="35100177"): json.dumps(
            {
                "status": "SUCCESS",
                "object": "https://www150.statcan.gc.ca/n1/tbl/csv/35100177-eng.zip",
            }
        ).encode(),
        "https://www150.statcan.gc.ca/n1/tbl/csv/35100177-eng.zip": zipped,
    }
    with mock.patch(
        "urllib.request.urlopen", side_effect=lambda url, timeout: _Response(answers[url])
    ):
        call_command(
            "import_statcan", "--fetch", "35-10-0177-01", "--no-progress", stdout=io.StringIO()
        )
    assert Observation.objects.count() == 198


def test_fetch_refuses_odd_answers_and_ids(tmp_path):
    with pytest.raises(StatcanFileError, match="8 digits"):
        fetch.normalise_pid("<script>")
    odd = json.dumps({"status": "SUCCESS", "object": "https://evil.example/x.zip"}).encode()
    with (
        mock.patch("urllib.request.urlopen", return_value=_Response(odd)),
        pytest.raises(StatcanFileError, match="no table"),
    ):
        fetch.fetch_table("35100177", tmp_path)
    with (
        mock.patch("urllib.request.urlopen", side_effect=OSError("offline")),
        pytest.raises(StatcanFileError, match="offline"),
    ):
        fetch.fetch_table("35100177", tmp_path)


def test_staff_fetch_button_runs_in_the_background(cast, tmp_path, settings):
    from django.urls import reverse

    settings.MEDIA_ROOT = tmp_path
    zipped = Path(sf.make_zip(tmp_path / "source.zip")).read_bytes()
    where = "https://www150.statcan.gc.ca/n1/tbl/csv/35100177-eng.zip"
    answers = {
        fetch.WDS.format(pid="35100177"): json.dumps(
            {"status": "SUCCESS", "object": where}
        ).encode(),
        where: zipped,
    }
    with mock.patch(
        "urllib.request.urlopen", side_effect=lambda url, timeout: _Response(answers[url])
    ):
        cast.client("staff").post(reverse("communitydata:import_list"), {"pid": "35-10-0177"})
    run = ImportRun.objects.get()
    assert run.status == "done" and run.created == 198
    with mock.patch("urllib.request.urlopen", side_effect=OSError("offline")):
        cast.client("staff").post(reverse("communitydata:import_list"), {"pid": "35100177"})
    failed = ImportRun.objects.get(status="failed")
    assert "offline" in failed.problems[0][2]
