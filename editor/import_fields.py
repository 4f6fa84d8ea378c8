"""What the front matter of a Hugo or Jekyll file means for a Redaksi article.

Accepted keys (case does not matter; anything else is listed as ignored, never an error):

==========================  ===============================================================
``id``                      a Redaksi article id (UUID); written by ``redaksi export-md``
``title`` / ``headline``    required
``date``                    when it was published; a time without zone is in the newsroom's
                            zone, a bare date is midnight there. Jekyll files named
                            ``2023-05-04-slug.md`` without ``date`` (and without ``id``) take
                            the date, and the slug, from the name.
``publishdate``             Hugo: not shown before then, stored as the embargo
``scheduled_at``            when Redaksi publishes it (status ``scheduled``)
``embargo_until``           not shown before then
``section``                 a section path, slug or name (``berita/dunia``, ``dunia``, ``Dunia``)
``categories`` /            without ``section``: the section whose path the categories
``category``                spell (``[berita, ekonomi]``), else the first category that names
                            a section (a list, or a string of names separated by spaces)
``authors`` / ``author``    a list or one name; an entry may be ``{name, handle}`` (the
                            export writes that when the handle is not made from the name).
                            A name means the person whose handle is made from it, else the
                            person of that name; unknown people are added as reporters
``tags``                    a list, or one string of comma-separated tags
``status``                  one of editor.records.STATUSES
``draft`` / ``published``   Hugo ``draft: true`` / Jekyll ``published: false`` mean draft.
                            With no status at all a new article is ``published`` (it was on
                            the site), or ``draft`` under a ``_drafts`` folder
``slug``, ``kicker``        as given
``lead`` / ``description``  the lead (standfirst); first one present wins
/ ``summary`` / ``excerpt``
``language`` / ``lang``     ``id`` or ``en`` (``id-ID`` and ``en_US`` are understood)
``lead_image``              a path/URL, or ``{src, caption, credit}``
``image`` / ``images`` /    Hugo and theme spellings of the lead image (first of a list;
``featured_image``          a mapping may carry ``src``/``url``/``path``, caption, credit)
``caption``, ``credit``     caption and credit of the lead image, also as
                            ``image_caption`` / ``lead_image_caption`` and ``*_credit``
==========================  ===============================================================

Re-importing a file sets every content field from it (a key it lacks means empty), but the
workflow fields (status, date, scheduled_at, embargo_until) an existing article keeps unless
the file states them: they are usually managed in Redaksi after the first import.
"""

from __future__ import annotations

import re
import textwrap
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path, PurePath
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from editor.articles import MAX_BODY_CHARS
from editor.errors import RedaksiError, ValidationError
from editor.frontmatter import Document
from editor.i18n import N_, _
from editor.import_sections import SectionResolver
from editor.records import LANGUAGES, STATUSES
from editor.slugs import slugify
from editor.time_range import DateOutOfRange, in_range, out_of_range

#: Column sizes, so an over-long value gets a message instead of a database error.
#: Field labels, as problems name them.
_LABELS = {
    "title": N_("title"),
    "kicker": N_("kicker"),
    "slug": N_("slug"),
    "lead image": N_("lead image"),
    "lead image caption": N_("lead image caption"),
    "lead image credit": N_("lead image credit"),
    "tag": N_("tag"),
    "author": N_("author"),
}
MAX_LENGTHS = {
    "title": 500,
    "kicker": 200,
    "slug": 300,
    "lead image": 1000,
    "lead image caption": 1000,
    "lead image credit": 300,
    "tag": 120,
    "author": 200,
}
KNOWN_KEYS: frozenset[str] = frozenset().union(
    ("id", "title", "headline", "slug", "kicker", "status", "draft", "published"),
    ("date", "publishdate", "scheduled_at", "embargo_until", "language", "lang"),
    ("section", "categories", "category", "authors", "author", "tags"),
    ("lead", "description", "summary", "excerpt", "caption", "credit"),
    ("lead_image", "image", "images", "featured_image", "featured-image", "featuredimage"),
    ("image_caption", "image_credit", "lead_image_caption", "lead_image_credit"),
)
T = TypeVar("T")
_JEKYLL_NAME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$")
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M", "%Y-%m-%d")


def _shown(value: object) -> str:
    """A header value as a message repeats it: one line, cut short."""
    return textwrap.shorten(str(value), width=80, placeholder=" …")


