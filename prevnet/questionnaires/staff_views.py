"""Network staff's pages: import an XLSForm, publish, open a campaign, import answers, correct.

Thin like views.py: access check, form, service, render.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prevnet.core import access
from prevnet.questionnaires import answering, services, xlsform
from prevnet.questionnaires.answers_import import import_csv
from prevnet.questionnaires.forms import (
    AnswersUploadForm,
    CampaignForm,
    CorrectionReasonForm,
    XLSFormUploadForm,
    answers_from_post,
)
from prevnet.questionnaires.models import Campaign, QuestionnaireVersion, Submission

MAX_UPLOAD = 10 * 1024 * 1024


def xlsform_import(request):
    access.require(request, "questionnaires.add_questionnaireversion")
    form = XLSFormUploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_UPLOAD:
                raise xlsform.XLSFormError(
                    [xlsform.Problem(_("file"), None, "", _("The file is larger than 5 MB."))]
                )
            version = services.save_form(xlsform.read(upload.read()))
        except (xlsform.XLSFormError, services.FormProblems) as exc:
            problems = exc.problems
        else:
            messages.success(request, _("Imported as a draft version: check it, then publish."))
            return redirect(version.get_absolute_url())
    context = {"form": form, "problems": problems}
    return render(
        request, "questionnaires/xlsform_import.html", context, status=400 if problems else 200
    )


@require_POST
def version_publish(request, pk: int):
    access.require(request, "questionnaires.change_questionnaireversion")
    version = get_object_or_404(QuestionnaireVersion, pk=pk)
    services.publish_version(version)
    messages.success(request, _("Published: this version can no longer change."))
    return redirect(version.get_absolute_url())


def campaign_create(request):
    access.require(request, "questionnaires.manage_campaign")
    form = CampaignForm(request.POST or None, initial={"version": request.GET.get("version")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        campaign = services.open_campaign(
            data["version"],
            data["purpose"],
            opens_on=data["opens_on"],
            closes_on=data["closes_on"],
            people=data["people"],
            municipalities=data["municipalities"],
            name=data["name"],
            unit=data["unit"],
        )
        messages.success(
            request,
            _("Campaign opened with %(n)s invitation(s).") % {"n": campaign.invitations.count()},
        )
        return redirect(campaign.get_absolute_url())
    return render(request, "questionnaires/campaign_form.html", {"form": form})


def campaign_import_answers(request, pk: int):
    access.require(request, "questionnaires.manage_campaign")
    campaign = get_object_or_404(Campaign.objects.select_related("version"), pk=pk)
    form = AnswersUploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read(MAX_UPLOAD + 1)
        report = import_csv(campaign, content)
    context = {"form": form, "campaign": campaign, "report": report}
    return render(request, "questionnaires/answers_import.html", context)


def submission_detail(request, pk: int):
    """Staff see one submission and correct it; every correction is kept with its reason."""
    access.require(request, "questionnaires.change_submission")
    submission = get_object_or_404(
        Submission.objects.select_related("campaign", "version", "municipality"), pk=pk
    )
    form_def = services.form_of(submission.version)
    reason = CorrectionReasonForm(request.POST or None)
    answers, errors = submission.answers, {}
    if request.method == "POST" and reason.is_valid():
        raw = answers_from_post(form_def, request.POST)
        try:
            services.correct_submission(
                submission, raw, user=request.user, reason=reason.cleaned_data["reason"]
            )
        except services.AnswerError as exc:
            answers, errors = raw, exc.errors
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Correction saved; the previous answers are kept."))
            return redirect(request.path)
    fields = answering.build(form_def, answers, errors)
    context = {
        "submission": submission,
        "fields": fields,
        "errors": answering.error_list(fields),
        "form": reason,
        "corrections": submission.corrections.select_related("corrected_by"),
    }
    return render(request, "questionnaires/submission_detail.html", context)
