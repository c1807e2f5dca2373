"""Browser tests: Playwright for Python (sync API) driving Debian's Chromium, axe-core for WCAG.

- The browser is Debian's ``/usr/bin/chromium`` (``scripts/ensure-chromium.sh`` installs it);
  Playwright never downloads one. Without it the suite is skipped, except under ``CI=true``,
  where every browser test fails instead, so that CI cannot pass without them.
- Pages are served by pytest-django's ``live_server`` on a transactional test database.
- ``axe`` injects ``node_modules/axe-core/axe.min.js`` (``npm ci`` installs it) and fails the
  test on any serious or critical WCAG 2.0/2.1 A or AA violation.

Every test in this folder gets the ``e2e`` marker: ``pytest -m "not e2e"`` leaves them out.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Playwright must never look for, or download, a browser of its own: it launches
# CHROMIUM by path. An empty folder of its own makes that explicit (and harmless).
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
os.environ.setdefault(
    "PLAYWRIGHT_BROWSERS_PATH", str(Path(tempfile.gettempdir()) / "prevnet-no-playwright-browsers")
)

E2E_DIR = Path(__file__).resolve().parent
REPO = E2E_DIR.parent
# Debian's Chromium; PREVNET_CHROMIUM names another build of Chromium (never a downloaded one).
CHROMIUM = Path(os.environ.get("PREVNET_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium calls home at every start and this machine's closed network
    # refuses the connections (noise and delays, sometimes time-outs).
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("serious", "critical")
PASSWORD = "correct horse battery staple"
UNDER_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.hookimpl(tryfirst=True)  # before `-m "not e2e"` deselects by marker
def pytest_collection_modifyitems(config, items):
    skip = None
    if not CHROMIUM.exists() and not UNDER_CI:
        skip = pytest.mark.skip(
            reason=f"{CHROMIUM} is missing: run scripts/ensure-chromium.sh "
            "(or apt-get install chromium) to run the browser tests"
        )
    for item in items:
        if E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            if skip is not None:
                item.add_marker(skip)


# --- the browser -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        # Only reached under CI (elsewhere the tests were skipped at collection).
        pytest.fail(
            f"CI=true but {CHROMIUM} is missing: scripts/ensure-chromium.sh should have "
            "installed Debian's chromium (apt-get install chromium)",
            pytrace=False,
        )
    return CHROMIUM


@pytest.fixture(scope="module")
def browser(chromium_path):
    """Debian's Chromium, through Playwright's sync API, for one test module.

    While Playwright runs, its asyncio event loop is running in this thread, and Django refuses
    ORM calls from a thread with a running loop: DJANGO_ALLOW_ASYNC_UNSAFE lifts that, for as
    long as the browser is up and no longer. Module scope, so that both end before the tests
    pytest-django runs after the browser tests (a variable left set would leak, for instance,
    into `manage.py check --deploy` run by a test, which warns about it).
    """
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium_path),
                headless=True,
                args=CHROMIUM_ARGS,
                timeout=60_000,
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def e2e_db(live_server, transactional_db):
    """The database a browser test shares with the live server.

    Transactional, since the server answers from another thread. A transactional test ends by
    emptying every table, including the reference geography that a migration loads (regions,
    provinces), so it is loaded again here when missing. (pytest-django's serialized rollback
    would do it generically, but its copy lives on the connection object of the context that
    created the test database, and Playwright's greenlet sees a connection object of its own.)
    """
    from prevnet.network.models import Province, Region
    from prevnet.network.reference import load_reference

    if not Province.objects.exists():
        load_reference(Region, Province)


def _new_context(browser, live_server, *, bypass_csp: bool):
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-CA",
        accept_downloads=True,
        bypass_csp=bypass_csp,
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(15_000)
    return context


@pytest.fixture
def context(browser, live_server, e2e_db) -> Iterator:
    # bypass_csp: the site's Content-Security-Policy (script-src 'self') blocks the inline
    # <script> that page.add_script_tag() creates to inject axe-core. Bypassing it only in the
    # browser, for the tests that run axe, leaves the policy itself untouched; the `strict_page`
    # fixture keeps it enforced, and test_csp.py checks no page breaks it.
    context = _new_context(browser, live_server, bypass_csp=True)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    yield page
    page.close()


@dataclass
class ConsoleLog:
    messages: list = field(default_factory=list)

    def csp_violations(self) -> list[str]:
        return [m for m in self.messages if "Content Security Policy" in m]


@pytest.fixture
def strict_context(browser, live_server, e2e_db) -> Iterator:
    """A context that enforces the site's Content-Security-Policy, as a visitor's browser does."""
    context = _new_context(browser, live_server, bypass_csp=False)
    yield context
    context.close()


@pytest.fixture
def console_log() -> ConsoleLog:
    return ConsoleLog()


@pytest.fixture
def strict_page(strict_context, console_log):
    """A page under the real CSP; every console message and page error goes to ``console_log``."""
    page = strict_context.new_page()
    page.on("console", lambda msg: console_log.messages.append(f"[{msg.type}] {msg.text}"))
    page.on("pageerror", lambda exc: console_log.messages.append(f"[pageerror] {exc}"))
    yield page
    page.close()


# --- people ------------------------------------------------------------------------------------


@pytest.fixture
def live_cast(e2e_db, cast):
    """The test cast (root conftest.py), in the database the live server reads."""
    return cast


def log_in(page, username: str, password: str = PASSWORD, language: str = "en") -> None:
    """Log in through the real login form, as a person would, and land on the home page."""
    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("main").locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url, f"login as {username} failed: still on {page.url}"


@pytest.fixture
def login():
    return log_in


# --- accessibility -----------------------------------------------------------------------------


def _format_violations(label: str, violations: list[dict]) -> str:
    lines = [f"{label}: {len(violations)} serious/critical axe violation(s)"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v.get('helpUrl', '')})")
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node.get("target", []))
            lines.append(f"      at {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " | ")
            if summary:
                lines.append(f"         {summary}")
    return "\n".join(lines)


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is; return its serious and critical WCAG A/AA violations."""
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` (make install-dev)", pytrace=False)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async (tags) => await window.axe.run(document, {
               runOnly: {type: 'tag', values: tags},
               resultTypes: ['violations'],
           })""",
        WCAG_TAGS,
    )
    return [v for v in result["violations"] if v.get("impact") in BLOCKING_IMPACTS]


class Axe:
    """``axe(page)`` checks the page now and fails the test listing every serious or critical
    violation (rule id, help and the nodes' selectors). With ``collect=True`` it records them
    instead, so that a journey goes on through every page; ``axe.assert_clean()`` then fails
    with the violations of all the pages at once."""

    def __init__(self):
        self.found: list[str] = []
        self.checked: list[str] = []

    def __call__(self, page, label: str | None = None, *, collect: bool = False) -> None:
        label = label or page.url
        self.checked.append(label)
        violations = axe_violations(page)
        if violations:
            report = _format_violations(label, violations)
            if not collect:
                pytest.fail(report, pytrace=False)
            self.found.append(report)

    @staticmethod
    def violations(page) -> list[dict]:
        """The serious and critical violations on the page, without failing the test."""
        return axe_violations(page)

    def assert_clean(self) -> None:
        if self.found:
            found, self.found = self.found, []
            pytest.fail("\n\n".join(found), pytrace=False)


@pytest.fixture
def axe() -> Iterator[Axe]:
    checker = Axe()
    yield checker
    # A test that collected violations and never asserted still fails (as an error).
    checker.assert_clean()
