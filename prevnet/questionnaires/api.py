"""The questionnaires part of the JSON API: questionnaires and versions, submissions.

A submission is posted with the invitation's personal token (no login needed, as the link in
the e-mail) or, signed in, with the invitation's id. The client's UUID makes a resend harmless:
the same UUID returns the submission already stored (200) instead of creating another (201).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from prevnet.api.routers.common import READ_ERRORS, WRITE_ERRORS, Pagination, require
from prevnet.core import access
from prevnet.questionnaires import services
from prevnet.questionnaires.models import (
    Invitation,
    Questionnaire,
    QuestionnaireVersion,
    Submission,
)

router = Router(tags=["questionnaires"])


class VersionBrief(Schema):
    id: int
    version: str
    status: str
    published_at: datetime | None


class QuestionnaireOut(Schema):
    slug: str
    title_en: str
    title_fr: str
    versions: list[VersionBrief]


class SubmissionIn(Schema):
    client_uuid: uuid.UUID
    answers: dict
    final: bool = Field(True, description="false saves a draft")
    token: str | None = Field(None, max_length=64, description="the invitation's personal token")
    invitation: int | None = Field(None, ge=1, description="the invitation's id, signed in")


class SubmissionOut(Schema):
    id: int
    client_uuid: uuid.UUID
    campaign: int = Field(..., alias="campaign_id")
    version: int = Field(..., alias="version_id")
    invitation: int | None = Field(None, alias="invitation_id")
    municipality: int | None = Field(None, alias="municipality_id")
    status: str
    answers: dict
    submitted_at: datetime | None


@router.get("/questionnaires", response={200: list[QuestionnaireOut], **READ_ERRORS})
def list_questionnaires(request):
    require(request, "questionnaires.view_questionnaire")
    qs = Questionnaire.objects.prefetch_related("versions")
    return [
        {
            "slug": q.slug,
            "title_en": q.title_en,
            "title_fr": q.title_fr,
            "versions": list(q.versions.all()),
        }
        for q in qs
    ]


@router.get("/versions/{int:pk}", response={200: dict, **READ_ERRORS})
def version_detail(request, pk: int):
    """The version as JSON: its questions (nested sections), choices, and translations."""
    require(request, "questionnaires.view_questionnaire")
    version = get_object_or_404(QuestionnaireVersion.objects.select_related("questionnaire"), pk=pk)
    return {"id": version.pk, "status": version.status, **services.form_of(version).as_dict()}


@router.post("/submissions", response={200: SubmissionOut, 201: SubmissionOut, **WRITE_ERRORS})
def post_submission(request, payload: SubmissionIn):
    if payload.token:
        invitation = (
            Invitation.objects.filter(token=payload.token).select_related("campaign").first()
        )
        if invitation is None:
            raise HttpError(403, "This token matches no invitation.")
    elif payload.invitation:
        require(request, "questionnaires.answer_invitation")
        invitation = (
            Invitation.objects.filter(pk=payload.invitation).select_related("campaign").first()
        )
        if invitation is None or not services.may_answer(request.user, invitation):
            raise HttpError(403, "You are not invited to answer this.")
    else:
        raise HttpError(422, "Send the invitation's token or its id.")
    try:
        submission = services.record_answers(
            invitation,
            payload.answers,
            client_uuid=payload.client_uuid,
            final=payload.final,
            user=request.user,
            source="api",
        )
    except services.AnswerError as exc:
        status = 422 if exc.status == 400 else exc.status
        detail = [{"loc": ["body", "answers", k], "msg": v} for k, v in exc.errors.items()]
        return Status(status, {"detail": detail or exc.message})
    return Status(201 if getattr(submission, "created_now", False) else 200, submission)


@router.get("/submissions", response={200: list[SubmissionOut], **READ_ERRORS})
@paginate(Pagination)
def list_submissions(request, campaign: int | None = None):
    """Staff see every submission; others the ones of their own invitations."""
    if access.role_of(request.user) == access.PUBLIC:
        raise HttpError(401, "Log in or send a token to do this.")
    qs = Submission.objects.order_by("pk")
    if not access.can(request.user, "questionnaires.view_results"):
        qs = qs.filter(invitation__in=services.invitations_for(request.user).values("pk"))
    if campaign is not None:
        qs = qs.filter(campaign_id=campaign)
    return qs
