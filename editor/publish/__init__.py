"""Publishing the finished site: pages, lists, feeds, sitemaps and machine-readable copies.

Entry point: ``publish_site(db, settings, out_dir, ...)`` in ``editor.publish.site``
(re-exported here lazily, so importing ``visibility`` or ``urls`` stays cheap).

What a publish writes (paths inside the output folder)::

    index.html                          home: the newest articles
    read/YYYY/MM/DD/<id>/<slug>/        one article: index.html and ninjs.json (IPTC ninjs 3.1)
    <section path>/ [page/N/]           each section, newest first, 20 a page (a section whose
                                        first slug is a site folder moves under kanal/)
    tag/<slug>/ [page/N/]               each tag
    update/ [page/N/], populer/         the full UPDATE and Populer lists ("Selengkapnya")
    penulis/<handle>/ [page/N/]         each reporter's articles (JSON-LD author.url)
    sidebar/populer.json, update.json   the lists as data; in SSI mode also the fragments
                                        sidebar.inc, populer.inc, update.inc (not pages)
    rss.xml, atom.xml                   site feeds; <section path>/rss.xml and atom.xml per section
    sitemap.xml, news-sitemap.xml       (split with an index past 50,000 / 1,000 entries; the
                                        news sitemap only while something is two days old or less)
    robots.txt                          names the sitemaps
    media/<path>                        lead images, copied from the media folder
    favicon.ico, assets/site.css, assets/logo.png, share.png, icon-180.png
                                        (editor.publish.brand)

Nothing else: the publish's own state (each tree's manifest, path -> (input fingerprint,
content hash), the list of files in flux, the body cache and the lock) lives in a private
folder beside the trees (``editor.publish.private_state``), where no web server reads it.

An article page shows its correction notes (``editor.workflow.corrections``) in a Koreksi box
under the body; the feeds append them to the item. A body the renderer refuses (absurd
nesting) is published as escaped plain paragraphs and named in the report's problems.

Sidebar modes: ``embed`` puts the Populer and UPDATE lists in every page (a new article
then changes every page); ``ssi`` puts one ``<!--#include virtual="/sidebar/sidebar.inc"
-->`` in each page plus plain links, so only the fragment and the lists change.

The output folder is a symbolic link (on Windows without link rights, a junction) to one of
two trees in ``.<name>.publish/`` beside it (in a folder IT prepared, which is kept, the
switching link and the trees are inside it: ``editor.publish.inside_folder``); see
``editor.publish.atomic`` for why, and
``editor.publish.plan`` for what makes a file change. Readers only ever see public articles
(``editor.publish.visibility``). The publish never follows a link it did not make
(``editor.publish.safe_fs``), and in a folder a group shares it leaves everything
group-writable for the next member (``editor.publish.access``).

Work is spread over the machine's cores when there is a lot of it: bodies are rendered, and
in a full publish files are made and written, by worker processes forked from the
publishing process (``editor.publish.body``, ``editor.publish.building``). Forking is only
done from the main thread, so a publish the GUI runs in a background thread renders bodies
in spawned processes and makes its files in one.
"""

from __future__ import annotations

from typing import Any

__all__ = ["publish_site"]


def __getattr__(name: str) -> Any:
    if name == "publish_site":
        from editor.publish.site import publish_site

        return publish_site
    raise AttributeError(name)
