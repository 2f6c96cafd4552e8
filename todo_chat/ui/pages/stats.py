"""/stats: what you got done, drawn with Reflex's charts (recharts). Every chart has a text
summary and its numbers as a table, so nothing depends on seeing colours or the chart itself."""

from __future__ import annotations

import reflex as rx

from todo_chat.ui.components.layout import app_bar
from todo_chat.ui.pages.chat import token_keeper
from todo_chat.ui.state.stats import OUTCOMES, StatsState

BAR = rx.color("accent", 9)
MARGIN = {"top": 16, "right": 20, "left": 0, "bottom": 0}
BAR_MAX = 48  # px: one tool, or two statuses, must not become a wall of colour
OUTCOME_FILL = {"success": rx.color("grass", 9), "error": rx.color("tomato", 9), "pending": rx.color("gray", 9)}


def figure(label: str, value, note: str = "") -> rx.Component:
    return rx.card(
        rx.text(label, size="2", color=rx.color("gray", 11), as_="div"),
        rx.text(value, size="7", weight="bold", as_="div"),
        *([rx.text(note, size="1", color=rx.color("gray", 11), as_="div")] if note else []),
        class_name="stat-figure",
    )


def as_table(caption: str, headers: list[str], rows, cells) -> rx.Component:
    """The chart's numbers, behind a native disclosure (keyboard and screen-reader friendly)."""
    return rx.el.details(
        rx.el.summary("Show as table", class_name="stat-table-toggle"),
        rx.table.root(
            rx.el.caption(caption, class_name="sr-only"),
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in headers])),
            rx.table.body(rx.foreach(rows, lambda row: rx.table.row(*cells(row)))),
            size="1", variant="surface",
        ),
    )


def chart_card(title: str, summary, chart: rx.Component, table: rx.Component) -> rx.Component:
    slug = title.lower().replace(" ", "-")
    return rx.card(
        rx.heading(title, as_="h2", size="3", id=f"{slug}-title"),
        rx.text(summary, size="2", color=rx.color("gray", 11), id=f"{slug}-summary"),
        # The drawing repeats the summary: screen readers get the text, not 30 unlabeled bars.
        rx.box(chart, role="img", aria_labelledby=f"{slug}-title {slug}-summary", width="100%", height="220px",
               class_name="stat-chart"),
        table,
        class_name="stat-card",
    )


def _axes(key: str, **x_props) -> list[rx.Component]:
    return [rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False),
            rx.recharts.x_axis(data_key=key, **x_props),
            rx.recharts.y_axis(allow_decimals=False, width=32),
            rx.recharts.graphing_tooltip()]


def per_day() -> rx.Component:
    chart = rx.recharts.bar_chart(
        *_axes("label", interval="preserveStartEnd", min_tick_gap=16),
        rx.recharts.bar(rx.recharts.label_list(data_key="count", position="top", font_size=10),
                        data_key="count", name="Completed", fill=BAR, is_animation_active=False, max_bar_size=BAR_MAX),
        data=StatsState.days, width="100%", height=220, margin=MARGIN,
    )
    return chart_card("Completed per day", StatsState.days_summary, chart,
                      as_table("Tasks completed per day, last 30 days", ["Day", "Completed"], StatsState.days,
                               lambda d: [rx.table.cell(d["date"]), rx.table.cell(d["count"])]))


def open_vs_done() -> rx.Component:
    chart = rx.recharts.bar_chart(
        *_axes("label"),
        rx.recharts.bar(rx.recharts.label_list(data_key="count", position="top"),
                        data_key="count", name="Tasks", fill=BAR, is_animation_active=False, max_bar_size=BAR_MAX),
        data=StatsState.status_rows, width="100%", height=220, margin=MARGIN,
    )
    summary = f"{StatsState.open_count} open, {StatsState.done_count} done."
    return chart_card("Open and done", summary, chart,
                      as_table("Open and done tasks", ["Status", "Tasks"], StatsState.status_rows,
                               lambda r: [rx.table.cell(r["label"]), rx.table.cell(r["count"])]))


def busiest_hours() -> rx.Component:
    chart = rx.recharts.bar_chart(
        *_axes("hour", interval=2),
        rx.recharts.bar(data_key="count", name="Completed", fill=BAR, is_animation_active=False, max_bar_size=BAR_MAX),
        data=StatsState.hours, width="100%", height=220, margin=MARGIN,
    )
    return chart_card("Busiest hours", StatsState.hours_summary, chart,
                      as_table("Tasks completed per hour of the day, last 90 days", ["Hour", "Completed"],
                               StatsState.hours,
                               lambda h: [rx.table.cell(h["label"]), rx.table.cell(h["count"])]))


def tool_calls() -> rx.Component:
    # Stacked bars by outcome; the legend names each, and the summary and the table say it all in
    # words: colour is never the only way to tell success from error.
    chart = rx.recharts.bar_chart(
        *_axes("name"),
        rx.recharts.legend(),
        *[rx.recharts.bar(data_key=outcome, name=outcome.capitalize(), stack_id="calls", fill=OUTCOME_FILL[outcome],
                          is_animation_active=False, max_bar_size=BAR_MAX) for outcome in OUTCOMES],
        data=StatsState.tools, width="100%", height=220, margin=MARGIN,
    )
    return chart_card("Tool calls by outcome", StatsState.tools_summary, chart,
                      as_table("The assistant's tool calls by outcome", ["Tool", "Success", "Error", "Pending"],
                               StatsState.tools, lambda t: [rx.table.cell(t["name"]), rx.table.cell(t["success"]),
                                                            rx.table.cell(t["error"]), rx.table.cell(t["pending"])]))


def analytics_setting() -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.switch(checked=StatsState.analytics_enabled, on_change=StatsState.set_analytics, id="analytics-switch"),
            rx.el.label("Record usage events from my browser (threads opened, messages sent)",
                        html_for="analytics-switch", class_name="field-label"),
            align="center", spacing="3",
        ),
        class_name="stat-card",
    )


def stats_page() -> rx.Component:
    return rx.el.div(
        app_bar(drawers=False),
        rx.el.main(
            rx.vstack(
                rx.heading("Your stats", as_="h1", size="6"),
                rx.text(f"Days and hours in your time zone ({StatsState.time_zone}).", size="2",
                        color=rx.color("gray", 11)),
                rx.grid(
                    figure("Open", StatsState.open_count),
                    figure("Done", StatsState.done_count),
                    figure("Overdue now", StatsState.overdue),
                    figure("Day streak", StatsState.streak, "days in a row with something done"),
                    columns=rx.breakpoints(initial="2", md="4"), spacing="3", width="100%",
                ),
                per_day(), open_vs_done(), busiest_hours(), tool_calls(), analytics_setting(),
                spacing="4", width="100%", max_width="960px", margin_x="auto", padding="16px",
            ),
            width="100%",
        ),
        token_keeper(),
        class_name="stats-page",
    )
