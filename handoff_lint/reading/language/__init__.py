"""Reading handoff text: the heuristics the parser, the content judges and several rule families share.

- ``normalize``: headings, labels and values compared the way a reader would (markup, numbering,
  emoji and case taken out); ``truncate`` for values quoted in messages.
- ``placeholders``: empty is missing: blank values, ``[Name]``, ``TBD``, unresolved option lists.
- ``dates``: dates as written, with the invalid and the ambiguous ones marked.
- ``measures``: quantities and time bounds (what makes a criterion measurable).
- ``owners``: who an action item names as its owner, and who is nobody in particular.
- ``risks``: a stated absence ("None identified") and a mitigation that is no action.
- ``handover``: who hands over to whom (a title's or subject's receiving team, From/To roles): the type.
- ``human_language``: which language a text is written in, when it is one the judges do not read.

A heuristic that only one rule family uses lives in that family's module (``rules/hl4NN_*.py``).
"""
