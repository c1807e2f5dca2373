"""Invitations and reminders by e-mail, each in the reader's language, sent by the task worker.

A person's invitation goes to the person. A municipality's invitation without a contact person
goes to the municipality's coordinators (their accounts' e-mail addresses).
"""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from prevnet.core.models import User
from prevnet.core.tasks import send_email
from prevnet.questionnaires.models import Campaign, Invitation, SubmissionStatus


def recipients(invitation: Invitation) -> list[tuple[str, str, str]]:
    """(first name, e-mail, language) of whoever receives this invitation."""
    if invitation.person_id:
        person = invitation.person
        return [(person.first_name, person.email, person.language)] if person.email else []
    if invitation.municipality_id:
        return [
            (user.first_name or user.username, user.email, user.language)
            for user in invitation.municipality.coordinators.all()
            if user.email and user.is_active
        ]
    return []


def _message(campaign: Campaign, name: str, language: str, link: str, reminder: bool):
    with override(language):
        version = campaign.version
        title = version.title_fr if language == "fr" else version.title_en
        subject = (_("Reminder: %(title)s") if reminder else _("Questionnaire: %(title)s")) % {
            "title": title
        }
        body = _(
            "Hello %(name)s,\n\nThe National Municipal Network on Crime Prevention asks "
            "you to answer “%(title)s” by %(closes)s. Your personal link (no login needed):"
            "\n\n%(link)s\n\nYou can save a draft and come back to it later. Thank you."
        ) % {"name": name, "title": title, "closes": campaign.closes_on.isoformat(), "link": link}
        return subject, body


def send(campaign: Campaign, site_url: str, *, reminder: bool = False) -> tuple[int, int]:
    """E-mail the personal link for every invitation not yet answered.

    First invitations go to those never sent one; reminders to those sent one who have still
    not submitted. Returns (e-mails queued, invitations nobody could be e-mailed for).
    """
    pending = (
        campaign.invitations.exclude(submission__status=SubmissionStatus.SUBMITTED)
        .filter(Q(sent_at__isnull=True) if not reminder else Q(sent_at__isnull=False))
        .select_related("person", "municipality")
        .prefetch_related(
            Prefetch("municipality__coordinators", queryset=User.objects.order_by("pk"))
        )
    )
    now, sent, nobody = timezone.now(), 0, 0
    base = site_url.rstrip("/")
    for invitation in pending:
        people = recipients(invitation)
        if not people:
            nobody += 1
            continue
        for name, email, language in people:
            with override(language):
                link = base + reverse("questionnaires:answer", args=[invitation.token])
            subject, body = _message(campaign, name, language, link, reminder)
            send_email.enqueue(subject=subject, body=body, to=[email])
            sent += 1
        field = "reminded_at" if reminder else "sent_at"
        setattr(invitation, field, now)
        invitation.save(update_fields=[field])
    return sent, nobody
