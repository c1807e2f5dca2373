"""Activities of the programme: exchanges, workshops, trainings to standard, coaching, meetings.

A person's attendance is a Registration with ``attended``; the programme's counts ("sensitized",
"trained to standard") count distinct people, so the same person at three workshops is one.
Peer matching keeps its inputs here too: a municipality's learning profile and the weights
staff tune.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from prevnet.core.programme import year_of
from prevnet.knowledge.models import Topic
from prevnet.network.models import Municipality, Person, PositionType, Region


class ActivityType(models.TextChoices):
    EXCHANGE = "exchange", _("Coaching and mentoring exchange")
    WORKSHOP = "workshop", _("Regional workshop (sensitization)")
    TRAINING = "training", _("Specialised training session")
    COACHING = "coaching", _("Direct coaching of a new municipality")
    MUNICIPAL_MEETING = "municipal_meeting", _("Municipal Meeting")
    COMMITTEE = "committee", _("Coordinating Committee meeting")


class ActivityLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    BILINGUAL = "bilingual", _("English and French")


class ModuleSubject(models.TextChoices):
    EVALUATION = "evaluation", _("Project development and evaluation")
    MOBILIZATION = "mobilization", _("Community mobilization and partnerships")
    PLANNING = "planning", _("Planning community safety")


class TrainingModule(models.Model):
    """One of the three subjects people are trained to the network's standard in."""

    subject = models.CharField(
        _("subject"), max_length=20, choices=ModuleSubject.choices, unique=True
    )

    class Meta:
        ordering = ["subject"]
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")

    def __str__(self) -> str:
        return self.get_subject_display()


def _new_token() -> str:
    return secrets.token_urlsafe(16)


