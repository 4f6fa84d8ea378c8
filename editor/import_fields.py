"""What the front matter of a Hugo or Jekyll file means for a Redaksi article.

Accepted keys (case does not matter; anything else is listed as ignored, never an error):

==========================  ===============================================================
``id``                      a Redaksi article id (UUID); written by ``redaksi export-md``
``title`` / ``headline``    required
``date``                    when it was published; a time without zone is in the newsroom's
                            zone, a bare date is midnight there. Without it (and without
                            ``id``) the date comes from the file name, the folders or the
                            file's time, and the report says which (editor.import_dates)
``publishdate``             Hugo: not shown before then, stored as the embargo; one still
                            ahead schedules a published page
``expirydate``              Hugo: a page past it is imported unpublished (``killed``); the
                            key is kept, as Redaksi unpublishes nothing by date
``lastmod`` /               Hugo / Jekyll: when the page last changed, the article's updated
``last_modified_at``        time (the page's modified time, the sitemap's ``<lastmod>``, the
                            feed's ``<updated>``); kept too, for the export. One still ahead
                            is not used
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
``slug``, ``kicker``        as given; without a slug (and an ``id``) the file's name without
                            date and language (a bundle's folder), as the old address had
``lead`` / ``description``  the lead (standfirst); first one present wins
/ ``summary`` / ``excerpt``
``language`` / ``lang``     ``id`` or ``en`` (``id-ID`` and ``en_US`` are understood); else
                            the file name (``about.en.md``) or a language folder
                            (``content/en/``); another language is a problem
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
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from pathlib import Path, PurePath

from editor.articles import MAX_BODY_CHARS
from editor.errors import RedaksiError
from editor.frontmatter import Document
from editor.i18n import _
from editor.import_dates import (
    FROM_FILE_NAME,
    FROM_FILE_TIME,
    FROM_FOLDERS,
    FROM_FRONT_MATTER,
    BadNameDate,
    file_time,
    folder_date,
    folder_section,
    name_date,
    name_slug,
    path_language,
)
from editor.import_reader import (
    Collector,
    FieldProblem,
    FieldProblems,
    Reader,
    shown,
)
from editor.import_sections import SectionResolver
from editor.import_shortcodes import ConvertedBody, convert_body, differences
from editor.records import LANGUAGES, PUBLIC_STATUSES, STATUSES
from editor.slugs import slugify
from editor.time_range import DateOutOfRange, in_range, out_of_range

KNOWN_KEYS: frozenset[str] = frozenset().union(
    ("id", "title", "headline", "slug", "kicker", "status", "draft", "published"),
    ("date", "publishdate", "scheduled_at", "embargo_until", "language", "lang"),
    ("section", "categories", "category", "authors", "author", "tags"),
    ("lead", "description", "summary", "excerpt", "caption", "credit"),
    ("lead_image", "image", "images", "featured_image", "featured-image", "featuredimage"),
    ("image_caption", "image_credit", "lead_image_caption", "lead_image_credit"),
)
#: Keys read and also kept, because no article field holds them (an export writes them back).
READ_AND_KEPT = frozenset(
    (
        *("expirydate", "aliases", "redirect_from", "url", "permalink", "old_address"),
        *("lastmod", "last_modified_at"),
    )
)
_READ_KEYS = KNOWN_KEYS | READ_AND_KEPT


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
    #: The header's keys Redaksi reads (the others are ``ignored_keys``, kept).
    used_keys: tuple[str, ...] = ()
    #: Where ``published_at`` came from (editor.import_dates), "" when nowhere.
    date_source: str = ""
    #: When the page last changed on the old site (``lastmod``): the article's updated time.
    modified_at: datetime | None = None
    #: What the import report says about this file (a guessed date, a schedule…).
    remarks: tuple[str, ...] = ()


def _article_id(reader: Reader) -> uuid.UUID | None:
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
            ).format(value=shown(value)),
            reader.line("id"),
        ) from None


def _status(reader: Reader) -> str | None:
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


def _language(reader: Reader, path: Path, relative: PurePath | None) -> str:
    value = reader.text("language", "lang").strip()
    if not value:
        found = path_language(PurePath(path), relative)
        if found is None or found in LANGUAGES:
            return found or "id"
        raise FieldProblem(
            _(
                "its name or folder says it is written in '{code}', and Redaksi publishes "
                "in {languages} only. Add 'language: id' or 'language: en' to import it "
                "anyway."
            ).format(code=found, languages=", ".join(LANGUAGES)),
            None,
        )
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


def _section_id(
    reader: Reader, sections: SectionResolver, *, create: bool, folders: list[str] | None
) -> uuid.UUID | None:
    """The section the file names (else, with ``folders``, the one its folders spell); a
    missing one is created (editor.import_sections) when ``create``, else left out (a file
    refused for other reasons creates nothing)."""
    if folders and not reader.first_key("section"):
        return _folder_section(sections, folders, create=create)
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


def _folder_section(
    sections: SectionResolver, folders: list[str], *, create: bool
) -> uuid.UUID | None:
    path = "/".join(slugify(part) for part in folders)
    try:
        for key in (*folders[:1], path):  # a mapped top folder (post=berita) first
            mapped = sections.mapped(key)
            if mapped != key:
                found = sections.find(mapped)
                if found is None and create:
                    found = sections.create(mapped.split("/"))
                return found.id if found else None
        found = sections.find(path)
        if found is None and create:
            names = [" ".join(w.capitalize() for w in re.split(r"[-_ ]+", p) if w) for p in folders]
            found = sections.create(names, [slugify(part) for part in folders])
        return found.id if found else None
    except RedaksiError as error:
        raise FieldProblem(str(error), None) from None


def _lead_image(reader: Reader) -> tuple[str, str, str]:
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


def _authors(reader: Reader, key: str) -> tuple[tuple[str, str], ...]:
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


def _limit_each(reader: Reader, values: tuple[str, ...], label: str, key: str) -> tuple[str, ...]:
    return tuple(reader.limited(value, label, key) for value in values)


def _path_date(
    reader: Reader, path: Path, relative: PurePath | None
) -> tuple[datetime | None, str]:
    """A file without a date in its header: the date its name, its folders or, last, its
    modification time gives, and which of them it was (editor.import_dates)."""
    place = relative or PurePath(path)
    try:
        found = name_date(place, reader.zone) or name_date(PurePath(path), reader.zone)
    except BadNameDate:
        raise FieldProblem(
            _("the file name has an invalid date ({name}).").format(name=path.name), None
        ) from None
    source = FROM_FILE_NAME
    if found is None:
        found, source = folder_date(place, reader.zone), FROM_FOLDERS
    if found is None:
        found, source = file_time(path), FROM_FILE_TIME
    if found is None:
        return None, ""
    try:
        return in_range(found), source
    except DateOutOfRange:
        shown = (
            _("the date in the file name ({name})").format(name=path.name)
            if source == FROM_FILE_NAME
            else _("the date in the folders ({path})").format(path=place.parent.as_posix())
        )
        raise FieldProblem(str(out_of_range(shown)), None) from None


@dataclass(frozen=True)
class _Times:
    published_at: datetime | None = None
    publish_date: datetime | None = None
    scheduled_at: datetime | None = None
    embargo_until: datetime | None = None
    expiry: datetime | None = None
    modified: datetime | None = None
    #: Where published_at came from (editor.import_dates), "" when nowhere.
    date_source: str = ""


def _times(
    reader: Reader,
    step: Collector,
    path: Path,
    relative: PurePath | None,
    article_id: uuid.UUID | None,
) -> _Times:
    """The file's times; a bad one is a problem in ``step`` and read as missing."""
    problems = len(step.problems)
    published_at = step(lambda: reader.when("date"), None)
    publish_date = step(lambda: reader.when("publishdate"), None)
    embargo_until = step(lambda: reader.when("embargo_until"), None) or publish_date
    scheduled_at = step(lambda: reader.when("scheduled_at"), None)
    expiry = step(lambda: reader.when("expirydate"), None)
    modified = step(lambda: reader.when("lastmod"), None) or step(
        lambda: reader.when("last_modified_at"), None
    )
    source = FROM_FRONT_MATTER if published_at or publish_date else ""
    published_at = published_at or publish_date
    if published_at is None and article_id is None and len(step.problems) == problems:
        no_date: tuple[datetime | None, str] = (None, "")
        published_at, source = step(lambda: _path_date(reader, path, relative), no_date)
    return _Times(published_at, publish_date, scheduled_at, embargo_until, expiry, modified, source)


