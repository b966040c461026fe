"""Tags and categories as the ids WordPress wants: tags are created when the site lacks them
(a journalist's keywords), categories are the site's own (the newsroom's structure) and a name the
site does not have is refused."""

from __future__ import annotations

from html import unescape

from newsdesk.errors import PublishError
from newsdesk.publish.wordpress import WordPressClient


def tag_ids(client: WordPressClient, tags: list[str]) -> list[int]:
    """Each tag's id, the tag created when the site lacks it."""
    ids = []
    for name in dict.fromkeys(t.strip() for t in tags if t.strip()):
        response = client.request("POST", "wp/v2/tags", data={"name": name}, accept=(400, 500))
        answer = response.json()
        if response.status in (200, 201) and isinstance(answer, dict) and "id" in answer:
            ids.append(int(answer["id"]))
            continue
        data = answer.get("data") if isinstance(answer, dict) else None
        if isinstance(answer, dict) and answer.get("code") == "term_exists" and data:
            term_id = data.get("term_id") if isinstance(data, dict) else None
            if isinstance(term_id, int):
                ids.append(term_id)
                continue
        raise client.error_for(response, "wp/v2/tags")
    return ids


def category_ids(client: WordPressClient, names: tuple[str, ...], site: str) -> list[int]:
    """The ids of the chosen categories; a name the site does not have is refused."""
    ids = []
    for name in names:
        wanted = name.strip().casefold()
        found = client.json(
            "GET", "wp/v2/categories", params={"search": name.strip(), "per_page": 100}
        )
        match = next(
            (
                int(item["id"])
                for item in (found if isinstance(found, list) else [])
                if isinstance(item, dict)
                and unescape(str(item.get("name", ""))).casefold() == wanted
            ),
            None,
        )
        if match is None:
            raise PublishError(
                f"{site} has no category {name!r}",
                code="publish.unknown_category",
                category=name,
            )
        ids.append(match)
    return ids


def site_categories(client: WordPressClient, *, limit: int = 500) -> list[str]:
    """The names of the site's categories, for the publish dialog to offer (at most `limit`)."""
    names: list[str] = []
    page = 1
    while len(names) < limit:
        found = client.json(
            "GET",
            "wp/v2/categories",
            params={"per_page": 100, "page": page, "orderby": "name", "_fields": "name"},
            accept=(400,),  # a page past the last one
        )
        if not isinstance(found, list) or not found:
            break
        names += [unescape(str(item.get("name", ""))) for item in found if isinstance(item, dict)]
        if len(found) < 100:
            break
        page += 1
    return names[:limit]
