"""The side panel: each model's state, the process's memory, the month's cloud cost against the budget, and
which ways in and out there are."""

from __future__ import annotations

import resource
import sys
from dataclasses import dataclass, field
from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from edge import RoleStatus
from edge.router import Router
from tui._text import size, usd

STATES = {
    "ready": ("●", "$success"),
    "failed": ("✗", "$error"),
    "not_loaded": ("○", "$text-muted"),
    "disabled": ("–", "$text-muted"),
}


@dataclass(frozen=True)
class Vitals:
    roles: list[RoleStatus] = field(default_factory=list)
    rss_bytes: int | None = None
    rss_peak: bool = False
    """Only the peak resident size was available (no /proc)."""
    spent_usd: float = 0.0
    budget_usd: float | None = None
    cloud: str = "off"


def resident_bytes() -> tuple[int | None, bool]:
    """The process's resident memory, from /proc/self/status; elsewhere its peak, from getrusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024, False
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak if sys.platform == "darwin" else peak * 1024), True


def cloud_summary(router: Router) -> str:
    cloud = router.settings.cloud
    if not cloud.enabled:
        return "off: nothing leaves the device"
    allowed = [f"{route} {policy}" for route, policy in cloud.policy.items() if policy != "never"]
    return f"{cloud.model}: " + (", ".join(allowed) if allowed else "every route 'never'")


def probe(router: Router) -> Vitals:
    rss, peak = resident_bytes()
    return Vitals(
        roles=router.runtime.status(),
        rss_bytes=rss,
        rss_peak=peak,
        spent_usd=router.meter.spent(),
        budget_usd=router.settings.metering.budget.monthly_usd,
        cloud=cloud_summary(router),
    )


class StatusPanel(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.vitals: Vitals | None = None
        self.devices = ("looking for a microphone…", "looking for a speaker…")
        self.border_title = "status"

    def on_mount(self) -> None:
        self.update(self.render_vitals())

    def show(self, vitals: Vitals | None = None, devices: tuple[str, str] | None = None) -> None:
        self.vitals = vitals or self.vitals
        self.devices = devices or self.devices
        self.update(self.render_vitals())

    def render_vitals(self) -> Content:
        vitals = self.vitals
        lines = [Content.from_markup("[b]Models[/]")]
        if vitals is None or not vitals.roles:
            lines.append(Content.from_markup("[dim]loading models…[/]"))
        for status in vitals.roles if vitals else []:
            mark, color = STATES.get(status.state, ("?", "$text-muted"))
            model = status.model or "—"
            model = model if len(model) <= 21 else model[:20] + "…"
            took = f"{status.load_s:.1f} s" if status.load_s is not None else status.state.replace("_", " ")
            lines.append(
                Content.from_markup(
                    f"[{color}]$mark[/] $role $model [dim]$took[/]",
                    mark=mark,
                    role=f"{status.role:<10}",
                    model=f"{model:<21}",
                    took=took,
                )
            )
            if status.error:
                lines.append(Content.from_markup("  [$text-error]$error[/]", error=status.error))
        if vitals is not None:
            memory = size(vitals.rss_bytes) + (" peak" if vitals.rss_peak else " resident")
            budget = f"{usd(vitals.budget_usd)} a month" if vitals.budget_usd is not None else "none set"
            lines += [
                Content(""),
                Content.from_markup("[b]Memory[/]  $memory", memory=memory),
                Content.from_markup("[b]Cost[/]    $spent this month", spent=usd(vitals.spent_usd)),
                Content.from_markup("[b]Budget[/]  $budget", budget=budget),
                Content.from_markup("[b]Cloud[/]   $cloud", cloud=vitals.cloud),
            ]
        heard, spoken = self.devices
        lines += [
            Content(""),
            Content.from_markup("[b]In[/]      $heard", heard=heard),
            Content.from_markup("[b]Out[/]     $spoken", spoken=spoken),
        ]
        return Content("\n").join(lines)