def _stated(reader: Reader, times: _Times) -> set[str]:
    """Which workflow fields the file states (the others an existing article keeps)."""
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
    # An empty date is no date, and a file's time is a guess: a stored article keeps its own.
    if times.published_at is not None and times.date_source != FROM_FILE_TIME:
        stated.add("published_at")
    else:
        stated.discard("published_at")
    return stated


def _timed_status(
    *, status: str, stated: set[str], times: _Times, now: datetime, zone: tzinfo
) -> tuple[str, frozenset[str], tuple[str, ...], _Times]:
    """Hugo's ``publishDate`` and ``expiryDate`` as Redaksi's workflow: a page not out yet
    is scheduled, an expired one unpublished; with what the report says about it. A file's
    time dates only what was on the site (a draft's is when someone last touched it)."""
    remarks: list[str] = []
    if times.date_source == FROM_FILE_TIME and status not in PUBLIC_STATUSES:
        times = replace(times, published_at=None, date_source="")
    if times.date_source and times.date_source != FROM_FRONT_MATTER:
        remarks.append(_("date from the {source}").format(source=_(times.date_source)))
    publish_date = times.publish_date
    if publish_date is not None and publish_date > now and status == "published":
        status = "scheduled"
        times = replace(times, scheduled_at=times.scheduled_at or publish_date)
        stated |= {"status", "scheduled_at"}
        remarks.append(
            _("scheduled for {when} (publishDate)").format(
                when=publish_date.astimezone(zone).isoformat()
            )
        )
    if times.expiry is not None and status in PUBLIC_STATUSES:
        if times.expiry <= now:
            status = "killed"
            stated.add("status")
            remarks.append(
                _("expired on {when} (expiryDate): imported unpublished").format(
                    when=times.expiry.astimezone(zone).date().isoformat()
                )
            )
        else:
            remarks.append(
                _(
                    "expires on {when} (expiryDate): Redaksi does not unpublish by date; "
                    "unpublish it then"
                ).format(when=times.expiry.astimezone(zone).date().isoformat())
            )
    if times.modified is not None and times.modified > now:
        remarks.append(
            _("last modified on {when}, which is still ahead: not used").format(
                when=times.modified.astimezone(zone).isoformat()
            )
        )
        times = replace(times, modified=None)
    return status, frozenset(stated), tuple(remarks), times


