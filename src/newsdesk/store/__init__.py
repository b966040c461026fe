"""The .newsdesk project file (SQLite): schema, migrations, open/save, revisions, locking."""

from newsdesk.store.lock import LockHolder, ProjectLock
from newsdesk.store.project import Project, RevisionInfo, create_project, open_project
from newsdesk.store.schema import APPLICATION_ID, SCHEMA_VERSION

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "LockHolder",
    "Project",
    "ProjectLock",
    "RevisionInfo",
    "create_project",
    "open_project",
]
