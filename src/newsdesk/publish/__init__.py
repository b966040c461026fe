"""Publishing an article to a newsroom's WordPress through its REST API (issue 19).

- `blocks`: the article as Gutenberg block markup;
- `wordpress`: a small REST client whose failures are typed errors with codes;
- `credentials`: Application Passwords in the system keyring, never in the project file;
- `records`: what was published where (post id, media ids), kept in the article's properties;
- `publisher`: one publish or republish, step by step, resumable after an interruption.

Plain Python, no Qt: the command line (`newsdesk publish`) and the window use the same code.
"""