def _body_remarks(body: ConvertedBody, original: str) -> tuple[str, ...]:
    said = []
    if body.converted:
        said.append(_("{count} shortcodes converted").format(count=body.converted))
    if body.kept:
        said.append(
            _("kept as typed, the checklist names them: {names}").format(names=", ".join(body.kept))
        )
    for difference in differences(original):
        said.append(
            _("renders differently here, check the preview: {what}").format(what=difference)
        )
    return tuple(said)


def _headline(reader: Reader) -> str:
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
    doc: Document,
    *,
    path: Path,
    zone: str,
    sections: SectionResolver,
    relative: PurePath | None = None,
    now: datetime | None = None,
    by_folders: bool = False,
) -> ImportedFields:
    """Turn a parsed file into article values; raise FieldProblems listing every bad value.

    ``relative`` is the file's path inside the folder imported (its folders may name a
    date or a language); ``now`` decides whether a ``publishDate`` or ``expiryDate`` has
    passed; ``by_folders`` takes the section from the folders when the header names none
    with ``section``."""
    reader = Reader(doc, zone)
    step = Collector()
    article_id = step(lambda: _article_id(reader), None)
    headline = step(lambda: _headline(reader), "")
    step(lambda: _check_body(doc.body), None)
    slug = step(lambda: reader.text("slug"), "")
    if article_id is None:  # a Redaksi export names its slug; a site's file keeps its name's
        slug = slug or name_slug(relative or PurePath(path))
    times = _times(reader, step, path, relative, article_id)
    default_status = "draft" if "_drafts" in PurePath(path).parts else "published"
    status, stated, remarks, times = _timed_status(
        status=step(lambda: _status(reader), None) or default_status,
        stated=set(_stated(reader, times)),
        times=times,
        now=now or datetime.now(UTC),
        zone=reader.zone,
    )
    image, caption, credit = step(lambda: _lead_image(reader), ("", "", ""))
    authors_key = reader.first_key("authors", "author") or "authors"
    authors: tuple[tuple[str, str], ...] = step(lambda: _authors(reader, authors_key), ())
    tags: tuple[str, ...] = step(lambda: reader.names("tags", split_commas=True), ())
    body = convert_body(doc.body)
    remarks += _body_remarks(body, doc.body)
    fields = ImportedFields(
        article_id=article_id,
        headline=headline,
        body=body.markdown,
        kicker=step(lambda: reader.text("kicker"), ""),
        slug=slug,
        lead=step(lambda: reader.text("lead", "description", "summary", "excerpt"), ""),
        section_id=None,
        language=step(lambda: _language(reader, path, relative), "id"),
        status=status,
        authors=authors,
        tags=step(lambda: _limit_each(reader, tags, "tag", "tags"), ()),
        lead_image=image,
        lead_image_caption=caption,
        lead_image_credit=credit,
        published_at=times.published_at,
        scheduled_at=times.scheduled_at,
        embargo_until=times.embargo_until,
        stated=frozenset(stated),
        ignored_keys=tuple(key for key in doc.fields if key.lower() not in KNOWN_KEYS),
        used_keys=tuple(key for key in doc.fields if key.lower() in _READ_KEYS),
        date_source=times.date_source,
        modified_at=times.modified,
        remarks=remarks,
    )
    # Last, so that a file refused for another reason creates no section.
    folders = folder_section(relative or PurePath(path.name)) if by_folders else None
    section_id = step(
        lambda: _section_id(reader, sections, create=not step.problems, folders=folders), None
    )
    if step.problems:
        raise FieldProblems(step.problems)
    return replace(fields, section_id=section_id)
