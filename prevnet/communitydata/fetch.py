"""Fetch a full table from Statistics Canada's Web Data Service (WDS) when the machine is online.

``getFullTableDownloadCSV/<pid>/en`` answers JSON whose ``object`` is the zip's address; the zip
is then streamed to disk in chunks (it can be hundreds of megabytes).
"""

from __future__ import annotations

import json
import re
import shutil
import urllib.request
from pathlib import Path

from django.utils.translation import gettext as _

from prevnet.communitydata.reader import StatcanFileError

WDS = "https://www150.statcan.gc.ca/t1/wds/rest/getFullTableDownloadCSV/{pid}/en"
ALLOWED_HOST = re.compile(r"^https://www150\.statcan\.gc\.ca/")
TIMEOUT = 60


def normalise_pid(text: str) -> str:
    """'35-10-0177-01', '3510017701' or '35100177' → '35100177'."""
    digits = re.sub(r"\D", "", text or "")
    if len(digits) not in (8, 10):
        raise StatcanFileError(
            _("A table id has 8 digits, like 35-10-0177 (found %(text)s).") % {"text": text[:20]}
        )
    return digits[:8]


def fetch_table(pid: str, folder: Path) -> Path:
    """Download the table's zip into ``folder``; returns its path."""
    pid = normalise_pid(pid)
    try:
        with urllib.request.urlopen(WDS.format(pid=pid), timeout=TIMEOUT) as response:  # noqa: S310
            answer = json.load(response)
        url = answer.get("object") if answer.get("status") == "SUCCESS" else None
        if not url or not ALLOWED_HOST.match(url):
            raise StatcanFileError(
                _("Statistics Canada has no table %(pid)s (answer: %(answer)s).")
                % {"pid": pid, "answer": str(answer)[:200]}
            )
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{pid}-eng.zip"
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response, open(path, "wb") as out:  # noqa: S310
            shutil.copyfileobj(response, out, 1 << 20)
        return path
    except (OSError, ValueError) as exc:  # URLError is an OSError; bad JSON a ValueError
        raise StatcanFileError(
            _("Could not download table %(pid)s from Statistics Canada: %(error)s")
            % {"pid": pid, "error": exc}
        ) from exc
