"""Importing a WordPress export: every post becomes an article, with the same rules, report
and speed as a Markdown import (editor.importer).

What a post brings:

=========================  ================================================================
title                      the headline (HTML entities decoded)
content                    the body, as Markdown (editor.wordpress.content)
excerpt                    the lead
post_name                  the slug (the old address's last part stays the same)
status                     publish → published, future → scheduled, draft → draft,
                           pending → submitted, private → approved (kept off the site);
                           trash and auto-draft are passed over
post_date_gmt              the publish time (UTC); scheduled time of a future post; a
                           draft without one uses post_date in the newsroom's zone
post_modified_gmt          a published post's last edit: the article's updated time (the
                           page's modified time, the sitemap's and the feed's); one before
                           the publish time or still ahead is not used, an unreadable
                           one is named in the report; without one, the publish time
dc:creator                 the byline: the author's display name, with their login as the
                           handle (a new reporter when the newsroom does not know them)
categories                 the section: the post's first category with its parents
                           (``Berita › Ekonomi`` is ``berita/ekonomi``), created when missing
tags                       the tags, as spelled
_thumbnail_id              the lead image: the attachment's file, in the media library
                           with --uploads, its caption (the attachment's excerpt) and
                           credit (its image metadata); body images come in likewise
link                       kept as ``aliases``: the publish redirects the old address
=========================  ================================================================

Pages, menus, attachments and other item types are not articles: they are counted in the
report's notes. Each post's source key is the site's address and the post id, so importing
the same export again updates its articles, and an item whose XML did not change is known
unchanged from its fingerprint.

The export is read twice, each time as a stream (editor.wordpress.wxr): first for the
attachments (featured images and galleries may come after their posts), then for the posts.
"""

from __future__ import annotations

import html
import json
import re
import uuid
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from editor.database import Database
from editor.errors import RedaksiError
from editor.i18n import _
from editor.import_fields import ImportedFields
from editor.import_reader import MAX_LENGTHS, FieldProblem, FieldProblems
from editor.import_report import ImportProblem, ImportReport
from editor.import_sections import SectionResolver
from editor.import_sources import Source, short_key
from editor.import_writer import Incoming
from editor.importer import ImportRun, start_run
from editor.time_range import DateOutOfRange, in_range
from editor.wordpress.content import Attachment, to_markdown
from editor.wordpress.media import MediaImport
from editor.wordpress.wxr import Channel, Item, WxrError, read_export

#: WordPress status → Redaksi status; None: not imported.
STATUSES: dict[str, str | None] = {
    "publish": "published",
    "future": "scheduled",
    "draft": "draft",
    "pending": "submitted",
    "private": "approved",
    "trash": None,
    "auto-draft": None,
}
_NO_DATE = "0000-00-00"
_CREDIT = re.compile(r's:6:"credit";s:\d+:"([^"]*)";')
_TAGS = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    return html.unescape(_TAGS.sub("", text)).strip()


def _attachment(item: Item) -> Attachment:
    credit = _CREDIT.search(item.meta.get("_wp_attachment_metadata", ""))
    return Attachment(
        url=item.attachment_url,
        caption=_plain(item.excerpt),
        credit=credit.group(1).strip() if credit else "",
        alt=item.meta.get("_wp_attachment_image_alt", "").strip(),
    )


def _when(text: str, zone: ZoneInfo, label: str) -> datetime | None:
    if not text or text.startswith(_NO_DATE):
        return None
    try:
        value = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=zone)
    except ValueError:
        raise FieldProblem(
            _("'{label}: {value}' is not a date.").format(label=label, value=text), None
        ) from None
    try:
        return in_range(value, shown=f"'{label}: {text}'")
    except DateOutOfRange as error:
        raise FieldProblem(str(error), None) from None


def _modified(
    item: Item, published: datetime | None, now: datetime
) -> tuple[datetime | None, tuple[str, ...]]:
    """The post's last edit, when it is one: after it was published and not ahead; with
    what the report says about an edit time that cannot be read."""
    try:
        modified = _when(item.post_modified_gmt, ZoneInfo("UTC"), "post_modified_gmt")
    except FieldProblem as problem:
        # A broken edit time costs the post nothing but that time.
        return None, (
            _("{problem} The post's date stands as its updated time.").format(problem=problem),
        )
    if modified is None or modified > now or (published is not None and modified < published):
        return None, ()
    return modified, ()


def _check_length(value: str, label: str) -> str:
    limit = MAX_LENGTHS[label]
    if len(value) > limit:
        raise FieldProblem(
            _("the {label} has {length} characters; at most {limit} fit. Shorten it.").format(
                label=label, length=len(value), limit=limit
            ),
            None,
        )
    return value