class FieldProblem(ValueError):
    """A header value Redaksi cannot use; ``line`` is the file line of its key."""

    def __init__(self, reason: str, line: int | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


@dataclass(frozen=True)
class ImportedFields:
    """One file's article, before people and the stored article are looked up."""

    article_id: uuid.UUID | None
    headline: str
    body: str
    kicker: str
    slug: str
    lead: str
    section_id: uuid.UUID | None
    language: str
    #: What the file says, or what a new article gets when the file does not say.
    status: str
    #: (name, handle) pairs; the handle is "" when the file gives only a name.
    authors: tuple[tuple[str, str], ...]
    tags: tuple[str, ...]
    lead_image: str
    lead_image_caption: str
    lead_image_credit: str
    published_at: datetime | None
    scheduled_at: datetime | None
    embargo_until: datetime | None
    #: Which of status, published_at, scheduled_at, embargo_until the file states. The
    #: others are workflow fields an existing article keeps (they are usually managed in
    #: Redaksi after the first import); an empty value stated in the file clears them.
    stated: frozenset[str]
    ignored_keys: tuple[str, ...]


def check_zone(zone: str) -> None:
    """Refuse an unknown time zone once, before any file is read or written."""
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _(
                "Unknown time zone '{zone}'. Use a name like Asia/Jakarta, Asia/Makassar "
                "or Asia/Jayapura."
            ).format(zone=zone)
        ) from None


class _Reader:
    def __init__(self, doc: Document, zone: str) -> None:
        self.fields = {key.lower(): value for key, value in doc.fields.items()}
        self.lines = {key.lower(): line for key, line in doc.key_lines.items()}
        self.zone = ZoneInfo(zone)

    def line(self, key: str) -> int | None:
        return self.lines.get(key)

    def first_key(self, *keys: str) -> str | None:
        return next((k for k in keys if self.fields.get(k) not in (None, "", [])), None)

    def text(self, *keys: str, label: str | None = None) -> str:
        key = self.first_key(*keys)
        if key is None:
            return ""
        value = self.fields[key]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            kind = _("a yes/no value") if isinstance(value, bool) else _("a list or mapping")
            raise FieldProblem(
                _("'{key}' is read as {kind}; write it as text in quotes.").format(
                    key=key, kind=kind
                ),
                self.line(key),
            )
        # Not stripped: YAML already trims plain values, and quoted spaces are meant.
        return self.limited(str(value), label or key, key)

    def limited(self, value: str, label: str, key: str) -> str:
        limit = MAX_LENGTHS.get(label)
        if limit is not None and len(value) > limit:
            raise FieldProblem(
                _("the {label} has {length} characters; at most {limit} fit. Shorten it.").format(
                    label=_(_LABELS.get(label, label)), length=len(value), limit=limit
                ),
                self.line(key),
            )
        return value

    def names(self, key: str, *, split_commas: bool) -> tuple[str, ...]:
        value = self.fields.get(key)
        items = value if isinstance(value, list) else [] if value is None else [value]
        names: list[str] = []
        for item in items:
            if isinstance(item, dict):
                item = item.get("name") or item.get("title") or ""
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                raise FieldProblem(
                    _("'{key}' must list names as text.").format(key=key), self.line(key)
                )
            parts = str(item).split(",") if split_commas else [str(item)]
            names.extend(part.strip() for part in parts if part.strip())
        return tuple(names)

    def when(self, key: str) -> datetime | None:
        value = self.fields.get(key)
        if value is None or value == "":
            return None
        parsed = self._parse_time(value)
        if parsed is None:
            raise FieldProblem(
                _(
                    "'{key}: {value}' is not a date Redaksi understands. Write it as "
                    "2023-05-04, 2023-05-04 07:56 (newsroom time) or "
                    "2023-05-04T07:56:00+07:00."
                ).format(key=key, value=_shown(value)),
                self.line(key),
            )
        try:
            return in_range(parsed, shown=f"'{key}: {_shown(value)}'")
        except DateOutOfRange as error:
            raise FieldProblem(str(error), self.line(key)) from None

    def _parse_time(self, value: object) -> datetime | None:
        """The aware time ``value`` names (naive ones in the newsroom's zone), else None."""
        if isinstance(value, datetime):
            return self._aware(value)
        if isinstance(value, date):
            return datetime.combine(value, time(0), self.zone)
        if isinstance(value, str):
            text = value.strip()
            try:
                return self._aware(datetime.fromisoformat(text.replace("Z", "+00:00")))
            except ValueError:
                pass
            for form in _TIME_FORMATS:
                try:
                    return self._aware(datetime.strptime(text, form))
                except ValueError:
                    continue
        return None

    def _aware(self, value: datetime) -> datetime:
        return value if value.tzinfo is not None else value.replace(tzinfo=self.zone)


def _article_id(reader: _Reader) -> uuid.UUID | None:
    value = reader.fields.get("id")
    if value is None or value == "":
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise FieldProblem(
            _(
                "'id: {value}' is not a Redaksi article id. Remove the line to import "
                "the file as a new article."
            ).format(value=_shown(value)),
            reader.line("id"),
        ) from None


