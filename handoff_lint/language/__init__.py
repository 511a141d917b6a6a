"""Reading handoff text: the heuristics the parser, the content judges and several rule families share.

- ``normalize``: headings, labels and values compared the way a reader would (markup, numbering,
  emoji and case taken out); ``truncate`` for values quoted in messages.
- ``placeholders``: empty is missing: blank values, ``[Name]``, ``TBD``, unresolved option lists.
- ``dates``: dates as written, with the invalid and the ambiguous ones marked.
- ``measures``: quantities and time bounds (what makes a criterion measurable).
- ``owners``: who an action item names as its owner, and who is nobody in particular.
- ``risks``: a stated absence ("None identified") and a mitigation that is no action.

A heuristic that only one rule family uses lives in that family's module (``rules/hl4NN_*.py``).
"""

# How many answers each per-statement cache (dates, placeholders, normalising, the reading
# heuristics) keeps: about one file's statements, which several rules and judges ask about in turn.
# Statements rarely recur across files, so a bigger cache only holds a run's dead entries: on 2,000
# generated handoffs 1,024 executes the instructions of 16,384 (+0.1%) and peaks at 55 MB, not 72.
STATEMENT_CACHE = 1024
