"""Publishing an article to a newsroom's WordPress through its REST API (issue 19).

- `blocks`, `article_blocks`: Gutenberg block markup, and the article laid out in it;
- `wordpress`: a small REST client whose failures are typed errors with codes;
- `credentials`: Application Passwords in the system keyring, never in the project file;
- `records`: what was published where (post id, media ids), kept in the article's properties;
- `media`, `terms`: the photos in the media library; tags and categories as ids;
- `publisher`: one publish or republish, step by step, resumable after an interruption;
- `command`: `newsdesk publish`.

Plain Python, no Qt: the command line (`newsdesk publish`) and the window use the same code.
"""
