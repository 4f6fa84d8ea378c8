"""The ``redaksi`` commands, run in-process: output, exit codes and error messages."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest

from editor import __version__
from editor.cli import COMMAND_GROUPS, known_commands, main
from editor.database import open_database

NATO = "Hadapi Ancaman China dan Rusia, NATO akan Buka Kantor di Jepang"


@pytest.fixture
def demo_url(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", sqlite_url, "demo"]) == 0
    capsys.readouterr()
    return sqlite_url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, url: str, *options: str) -> dict:
    code, out, err = run(capsys, "--db", url, "list", "--json", *options)
    assert code == 0, err
    return json.loads(out)


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"redaksi {__version__}"


def test_every_command_group_registers_commands():
    commands = known_commands()
    expected = {"list", "show", "search", "sections", "people", "import", "export-md", "demo"}
    assert expected <= commands
    assert "editor.cli.articles" in COMMAND_GROUPS


def test_no_command_or_a_bad_option_is_a_usage_error(capsys):
    assert run(capsys, "--db", "x.db")[0] == 2
    code, _, err = run(capsys, "list", "--limit", "many")
    assert code == 2
    assert "'many' is not a whole number" in err


def test_demo_prints_what_it_created_and_then_that_nothing_was_added(sqlite_url, capsys):
    code, out, _ = run(capsys, "--db", sqlite_url, "demo")
    assert code == 0
    assert f"+ article: {NATO} [published]" in out
    assert "+ section: berita/dunia" in out
    assert "+ person: Sarah Meiliana Gunawan (reporter)" in out
    assert "Created 8 sections, 6 people and 24 articles." in out
    code, out, _ = run(capsys, "--db", sqlite_url, "demo")
    assert code == 0
    assert "nothing was added" in out
    assert "+ article" not in out


def test_list_shows_a_readable_table(demo_url, capsys):
    code, out, _ = run(capsys, "--db", demo_url, "list", "--section", "dunia")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "STATUS", "SECTION", "TIME", "BYLINE", "HEADLINE"]
    nato_row = next(line for line in lines if NATO in line)
    assert "2023-05-04 07:56 WIB" in nato_row
    assert "Sarah Meiliana Gunawan" in nato_row
    assert "published" in nato_row
    assert "1–4 of 4 articles." in out


def test_list_json_filters(demo_url, capsys):
    assert listed(capsys, demo_url)["total"] == 24
    published = listed(capsys, demo_url, "--status", "published", "--limit", "100")
    assert published["total"] == 18
    assert {item["status"] for item in published["items"]} == {"published"}
    several = listed(capsys, demo_url, "--status", "draft,submitted", "--status", "scheduled")
    assert sorted(i["status"] for i in several["items"]) == ["draft", "scheduled", "submitted"]
    by_sarah = listed(capsys, demo_url, "--author", "Sarah Meiliana Gunawan", "--limit", "100")
    assert NATO in [item["headline"] for item in by_sarah["items"]]
    assert all("Sarah" in item["byline"] for item in by_sarah["items"])
    tagged = listed(capsys, demo_url, "--tag", "nato")
    assert [item["headline"] for item in tagged["items"]] == [NATO]


def test_list_dates_are_whole_days_in_the_newsroom_zone(demo_url, capsys):
    # 00:20 WIB on 17 January is still 16 January in UTC: the day must be the WIB day.
    update = listed(
        capsys,
        demo_url,
        "--status",
        "published",
        "--from",
        "2026-01-17",
        "--to",
        "2026-01-17",
        "--sort",
        "published_at",
    )
    assert update["total"] == 10
    times = [item["published_at"] for item in update["items"]]
    assert times == sorted(times, reverse=True)
    assert times[-1] == "2026-01-16T17:20:00+00:00"
    january = listed(
        capsys,
        demo_url,
        "--date-field",
        "published_at",
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-31",
    )
    assert january["total"] == 17


def test_list_sorts_and_pages(demo_url, capsys):
    first = listed(capsys, demo_url, "--sort", "headline", "--limit", "5")
    second = listed(capsys, demo_url, "--sort", "headline", "--limit", "5", "--offset", "5")
    headlines = [i["headline"] for i in first["items"] + second["items"]]
    assert headlines == sorted(headlines, key=str.lower)
    assert len(set(headlines)) == 10
    reverse = listed(capsys, demo_url, "--sort", "headline", "--desc", "--limit", "1")
    everything = listed(capsys, demo_url, "--sort", "headline", "--limit", "100")
    assert reverse["items"][0]["headline"] == everything["items"][-1]["headline"]
    code, out, _ = run(capsys, "--db", demo_url, "list", "--limit", "5")
    assert code == 0
    assert "1–5 of 24 articles. Next page: --offset 5" in out


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--status", "done"], "Unknown status done. Choose from: draft"),
        (["--section", "cuaca"], "Unknown section 'cuaca'. Known sections: berita"),
        (["--author", "Nobody Here"], "Unknown person 'Nobody Here'"),
        (["--from", "17-01-2026"], "'17-01-2026' is not a date; write it as YYYY-MM-DD."),
        (["--from", "2026-02-01", "--to", "2026-01-01"], "--to is before --from"),
    ],
)
def test_list_user_errors_exit_1_with_one_clear_line(demo_url, capsys, options, message):
    code, out, err = run(capsys, "--db", demo_url, "list", *options)
    assert code == 1
    assert out == ""
    assert err.startswith("redaksi: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_show_by_unique_prefix(demo_url, capsys):
    nato = listed(capsys, demo_url, "--tag", "nato")["items"][0]
    code, out, _ = run(capsys, "--db", demo_url, "show", nato["id"][:6])
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == NATO
    assert "Byline:        Sarah Meiliana Gunawan" in out
    assert "Published:     2023-05-04 07:56 WIB" in out
    assert "Section:       berita/dunia" in out
    assert "Caption:       Ilustrasi: mawar kompas, lambang NATO" in out
    assert "Credit:        Redaksi" in out
    assert out.rstrip().endswith("sebelum pertemuan puncak NATO pada bulan Juli mendatang.")
    assert "Menurut Nikke Asia, kantor tersebut akan dibuka di Tokyo" in out


def test_show_json_has_the_full_record(demo_url, capsys):
    nato_id = listed(capsys, demo_url, "--tag", "nato")["items"][0]["id"]
    code, out, _ = run(capsys, "--db", demo_url, "show", nato_id.upper(), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == nato_id
    assert data["bylines"] == ["Sarah Meiliana Gunawan"]
    assert data["published_at"] == "2023-05-04T00:56:00+00:00"
    assert data["body"].startswith("Pakta Pertahanan Atlantik Utara (NATO)")


def insert_article_with_id(url: str, article_id: uuid.UUID, headline: str) -> None:
    from editor.models import Article, ArticleBody

    db = open_database(url)
    with db.transaction() as session:
        session.add(Article(id=article_id, headline=headline, body=ArticleBody(markdown="")))
    db.close()


@pytest.mark.parametrize(
    "database", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_show_refuses_an_ambiguous_or_unknown_prefix(database, request, capsys):
    url = request.getfixturevalue("sqlite_url" if database == "sqlite" else "pg_url")
    insert_article_with_id(url, uuid.UUID("abcd1234-0000-4000-8000-000000000001"), "Satu")
    insert_article_with_id(url, uuid.UUID("abcd1299-0000-4000-8000-000000000002"), "Dua")
    code, out, err = run(capsys, "--db", url, "show", "abcd12")
    assert code == 1
    assert "matches more than one article" in err
    assert "Satu" in err and "Dua" in err
    code, out, _ = run(capsys, "--db", url, "show", "abcd-1234-0")
    assert code == 0
    assert out.startswith("Satu\n")
    code, out, _ = run(capsys, "--db", url, "show", "abcd1299-0000-4000-8000-000000000002")
    assert code == 0
    assert out.startswith("Dua\n")
    code, _, err = run(capsys, "--db", url, "show", "ffff")
    assert code == 1
    assert "No article id starts with 'ffff'" in err
    code, _, err = run(capsys, "--db", url, "show", "ab")
    assert code == 1
    assert "at least 4 characters" in err
    code, _, err = run(capsys, "--db", url, "show", "not-an-id")
    assert code == 1
    assert "'not-an-id' is not an article id" in err


def test_search_brackets_matches_when_not_a_terminal(demo_url, capsys):
    code, out, _ = run(capsys, "--db", demo_url, "search", "NATO")
    assert code == 0
    first, snippet = out.splitlines()[:2]
    assert first.startswith(f"1. {NATO}  [published]")
    assert "[NATO]" in snippet
    assert "\033[" not in out


def test_search_uses_bold_on_a_terminal(demo_url, capsys, monkeypatch):
    monkeypatch.setattr("editor.cli.articles.is_terminal", lambda: True)
    code, out, _ = run(capsys, "--db", demo_url, "search", "kantor", "jepang")
    assert code == 0
    assert "\033[1mkantor\033[0m" in out.lower()
    assert "[kantor]" not in out.lower()


def test_search_json_and_no_hits(demo_url, capsys):
    code, out, _ = run(capsys, "--db", demo_url, "search", "Persib", "--json")
    hits = json.loads(out)
    assert [hit["headline"] for hit in hits] == [
        "Tembok Pertahanan Persib Kunci Sukses Juara Paruh Musim"
    ]
    code, out, _ = run(capsys, "--db", demo_url, "search", "zebra")
    assert code == 0
    assert out.strip() == "Nothing found for “zebra”."


def test_sections_and_people_list_and_add(sqlite_url, capsys):
    assert run(capsys, "--db", sqlite_url, "sections", "add", "Berita")[0] == 0
    code, out, _ = run(capsys, "sections", "add", "Hukum", "--parent", "berita", "--db", sqlite_url)
    assert code == 0
    assert out.strip() == "Added section Hukum (berita/hukum)."
    code, out, _ = run(capsys, "--db", sqlite_url, "sections")
    assert out.splitlines()[1:] == ["Berita   berita", "  Hukum  berita/hukum"]
    code, _, err = run(capsys, "--db", sqlite_url, "sections", "add", "X", "--parent", "nope")
    assert code == 1
    assert "Unknown section 'nope'" in err

    code, out, _ = run(
        capsys, "--db", sqlite_url, "people", "add", "Ruslan Hakim", "--role", "editor"
    )
    assert code == 0
    assert out.strip() == "Added editor Ruslan Hakim (handle ruslan-hakim)."
    code, out, _ = run(capsys, "--db", sqlite_url, "people", "--json")
    assert [(p["name"], p["role"]) for p in json.loads(out)] == [("Ruslan Hakim", "editor")]
    assert run(capsys, "--db", sqlite_url, "people", "add", "X", "--role", "boss")[0] == 2


def test_empty_lists_say_how_to_add(sqlite_url, capsys):
    assert "redaksi sections add" in run(capsys, "--db", sqlite_url, "sections")[1]
    assert "redaksi people add" in run(capsys, "--db", sqlite_url, "people")[1]
    assert run(capsys, "--db", sqlite_url, "list")[1].strip() == "No articles match."


def test_a_corrupt_database_is_refused_with_the_core_message(tmp_path: Path, capsys):
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"this is not sqlite" * 100)
    code, out, err = run(capsys, "--db", str(damaged), "list")
    assert code == 1
    assert out == ""
    assert str(damaged) in err
    assert "Redaksi database" in err
    assert "backup" in err
    assert "Traceback" not in err
    assert damaged.read_bytes() == b"this is not sqlite" * 100


def test_a_newer_database_is_refused(sqlite_url, tmp_path, capsys):
    open_database(sqlite_url).close()
    connection = sqlite3.connect(tmp_path / "newsroom.db")
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    code, _, err = run(capsys, "--db", sqlite_url, "list")
    assert code == 1
    assert "newer Redaksi" in err


def test_the_default_database_is_in_the_user_data_folder(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert run(capsys, "sections", "add", "Berita")[0] == 0
    assert (tmp_path / "data" / "Redaksi" / "redaksi.db").exists()


def test_a_damaged_config_is_a_warning_not_a_failure(sqlite_url, capsys, tmp_path, monkeypatch):
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    (config / "Redaksi").mkdir(parents=True)
    (config / "Redaksi" / "config.toml").write_text("zone = = 1\n")
    code, out, err = run(capsys, "--db", sqlite_url, "list")
    assert code == 0
    assert out.strip() == "No articles match."
    assert "warning" in err and "config.toml" in err and "line 1" in err


def test_config_set_and_show(capsys):
    code, out, _ = run(capsys, "config", "set", "zone", "Asia/Makassar")
    assert code == 0
    code, out, _ = run(capsys, "config")
    assert "zone = Asia/Makassar" in out.splitlines()
    code, _, err = run(capsys, "config", "set", "zone", "Makassar")
    assert code == 1
    assert "Unknown time zone 'Makassar'" in err


def test_times_follow_the_zone_setting(demo_url, capsys):
    assert run(capsys, "config", "set", "zone", "Asia/Jayapura")[0] == 0
    code, out, _ = run(capsys, "--db", demo_url, "list", "--tag", "nato")
    assert code == 0
    assert "2023-05-04 09:56 WIT" in out


@pytest.mark.postgres
def test_postgresql_urls_work_as_typed(pg_url, capsys):
    typed = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    code, out, err = run(capsys, "--db", typed, "demo")
    assert code == 0, err
    assert "Created 8 sections" in out
    code, out, _ = run(capsys, "--db", typed, "search", "NATO")
    assert out.startswith(f"1. {NATO}")


def test_a_database_failure_mid_command_is_one_line_not_a_traceback(
    sqlite_url, capsys, monkeypatch
):
    from sqlalchemy.exc import OperationalError

    def server_gone(*_args, **_kwargs):
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    monkeypatch.setattr("editor.listing.list_articles", server_gone)
    code, out, err = run(capsys, "--db", sqlite_url, "list")
    assert code == 1
    assert out == ""
    assert err.strip() == (
        "redaksi: the database reported an error; nothing more was changed: "
        "server closed the connection"
    )
