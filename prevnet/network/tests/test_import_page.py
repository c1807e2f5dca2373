"""The import page: upload, background task, progress and outcome, for staff only."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from prevnet.network.models import ImportJob, Municipality

URL = reverse("network:import_create")
HEADER = b"name,province,csd_code,population\n"


def upload(client, content: bytes, name="list.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, content)}, follow=True)


def test_good_file_is_imported_by_the_task(cast):
    response = upload(cast.client("staff"), HEADER + b"Kingston,ON,3510010,132485\n")
    job = ImportJob.objects.get()
    assert (job.status, job.created, job.rows_read) == ("done", 1, 1)
    assert job.created_by == cast.users["staff"]
    assert "Imported" in response.content.decode()
    record = Municipality.objects.get(csd_code="3510010").history.get()
    assert record.history_user == cast.users["staff"]


def test_bad_file_lists_problems_and_imports_nothing(cast):
    response = upload(cast.client("staff"), HEADER + b"Kingston,ZZ,3510010,many\n")
    job = ImportJob.objects.get()
    assert job.status == "failed"
    assert [p[:2] for p in job.problems] == [[2, "population"], [2, "province"]]
    html = response.content.decode()
    assert "2 problems; nothing was imported" in html
    assert not Municipality.objects.filter(csd_code="3510010").exists()


def test_progress_is_readable_as_json(cast):
    upload(cast.client("staff"), HEADER + b"Kingston,ON,3510010,1\n")
    job = ImportJob.objects.get()
    data = cast.client("staff").get(job.get_absolute_url(), {"format": "json"}).json()
    assert data == {"status": "done", "label": "Imported", "rows": 1, "finished": True}


def test_wrong_kind_of_file_is_refused_before_queueing(cast):
    response = upload(cast.client("staff"), b"%PDF-1.4", name="list.pdf")
    assert "Choose a .csv or .xlsx file." in response.content.decode()
    assert not ImportJob.objects.exists()


def test_oversized_upload_refused(cast, settings):
    settings.PREVNET_MAX_IMPORT_BYTES = 10
    response = upload(cast.client("staff"), HEADER + b"Kingston,ON,3510010,1\n")
    assert "largest accepted" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_only_staff_may_import(cast):
    assert upload(cast.client("coordinator_a"), HEADER).status_code == 403
    assert not ImportJob.objects.exists()
