"""Keep derived fields true whichever way data changes (pages, admin, import, shell)."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from prevnet.knowledge import services
from prevnet.knowledge.models import CanadianExample, EvidenceRating, Practice, Program


@receiver([post_save, post_delete], sender=EvidenceRating)
def _rating_changed(sender, instance, **kwargs):
    for owner in (instance.program_id and Program, instance.practice_id and Practice):
        if owner:
            pk = instance.program_id if owner is Program else instance.practice_id
            obj = owner.objects.filter(pk=pk).first()
            if obj is not None:
                services.recompute_strength(obj)


@receiver(post_save, sender=Program)
def _program_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        services.refresh_derived(instance)


@receiver(m2m_changed, sender=Program.topics.through)
@receiver(m2m_changed, sender=Program.practices.through)
def _program_links_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, Program):
        services.refresh_derived(instance)


@receiver([post_save, post_delete], sender=CanadianExample)
def _example_changed(sender, instance, **kwargs):
    program = Program.objects.filter(pk=instance.program_id).first()
    if program is not None:
        services.refresh_derived(program)
