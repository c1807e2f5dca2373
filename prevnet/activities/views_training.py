"""Assessments and certificates: take, grade, download, verify."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from prevnet.activities import services
from prevnet.activities.certificates import certificate_pdf as render_pdf
from prevnet.activities.forms import GradeForm, QuizForm
from prevnet.activities.models import (
    Activity,
    ActivityType,
    AssessmentKind,
    Certificate,
    Registration,
)
from prevnet.core import access


def _training(pk: int):
    activity = get_object_or_404(Activity.objects.select_related("module"), pk=pk)
    if activity.type != ActivityType.TRAINING or activity.module is None:
        raise Http404
    assessment = services.assessment_for(activity.module)
    if assessment is None:
        raise Http404
    return activity, assessment


def _done(request, result, certificate):
    if certificate:
        messages.success(
            request, _("Passed with %(score)s%%: trained to standard.") % {"score": result.score}
        )
    else:
        messages.error(
            request,
            _("%(score)s%%, below the pass mark of %(mark)s%%: no certificate.")
            % {"score": result.score, "mark": result.assessment.pass_mark},
        )


def assessment_take(request, pk: int):
    """A participant registered for a training session answers its questions."""
    access.require(request, "activities.take_assessment")
    activity, assessment = _training(pk)
    person = getattr(request.user, "person", None)
    registered = (
        person is not None
        and Registration.objects.filter(activity=activity, person=person).exists()
    )
    if assessment.kind != AssessmentKind.QUIZ or not registered:
        context = {"activity": activity, "assessment": assessment, "registered": registered}
        return render(request, "activities/assessment_closed.html", context)
    form = QuizForm(request.POST or None, questions=assessment.questions.all())
    if request.method == "POST" and form.is_valid():
        result, certificate = services.record_result(
            assessment, person, activity=activity, answers=form.answers(), by=request.user
        )
        _done(request, result, certificate)
        return redirect(activity)
    context = {"activity": activity, "assessment": assessment, "form": form}
    return render(request, "activities/assessment_take.html", context)


def assessment_grade(request, pk: int, registration: int):
    """A trainer grades an assignment against the rubric (or enters a quiz's answers)."""
    activity, assessment = _training(pk)
    access.require(request, "activities.grade_assessment", activity)
    reg = get_object_or_404(
        Registration.objects.select_related("person"), pk=registration, activity=activity
    )
    if assessment.kind == AssessmentKind.QUIZ:
        form = QuizForm(request.POST or None, questions=assessment.questions.all())
    else:
        form = GradeForm(request.POST or None, rubric=assessment.rubric, language=get_language())
    if request.method == "POST" and form.is_valid():
        kwargs = (
            {"answers": form.answers()}
            if assessment.kind == AssessmentKind.QUIZ
            else {"points": form.points()}
        )
        result, certificate = services.record_result(
            assessment, reg.person, activity=activity, by=request.user, **kwargs
        )
        _done(request, result, certificate)
        return redirect("activities:attendance", activity.pk)
    context = {"activity": activity, "assessment": assessment, "form": form, "person": reg.person}
    return render(request, "activities/assessment_grade.html", context)


def certificate_pdf(request, code: str):
    certificate = get_object_or_404(
        Certificate.objects.select_related("person", "activity", "module"), code=code
    )
    access.require(request, "activities.view_certificate", certificate)
    pdf = render_pdf(certificate, request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.code}.pdf"'
    return response


def certificate_verify(request):
    access.require(request, "activities.verify_certificate")
    code = (request.GET.get("code") or "")[:40]
    certificate = services.verify(code) if code else None
    context = {"code": code, "certificate": certificate, "checked": bool(code)}
    return render(request, "activities/certificate_verify.html", context)
