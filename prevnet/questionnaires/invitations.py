"""Invitations and reminders by e-mail, each in the person's language, sent by the task worker."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from prevnet.core.tasks import send_email
from prevnet.questionnaires.models import Campaign, SubmissionStatus


def send(campaign: Campaign, site_url: str, *, reminder: bool = False) -> tuple[int, int]:
    """E-mail the personal link to every invited person who has not answered.

    First invitations go to those never sent one; reminders to those sent one who have still
    not submitted. Returns (e-mails queued, invitations without an e-mail address).
    """
    pending = campaign.invitations.exclude(submission__status=SubmissionStatus.SUBMITTED)
    pending = pending.filter(sent_at__isnull=not reminder).select_related("person")
    pending = pending.filter(~Q(person__isnull=True) & ~Q(person__email=""))
    without = campaign.invitations.filter(Q(person__isnull=True) | Q(person__email="")).count()
    now, count = timezone.now(), 0
    base = site_url.rstrip("/")
    for invitation in pending:
        person = invitation.person
        with override(person.language):
            link = base + reverse("questionnaires:answer", args=[invitation.token])
            version = campaign.version
            title = version.title_fr if person.language == "fr" else version.title_en
            subject = (_("Reminder: %(title)s") if reminder else _("Questionnaire: %(title)s")) % {
                "title": title
            }
            body = _(
                "Hello %(name)s,\n\nThe National Municipal Network on Crime Prevention asks "
                "you to answer “%(title)s” by %(closes)s. Your personal link (no login needed):"
                "\n\n%(link)s\n\nYou can save a draft and come back to it later. Thank you."
            ) % {
                "name": person.first_name,
                "title": title,
                "closes": campaign.closes_on.isoformat(),
                "link": link,
            }
        send_email.enqueue(subject=subject, body=body, to=[person.email])
        if reminder:
            invitation.reminded_at = now
        else:
            invitation.sent_at = now
        invitation.save(update_fields=["reminded_at" if reminder else "sent_at"])
        count += 1
    return count, without
