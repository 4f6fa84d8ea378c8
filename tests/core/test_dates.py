"""Newsroom dates: the exact strings of the reference page, and every zone and name."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from editor.dates import (
    dateline,
    list_time,
    local_date,
    parse_local,
    status_time,
    zone_abbreviation,
)

JAKARTA = "Asia/Jakarta"
SAMPLE_INSTANT = datetime(2023, 5, 4, 0, 56, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_dateline_matches_the_reference_page() -> None:
    line = dateline(SAMPLE_INSTANT, zone=JAKARTA, language="id", byline="Sarah Meiliana Gunawan")
    assert line == "KAMIS, 04 MEI 2023 | 07:56 WIB | LAPORAN: SARAH MEILIANA GUNAWAN"


def test_dateline_without_byline_has_no_reporter_part() -> None:
    assert dateline(SAMPLE_INSTANT, zone=JAKARTA, language="id", byline="") == (
        "KAMIS, 04 MEI 2023 | 07:56 WIB"
    )
    assert dateline(SAMPLE_INSTANT, zone=JAKARTA, language="id", byline="   ") == (
        "KAMIS, 04 MEI 2023 | 07:56 WIB"
    )


def test_dateline_collapses_stray_spaces_in_the_byline() -> None:
    line = dateline(SAMPLE_INSTANT, zone=JAKARTA, language="id", byline="  Sarah   Meiliana ")
    assert line.endswith("| LAPORAN: SARAH MEILIANA")


def test_english_dateline() -> None:
    line = dateline(SAMPLE_INSTANT, zone=JAKARTA, language="en", byline="Jane Doe")
    assert line == "THURSDAY, 04 MAY 2023 | 07:56 WIB | REPORTING: JANE DOE"


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Asia/Jakarta", "KAMIS, 04 MEI 2023 | 07:56 WIB"),
        ("Asia/Pontianak", "KAMIS, 04 MEI 2023 | 07:56 WIB"),
        ("Asia/Makassar", "KAMIS, 04 MEI 2023 | 08:56 WITA"),
        ("Asia/Jayapura", "KAMIS, 04 MEI 2023 | 09:56 WIT"),
    ],
)
def test_same_instant_in_the_three_indonesian_zones(zone: str, expected: str) -> None:
    assert dateline(SAMPLE_INSTANT, zone=zone, language="id", byline="") == expected


# Every Populer and UPDATE time on the reference page, as local WIB wall-clock times.
SAMPLE_LIST_TIMES = [
    "Minggu, 11 Januari 2026 | 04:59",
    "Rabu, 14 Januari 2026 | 12:09",
    "Rabu, 14 Januari 2026 | 05:09",
    "Minggu, 11 Januari 2026 | 08:46",
    "Sabtu, 10 Januari 2026 | 06:39",
    "Rabu, 07 Januari 2026 | 13:00",
    "Selasa, 06 Januari 2026 | 13:15",
    "Sabtu, 17 Januari 2026 | 03:36",
    "Sabtu, 17 Januari 2026 | 03:19",
    "Sabtu, 17 Januari 2026 | 02:59",
    "Sabtu, 17 Januari 2026 | 02:40",
    "Sabtu, 17 Januari 2026 | 02:12",
    "Sabtu, 17 Januari 2026 | 01:49",
    "Sabtu, 17 Januari 2026 | 01:27",
    "Sabtu, 17 Januari 2026 | 01:01",
    "Sabtu, 17 Januari 2026 | 00:45",
    "Sabtu, 17 Januari 2026 | 00:20",
]
MONTHS_ID = {"Januari": 1}


def _utc_instant_of(sample: str) -> datetime:
    """The UTC instant behind a sample line, worked out independently of editor.dates."""
    day_part, clock = sample.split(" | ")
    _weekday, rest = day_part.split(", ")
    day, month, year = rest.split(" ")
    hour, minute = clock.split(":")
    wib = timezone(timedelta(hours=7))
    local = datetime(int(year), MONTHS_ID[month], int(day), int(hour), int(minute), tzinfo=wib)
    return local.astimezone(UTC)


@pytest.mark.parametrize("sample", SAMPLE_LIST_TIMES)
def test_every_list_time_on_the_reference_page(sample: str) -> None:
    assert list_time(_utc_instant_of(sample), zone=JAKARTA, language="id") == sample


def test_list_time_crosses_the_date_line_from_utc() -> None:
    # 17:20 UTC on Friday is already 00:20 on Saturday in Jakarta.
    instant = utc(2026, 1, 16, 17, 20)
    assert list_time(instant, zone=JAKARTA, language="id") == "Sabtu, 17 Januari 2026 | 00:20"
    assert local_date(instant, JAKARTA).isoformat() == "2026-01-17"
    assert local_date(instant, "UTC").isoformat() == "2026-01-16"


def test_midnight_is_zero_hundred_not_twenty_four() -> None:
    midnight_wib = utc(2025, 12, 31, 17, 0)
    assert list_time(midnight_wib, zone=JAKARTA, language="id") == "Kamis, 01 Januari 2026 | 00:00"
    assert list_time(midnight_wib, zone=JAKARTA, language="en") == (
        "Thursday, 01 January 2026 | 00:00"
    )
    one_minute_before = midnight_wib - timedelta(minutes=1)
    assert list_time(one_minute_before, zone=JAKARTA, language="id") == (
        "Rabu, 31 Desember 2025 | 23:59"
    )


def test_new_year_arrives_earlier_in_papua_than_in_jakarta() -> None:
    instant = utc(2025, 12, 31, 15, 30)
    assert list_time(instant, zone="Asia/Jayapura", language="id") == (
        "Kamis, 01 Januari 2026 | 00:30"
    )
    assert list_time(instant, zone="Asia/Makassar", language="id") == (
        "Rabu, 31 Desember 2025 | 23:30"
    )
    assert list_time(instant, zone=JAKARTA, language="id") == "Rabu, 31 Desember 2025 | 22:30"


def test_english_list_time() -> None:
    instant = _utc_instant_of("Minggu, 11 Januari 2026 | 04:59")
    assert list_time(instant, zone=JAKARTA, language="en") == "Sunday, 11 January 2026 | 04:59"


DAYS = [
    ("Senin", "Monday"),
    ("Selasa", "Tuesday"),
    ("Rabu", "Wednesday"),
    ("Kamis", "Thursday"),
    ("Jumat", "Friday"),
    ("Sabtu", "Saturday"),
    ("Minggu", "Sunday"),
]


@pytest.mark.parametrize("offset", range(7))
def test_all_seven_day_names(offset: int) -> None:
    # 5 January 2026 is a Monday; noon WIB is 05:00 UTC.
    instant = utc(2026, 1, 5 + offset, 5, 0)
    indonesian, english = DAYS[offset]
    assert list_time(instant, zone=JAKARTA, language="id").startswith(f"{indonesian}, ")
    assert list_time(instant, zone=JAKARTA, language="en").startswith(f"{english}, ")
    assert dateline(instant, zone=JAKARTA, language="id", byline="").startswith(
        f"{indonesian.upper()}, "
    )


MONTHS = [
    ("Januari", "January"),
    ("Februari", "February"),
    ("Maret", "March"),
    ("April", "April"),
    ("Mei", "May"),
    ("Juni", "June"),
    ("Juli", "July"),
    ("Agustus", "August"),
    ("September", "September"),
    ("Oktober", "October"),
    ("November", "November"),
    ("Desember", "December"),
]


@pytest.mark.parametrize("month", range(1, 13))
def test_all_twelve_month_names(month: int) -> None:
    instant = utc(2026, month, 15, 5, 0)
    indonesian, english = MONTHS[month - 1]
    assert f" 15 {indonesian} 2026 | 12:00" in list_time(instant, zone=JAKARTA, language="id")
    assert f" 15 {english} 2026 | 12:00" in list_time(instant, zone=JAKARTA, language="en")
    assert f" 15 {indonesian.upper()} 2026 | 12:00 WIB" in dateline(
        instant, zone=JAKARTA, language="id", byline=""
    )


def test_day_of_month_keeps_its_leading_zero() -> None:
    assert list_time(utc(2026, 1, 2, 5, 7), zone=JAKARTA, language="id") == (
        "Jumat, 02 Januari 2026 | 12:07"
    )


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Asia/Jakarta", "WIB"),
        ("Asia/Pontianak", "WIB"),
        ("Asia/Makassar", "WITA"),
        ("Asia/Jayapura", "WIT"),
        ("UTC", "UTC"),
        ("Asia/Tokyo", "JST"),
        ("Asia/Dubai", "UTC+4"),
        ("Asia/Kathmandu", "UTC+5:45"),
        ("America/Sao_Paulo", "UTC-3"),
    ],
)
def test_zone_abbreviation(zone: str, expected: str) -> None:
    assert zone_abbreviation(zone, SAMPLE_INSTANT) == expected


def test_zone_abbreviation_follows_daylight_saving() -> None:
    assert zone_abbreviation("Europe/Berlin", utc(2026, 1, 15, 12, 0)) == "CET"
    assert zone_abbreviation("Europe/Berlin", utc(2026, 7, 15, 12, 0)) == "CEST"


def test_zone_abbreviation_without_a_moment_still_answers() -> None:
    assert zone_abbreviation("Asia/Makassar") == "WITA"
    assert zone_abbreviation("Europe/Berlin") in {"CET", "CEST"}


def test_status_time_uses_the_indonesian_dot_and_english_colon() -> None:
    instant = utc(2026, 1, 17, 3, 42)
    assert status_time(instant, zone=JAKARTA, language="id") == "10.42"
    assert status_time(instant, zone=JAKARTA, language="en") == "10:42"
    assert status_time(instant, zone="Asia/Jayapura", language="id") == "12.42"


def test_status_time_names_the_day_when_it_is_not_today() -> None:
    saved = utc(2026, 1, 17, 3, 42)
    same_day = utc(2026, 1, 17, 10, 0)
    next_day = utc(2026, 1, 17, 17, 5)  # 00:05 on 18 January in Jakarta
    assert status_time(saved, zone=JAKARTA, language="id", now=same_day) == "10.42"
    assert status_time(saved, zone=JAKARTA, language="id", now=next_day) == "17 Jan 10.42"
    assert status_time(saved, zone=JAKARTA, language="en", now=next_day) == "17 Jan 10:42"


def test_naive_datetimes_are_refused_with_a_hint() -> None:
    naive = datetime(2023, 5, 4, 0, 56)
    for call in (
        lambda: dateline(naive, zone=JAKARTA, language="id", byline="x"),
        lambda: list_time(naive, zone=JAKARTA, language="id"),
        lambda: status_time(naive, zone=JAKARTA, language="id"),
        lambda: zone_abbreviation("Europe/Berlin", naive),
    ):
        with pytest.raises(ValueError, match="time zone"):
            call()


def test_non_utc_aware_input_is_converted_not_misread() -> None:
    wib = timezone(timedelta(hours=7))
    local = datetime(2023, 5, 4, 7, 56, tzinfo=wib)
    assert dateline(local, zone="Asia/Makassar", language="id", byline="") == (
        "KAMIS, 04 MEI 2023 | 08:56 WITA"
    )


def test_unknown_zone_and_language_get_clear_messages() -> None:
    with pytest.raises(ValueError, match="Asia/Jakarta"):
        list_time(SAMPLE_INSTANT, zone="Asia/Atlantis", language="id")
    with pytest.raises(ValueError, match="language 'jv'"):
        list_time(SAMPLE_INSTANT, zone=JAKARTA, language="jv")
    with pytest.raises(ValueError, match="language"):
        dateline(SAMPLE_INSTANT, zone=JAKARTA, language="jv", byline="A")


@pytest.mark.parametrize(
    "text",
    [
        "2023-05-04 07:56",
        "2023-05-04T07:56",
        "2023-05-04 07:56:00",
        "04/05/2023 07:56",
        " 2023-05-04   07.56 ",
    ],
)
def test_parse_local_reads_newsroom_wall_clock(text: str) -> None:
    parsed = parse_local(text, JAKARTA)
    assert parsed == SAMPLE_INSTANT
    assert parsed.utcoffset() == timedelta(0)


def test_parse_local_round_trips_through_the_dateline_in_wita() -> None:
    parsed = parse_local("2023-05-04 08:56", "Asia/Makassar")
    assert parsed == SAMPLE_INSTANT


def test_parse_local_rejects_nonsense_with_an_example() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD HH:MM"):
        parse_local("besok pagi", JAKARTA)
    with pytest.raises(ValueError, match="YYYY-MM-DD HH:MM"):
        parse_local("2023-02-30 10:00", JAKARTA)


def test_status_time_day_uses_the_language_month_abbreviation() -> None:
    saved, later = utc(2023, 5, 3, 3, 42), utc(2023, 5, 4, 3, 0)
    assert status_time(saved, zone=JAKARTA, language="id", now=later) == "3 Mei 10.42"
    assert status_time(saved, zone=JAKARTA, language="en", now=later) == "3 May 10:42"
    august = utc(2023, 8, 3, 3, 42)
    assert status_time(august, zone=JAKARTA, language="id", now=later).startswith("3 Agu ")


@pytest.mark.parametrize("text", ["01/01/0001 00:00", "9999-12-31 23:59", "1899-12-31 23:00"])
def test_parse_local_refuses_times_outside_the_accepted_years(text: str) -> None:
    with pytest.raises(ValueError, match="outside the dates Redaksi accepts"):
        parse_local(text, JAKARTA)
