"""The newsroom dashboard's series as plain data: audience, production, speed, pipeline.

Everything is computed here, Qt-free, with the sums in SQL; ``ui.dashboard`` only draws.
"""

from editor.dashboard.audience import (
    PopularEntry,
    TimePoint,
    ViewSeries,
    popular_in_window,
    views_over_time,
)
from editor.dashboard.filters import WINDOWS, DashboardFilter
from editor.dashboard.pipeline import ComingDay, Pipeline, pipeline
from editor.dashboard.production import ProductionGroup, ProductionSeries, production
from editor.dashboard.speed import SectionSpeed, SpeedDistribution, speed_distribution
from editor.dashboard.tables import (
    Table,
    csv_text,
    pipeline_table,
    popular_table,
    production_table,
    speed_table,
    views_table,
    write_csv,
)

__all__ = [
    "WINDOWS",
    "ComingDay",
    "DashboardFilter",
    "Pipeline",
    "PopularEntry",
    "ProductionGroup",
    "ProductionSeries",
    "SectionSpeed",
    "SpeedDistribution",
    "Table",
    "TimePoint",
    "ViewSeries",
    "csv_text",
    "pipeline",
    "pipeline_table",
    "popular_in_window",
    "popular_table",
    "production",
    "production_table",
    "speed_distribution",
    "speed_table",
    "views_over_time",
    "views_table",
    "write_csv",
]
