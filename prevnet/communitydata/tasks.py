"""Background work of community data (run by `manage.py db_worker`)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from prevnet.communitydata.fetch import fetch_table
from prevnet.communitydata.importer import run_import
from prevnet.communitydata.models import ImportRun, RunStatus
from prevnet.communitydata.reader import StatcanFileError


@task()
def run_import_task(run_id: str) -> str:
    """Import an uploaded (or fetched) Statistics Canada file and record the outcome."""
    run = ImportRun.objects.get(pk=run_id)
    if not run.file:
        try:
            path = fetch_table(
                run.original_name.removeprefix("fetch:"), Path(settings.MEDIA_ROOT) / "statcan"
            )
        except StatcanFileError as exc:
            run.status, run.problems, run.finished_at = (
                RunStatus.FAILED,
                [[0, "", exc.message]],
                timezone.now(),
            )
            run.save()
            return run.status
        return run_import(run, path).status
    # Through the storage API, so uploads may live on object storage in production.
    suffix = Path(run.original_name).suffix.lower()[:5]
    with tempfile.NamedTemporaryFile(suffix=suffix) as local, run.file.open("rb") as upload:
        shutil.copyfileobj(upload, local, 1 << 20)
        local.flush()
        return run_import(run, local.name).status
