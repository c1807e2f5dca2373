"""Questionnaire pages. Thin: check access, read a form, call a service, render."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prevnet.core import access
from prevnet.core.exports import FORMATS, export_response
from prevnet.questionnaires import answering, invitations, results, services, xlsform
from prevnet.questionnaires.forms import CompareForm, ResultFilterForm, answers_from_post
from prevnet.questionnaires.models import (
    Campaign,
    Invitation,
    Questionnaire,
    QuestionnaireVersion,
    Submission,
    SubmissionStatus,
)


def index(request):
    access.require(request, "questionnaires.view_results")
    questionnaires = Questionnaire.objects.prefetch_related("versions__campaigns")
    return render(request, "questionnaires/index.html", {"questionnaires": questionnaires})


def mine(request):
    access.require(request, "questionnaires.view_own_invitations")
    invites = services.invitations_for(request.user)
    return render(request, "questionnaires/mine.html", {"invitations": invites})


def version_detail(request, pk: int):
    access.require(request, "questionnaires.view_questionnaire")
    version = get_object_or_404(QuestionnaireVersion.objects.select_related("questionnaire"), pk=pk)
    form = services.form_of(version)
    context = {
        "version": version,
        "fields": answering.build(form, {}, {}),
        "preview": True,
        "can_manage": access.can(request.user, "questionnaires.manage_campaign"),
    }
    return render(request, "questionnaires/version_detail.html", context)


def version_xlsform(request, pk: int):
    access.require(request, "questionnaires.view_questionnaire")
    version = get_object_or_404(QuestionnaireVersion.objects.select_related("questionnaire"), pk=pk)
    response = HttpResponse(
        xlsform.write(services.form_of(version)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    filename = f"{version.questionnaire.slug}-{version.version}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _filters(request):
    form = ResultFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    return form, data.get("region"), data.get("province")


def campaign_detail(request, pk: int):
    access.require(request, "questionnaires.view_results")
    campaign = get_object_or_404(Campaign.objects.select_related("version__questionnaire"), pk=pk)
    form, region, province = _filters(request)
    context = {
        "campaign": campaign,
        "form": form,
        "rate": results.response_rate(campaign, region, province),
        "summaries": results.summarize(campaign, region, province),
        "others": Campaign.objects.filter(version__questionnaire=campaign.version.questionnaire)
        .exclude(pk=campaign.pk)
        .order_by("opens_on"),
        "query": request.GET.urlencode(),
        "submissions": results.submitted(campaign, region, province).select_related(
            "municipality__province"
        ),
    }
    return render(request, "questionnaires/campaign_detail.html", context)


def campaign_compare(request):
    access.require(request, "questionnaires.view_results")
    form = CompareForm(request.GET or None)
    pairs = None
    if form.is_valid():
        data = form.cleaned_data
        pairs = results.compare(data["a"], data["b"], data.get("region"), data.get("province"))
    return render(request, "questionnaires/compare.html", {"form": form, "pairs": pairs})


def campaign_export(request, pk: int):
    access.require(request, "questionnaires.view_results")
    campaign = get_object_or_404(Campaign, pk=pk)
    fmt = request.GET.get("format", "csv")
    if fmt not in FORMATS:
        raise Http404
    _form, region, province = _filters(request)
    headers, rows = results.export_table(
        results.submitted(campaign, region, province), labels=request.GET.get("headers") == "labels"
    )
    return export_response(fmt, f"campaign-{campaign.pk}", headers, rows)


def questionnaire_export(request, slug: str):
    """Every submitted answer to any version of a questionnaire, one column per question."""
    access.require(request, "questionnaires.view_results")
    questionnaire = get_object_or_404(Questionnaire, slug=slug)
    fmt = request.GET.get("format", "csv")
    if fmt not in FORMATS:
        raise Http404
    submissions = Submission.objects.filter(
        version__questionnaire=questionnaire, status=SubmissionStatus.SUBMITTED
    )
    headers, rows = results.export_table(submissions, labels=request.GET.get("headers") == "labels")
    return export_response(fmt, questionnaire.slug, headers, rows)


@require_POST
def campaign_send(request, pk: int):
    access.require(request, "questionnaires.manage_campaign")
    campaign = get_object_or_404(Campaign, pk=pk)
    reminder = request.POST.get("what") == "remind"
    sent, without_email = invitations.send(
        campaign, request.build_absolute_uri("/"), reminder=reminder
    )
    messages.success(
        request,
        _("%(sent)s e-mail(s) queued; %(missing)s invitation(s) with nobody to e-mail.")
        % {"sent": sent, "missing": without_email},
    )
    return redirect(campaign.get_absolute_url())


def answer(request, token: str):
    """The personal link: the token is the permission, no login needed."""
    invitation = Invitation.objects.filter(token=token[:64]).first()
    if invitation is None:
        return render(request, "questionnaires/not_invited.html", status=404)
    return _answer_page(request, invitation)


def answer_invitation(request, pk: int):
    invitation = get_object_or_404(Invitation, pk=pk)
    access.require(request, "questionnaires.answer_invitation", invitation)
    return _answer_page(request, invitation)


def _answer_page(request, invitation: Invitation):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    campaign = invitation.campaign
    form = services.form_of(campaign.version)
    submission = getattr(invitation, "submission", None)
    context = {"invitation": invitation, "campaign": campaign, "version": campaign.version}
    if submission is not None and submission.status == SubmissionStatus.SUBMITTED:
        return render(request, "questionnaires/answered.html", context)
    if not campaign.is_open():
        return render(request, "questionnaires/closed.html", context, status=409)
    answers, errors = (submission.answers if submission else {}), {}
    client_uuid = submission.client_uuid if submission else uuid.uuid4()
    if request.method == "POST":
        raw = answers_from_post(form, request.POST)
        action = request.POST.get("action", "draft")
        try:
            services.record_answers(
                invitation,
                raw,
                client_uuid=request.POST.get("client_uuid") or client_uuid,
                final=action == "submit",
                user=request.user,
            )
        except services.AnswerError as exc:
            answers, errors = raw, exc.errors
            messages.error(request, exc.message)
            if exc.status == 409:
                return redirect(request.path)
        else:
            if action == "submit":
                messages.success(request, _("Thank you: your answers are submitted."))
            else:
                messages.success(request, _("Draft saved. You can come back to it later."))
            return redirect(request.path + ("#" + action.split(":", 1)[1] if ":" in action else ""))
    fields = answering.build(form, answers, errors)
    context |= {
        "fields": fields,
        "errors": answering.error_list(fields),
        "client_uuid": client_uuid,
        "names": sorted(form.names),
    }
    return render(request, "questionnaires/answer.html", context, status=400 if errors else 200)
