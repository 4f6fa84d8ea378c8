"""The pre-publish checklist: what an article needs before it is scheduled or published.

Rules (each gives one ``ChecklistItem``):

- a headline, a section and at least one byline;
- a lead image with its caption and its credit (the sample page shows "NATO/Net");
- alt text for every picture the article shows (``alt_text_item``, from the library);
- a credit line under each picture in the body, as under the lead (``picture_credits``);
- no leftover markers in the headline, lead or body: ``TK`` as a whole word (the
  journalists' "to come"; ``TKTK`` too, but not ``TKI``) and ``[[...]]`` notes. "TK" also
  abbreviates *taman kanak-kanak* (kindergarten), so a single ``TK`` naming one ("TK
  Pertiwi", "TK Negeri 2") or following a school word ("siswa TK", "guru TK") is not a
  marker; any other, an editor may override;
- no code of a site generator left in the body (a Hugo shortcode, Jekyll's Liquid, a
  WordPress shortcode an import could not convert, a kramdown attribute: editor.shortcodes),
  which readers would see as literal text;
- the body's length within the section's word budget: between half and one and a half
  times ``Section.word_target`` (a section without a target uses its nearest parent's;
  no target anywhere means no length rule);
- no unresolved spelling or house-style problems, blocking or only warning as the
  newsroom chose (``spelling_item``).

An editor may publish past failed items with a reason, which the audit log keeps.
"""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import ValidationError
from editor.i18n import N_, _
from editor.models import Section
from editor.records import ArticleRecord
from editor.shortcodes import find_site_code
from editor.workflow.picture_credits import credit_problem

if TYPE_CHECKING:
    from editor.workflow.spelling_item import WordExceptions

#: The body may be this fraction shorter or longer than the section's word target.
LENGTH_TOLERANCE = 0.5
TK_MARKER = re.compile(r"\bTK(?:TK)*\b")
#: A kindergarten's name follows "TK" (a capital or a number) ...
_SCHOOL_NAME_AFTER = re.compile(r"[ \t]*[/-]?[ \t]*[A-Z0-9]")
#: ... or a school word comes just before it.
_SCHOOL_WORD_BEFORE = re.compile(
    r"\b(?:guru|murid|siswa|sekolah|anak|tingkat|jenjang|lulusan|kelas|PAUD|pendidikan)"
    r"[ \t]+$",
    re.IGNORECASE,
)
NOTE_MARKER = re.compile(r"\[\[[^\n]*?\]\]")
MARKER_FIELDS = (("headline", N_("headline")), ("lead", N_("lead")), ("body", N_("body")))


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    ok: bool
    #: What is wrong and what to do about it; empty when the item passes.
    problem: str = ""
    #: False for an item that is shown before a publish but does not stop it.
    blocking: bool = True


class ChecklistError(ValidationError):
    """Publishing or scheduling refused: the article misses items of the checklist."""

    def __init__(self, message: str, missing: tuple[ChecklistItem, ...]) -> None:
        super().__init__(message)
        self.missing = missing


def word_budget(target: int) -> tuple[int, int] | None:
    """The allowed body length in words for a section target, or None for no rule."""
    if target <= 0:
        return None
    return math.ceil(target * (1 - LENGTH_TOLERANCE)), math.floor(target * (1 + LENGTH_TOLERANCE))


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _is_kindergarten(text: str, match: re.Match[str], *, title_case: bool) -> bool:
    if match.group(0) != "TK":
        return False  # TKTK is always the marker
    before = text[max(0, match.start() - 20) : match.start()]
    if _SCHOOL_WORD_BEFORE.search(before):
        return True
    # Headlines capitalise every word ("Gempa Tewaskan TK Orang"): a capital after TK
    # says nothing there.
    return not title_case and bool(_SCHOOL_NAME_AFTER.match(text, match.end()))


def marker_problems(record: ArticleRecord) -> list[str]:
    problems = []
    for attribute, label in MARKER_FIELDS:
        text = str(getattr(record, attribute))
        for pattern in (TK_MARKER, NOTE_MARKER):
            for match in pattern.finditer(text):
                title_case = attribute == "headline"
                if pattern is TK_MARKER and _is_kindergarten(text, match, title_case=title_case):
                    continue
                where = _(label)
                if attribute == "body":
                    where = _("body, line {line}").format(line=_line_of(text, match.start()))
                problems.append(
                    _("leftover marker “{marker}” in the {where}").format(
                        marker=match.group(0), where=where
                    )
                )
    return problems


