"""WSGI entry point (gunicorn prevnet.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prevnet.settings")
application = get_wsgi_application()