def _status(reader: _Reader) -> str | None:
    stated = reader.text("status").strip().lower().replace(" ", "_").replace("-", "_")
    if stated and stated not in STATUSES:
        raise FieldProblem(
            _("unknown status '{status}'. Use one of: {statuses}.").format(
                status=reader.fields["status"], statuses=", ".join(STATUSES)
            ),
            reader.line("status"),
        )
    flags = {"draft": True, "published": False}  # the value that means "draft"
    for key, draft_value in flags.items():
        value = reader.fields.get(key)
        if value is None:
            continue
        if not isinstance(value, bool):
            raise FieldProblem(
                _("'{key}' must be true or false.").format(key=key), reader.line(key)
            )
        implied = "draft" if value == draft_value else "published"
        if stated and (implied == "draft") != (stated == "draft"):
            raise FieldProblem(
                _("'{key}: {value}' contradicts 'status: {stated}'. Keep one of them.").format(
                    key=key, value=str(value).lower(), stated=stated
                ),
                reader.line(key),
            )
        stated = stated or implied
    return stated or None


def _language(reader: _Reader) -> str:
    value = reader.text("language", "lang").strip()
    if not value:
        return "id"
    primary = re.split(r"[-_]", value.lower())[0]
    if primary not in LANGUAGES:
        key = reader.first_key("language", "lang") or "language"
        raise FieldProblem(
            _("unknown language '{value}'. Use one of: {languages}.").format(
                value=value, languages=", ".join(LANGUAGES)
            ),
            reader.line(key),
        )
    return primary


def _section_id(reader: _Reader, sections: SectionResolver, *, create: bool) -> uuid.UUID | None:
    """The section the file names; a missing one is created (editor.import_sections)
    when ``create``, else left out (a file refused for other reasons creates nothing)."""
    if reader.first_key("section"):
        name = reader.text("section")
        try:
            found = sections.find(name)
            if found is None:
                if not create:
                    return None
                found = sections.create(sections.mapped(name).split("/"))
            return found.id
        except RedaksiError as error:
            raise FieldProblem(str(error), reader.line("section")) from None
    category_key = reader.first_key("categories", "category")
    if category_key is None:
        return None
    names = reader.names(category_key, split_commas=False)
    if not names:
        return None
    parts = [part for name in names for part in name.split()]
    # Jekyll categories are a hierarchy ("berita ekonomi" is /berita/ekonomi/): try that path
    # first, then each category on its own.
    candidates = ["/".join(slugify(part) for part in parts), *names, *parts]
    try:
        for candidate in dict.fromkeys(c for c in candidates if c):
            found = sections.find(candidate)
            if found is not None:
                return found.id
        if not create:
            return None
        # None is a section yet: the first category becomes one.
        return sections.create([sections.mapped(names[0])]).id
    except RedaksiError as error:
        raise FieldProblem(str(error), reader.line(category_key)) from None


def _lead_image(reader: _Reader) -> tuple[str, str, str]:
    src = caption = credit = ""
    for key in (
        "lead_image",
        "image",
        "images",
        "featured_image",
        "featured-image",
        "featuredimage",
    ):
        value = reader.fields.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            src = str(value.get("src") or value.get("url") or value.get("path") or "")
            caption = str(value.get("caption") or "")
            credit = str(value.get("credit") or "")
        elif isinstance(value, str):
            src = value
        if src:
            break
    caption = caption or reader.text("lead_image_caption", "image_caption", "caption")
    credit = credit or reader.text("lead_image_credit", "image_credit", "credit")
    key = "lead_image"
    return (
        reader.limited(src, "lead image", key),
        reader.limited(caption, "lead image caption", key),
        reader.limited(credit, "lead image credit", key),
    )


def _authors(reader: _Reader, key: str) -> tuple[tuple[str, str], ...]:
    value = reader.fields.get(key)
    items = value if isinstance(value, list) else [] if value is None else [value]
    authors: list[tuple[str, str]] = []
    for item in items:
        handle = ""
        if isinstance(item, dict):
            handle = str(item.get("handle") or "").strip()
            item = item.get("name") or item.get("title") or handle
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            raise FieldProblem(
                _("'{key}' must list names as text.").format(key=key), reader.line(key)
            )
        name = reader.limited(str(item).strip(), "author", key)
        if name:
            authors.append((name, handle))
    return tuple(authors)


def _limit_each(reader: _Reader, values: tuple[str, ...], label: str, key: str) -> tuple[str, ...]:
    return tuple(reader.limited(value, label, key) for value in values)


