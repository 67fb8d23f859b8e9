"""How numbers, sizes and masked entities read on screen."""

from __future__ import annotations


def ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.0f} ms" if value < 1000 else f"{value / 1000:.2f} s"


def size(nbytes: int | None) -> str:
    if nbytes is None:
        return "—"
    value = float(nbytes)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit in ("B", "KB") else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError


def usd(value: float) -> str:
    return f"${value:.4f}" if value < 1 else f"${value:.2f}"


def entities(counts: dict[str, int]) -> str:
    """Like "2 PERSON, 1 EMAIL_ADDRESS"; "nothing" when no personal data was found."""
    return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))) or "nothing"
