"""How many threads each engine gets, chosen together from the cores this process may use.

While an answer streams, llama.cpp generates, piper speaks the sentences already written and the screen and audio
threads draw and play. llama.cpp's threads wait for each other at every layer, so one of them held up by another
thread stalls the token: on 2 cores, with a screen thread busy half the time, two generation threads fell from
150 to 91 tokens/s, one thread from 132 to 120. So generation leaves a core free; prompt evaluation, a burst
before the first token, and Whisper, which runs while the user speaks, use every core.

| cores | llm generation | llm prompt | tts | stt |
|---|---|---|---|---|
| 2 (this machine) | 1 | 2 | 1 | 2 |
| 4 (Raspberry Pi 4/5) | 3 | 4 | 2 | 4 |
| 6 (Jetson Orin Nano) | 5 | 6 | 3 | 6 |
"""

from __future__ import annotations

import os
from dataclasses import dataclass


def usable_cores() -> int:
    """The cores this process may run on (a container's or taskset's limit), not every core of the machine."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@dataclass(frozen=True)
class ThreadPlan:
    llm_generation: int
    llm_prompt: int
    tts: int
    stt: int


def thread_plan(cores: int | None = None) -> ThreadPlan:
    cores = cores or usable_cores()
    return ThreadPlan(llm_generation=max(1, cores - 1), llm_prompt=cores, tts=max(1, cores // 2), stt=cores)