class Activity(models.Model):
    type = models.CharField(_("type"), max_length=20, choices=ActivityType.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    place = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities_held",
        verbose_name=_("place"),
        help_text=_("The host municipality; leave empty for an online activity."),
    )
    online = models.BooleanField(_("online"), default=False)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("region")
    )
    language = models.CharField(
        _("language"), max_length=10, choices=ActivityLanguage.choices, default="en"
    )
    organizers = models.CharField(_("organizers"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    module = models.ForeignKey(
        TrainingModule,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("training module"),
    )
    coached_municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coaching_received",
        verbose_name=_("municipality coached"),
    )
    programme_year = models.PositiveSmallIntegerField(
        _("programme year"), null=True, blank=True, editable=False
    )
    published = models.BooleanField(
        _("published"), default=True, help_text=_("Shown in the public listing.")
    )
    registration_token = models.CharField(max_length=40, default=_new_token, editable=False)
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    history = HistoricalRecords(excluded_fields=["is_demo"])

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.programme_year = year_of(self.starts_on) if self.starts_on else None
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("activities:activity_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end comes before the start.")
        if not self.online and not self.place_id:
            errors["place"] = _("Choose the municipality where it takes place, or tick online.")
        if self.type == ActivityType.TRAINING and not self.module_id:
            errors["module"] = _("A specialised training session needs its module.")
        if self.type == ActivityType.COACHING and not self.coached_municipality_id:
            errors["coached_municipality"] = _("Direct coaching needs the municipality coached.")
        if errors:
            raise ValidationError(errors)


class ExchangeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    VISIT_DONE = "visit_done", _("Visit done")
    RETURN_DONE = "return_done", _("Return visit done")
    REPORTED = "reported", _("Reported")


class Exchange(models.Model):
    """An inter-municipal coaching and mentoring project: a visit, a return visit, a report."""

    activity = models.OneToOneField(
        Activity, on_delete=models.CASCADE, related_name="exchange", verbose_name=_("activity")
    )
    visiting = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="exchanges_visiting",
        verbose_name=_("visiting municipality"),
    )
    host = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="exchanges_hosted",
        verbose_name=_("host municipality"),
    )
    return_visit_on = models.DateField(_("return visit"), null=True, blank=True)
    learning_goals = models.TextField(_("learning goals"), blank=True, max_length=5000)
    agenda = models.TextField(_("agenda"), blank=True, max_length=5000)
    status = models.CharField(
        _("status"), max_length=12, choices=ExchangeStatus.choices, default="proposed"
    )
    learned = models.TextField(_("what was learned"), blank=True, max_length=10000)
    to_apply = models.TextField(_("what will be applied"), blank=True, max_length=10000)
    reported_at = models.DateTimeField(_("reported"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")

    def __str__(self) -> str:
        return f"{self.visiting.name} → {self.host.name}"

    def clean(self):
        if self.visiting_id and self.visiting_id == self.host_id:
            raise ValidationError({"host": _("A municipality cannot host its own visit.")})


class DelegationMember(models.Model):
    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="delegation")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="delegations", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=30, choices=PositionType.choices)

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation")
        constraints = [
            models.UniqueConstraint(fields=["exchange", "person"], name="one_seat_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class FollowUpAction(models.Model):
    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(_("action"), max_length=300)
    owner = models.CharField(_("owner"), max_length=200)
    due_on = models.DateField(_("date"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self) -> str:
        return self.action


class Registration(models.Model):
    """A person registered for an activity, and whether they came."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("person")
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    registered_at = models.DateTimeField(default=timezone.now)
    attended = models.BooleanField(_("attended"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["person__last_name", "person__first_name"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [models.UniqueConstraint(fields=["activity", "person"], name="register_once")]

    def __str__(self) -> str:
        return f"{self.person} @ {self.activity}"


class AssessmentKind(models.TextChoices):
    QUIZ = "quiz", _("Questions with a pass mark")
    ASSIGNMENT = "assignment", _("Assignment graded against a rubric")


class Assessment(models.Model):
    module = models.OneToOneField(
        TrainingModule, on_delete=models.CASCADE, related_name="assessment"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=AssessmentKind.choices)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    # Assignment only: [{"criterion_en": ..., "criterion_fr": ..., "points": n}, ...]
    rubric = models.JSONField(_("rubric"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return str(self.module)


class Question(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="questions")
    text_en = models.CharField(_("question (English)"), max_length=500)
    text_fr = models.CharField(_("question (French)"), max_length=500)
    # One choice a line, English and French as "English | Français".
    choices = models.TextField(_("choices"))
    correct = models.PositiveSmallIntegerField(_("number of the right choice (from 1)"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text_en

    @property
    def text(self) -> str:
        return self.text_fr if get_language() == "fr" else self.text_en

    def choice_labels(self) -> list[str]:
        fr = get_language() == "fr"
        labels = []
        for line in self.choices.splitlines():
            if line.strip():
                en, _sep, french = line.partition("|")
                labels.append((french or en).strip() if fr else en.strip())
        return labels


class AssessmentResult(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="results")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assessment_results")
    activity = models.ForeignKey(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="results"
    )
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    answers = models.JSONField(default=dict, blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    taken_on = models.DateField(_("date"), default=timezone.localdate)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-taken_on", "pk"]
        verbose_name = _("assessment result")
        verbose_name_plural = _("assessment results")

    def __str__(self) -> str:
        return f"{self.person}: {self.score}%"


class CertificateKind(models.TextChoices):
    TRAINED = "trained", _("Trained to standard")
    ATTENDANCE = "attendance", _("Attendance")


def _new_code() -> str:
    # 80 random bits in an unambiguous alphabet: not guessable, easy to read out.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _i in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


class Certificate(models.Model):
    kind = models.CharField(_("kind"), max_length=12, choices=CertificateKind.choices)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="certificates")
    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, null=True, blank=True, related_name="certificates"
    )
    module = models.ForeignKey(
        TrainingModule, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    result = models.OneToOneField(
        AssessmentResult, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    code = models.CharField(_("verification code"), max_length=19, unique=True, default=_new_code)
    issued_on = models.DateField(_("issued"), default=timezone.localdate)
    revoked = models.BooleanField(_("revoked"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-issued_on", "pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return self.code


class LearningProfile(models.Model):
    """What a municipality wants to learn: its needs and topics of interest (peer matching)."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="learning_profile"
    )
    topics = models.ManyToManyField(Topic, blank=True, verbose_name=_("topics of interest"))
    needs = models.TextField(_("needs"), blank=True, max_length=3000)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("learning profile")
        verbose_name_plural = _("learning profiles")

    def __str__(self) -> str:
        return str(self.municipality)


class MatchingWeights(models.Model):
    """The weights of peer matching, tuned by staff; one row (the latest is used)."""

    expertise = models.FloatField(_("expertise"), default=4.0, validators=[MinValueValidator(0)])
    similarity = models.FloatField(_("similarity"), default=2.0, validators=[MinValueValidator(0)])
    distance = models.FloatField(_("distance"), default=1.5, validators=[MinValueValidator(0)])
    language = models.FloatField(_("language"), default=1.0, validators=[MinValueValidator(0)])
    mentoring = models.FloatField(
        _("proven mentors"), default=1.0, validators=[MinValueValidator(0)]
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("matching weights")
        verbose_name_plural = _("matching weights")

    def __str__(self) -> str:
        return f"{self.updated_at:%Y-%m-%d}" if self.updated_at else "-"

    @classmethod
    def current(cls) -> MatchingWeights:
        return cls.objects.order_by("-pk").first() or cls()


class PersonMerge(models.Model):
    """A record of two people merged into one: who did it, and what moved."""

    kept = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    removed_id = models.PositiveIntegerField()
    removed_snapshot = models.JSONField(default=dict)
    moved = models.JSONField(default=dict)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    merged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-merged_at"]
        verbose_name = _("merge of people")
        verbose_name_plural = _("merges of people")

    def __str__(self) -> str:
        return f"{self.removed_id} -> {self.kept_id}"
