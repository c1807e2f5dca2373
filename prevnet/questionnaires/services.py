"""The questionnaires' logic: campaigns, invitations and answers. No request objects.

Versions live in ``versions.py`` and are re-exported here, so other capabilities import one
module.

Public functions other capabilities call (see docs/questionnaires.md):
``latest_version``, ``open_campaign``, ``invite``, ``campaigns_about``, ``record_answers``;
in ``invitations``, ``send``; in ``results``, ``response_rate``, ``summarize``, ``compare``.
"""

from __future__ import annotations

import uuid
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from prevnet.questionnaires import schema
from prevnet.questionnaires.models import (
    Campaign,
    Correction,
    Invitation,
    QuestionnaireVersion,
    Submission,
    SubmissionStatus,
    Unit,
)
from prevnet.questionnaires.versions import (  # re-exported: the public functions live here
    FormProblems,
    form_of,
    latest_version,
    load_builtin,
    new_draft,
    publish_version,
    save_form,
)


class AnswerError(Exception):
    """Answers that cannot be recorded; ``errors`` maps question names to messages."""

    def __init__(self, message: str, errors: dict | None = None, status: int = 400):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}
        self.status = status


# --- campaigns and invitations ------------------------------------------------------------------


@transaction.atomic
def open_campaign(
    version: QuestionnaireVersion,
    purpose: str,
    *,
    opens_on: date,
    closes_on: date,
    people=(),
    municipalities=(),
    subject=None,
    name: str = "",
    unit: str | None = None,
) -> Campaign:
    """A campaign of a published ``version`` with an invitation for each person/municipality.

    ``unit`` defaults to one answer per person when people are given, else per municipality.
    ``subject`` is any model instance the campaign is about (an activity), or None.
    """
    if not version.is_published:
        raise ValueError("Only a published version can be sent.")
    if closes_on < opens_on:
        raise ValueError("The campaign closes before it opens.")
    unit = unit or (Unit.PERSON if people else Unit.MUNICIPALITY)
    campaign = Campaign.objects.create(
        version=version,
        name=name or f"{version.title_en} ({purpose}, {opens_on:%Y-%m-%d})",
        purpose=purpose,
        unit=unit,
        opens_on=opens_on,
        closes_on=closes_on,
        subject_type=ContentType.objects.get_for_model(subject) if subject else None,
        subject_id=subject.pk if subject else None,
    )
    invite(campaign, people=people, municipalities=municipalities)
    return campaign


def invite(campaign: Campaign, *, people=(), municipalities=()) -> list[Invitation]:
    """Invitations for those not yet invited to ``campaign`` (idempotent)."""
    existing = set(campaign.invitations.values_list("person_id", "municipality_id"))
    new = []
    if campaign.unit == Unit.PERSON:
        for person in people:
            if (person.pk, None) not in existing:
                new.append(Invitation(campaign=campaign, person=person))
    else:
        for municipality in municipalities:
            if (None, municipality.pk) not in existing:
                new.append(Invitation(campaign=campaign, municipality=municipality))
        for person in people:  # a contact answers for their municipality
            if person.municipality_id and (person.pk, person.municipality_id) not in existing:
                new.append(
                    Invitation(
                        campaign=campaign, person=person, municipality_id=person.municipality_id
                    )
                )
    return Invitation.objects.bulk_create(new)


def campaigns_about(subject) -> QuerySet[Campaign]:
    """The campaigns whose subject is ``subject`` (e.g. an activity)."""
    return Campaign.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    )


def invitations_for(user) -> QuerySet[Invitation]:
    """The invitations a signed-in user answers: their own, and their municipalities'."""
    if not user.is_authenticated:
        return Invitation.objects.none()
    coordinated = user.coordinated_municipalities.values("pk")
    return (
        Invitation.objects.filter(
            Q(person__user=user) | Q(campaign__unit=Unit.MUNICIPALITY, municipality__in=coordinated)
        )
        .select_related("campaign__version__questionnaire", "municipality", "submission")
        .order_by("-campaign__opens_on")
    )


def may_answer(user, invitation: Invitation) -> bool:
    return invitations_for(user).filter(pk=invitation.pk).exists()


# --- answers ----------------------------------------------------------------------------------


def _municipality_id(invitation: Invitation | None) -> int | None:
    if invitation is None:
        return None
    if invitation.municipality_id:
        return invitation.municipality_id
    return invitation.person.municipality_id if invitation.person_id else None


