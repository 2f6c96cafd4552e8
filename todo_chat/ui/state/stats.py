"""The stats page: the figures of `services.stats` for the logged-in user, and the analytics
setting (whether their client's usage events are recorded)."""

from __future__ import annotations

from typing import Any

import reflex as rx

from todo_chat.core.db import run_db
from todo_chat.services import accounts, stats
from todo_chat.ui.state.auth import AuthState

OUTCOMES = ("success", "error", "pending")


class StatsState(rx.State):
    loaded: bool = False
    time_zone: str = ""
    # chart rows: {"label": "Mar 31", "date": "2026-03-31", "count": 2}
    days: list[dict[str, Any]] = []
    completed_30: int = 0
    open_count: int = 0
    done_count: int = 0
    overdue: int = 0
    streak: int = 0
    hours: list[dict[str, Any]] = []  # {"hour": "09", "label": "09:00", "count": 3}
    tools: list[dict[str, Any]] = []  # {"name": "add_task", "success": 2, "error": 0, "pending": 0}
    analytics_enabled: bool = True

    @rx.var
    def status_rows(self) -> list[dict[str, Any]]:
        return [{"label": "Open", "count": self.open_count}, {"label": "Done", "count": self.done_count}]

    @rx.var
    def days_summary(self) -> str:
        best = max(self.days, key=lambda d: d["count"], default=None)
        if best is None or not best["count"]:
            return "No tasks completed in the last 30 days."
        return (f"{self.completed_30} tasks completed in the last 30 days; "
                f"the best day was {best['label']} ({best['count']}).")

    @rx.var
    def hours_summary(self) -> str:
        busiest = max(self.hours, key=lambda h: h["count"], default=None)
        if busiest is None or not busiest["count"]:
            return "No completions in the last 90 days yet."
        return f"You complete the most tasks around {busiest['hour']}:00 ({busiest['count']} in the last 90 days)."

    @rx.var
    def tools_summary(self) -> str:
        if not self.tools:
            return "The assistant has not called any tools for you yet."
        parts = [f"{t['name']}: {t['success']} succeeded, {t['error']} failed" for t in self.tools]
        return "Tool calls: " + "; ".join(parts) + "."

    @rx.event
    async def load(self):
        user = await (await self.get_state(AuthState)).current_user()
        if user is None:
            return
        figures = await run_db(stats.summary, user)
        self.time_zone = figures.time_zone
        self.days = [{"label": d.day.strftime("%b %d").replace(" 0", " "), "date": d.day.isoformat(),
                      "count": d.count} for d in figures.days]
        self.completed_30, self.streak = figures.completed_last_30_days, figures.streak
        self.open_count, self.done_count, self.overdue = figures.open, figures.done, figures.overdue
        self.hours = [{"hour": f"{h.hour:02d}", "label": f"{h.hour:02d}:00", "count": h.count} for h in figures.hours]
        self.tools = [{"name": t.name, **{o: getattr(t, o) for o in OUTCOMES}} for t in figures.tools]
        self.analytics_enabled = user.analytics_enabled
        self.loaded = True

    @rx.event
    async def set_analytics(self, enabled: bool):
        user = await (await self.get_state(AuthState)).current_user()
        if user is None:
            return
        saved = await run_db(accounts.update_profile, user, analytics_enabled=bool(enabled))
        self.analytics_enabled = saved.analytics_enabled
        return rx.toast.info("Usage analytics on." if saved.analytics_enabled
                             else "Usage analytics off: what your browser had reported is deleted.")
