"""The article's files as the window handles them: open, save, autosave, lock and session, the
user's data folder, export and revisions, with their dialogs."""