class _Posts:
    """Turns the items of one export into articles for an ImportRun."""

    def __init__(
        self,
        run: ImportRun,
        export: Path,
        channel: Channel,
        attachments: Mapping[int, Attachment],
        media: MediaImport,
    ) -> None:
        self.run = run
        self.export = export
        self.channel = channel
        self.attachments = attachments
        self.media = media
        self.zone = ZoneInfo(run.zone)
        self.language = "en" if channel.language.lower().startswith("en") else "id"
        self.unknown_shortcodes: dict[str, int] = {}

    def source(self, item: Item) -> Source:
        label = Path(f"{self.export}#{item.post_id}")
        site = self.channel.base_url.rstrip("/")
        return Source(label, short_key(f"wordpress:{site}/?p={item.post_id}"), False)

    def section_id(self, item: Item) -> uuid.UUID | None:
        nicename = next((t.nicename for t in item.terms if t.domain == "category"), "")
        if not nicename:
            return None
        chain = []
        seen: set[str] = set()
        while nicename and nicename not in seen:  # a parent loop in a broken export ends
            seen.add(nicename)
            category = self.channel.categories.get(nicename)
            name = category.name if category else nicename
            chain.append((html.unescape(name), nicename))
            nicename = category.parent if category else ""
        chain.reverse()
        sections: SectionResolver = self.run.sections
        name, slug = chain[-1]
        for key in (slug, name):
            mapped = sections.mapped(key)
            if mapped != key:
                found = sections.find(mapped)
                return found.id if found else sections.create(mapped.split("/")).id
        found = sections.find("/".join(s for _n, s in chain))
        if found is not None:
            return found.id
        return sections.create([n for n, _s in chain], [s for _n, s in chain]).id

    def fields(self, item: Item) -> tuple[ImportedFields, dict[str, object]]:
        status = STATUSES.get(item.status, "draft")
        assert status is not None
        problems: list[FieldProblem] = []

        def step(work: Callable[[], object], stand_in: object) -> object:
            try:
                return work()
            except FieldProblem as problem:
                problems.append(problem)
                return stand_in

        headline = _plain(item.title)
        if not headline:
            problems.append(FieldProblem(_("has no title. Give the post a title."), None))
        step(lambda: _check_length(headline, "title"), "")
        gmt = step(lambda: _when(item.post_date_gmt, ZoneInfo("UTC"), "post_date_gmt"), None)
        local = step(lambda: _when(item.post_date, self.zone, "post_date"), None)
        when = gmt or local
        assert when is None or isinstance(when, datetime)
        modified, remarks = _modified(item, when, self.run.now)
        converted = to_markdown(
            item.content, attachments=self.attachments, media=self.media.body_src
        )
        for name in converted.unknown_shortcodes:
            self.unknown_shortcodes[name] = self.unknown_shortcodes.get(name, 0) + 1
        thumbnail = self.attachments.get(int(item.meta.get("_thumbnail_id", "0") or 0))
        image = self.media.lead_image(thumbnail.url) if thumbnail else ""
        slug = str(step(lambda: _check_length(item.post_name, "slug"), ""))
        tags = tuple(html.unescape(t.name) for t in item.terms if t.domain == "post_tag" and t.name)
        for tag in tags:
            step(lambda tag=tag: _check_length(tag, "tag"), "")  # type: ignore[misc]
        creator = self.channel.authors.get(item.creator)
        authors = (
            ((creator.display_name if creator else item.creator, item.creator),)
            if item.creator
            else ()
        )
        section_id = None
        if not problems:
            try:
                section_id = self.section_id(item)
            except RedaksiError as error:
                problems.append(FieldProblem(str(error), None))
        if problems:
            raise FieldProblems(problems)
        kept: dict[str, object] = {}
        old = urlsplit(item.link)
        if old.path.strip("/") and not old.query:
            kept["aliases"] = [old.path]
        return (
            ImportedFields(
                article_id=None,
                headline=headline,
                body=converted.markdown,
                kicker="",
                slug=slug,
                lead=_plain(item.excerpt),
                section_id=section_id,
                language=self.language,
                status=status,
                authors=authors,
                tags=tags,
                lead_image=image,
                lead_image_caption=thumbnail.caption if thumbnail else "",
                lead_image_credit=thumbnail.credit if thumbnail else "",
                published_at=when if status == "published" else None,
                scheduled_at=when if status == "scheduled" else None,
                embargo_until=None,
                stated=frozenset({"status", "published_at", "scheduled_at", "embargo_until"}),
                ignored_keys=tuple(kept),
                modified_at=modified if status == "published" else None,
                remarks=remarks,
            ),
            kept,
        )

    def digest(self, item: Item) -> str:
        """The item and what it draws on elsewhere in the export (its featured image)."""
        thumbnail = self.attachments.get(int(item.meta.get("_thumbnail_id", "0") or 0))
        extra = json.dumps([thumbnail.__dict__ if thumbnail else None], sort_keys=True)
        return self.run.digest(item.raw + extra.encode())

    def add(self, item: Item) -> None:
        source = self.source(item)
        digest = self.digest(item)
        if self.run.known_unchanged(source, digest):
            return
        fields, kept = self.fields(item)
        self.run.add(Incoming(source, digest, fields, kept))