def run_checklist(record: ArticleRecord, word_target: int = 0) -> tuple[ChecklistItem, ...]:
    """Every checklist item for ``record``; ``word_target`` is its section's target."""

    def item(key: str, ok: bool, problem: str) -> ChecklistItem:
        return ChecklistItem(key, ok, "" if ok else problem)

    markers = marker_problems(record)
    credits = credit_problem(record.body)
    site_code = find_site_code(record.body)
    budget = word_budget(word_target)
    length_ok = budget is None or budget[0] <= record.word_count <= budget[1]
    length_problem = ""
    if budget is not None:
        length_problem = _(
            "the body has {words} words; this section asks for {low}–{high} "
            "(target {target}). Cut or add, or ask for an override"
        ).format(words=record.word_count, low=budget[0], high=budget[1], target=word_target)
    return (
        item("headline", bool(record.headline.strip()), _("no headline")),
        item("section", record.section_id is not None, _("no section chosen")),
        item("byline", bool(record.bylines), _("no byline: add the reporter")),
        item("lead_image", bool(record.lead_image.strip()), _("no lead image")),
        item("lead_image_caption", bool(record.lead_image_caption.strip()), _("no image caption")),
        item(
            "lead_image_credit",
            bool(record.lead_image_credit.strip()),
            _("no image credit (who took the photo, e.g. NATO/Net)"),
        ),
        item("body_picture_credits", not credits, credits),
        item("markers", not markers, "; ".join(markers)),
        item(
            "site_code",
            not site_code,
            _(
                "the body holds code of the old site that Redaksi does not run and would "
                "show as text: {names}. Replace or remove it"
            ).format(names=", ".join(site_code)),
        ),
        item("length", length_ok, length_problem),
    )


def missing_items(items: tuple[ChecklistItem, ...]) -> tuple[ChecklistItem, ...]:
    """The failed items that stop a publish."""
    return tuple(item for item in items if not item.ok and item.blocking)


def warning_items(items: tuple[ChecklistItem, ...]) -> tuple[ChecklistItem, ...]:
    """The failed items that are only shown."""
    return tuple(item for item in items if not item.ok and not item.blocking)


def section_word_target(session: Session, section_id: uuid.UUID | None) -> int:
    """The section's word target, else its nearest parent's; 0 for none."""
    seen: set[uuid.UUID] = set()
    while section_id is not None and section_id not in seen:
        seen.add(section_id)
        section = session.get(Section, section_id)
        if section is None:
            return 0
        if section.word_target > 0:
            return section.word_target
        section_id = section.parent_id
    return 0


def checklist_for(
    db: Database, record: ArticleRecord, exceptions: WordExceptions | None = None
) -> tuple[ChecklistItem, ...]:
    """The checklist of an article as it stands in ``record``, with its spelling item
    (``exceptions``: the words the person accepted or ignored in it)."""
    from editor.workflow.alt_text_item import alt_text_item
    from editor.workflow.spelling_item import WordExceptions, spelling_item

    with db.transaction() as session:
        target = section_word_target(session, record.section_id)
        alt_text = alt_text_item(session, record)
        spelling = spelling_item(session, record, exceptions or WordExceptions())
    return run_checklist(record, target) + (alt_text,) + ((spelling,) if spelling else ())


def refusal_text(headline: str, verb: str, missing: tuple[ChecklistItem, ...]) -> str:
    """``verb`` is "publish" or "schedule"."""
    listed = "\n".join(f"  - {item.problem}" for item in missing)
    if verb == "schedule":
        text = _(
            "Cannot schedule “{headline}” yet; the checklist misses:\n{listed}\n"
            "Fix these, or (editors) override with a reason."
        )
    else:
        text = _(
            "Cannot publish “{headline}” yet; the checklist misses:\n{listed}\n"
            "Fix these, or (editors) override with a reason."
        )
    return text.format(headline=headline or _("Untitled"), listed=listed)
