"""After each activity, the activity-impact questionnaire goes to those who attended.

The questionnaire has one version per programme year (questions were added before years 2 and
3): the activity's year picks it. One campaign per activity, its subject the activity, so
sending twice never invites anyone twice; people marked present later are added and e-mailed.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from prevnet.activities.models import Activity
from prevnet.activities.services import impact_questionnaire_recipients
from prevnet.questionnaires import invitations, services
from prevnet.questionnaires.models import Campaign, Purpose, QuestionnaireVersion, VersionStatus

SLUG = "activity-impact"
ANSWER_DAYS = 30  # how long attendees have to answer


class ImpactError(Exception):
    """Why the questionnaire cannot be sent (shown to staff as is)."""


def version_for(activity: Activity) -> QuestionnaireVersion | None:
    """The activity-impact version of the activity's programme year, else the latest one."""
    published = QuestionnaireVersion.objects.filter(
        questionnaire__slug=SLUG, status=VersionStatus.PUBLISHED
    ).select_related("questionnaire")
    if activity.programme_year:
        own = published.filter(version=f"year{activity.programme_year}").first()
        if own:
            return own
    return services.latest_version(SLUG)


def campaign_of(activity: Activity) -> Campaign | None:
    return services.campaigns_about(activity).order_by("pk").first()


@transaction.atomic
def send_impact_questionnaire(
    activity: Activity, site_url: str, today: dt.date | None = None
) -> tuple[Campaign, int]:
    """Open (or reuse) the activity's campaign, invite the attendees, e-mail the new ones."""
    today = today or dt.date.today()
    if activity.starts_on > today:
        raise ImpactError(_("The activity has not taken place yet."))
    people = list(impact_questionnaire_recipients(activity))
    if not people:
        raise ImpactError(_("No one is marked as present: take attendance first."))
    campaign = campaign_of(activity)
    if campaign is None:
        version = version_for(activity)
        if version is None:
            raise ImpactError(
                _("The activity-impact questionnaire is not loaded: run load_questionnaires.")
            )
        campaign = services.open_campaign(
            version,
            Purpose.AFTER_ACTIVITY,
            opens_on=today,
            closes_on=today + dt.timedelta(days=ANSWER_DAYS),
            people=people,
            subject=activity,
            name=f"{version.questionnaire} – {activity.title}",
        )
    else:
        services.invite(campaign, people=people)
    queued, _nobody = invitations.send(campaign, site_url)
    return campaign, queued
