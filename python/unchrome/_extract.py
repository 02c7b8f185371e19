"""``extract``: a drop-in for ``trafilatura.extract`` (trafilatura 2.3.1's
parameter names and defaults), so a pipeline switches by changing one
import."""

from __future__ import annotations

import json
import warnings
from datetime import date
from typing import Any, Optional, Union
from urllib.parse import urlsplit

from . import _unchrome

# trafilatura parameters with no counterpart here, with their defaults: a
# caller that sets one to anything else is warned that it has no effect.
_IGNORED_DEFAULTS = {
    "fast": False,
    "no_fallback": False,
    "tei_validation": False,
    "target_language": None,
    "deduplicate": False,
    "date_extraction_params": None,
    "only_with_metadata": False,
    "max_tree_size": None,
    "url_blacklist": None,
    "author_blacklist": None,
    "settingsfile": None,
    "prune_xpath": None,
    "config": None,
    "options": None,
    # unchrome always keeps tables' text and never outputs links, images or
    # inline formatting: only the defaults match what it does.
    "include_tables": True,
    "include_images": False,
    "include_formatting": None,
    "include_links": False,
}

_FORMATS = ("txt", "markdown", "json")

# trafilatura's metadata header for txt/markdown output, in its order.
_HEADER_FIELDS = ("title", "author", "url", "hostname", "description", "sitename", "date", "id")


def _warn_ignored(given: dict) -> None:
    for name, default in _IGNORED_DEFAULTS.items():
        value = given[name]
        # trafilatura's DEFAULT_CONFIG object counts as the default too.
        if name == "config" and value is not None and type(value).__name__ == "ConfigParser":
            continue
        # None and False both mean "no formatting".
        if name == "include_formatting" and not value:
            continue
        if value is not default and value != default:
            warnings.warn(
                f"unchrome.extract: {name}={value!r} has no effect in unchrome (ignored)",
                UserWarning,
                stacklevel=3,
            )


def _hostname(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host or None


def _trafilatura_fields(rec: dict, record_id: Optional[str]) -> dict:
    """The record's metadata under trafilatura's names."""
    url = rec.get("canonical_url") or rec.get("url")
    return {
        "title": rec.get("title"),
        "author": rec.get("author"),
        "url": url,
        "hostname": _hostname(url),
        "description": rec.get("description"),
        "sitename": rec.get("site_name"),
        "date": rec.get("date"),
        "id": record_id,
        "language": rec.get("language"),
    }


def _yaml_scalar(value: str) -> str:
    # A JSON string is a valid YAML scalar: quotes and escapes done.
    return json.dumps(value, ensure_ascii=False)


def _comments_text(rec: dict) -> str:
    return "\n".join(rec.get("comments") or [])


def _json_output(rec: dict, fields: dict, with_metadata: bool) -> str:
    text = rec["text"]
    if with_metadata:
        out = {
            "title": fields["title"],
            "author": fields["author"],
            "hostname": fields["hostname"],
            "date": fields["date"],
            "fingerprint": None,
            "id": fields["id"],
            "license": None,
            "comments": _comments_text(rec),
            "raw_text": text,
            "text": text,
            "language": fields["language"],
            "image": None,
            "pagetype": None,
            "filedate": date.today().isoformat(),
            "source": fields["url"],
            "source-hostname": fields["sitename"],
            "excerpt": fields["description"],
            "categories": "",
            "tags": "",
        }
    else:
        out = {"text": text, "comments": _comments_text(rec)}
    return json.dumps(out, ensure_ascii=False)


def _strip_front_matter(markdown: str) -> str:
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 3)
        if end >= 0:
            return markdown[end + 5 :].lstrip("\n")
    return markdown


def extract(
    filecontent: Union[bytes, str],
    url: Optional[str] = None,
    record_id: Optional[str] = None,
    fast: bool = False,
    no_fallback: bool = False,
    favor_precision: bool = False,
    favor_recall: bool = False,
    include_comments: bool = True,
    output_format: str = "txt",
    tei_validation: bool = False,
    target_language: Optional[str] = None,
    include_tables: bool = True,
    include_images: bool = False,
    include_formatting: Optional[bool] = None,
    include_links: bool = False,
    deduplicate: Any = False,
    date_extraction_params: Optional[dict] = None,
    with_metadata: bool = False,
    only_with_metadata: bool = False,
    max_tree_size: Optional[int] = None,
    url_blacklist: Optional[set] = None,
    author_blacklist: Optional[set] = None,
    settingsfile: Optional[str] = None,
    prune_xpath: Any = None,
    config: Any = None,
    options: Any = None,
) -> Optional[str]:
    """Extract the article of a page as a string, like ``trafilatura.extract``.

    Same parameter names and defaults as trafilatura 2.3.1. Those that mean
    something here:

    - ``filecontent``: the page, ``bytes`` (charset detected) or ``str``.
    - ``url``: the page's URL; ``record_id``: the ``id`` of the metadata.
    - ``favor_precision`` / ``favor_recall``: unchrome's ``favor``.
    - ``include_comments`` (True, as in trafilatura): reader comments after
      the body (txt), under ``## Comments`` (markdown), in ``comments`` (json).
    - ``output_format``: ``"txt"``, ``"markdown"`` or ``"json"`` (JSON with
      trafilatura's key names: ``text``, ``comments``, and with metadata
      ``title``, ``author``, ``hostname``, ``date``, ``source``,
      ``source-hostname``, ``excerpt``, …).
    - ``with_metadata``: a YAML header (txt, markdown) or the metadata keys
      (json).
    - ``include_tables`` (True), ``include_links``, ``include_images``,
      ``include_formatting`` (False): unchrome always keeps a table's text
      and outputs no links, images or inline formatting, so only these
      defaults are honoured; another value warns.

    The other parameters are accepted for compatibility; a value other than
    the default warns that it is ignored.

    Returns:
        The text, or None when nothing could be extracted (the page was
        empty, binary, too large, or had no article).

    Raises:
        ValueError: an output format other than txt, markdown or json, or
            both ``favor_precision`` and ``favor_recall``.
    """
    _warn_ignored(locals())
    if output_format not in _FORMATS:
        raise ValueError(
            f"output_format must be one of {', '.join(_FORMATS)} in unchrome, not {output_format!r}"
        )
    if favor_precision and favor_recall:
        raise ValueError("favor_precision and favor_recall cannot both be set")
    favor = "precision" if favor_precision else "recall" if favor_recall else "balanced"
    rec = _unchrome.clean(
        filecontent,
        url,
        id=record_id,
        favor=favor,
        comments=include_comments,
        markdown=output_format == "markdown",
    )
    if rec["error"] is not None or not rec["text"]:
        return None
    fields = _trafilatura_fields(rec, record_id)
    if output_format == "json":
        return _json_output(rec, fields, with_metadata)
    if output_format == "markdown":
        body = _strip_front_matter(rec["markdown"]).rstrip("\n")
    else:
        body = rec["text"]
        comments = _comments_text(rec)
        if comments:
            body = f"{body}\n{comments}"
    if not with_metadata:
        return body
    header = "".join(
        f"{name}: {_yaml_scalar(value)}\n" for name in _HEADER_FIELDS if (value := fields[name])
    )
    return f"---\n{header}---\n{body}"
