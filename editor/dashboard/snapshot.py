"""Every dashboard series for one filter, computed together: what the view draws at once."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from editor.dashboard.audience import PopularEntry, ViewSeries, popular_in_window, views_over_time
from editor.dashboard.filters import DashboardFilter
from editor.dashboard.pipeline import Pipeline, pipeline
from editor.dashboard.production import ProductionSeries, production
from editor.dashboard.speed import SpeedDistribution, speed_distribution
from editor.database import Database


@dataclass(frozen=True)
class ChartChoices:
    """The per-chart choices that do not narrow the data set (unlike the filter)."""

    bucket: str = "hour"
    period: str = "day"
    grouping: str = "section"
    article_id: uuid.UUID | None = None
    popular_limit: int = 10
    days_ahead: int = 7


@dataclass(frozen=True)
class DashboardSnapshot:
    filter: DashboardFilter
    choices: ChartChoices
    views: ViewSeries
    popular: tuple[PopularEntry, ...]
    production: ProductionSeries
    speed: SpeedDistribution
    pipeline: Pipeline


def views_for(db: Database, flt: DashboardFilter, choices: ChartChoices, zone: str) -> ViewSeries:
    return views_over_time(db, flt, bucket=choices.bucket, zone=zone, article_id=choices.article_id)


def production_for(
    db: Database, flt: DashboardFilter, choices: ChartChoices, zone: str
) -> ProductionSeries:
    return production(db, flt, period=choices.period, grouping=choices.grouping, zone=zone)


def snapshot(
    db: Database, flt: DashboardFilter, *, zone: str, choices: ChartChoices | None = None
) -> DashboardSnapshot:
    """Every series, on two connections at once, the two heaviest sums started first.

    The database drivers release the interpreter lock while a query runs, so on two cores
    the series overlap instead of adding up. Populer and views over time go first: for
    the whole site Populer is the long one, for a section the views; the three lighter
    series fill in behind whichever finishes first.
    """
    choices = choices or ChartChoices()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="redaksi-dashboard") as pool:
        popular = pool.submit(popular_in_window, db, flt, limit=choices.popular_limit)
        views = pool.submit(views_for, db, flt, choices, zone)
        made = pool.submit(production_for, db, flt, choices, zone)
        speed = pool.submit(speed_distribution, db, flt)
        state = pool.submit(pipeline, db, flt, zone=zone, days_ahead=choices.days_ahead)
        return DashboardSnapshot(
            filter=flt,
            choices=choices,
            views=views.result(),
            popular=tuple(popular.result()),
            production=made.result(),
            speed=speed.result(),
            pipeline=state.result(),
        )
