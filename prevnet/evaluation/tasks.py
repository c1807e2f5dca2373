"""Background work of process evaluation (run by `manage.py db_worker`)."""

from __future__ import annotations

import logging

from django_tasks import task

from prevnet.evaluation import reports
from prevnet.evaluation.models import Report, ReportStatus

log = logging.getLogger(__name__)


@task()
def generate_report(report_id: int) -> str:
    """Compute and render a progress report, recording progress on it for the page to poll."""
    report = Report.objects.get(pk=report_id)
    if report.is_published:
        return report.status
    Report.objects.filter(pk=report_id).update(status=ReportStatus.RUNNING, progress=5)

    def progress(percent: int) -> None:
        Report.objects.filter(pk=report_id).update(progress=percent)

    try:
        reports.build(report, progress)
    except Exception as exc:  # recorded on the report for staff to see, then re-raised
        log.exception("report %s failed", report_id)
        Report.objects.filter(pk=report_id).update(
            status=ReportStatus.FAILED, error=str(exc)[:2000]
        )
        raise
    return ReportStatus.READY
