"""Lines that describe the company or the document, not its systems or its next steps.

- ``is_company_profile``: "Industry: Food & Beverage", "Employees: 240", "HQ_City: Bend, OR", "Founded 1998":
  customer context, which a reviewer never reads as the current systems ("SaaS" as an industry is no stack).
- ``is_document_stamp``: "Lead Conversion Record — exported 2027-03-11 14:07 PT", "Last edited Mar 3":
  when the document was made, not an export, an integration or a date of the deal.

Read by the content judges (reading/judges.py).
"""

from __future__ import annotations

import re

from handoff_lint.reading.language.dates import find_when
from handoff_lint.text import contains_any

_PROFILE_LABEL = re.compile(
    r"^(?:company\s+|account\s+)?(?:industry|vertical|sector|segment|employees|employee\s+count|headcount|staff|"
    r"size|company\s+size|hq|hq\s+city|headquarters|head\s+office|based\s+in|location|locations|founded|"
    r"annual\s+revenue|revenue|website|web\s+site|url|domain|ownership|parent\s+company|region|territory)$",
    re.I,
)
_STAMP = re.compile(
    r"\b(?:exported|export\s+date|last\s+(?:edited|updated|modified)|created|generated|printed|downloaded|synced)"
    r"\s*(?:on|at|:)?\s*",
    re.I,
)
# Every stamp above contains one of these: a cheap first look, as the judges ask it of every statement.
_STAMP_STEMS = ("export", "last", "created", "generated", "printed", "downloaded", "synced")


def is_company_profile(label: str) -> bool:
    """Whether a line labelled ``label`` gives the company's profile (industry, headcount, HQ, revenue)."""
    return bool(label) and bool(_PROFILE_LABEL.match(" ".join(label.replace("_", " ").split()).strip(" :")))


def is_document_stamp(text: str) -> bool:
    """ "… exported 2027-03-11 14:07 PT", "Last edited: Mar 3, 2026": when the document was made."""
    match = _STAMP.search(text) if contains_any(text.lower(), _STAMP_STEMS) else None
    if not match or len(text.split()) > 14:
        return False
    return any(when.start >= match.end() - 1 for when in find_when(text))
