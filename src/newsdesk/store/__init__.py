"""The .newsdesk project file (SQLite): schema, migrations, open/save, revisions, locking."""
