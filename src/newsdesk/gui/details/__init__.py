"""The article's details (byline, dates, language, description, ...): the details pane."""
