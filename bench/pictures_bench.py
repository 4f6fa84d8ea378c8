"""Pictures benchmark: what renditions cost, and a cold publish of a newsroom with photos.

1. Rendition cost per picture: for each demo photo (resources/demo/photos), the demo's
   drawn illustration and a phone-camera-sized photo (the Hubble photo scaled to
   4032 x 3024 and saved as a camera would), the time to decode it once, then for each
   width the publish makes, the time to resize it from the original and to encode WebP
   and JPEG, and the bytes written; then the whole ``make_renditions`` as a publish calls
   it (each smaller width resized from the one above, so less than the sum).
2. A cold publish with pictures: the 10,000-article newsroom of bench/publish_bench.py,
   one article in ``--every`` (default 10) given a lead picture from the library (the demo
   photos, plus ``--variants`` copies of them made distinct, so that many pictures need
   renditions), published with an empty cache, published again (no rendition is made
   again for an unchanged picture), and once more after one picture is replaced.

    .venv/bin/python bench/pictures_bench.py                      # both parts
    .venv/bin/python bench/pictures_bench.py --skip-publish       # renditions only
    .venv/bin/python bench/pictures_bench.py --articles 1000 --variants 20   # a quick run

Everything is written under ``--work`` (default build/bench-pictures, which git ignores).
Figures on a machine that is busy with other work are several times slower: the load
average is printed first, to report beside them.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
from importlib import resources
from pathlib import Path

from PIL import Image
from sqlalchemy import select, update

from editor.config import Settings
from editor.database import Database, open_database
from editor.demo_pictures import compass_rose
from editor.media.intake import Picture, check_picture
from editor.media.library import add_picture
from editor.media.renditions import (
    ENCODINGS,
    THREADS,
    _encode,
    _resized,
    make_renditions,
    sizes_for,
)
from editor.media.usage import replace_media
from editor.models import Article
from editor.people import create_person
from editor.publish import publish_site
from editor.publish.report import PublishReport

sys.path.insert(0, str(Path(__file__).resolve().parent))
from publish_bench import NOW, ZONE, generate, timed

REPO = Path(__file__).resolve().parent.parent


def demo_photos() -> list[tuple[str, bytes]]:
    folder = resources.files("resources.demo.photos")
    found = [
        (entry.name, entry.read_bytes())
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith((".jpg", ".png"))
    ]
    return found


def camera_photo(source: bytes) -> bytes:
    """A 12-megapixel JPEG as a phone saves it, from one of the demo photos."""
    with Image.open(io.BytesIO(source)) as image:
        big = image.convert("RGB").resize((4032, 3024), Image.Resampling.BICUBIC)
    out = io.BytesIO()
    big.save(out, "JPEG", quality=92)
    return out.getvalue()


def bench_renditions(pictures: list[tuple[str, bytes]]) -> None:
    print(
        f"Rendition cost per picture (JPEG quality and WebP method as published; {THREADS} "
        "threads in a publish)"
    )
    print(
        "| picture | pixels | decode ms | width | resize ms | WebP ms | WebP bytes "
        "| JPEG ms | JPEG bytes |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, data in pictures:
        seconds, image = timed(lambda data=data: _decoded(data))
        width, height = image.size
        row = f"| {name} | {width}x{height} | {seconds * 1000:.0f} |"
        sizes = sizes_for(width, height)
        for size in reversed(sizes):  # from the original, each size on its own
            resize_s, small = timed(lambda size=size, image=image: _resized(image, size))
            cells = []
            for _extension, kind, _mime in ENCODINGS:
                encode_s, encoded = timed(lambda kind=kind, small=small: _encode(small, kind, None))
                cells.append(f"{encode_s * 1000:.0f} | {len(encoded):,}")
            print(f"{row} {size.width} | {resize_s * 1000:.0f} | {' | '.join(cells)} |")
            row = "| | | |"
        whole, made = timed(lambda data=data, sizes=sizes: make_renditions(data, sizes))
        total = sum(len(content) for content in made.values())
        print(
            f"| **{name}: make_renditions** | | | {len(sizes)} sizes | | "
            f"{whole * 1000:.0f} ms in all | {total:,} bytes in all | | |"
        )


def _decoded(data: bytes) -> Image.Image:
    from PIL import ImageOps

    with Image.open(io.BytesIO(data)) as opened:
        image = ImageOps.exif_transpose(opened)
        image.load()
    return image.convert("RGB")


def _variant(picture: Picture, number: int) -> Picture:
    """The same photo with one pixel changed: other bytes, so the library keeps another."""
    with Image.open(io.BytesIO(picture.data)) as image:
        copy = image.convert("RGB")
    copy.putpixel((number % copy.width, 0), (number % 256, (number // 256) % 256, 7))
    out = io.BytesIO()
    copy.save(out, "JPEG", quality=90)
    return check_picture(out.getvalue(), f"varian-{number}-{picture.name}")


def add_pictures(db: Database, photos: list[tuple[str, bytes]], variants: int) -> list[str]:
    originals = [check_picture(data, name) for name, data in photos]
    pictures = list(originals)
    pictures += [_variant(originals[n % len(originals)], n) for n in range(variants)]
    refs = []
    for picture in pictures:
        added = add_picture(
            db,
            picture,
            caption=f"Foto {picture.name}",
            credit="Redaksi",
            alt_text=f"Foto contoh {picture.name}",
            checked=True,
        )
        refs.append(added.record.ref)
    return refs


def give_pictures(db: Database, refs: list[str], every: int) -> int:
    with db.transaction() as session:
        ids = session.scalars(select(Article.id).order_by(Article.published_at.desc())).all()
        chosen = ids[::every]
        for number, article_id in enumerate(chosen):
            session.execute(
                update(Article)
                .where(Article.id == article_id)
                .values(
                    lead_image=refs[number % len(refs)],
                    lead_image_caption="Foto contoh",
                    lead_image_credit="Redaksi",
                )
            )
    return len(chosen)


def bench_publish(work: Path, articles: int, every: int, variants: int) -> None:
    folder = work / f"publish-{articles}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    url = f"sqlite:///{folder / 'newsroom.db'}"
    db = open_database(url)
    print(f"\nCold publish of {articles:,} articles with pictures")
    seconds, _stories = timed(lambda: generate(db, articles))
    print(f"    generated in {seconds:.1f} s")
    photos = demo_photos()
    seconds, refs = timed(lambda: add_pictures(db, photos, variants))
    print(
        f"    {len(refs)} pictures in the library ({len(photos)} demo photos, {variants} "
        f"variants) in {seconds:.1f} s"
    )
    shown = give_pictures(db, refs, every)
    print(f"    {shown:,} articles have a lead picture (one in {every})")
    settings = Settings(database_url=url, zone=ZONE, site_name="Redaksi Bench")
    out, cache = folder / "site", folder / "cache"

    def publish(full: bool) -> PublishReport:
        return publish_site(db, settings, out, full=full, now=NOW, cache_dir=cache)

    seconds, report = timed(lambda: publish(True))
    media = sum(f.stat().st_size for f in (out / "media").rglob("*") if f.is_file())
    print(
        f"    cold full publish:   {seconds:7.2f} s  ({report.files:,} files, "
        f"{report.pictures_made} pictures' renditions made, {media / 1e6:.1f} MB of them)"
    )
    seconds, report = timed(lambda: publish(True))
    print(f"    full publish again:  {seconds:7.2f} s  ({report.pictures_made} renditions made)")
    old = refs[0].removeprefix("media:")
    new = _variant(check_picture(photos[0][1], photos[0][0]), 99_999)
    editor = create_person(db, "Editor Foto", role="editor")
    replaced = replace_media(db, old, new, actor_id=editor.id)
    seconds, report = timed(lambda: publish(False))
    print(
        f"    incremental after replacing one picture ({len(replaced.articles)} articles): "
        f"{seconds:.2f} s ({report.pictures_made} picture's renditions made, "
        f"{len(report.written)} files written)"
    )
    db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--every", type=int, default=10, help="one article in N has a picture")
    parser.add_argument(
        "--variants", type=int, default=100, help="distinct copies of the demo photos to add"
    )
    parser.add_argument("--work", type=Path, default=REPO / "build" / "bench-pictures")
    parser.add_argument("--skip-renditions", action="store_true")
    parser.add_argument("--skip-publish", action="store_true")
    args = parser.parse_args(argv)
    print(
        f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} "
        f"on {os.cpu_count()} cores"
    )
    if not args.skip_renditions:
        photos = demo_photos()
        pictures = [
            *photos,
            ("compass rose (drawn).png", compass_rose()),
            ("camera 12 MP.jpg", camera_photo(dict(photos)["hubble_deep_field.jpg"])),
        ]
        bench_renditions(pictures)
    if not args.skip_publish:
        bench_publish(args.work, args.articles, args.every, args.variants)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
