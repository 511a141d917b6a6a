"""Email memos and pasted chat threads are typed from what they say: who hands over to whom.

A handoff's type is a pair of teams; people name it in passing ("handing over to Implementation",
"need you for a demo", "From: … (AE) / To: … (CSM)", "@omar you're the CSM on this one"), not in our
template's title. Every phrasing below was written for these tests.
"""

from __future__ import annotations

import pytest

from conftest import write
from handoff_lint.reading.language.handover import candidate_types

SE, CS, IMPL, SDR, EXP = "ae-to-se", "sales-to-cs", "sales-to-implementation", "sdr-to-ae", "cs-to-sales"

# (title lines, opening lines) -> the types the phrasing allows; () when it says nothing of the teams.
PHRASINGS = [
    # A title or subject naming the receiving team.
    (["Kessler Mills — handing over to Implementation"], [], (IMPL,)),
    (["Handoff to CS: Kessler Mills"], [], (CS,)),
    (["Kessler Mills | CS handoff"], [], (CS,)),
    (["#impl-handoffs — thread export"], [], (IMPL,)),
    (["SE request - Orbit Dental"], [], (SE,)),
    (["Passing this one over to the SE team"], [], (SE,)),
    (["Intro for the customer success team: Halden Dairy"], [], (CS,)),
    (["Notes for the implementation lead"], [], (IMPL,)),
    (["Handover to onboarding — Birchfield"], [], (CS, IMPL)),
    (["Handing over to sales: Birchfield wants more seats"], [], (SDR, EXP)),
    # The roles on From/To lines, in an email header or a memo's byline.
    ([], ["From: Dana Lee (AE)", "To: Omar Aziz (CSM)"], (CS,)),
    ([], ["From: Omar Aziz (CSM)", "To: Dana Lee (AE)"], (EXP,)),
    ([], ["From: Tariq Bello, SDR", "To: Mei Tan, Account Executive"], (SDR,)),
    ([], ["Prepared by: Kai Moreno (AE)  |  For: Ines Duarte (Solutions Engineer)  |  Updated: Mar 3"], (SE,)),
    ([], ["From: Dana Lee (Account Executive)", "To: Priya Rao (Implementation Manager)"], (IMPL,)),
    ([], ["From: Omar Aziz (CSM)", "Subject: maybe more seats at Halden?"], (EXP,)),  # only CS hands back
    ([], ["From: Tariq Bello (BDR)", "Subject: Orbit Dental, Thursday 10am"], (SDR,)),
    ([], ["From: Dana Lee (Account Executive)", "Subject: Kessler Mills"], (SE, CS, IMPL)),
    # A thread's first message: the work asked of the reader, or the role it gives them.
    ([], ["@tomasz handing Kessler Mills over to you for onboarding :tada: signed yesterday"], (CS, IMPL)),
    ([], ["Hi Rafael - need you for a POC with Calloway next month"], (SE,)),
    ([], ["Booked you for a demo with Orbit Dental on Thursday"], (SE, SDR)),
    ([], ["@callum you're the impl lead on this one per the queue"], (IMPL,)),
    ([], ["Omar, you are the CSM for Halden from Monday"], (CS,)),
    ([], ["Can you take this one for the go-live planning?"], (IMPL,)),
    ([], ["Grabbed you for the first call with their VP Ops on Tuesday"], (SDR,)),
    # Role labels without a direction: the pairs they allow.
    ([], ["AE: @dmoreau · CSM: @kadams · closed 8/27"], (EXP, CS)),
    ([], ["**SDR:** Tariq Bello | **AE:** Mei Tan"], (SDR,)),
    ([], ["AE: Dana Lee | SE: Ines Duarte"], (SE,)),
    # Nothing about who receives it.
    (["Kessler Mills"], ["Kessler Mills signed yesterday: 2 years, $84k a year."], ()),
    (["Quarterly business review notes"], ["I am the account owner since March."], ()),
    ([], ["We sell to customer success teams in healthcare."], ()),
    ([], ["The PM at 4:12 PM said the export runs nightly."], ()),
    ([], ["From: Priya Natarajan <priya@example.com>", "To: Tomasz Weber <tomasz@example.com>"], ()),
    ([], ["Thanks for the demo yesterday, the team loved it."], ()),
]