def is_wordpress_export(path: Path) -> bool:
    """An ``.xml`` file is read as a WordPress export; Markdown files and folders are not."""
    return path.suffix.lower() == ".xml" and not path.is_dir()


def _attachments(path: Path) -> tuple[dict[int, Attachment], int]:
    """Pass one: every attachment by post id, and how many posts there are."""
    attachments: dict[int, Attachment] = {}
    posts = 0
    for item in read_export(path, Channel()):
        if item.post_type == "attachment" and item.attachment_url:
            attachments[item.post_id] = _attachment(item)
        elif item.post_type == "post":
            posts += 1
    return attachments, posts


def _settings(uploads: Path | None) -> dict[str, str]:
    # The images found decide the bodies: another folder is another import.
    return {"uploads": str(uploads or ""), "pictures": "library"}


def import_wordpress(
    db: Database,
    path: Path,
    *,
    zone: str = "Asia/Jakarta",
    actor_id: uuid.UUID | None = None,
    uploads: Path | None = None,
    section_map: Mapping[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import the posts of the WordPress export at ``path`` (see the module's table).

    ``uploads`` is a copy of the site's ``wp-content/uploads`` folder, whose pictures come
    into the media library (editor.wordpress.media). The rest is as for
    editor.importer.import_paths.
    """
    settings = _settings(uploads)
    run = start_run(
        db, zone=zone, actor_id=actor_id, section_map=section_map, extra_settings=settings
    )
    report = run.report
    try:
        attachments, total = _attachments(path)
    except WxrError as error:
        report.problems.append(ImportProblem(path, None, str(error)))
        return run.finish()
    described = {item.url: item for item in attachments.values()}
    images = MediaImport(uploads, db, run.actor.actor_id, described)
    channel = Channel()
    posts = _Posts(run, path, channel, attachments, images)
    passed_over: dict[str, int] = {}
    done = 0
    items: Iterator[Item] = read_export(path, channel)
    try:
        for item in items:
            if item.post_type != "post" or STATUSES.get(item.status, "draft") is None:
                kind = item.post_type if item.post_type != "post" else item.status
                passed_over[kind] = passed_over.get(kind, 0) + 1
                continue
            if cancel is not None and cancel():
                report.cancelled = True
                break
            run.guarded(posts.source(item).path, lambda item=item: posts.add(item))  # type: ignore[misc]
            done += 1
            if progress is not None:
                progress(done, total)
    except WxrError as error:  # a fault after the first pass read it whole: a changed file
        report.problems.append(ImportProblem(path, None, str(error)))
    _notes(report, passed_over, posts.unknown_shortcodes, images, uploads)
    return run.finish()


def _notes(
    report: ImportReport,
    passed_over: dict[str, int],
    shortcodes: dict[str, int],
    images: MediaImport,
    uploads: Path | None,
) -> None:
    if passed_over:
        counted = ", ".join(f"{count} {kind}" for kind, count in sorted(passed_over.items()))
        report.notes.append(_("Not articles, passed over: {counted}.").format(counted=counted))
    if shortcodes:
        named = ", ".join(f"[{name}] ×{count}" for name, count in sorted(shortcodes.items()))
        report.notes.append(
            _(
                "Shortcodes kept as text (Redaksi has no equivalent; the pre-publish "
                "checklist names them): {named}."
            ).format(named=named)
        )
    if uploads is None:
        report.notes.append(
            _(
                "Images keep their old addresses: give the site's wp-content/uploads folder "
                "with --uploads to bring them into the media library."
            )
        )
    for url, reason in images.missing.items():
        report.notes.append(
            _("Image not found, kept at its old address: {url} ({reason})").format(
                url=url, reason=reason
            )
        )
