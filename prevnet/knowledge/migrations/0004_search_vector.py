"""PostgreSQL only: a stored full-text vector of each program (English and French configurations)
with a GIN index. Other databases search the same denormalised text columns (services.search)."""

from django.db import migrations

FORWARD = """
ALTER TABLE knowledge_program ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(search_en, '')), 'A')
    || setweight(to_tsvector('french', coalesce(search_fr, '')), 'A')
) STORED;
CREATE INDEX knowledge_program_search_gin ON knowledge_program USING gin (search_vector);
"""
BACKWARD = """
DROP INDEX IF EXISTS knowledge_program_search_gin;
ALTER TABLE knowledge_program DROP COLUMN IF EXISTS search_vector;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_programs_practices_evidence_briefs")]
    operations = [migrations.RunPython(forward, backward)]
