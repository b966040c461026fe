"""Publication Settings and File > Publish… in the window (issues 15 and 19).

- `page_profile`: the article's publication profile and last change, as the preview, the export
  and the check need them (the window's page equals `newsdesk export`'s);
- `profiles_dialog`: File > Publication Settings… (the profiles, and the article's choice);
- `publish_dialog`, `publish_worker`, `questions`: File > Publish… around newsdesk.publish.
"""
