"""The yearly report's questionnaire sections: the outcome questionnaire and the
activity-impact questionnaires of the programme year, with the suggestions received.

A report is a frozen snapshot read in both languages, so every label is stored in English and
French ({"en": ..., "fr": ...}) and picked when the report is rendered.
"""

from __future__ import annotations

from collections import defaultdict

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from prevnet.core import programme
from prevnet.evaluation.computations import NotAvailable
from prevnet.evaluation.reports import HEADERS, section
from prevnet.questionnaires import results
from prevnet.questionnaires.models import Campaign, Purpose, Submission, SubmissionStatus
from prevnet.questionnaires.services import form_of

OUTCOME = "outcome"
IMPACT = "activity-impact"
SUGGESTIONS = "suggestions"  # the activity-impact question whose texts the report lists

HEADERS.update(
    {
        "question": _("Question"),
        "answer": _("Answer"),
        "answers": _("Answers"),
        "percent": _("%"),
    }
)


def _both(fn):
    """What ``fn()`` gives in English and in French."""
    out = {}
    for language in ("en", "fr"):
        with translation.override(language):
            out[language] = fn()
    return out


def _rows(version, answers: list[dict]) -> list[list]:
    """Per question: one row per choice (count, %), one for numbers (mean, median)."""
    form = form_of(version)
    by_language = _both(lambda: results.summarize_answers(form, answers))
    rows = []
    for en, fr in zip(by_language["en"], by_language["fr"], strict=True):
        question = {"en": en.node.label["en"], "fr": en.node.label["fr"]}
        if en.kind == "choices":
            for (_code, label_en, count, pct), (_c, label_fr, _n, _p) in zip(
                en.rows, fr.rows, strict=True
            ):
                rows.append([question, {"en": label_en, "fr": label_fr}, count, pct])
        elif en.kind == "numbers" and en.numbers:
            numbers = en.numbers
            text = _both(lambda n=numbers: gettext("mean %(mean)s, median %(median)s") % n)
            rows.append([question, text, en.answered, ""])
        elif en.node.name == SUGGESTIONS:
            rows.extend([question, text, "", ""] for text in en.texts)
    return rows


def _answers_by_version(campaigns) -> dict:
    submissions = Submission.objects.filter(
        campaign__in=campaigns, status=SubmissionStatus.SUBMITTED
    ).select_related("version__questionnaire")
    grouped = defaultdict(list)
    versions = {}
    for submission in submissions.order_by("version_id", "pk"):
        versions[submission.version_id] = submission.version
        grouped[submission.version_id].append(submission.answers)
    return {versions[pk]: answers for pk, answers in grouped.items()}


def _summary(campaigns) -> dict:
    if not Campaign.objects.filter(pk__in=campaigns.values("pk")).exists():
        raise NotAvailable("questionnaires")
    rows = []
    for version, answers in _answers_by_version(campaigns).items():
        rows.extend(_rows(version, answers))
    return {"headers": ["question", "answer", "answers", "percent"], "rows": rows}


@section("outcome_questionnaire", _("Outcome questionnaire: summary"))
def outcome_questionnaire(year: int) -> dict:
    """The year's outcome campaign(s) (purpose "year N")."""
    campaigns = Campaign.objects.filter(version__questionnaire__slug=OUTCOME, purpose=f"year{year}")
    return _summary(campaigns)


@section("impact_questionnaires", _("Activity-impact questionnaires: summary and suggestions"))
def impact_questionnaires(year: int) -> dict:
    """Every activity-impact campaign opened during programme year ``year``."""
    begin, end = programme.year_bounds(year)
    campaigns = Campaign.objects.filter(
        version__questionnaire__slug=IMPACT,
        purpose=Purpose.AFTER_ACTIVITY,
        opens_on__gte=begin,
        opens_on__lte=end,
    )
    return _summary(campaigns)
