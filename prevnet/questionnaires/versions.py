"""Questionnaire versions: read as forms, saved from forms (checked first), published, copied.

A published version is frozen; its form is cached in memory once read.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prevnet.questionnaires import schema
from prevnet.questionnaires.checks import Problem, check_form
from prevnet.questionnaires.models import (
    Choice,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    VersionStatus,
)


class FormProblems(Exception):
    """A form that cannot be saved; ``problems`` lists each with its sheet, row and column."""

    def __init__(self, problems: list):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


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
    problems = check_form(form)
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
                Problem(
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
