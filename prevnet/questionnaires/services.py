"""The questionnaires' logic: versions, campaigns, invitations and answers. No request objects.

Public functions other capabilities call (see docs/questionnaires.md):
``latest_version``, ``open_campaign``, ``invite``, ``send_invitations``, ``record_answers``,
``campaigns_about`` and, in ``results``, ``summarize`` and ``response_rate``.
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
    Choice,
    Correction,
    Invitation,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Submission,
    SubmissionStatus,
    Unit,
    VersionStatus,
)


class AnswerError(Exception):
    """Answers that cannot be recorded; ``errors`` maps question names to messages."""

    def __init__(self, message: str, errors: dict | None = None, status: int = 400):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}
        self.status = status


class FormProblems(Exception):
    """A form that cannot be saved; ``problems`` lists each with its sheet, row and column."""

    def __init__(self, problems: list):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


# --- versions -----------------------------------------------------------------------------------


# Published versions never change, so their forms are kept in memory once read. The key holds
# the publication time too, so that a reused primary key (a test database) never matches.
_PUBLISHED_FORMS: dict[tuple, schema.Form] = {}


def form_of(version: QuestionnaireVersion) -> schema.Form:
    """The version's questions and choices as a ``schema.Form`` (two queries, then cached)."""
    cached = getattr(version, "_form", None)
    if cached is not None:
        return cached
    key = (version.pk, version.published_at) if version.is_published else None
    if key in _PUBLISHED_FORMS:
        version._form = _PUBLISHED_FORMS[key]
        return version._form
    nodes: dict[int, schema.Node] = {}
    top: list[schema.Node] = []
    for q in Question.objects.filter(version=version).order_by("order"):
        node = schema.Node(
            name=q.name,
            type=q.type,
            label={"en": q.label_en, "fr": q.label_fr},
            hint={"en": q.hint_en, "fr": q.hint_fr},
            required=q.required,
            relevance=q.relevance,
            constraint=q.constraint,
            constraint_message={"en": q.constraint_message_en, "fr": q.constraint_message_fr},
            list_name=q.list_name,
            appearance=q.appearance,
            parameters=q.parameters,
        )
        nodes[q.pk] = node
        (nodes[q.parent_id].children if q.parent_id else top).append(node)
    choices: dict[str, list[schema.Choice]] = {}
    for c in Choice.objects.filter(version=version).order_by("list_name", "order"):
        choices.setdefault(c.list_name, []).append(
            schema.Choice(c.name, {"en": c.label_en, "fr": c.label_fr})
        )
    form = schema.Form(
        form_id=version.questionnaire.slug,
        version=version.version,
        title={"en": version.title_en, "fr": version.title_fr},
        nodes=top,
        choices=choices,
    )
    version._form = form
    if key is not None:
        if len(_PUBLISHED_FORMS) > 200:
            _PUBLISHED_FORMS.clear()
        _PUBLISHED_FORMS[key] = form
    return form


@transaction.atomic
def save_form(form: schema.Form, *, publish: bool = False) -> QuestionnaireVersion:
    """A new version of the questionnaire ``form.form_id`` (created if new), checked first."""
    problems = schema.check_form(form)
    if problems:
        raise FormProblems(problems)
    questionnaire, _created = Questionnaire.objects.get_or_create(
        slug=form.form_id,
        defaults={"title_en": form.title.get("en", ""), "title_fr": form.title.get("fr", "")},
    )
    version_string = form.version or timezone.now().strftime("%Y%m%d%H%M%S")
    if questionnaire.versions.filter(version=version_string).exists():
        raise FormProblems(
            [
                schema.Problem(
                    "settings",
                    None,
                    "version",
                    _("Version “%(v)s” of this questionnaire exists already.")
                    % {"v": version_string},
                )
            ]
        )
    version = QuestionnaireVersion.objects.create(
        questionnaire=questionnaire,
        version=version_string,
        title_en=form.title.get("en", "") or form.title.get("fr", ""),
        title_fr=form.title.get("fr", "") or form.title.get("en", ""),
    )
    order = 0

    def add(nodes, parent):
        nonlocal order
        for node in nodes:
            order += 1
            question = Question.objects.create(
                version=version,
                parent=parent,
                order=order,
                name=node.name,
                type=node.type,
                label_en=node.label.get("en", ""),
                label_fr=node.label.get("fr", ""),
                hint_en=node.hint.get("en", ""),
                hint_fr=node.hint.get("fr", ""),
                required=node.required,
                relevance=node.relevance,
                constraint=node.constraint,
                constraint_message_en=node.constraint_message.get("en", ""),
                constraint_message_fr=node.constraint_message.get("fr", ""),
                list_name=node.list_name,
                appearance=node.appearance,
                parameters=node.parameters,
            )
            add(node.children, question)

    add(form.nodes, None)
    Choice.objects.bulk_create(
        Choice(
            version=version,
            list_name=list_name,
            order=i,
            name=c.name,
            label_en=c.label.get("en", ""),
            label_fr=c.label.get("fr", ""),
        )
        for list_name, items in form.choices.items()
        for i, c in enumerate(items)
    )
    if publish:
        publish_version(version)
    return version


def publish_version(version: QuestionnaireVersion) -> QuestionnaireVersion:
    """Freeze a draft: from now on answers may point at it and nothing in it changes."""
    if not version.is_published:
        version.status = VersionStatus.PUBLISHED
        version.published_at = timezone.now()
        version.save()
    return version


def new_draft(version: QuestionnaireVersion, version_string: str) -> QuestionnaireVersion:
    """A draft copy of ``version`` to edit: the way to change a published questionnaire."""
    form = form_of(version)
    copy = schema.Form(form.form_id, version_string, form.title, form.nodes, form.choices)
    return save_form(copy)


def latest_version(questionnaire_slug: str) -> QuestionnaireVersion | None:
    """The most recently published version of a questionnaire, or None."""
    return (
        QuestionnaireVersion.objects.filter(
            questionnaire__slug=questionnaire_slug, status=VersionStatus.PUBLISHED
        )
        .select_related("questionnaire")
        .order_by("-published_at", "-pk")
        .first()
    )


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


def load_builtin() -> list[QuestionnaireVersion]:
    """Publish the built-in questionnaires' versions that do not exist yet."""
    from prevnet.questionnaires import builtin

    created = []
    for form in builtin.all_forms():
        exists = QuestionnaireVersion.objects.filter(
            questionnaire__slug=form.form_id, version=form.version
        ).exists()
        if not exists:
            created.append(save_form(form, publish=True))
    return created