class FieldProblems(ValueError):
    """Every problem of one file's header, so a user fixes them all in one go."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(p.reason for p in problems))
        self.problems = problems


class _Collector:
    """Runs each step of reading a header; a step's FieldProblem is kept and its value
    replaced by a stand-in, so the steps after it still run and report their own."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def __call__(self, step: Callable[[], T], stand_in: T) -> T:
        try:
            return step()
        except FieldProblem as problem:
            self.problems.append(problem)
            return stand_in


def _file_date(
    reader: _Reader, path: Path, published_at: datetime | None, article_id: uuid.UUID | None
) -> tuple[datetime | None, str]:
    """A Jekyll file name's date (``2023-05-04-slug.md``) and slug, when the header has
    no date (and no id)."""
    jekyll = _JEKYLL_NAME.match(PurePath(path).stem)
    if not jekyll or article_id is not None or published_at is not None:
        return published_at, ""
    year, month, day, name_slug = jekyll.groups()
    try:
        when = in_range(datetime(int(year), int(month), int(day), tzinfo=reader.zone))
    except DateOutOfRange:
        shown = _("the date in the file name ({name})").format(name=path.name)
        raise FieldProblem(str(out_of_range(shown)), None) from None
    except ValueError:
        raise FieldProblem(
            _("the file name has an invalid date ({name}).").format(name=path.name), None
        ) from None
    return when, str(name_slug)


def _headline(reader: _Reader) -> str:
    headline = reader.text("title", "headline", label="title")
    if not headline.strip():
        raise FieldProblem(
            _("has no title. Add a line 'title: ...' to the front matter."),
            reader.line("title") or 1,
        )
    return headline


def _check_body(body: str) -> None:
    if len(body) > MAX_BODY_CHARS:
        raise FieldProblem(
            _(
                "the body has {body:,} characters; the limit is {max_body_chars:,}. "
                "Split the article into parts and import those."
            ).format(body=len(body), max_body_chars=MAX_BODY_CHARS),
            None,
        )


def read_fields(
    doc: Document, *, path: Path, zone: str, sections: SectionResolver
) -> ImportedFields:
    """Turn a parsed file into article values; raise FieldProblems listing every bad value."""
    reader = _Reader(doc, zone)
    step = _Collector()
    article_id = step(lambda: _article_id(reader), None)
    headline = step(lambda: _headline(reader), "")
    step(lambda: _check_body(doc.body), None)
    slug = step(lambda: reader.text("slug"), "")
    published_at = step(lambda: reader.when("date"), None)
    embargo_until = step(lambda: reader.when("embargo_until") or reader.when("publishdate"), None)
    if published_at is None and embargo_until is not None and "embargo_until" not in reader.fields:
        published_at = embargo_until
    published_at, name_slug = step(
        lambda: _file_date(reader, path, published_at, article_id), (published_at, "")
    )
    slug = slug or name_slug
    status = step(lambda: _status(reader), None)
    stated = {
        name
        for name, keys in (
            ("status", ("status", "draft", "published")),
            ("published_at", ("date", "publishdate")),
            ("scheduled_at", ("scheduled_at",)),
            ("embargo_until", ("embargo_until", "publishdate")),
        )
        if any(key in reader.fields for key in keys)
    }
    if published_at is not None:
        stated.add("published_at")
    else:  # an empty date is no date: a published article keeps the one it has
        stated.discard("published_at")
    default_status = "draft" if "_drafts" in PurePath(path).parts else "published"
    image, caption, credit = step(lambda: _lead_image(reader), ("", "", ""))
    authors_key = reader.first_key("authors", "author") or "authors"
    authors: tuple[tuple[str, str], ...] = step(lambda: _authors(reader, authors_key), ())
    tags: tuple[str, ...] = step(lambda: reader.names("tags", split_commas=True), ())
    fields = ImportedFields(
        article_id=article_id,
        headline=headline,
        body=doc.body,
        kicker=step(lambda: reader.text("kicker"), ""),
        slug=slug,
        lead=step(lambda: reader.text("lead", "description", "summary", "excerpt"), ""),
        section_id=None,
        language=step(lambda: _language(reader), "id"),
        status=status or default_status,
        authors=authors,
        tags=step(lambda: _limit_each(reader, tags, "tag", "tags"), ()),
        lead_image=image,
        lead_image_caption=caption,
        lead_image_credit=credit,
        published_at=published_at,
        scheduled_at=step(lambda: reader.when("scheduled_at"), None),
        embargo_until=embargo_until,
        stated=frozenset(stated),
        ignored_keys=tuple(key for key in doc.fields if key.lower() not in KNOWN_KEYS),
    )
    # Last, so that a file refused for another reason creates no section.
    section_id = step(lambda: _section_id(reader, sections, create=not step.problems), None)
    if step.problems:
        raise FieldProblems(step.problems)
    return replace(fields, section_id=section_id)
