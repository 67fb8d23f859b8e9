"""The one list of English function words, shared by keyword search, the answer cache's guards and grounding.

Negations are a list of their own: the cache's guards compare them (``not bad`` vs ``bad``), while keyword search and
grounding drop them with the function words."""

from __future__ import annotations

STOPWORDS = frozenset(
    """
    a an the of in on at for to from by with about as into onto than via per within among between through during upon
    and or but if then so because whether while though although
    this that these those there here it its itself
    is are was were be been being am do does did done doing have has had having
    will would shall should can could may might must ought gonna going
    what which who whom whose when where why how
    i me my mine myself we us our ours ourselves you your yours yourself yourselves u ur
    he him his himself she her hers herself they them their theirs themselves one ones
    some any all each every both either much many such own other another same
    just also very too quite rather even still already yet ever again now then else
    """.split()
)
"""Function words. Words such as before/after, more/less, up/down, off/out, last/next are not here: they change
the answer."""

NEGATIONS = frozenset("not no never without none neither nor nobody nothing nowhere noone cannot except excluding unless".split())

__all__ = ["NEGATIONS", "STOPWORDS"]
