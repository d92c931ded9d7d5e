"""directory search: a trigram index on the group's name and region (PostgreSQL only)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 10:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision: pg_trgm and a GIN index serving ILIKE '%…%' (nothing on SQLite)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_index(
        "ix_group_search_trgm",
        "intervision_group",
        ["name", "region"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"name": "gin_trgm_ops", "region": "gin_trgm_ops"},
    )


def downgrade() -> None:
    """Revert this revision (the extension stays: other databases' objects may use it)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_group_search_trgm", table_name="intervision_group")
