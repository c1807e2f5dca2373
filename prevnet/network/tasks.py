"""Background work of the registry (run by `manage.py db_worker`)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from django.utils import timezone
from django_tasks import task

from prevnet.network.importing import import_municipalities
from prevnet.network.models import ImportJob, ImportStatus


@task()
def run_import(job_id: str) -> str:
    """Import an uploaded municipality list and record the outcome on its job."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)

    def progress(rows: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(rows_read=rows)

    # Through the storage API, so uploads may live on object storage in production.
    suffix = Path(job.original_name).suffix.lower()[:5]
    with tempfile.NamedTemporaryFile(suffix=suffix) as local, job.file.open("rb") as upload:
        shutil.copyfileobj(upload, local)
        local.flush()
        result = import_municipalities(local.name, user=job.created_by, progress=progress)
    job.status = ImportStatus.DONE if result.ok else ImportStatus.FAILED
    job.problems = [[e.line, e.column, e.message] for e in result.errors]
    job.created, job.updated, job.unchanged = result.created, result.updated, result.unchanged
    job.rows_read = result.rows
    job.finished_at = timezone.now()
    job.save()
    return job.status