def record_answers(
    invitation: Invitation,
    answers: dict,
    *,
    client_uuid: uuid.UUID | str | None = None,
    final: bool,
    user=None,
    source: str = "web",
    today: date | None = None,
) -> Submission:
    """Save a draft (``final`` False) or submit the invitation's answers.

    The server decides: hidden questions lose their answers, types, choices and constraints are
    checked, and required questions when submitting. Sending the same ``client_uuid`` again
    never makes a second submission. Raises AnswerError, with nothing stored, when the campaign
    is closed, the answers are invalid, or the invitation has already been answered.
    """
    campaign = invitation.campaign
    if not campaign.is_open(today):
        raise AnswerError(
            _("This questionnaire is closed: answers are no longer accepted."), status=409
        )
    try:
        client_uuid = uuid.UUID(str(client_uuid)) if client_uuid else uuid.uuid4()
    except ValueError:
        raise AnswerError(_("The client identifier is not a UUID.")) from None
    form = form_of(campaign.version)
    clean, errors = schema.read_answers(form, answers, final=final)
    same = Submission.objects.filter(client_uuid=client_uuid).first()
    if (
        same is not None
        and same.invitation_id == invitation.pk
        and same.status == SubmissionStatus.SUBMITTED
    ):
        return same  # a resend of what was already stored
    if errors:
        raise AnswerError(_("Some answers need correcting."), errors)
    try:
        with transaction.atomic():
            return _store(invitation, clean, client_uuid, final, user, source, form)
    except IntegrityError:
        # Another request stored the same UUID or the same invitation a moment ago.
        same = Submission.objects.filter(client_uuid=client_uuid, invitation=invitation).first()
        if same is not None:
            return same
        raise AnswerError(_("This invitation has already been answered."), status=409) from None


def _store(invitation, clean, client_uuid, final, user, source, form) -> Submission:
    now = timezone.now()
    existing = Submission.objects.select_for_update().filter(invitation=invitation).first()
    if existing is not None:
        if existing.client_uuid == client_uuid and existing.status == SubmissionStatus.SUBMITTED:
            return existing
        if existing.status == SubmissionStatus.SUBMITTED:
            raise AnswerError(_("This invitation has already been answered."), status=409)
        if Submission.objects.filter(client_uuid=client_uuid).exclude(pk=existing.pk).exists():
            raise AnswerError(
                _("This client identifier belongs to another submission."), status=409
            )
        existing.client_uuid = client_uuid
        existing.answers = clean
        existing.updated_at = now
        existing.version = invitation.campaign.version
        if final:
            existing.status = SubmissionStatus.SUBMITTED
            existing.submitted_at = now
            existing.submitted_by = user if user and user.is_authenticated else None
        existing.save()
        return existing
    if Submission.objects.filter(client_uuid=client_uuid).exists():
        raise AnswerError(_("This client identifier belongs to another submission."), status=409)
    submission = Submission.objects.create(
        campaign=invitation.campaign,
        version=invitation.campaign.version,
        invitation=invitation,
        municipality_id=_municipality_id(invitation),
        client_uuid=client_uuid,
        answers=clean,
        status=SubmissionStatus.SUBMITTED if final else SubmissionStatus.DRAFT,
        submitted_at=now if final else None,
        submitted_by=user if final and user and user.is_authenticated else None,
        source=source,
    )
    submission.created_now = True  # for the API's 201; a resend or an update answers 200
    return submission


@transaction.atomic
def correct_submission(submission: Submission, answers: dict, *, user, reason: str) -> Correction:
    """Staff correct submitted answers; the correction keeps what they were."""
    if not reason.strip():
        raise AnswerError(_("Say why the answers are corrected."))
    form = form_of(submission.version)
    clean, errors = schema.read_answers(form, answers, final=True)
    if errors:
        raise AnswerError(_("Some answers need correcting."), errors)
    correction = Correction.objects.create(
        submission=submission,
        corrected_by=user,
        before=submission.answers,
        after=clean,
        reason=reason.strip()[:500],
    )
    submission.answers = clean
    submission.updated_at = timezone.now()
    submission.save(update_fields=["answers", "updated_at"])
    return correction


__all__ = [
    "AnswerError",
    "FormProblems",
    "campaigns_about",
    "correct_submission",
    "form_of",
    "invitations_for",
    "invite",
    "latest_version",
    "load_builtin",
    "may_answer",
    "new_draft",
    "open_campaign",
    "publish_version",
    "record_answers",
    "save_form",
]
