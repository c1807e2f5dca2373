"""Password reset that sends its e-mail through the background worker."""

from __future__ import annotations

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.template import loader

from prevnet.core.tasks import send_email


class PasswordResetForm(auth_forms.PasswordResetForm):
    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # Rendered now, in the language of the request; sent later by the worker.
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html = (
            loader.render_to_string(html_email_template_name, context)
            if html_email_template_name
            else None
        )
        send_email.enqueue(subject=subject, body=body, to=[to_email], html_body=html)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