@pytest.mark.parametrize("titles, opening, expected", PHRASINGS)
def test_the_handover_phrasing_names_the_types_it_allows(titles, opening, expected):
    assert candidate_types(titles, opening) == expected


# The last lines of an email or a memo -> the types its signature's role allows.
SIGNATURES = [
    (["Thanks,", "Omar Aziz | Customer Success Manager"], (EXP,)),
    (["Cheers,", "Omar", "CSM, Ledgerly"], (EXP,)),
    (["Best,", "Tariq Bello, SDR — Ledgerly"], (SDR,)),
    (["Thanks!", "Dana Lee — AE at Ledgerly"], (SE, CS, IMPL)),
    (["Kind regards,", "Dana Lee", "Account Executive", "+44 20 7946 0958"], (SE, CS, IMPL)),
    (["Thanks,", "Priya"], ()),
    (["Let me know if you need anything else.", "Dana"], ()),
    (["The sales team will follow up on pricing next week."], ()),
    (["Next: Omar books the onboarding call by Friday."], ()),
]


@pytest.mark.parametrize("closing, expected", SIGNATURES)
def test_a_signature_gives_the_senders_role(closing, expected):
    assert candidate_types([], ["Hi Tomasz,", "Kessler Mills signed yesterday."], closing) == expected


EMAIL = """
From: Priya Natarajan <priya@example.com>
To: Tomasz Weber (CSM) <tomasz@example.com>
Subject: Kessler Mills — signed yesterday
Date: Tue, 3 Nov 2026 16:12

Hi Tomasz,

Kessler Mills signed yesterday: 2-year agreement, $84,000 a year, 120 seats. They run three sawmills in
Oregon with about 640 people, and they bought us because planners spend two days a week reconciling
inventory by hand. Their goal is to cut that to half a day by the end of March.

Your main contact is Ruth Okonkwo, Operations Director; she pushed for the deal. The CFO, Martin Hale,
signed and wants a review after 90 days.

Thanks,
Priya
"""

EMAIL_SIGNED = """
From: Omar Aziz <omar@example.com>
To: Dana Lee <dana@example.com>
Subject: Halden Dairy

Hi Dana, quick one after my check-in with Halden Dairy today. Their second plant opens in April and
they asked about 40 more seats for the planners there; Ines Carvalho, their Ops Director, would take
the call. Usage is steady at 85% of the current 120 seats. Could you reach out before the end of March?

Thanks,
Omar Aziz
Customer Success Manager
"""

EMAIL_SUBJECT_ONLY = """
From: Priya Natarajan <priya@example.com>
To: Tomasz Weber <tomasz@example.com>
Subject: Customer handoff — Kessler Mills

Hi Tomasz, Kessler Mills signed yesterday: 2 years, $84,000 a year, 120 seats.
"""

SLACK = """
Priya Natarajan  4:12 PM
@Tomasz handing Kessler Mills over to you for onboarding :tada: signed yesterday, 2 yrs, $84k/yr, 120 seats

Priya Natarajan  4:13 PM
context: 3 sawmills in Oregon, ~640 ppl. planners lose 2 days/week reconciling inventory by hand

Tomasz Weber  4:15 PM
nice! who's my contact?

Priya Natarajan  4:16 PM
Ruth Okonkwo (Ops Director) is the champion. Martin Hale (CFO) signed, wants a 90-day review
"""


@pytest.mark.parametrize(
    "name, text, source",
    [
        ("email-memo.md", EMAIL, "content"),  # the recipient's role on the To: line
        ("email-with-a-subject.md", EMAIL_SUBJECT_ONLY, "title"),  # the subject is an email's title
        ("slack-thread.md", SLACK, "content"),  # "over to you for onboarding", and signals in the thread
    ],
)
def test_an_email_memo_or_a_pasted_thread_is_typed_from_its_content(run, tmp_path, name, text, source):
    r = run(write(tmp_path, name, text), "--format", "json", "--no-cache")
    result = r.json()["files"][0]
    assert (result["type"], result["type_source"]) == ("sales-to-cs", source)
    assert "HL100" not in [f["code"] for f in result["findings"]]


def test_an_email_signed_by_customer_success_is_an_expansion_handoff(run, tmp_path):
    result = run(write(tmp_path, "email.md", EMAIL_SIGNED), "--format", "json", "--no-cache").json()["files"][0]
    assert (result["type"], result["type_source"]) == ("cs-to-sales", "content")
