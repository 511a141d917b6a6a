"""Risks and what will be done about them, in the sentences people write (language/risks.py).

A recommendation after a risk ("so we should show her the reconciliation first", "We need to book the
QBR early") answers it; "keep an eye on it" does not. A budget nobody set aside and a rival the customer
is also looking at are risks without the word. Phrasings written for this test.
"""

from __future__ import annotations

from handoff_lint.reading.language.risks import is_mitigation, is_risk_statement
from support.tables import answers

MITIGATIONS = [
    "We'll ask for a test extract in the first two weeks",
    "We should show her the reconciliation before the first billing run",
    "We need to book a QBR with the CFO in January",
    "We must get the security pack to Neil this week",
    "We plan to run the first payroll in parallel",
    "Show them the sandbox results before the steerco",
    "Share the migration plan with IT by Friday",
    "Run a trial pass of the opening payroll export",
    "Pilot with one site first",
    "Fallback: key the pilot centres manually",
    "Mitigation: agree the 40 fields in writing at kickoff",
    "I'll bring a reference customer to the call",
    "Get his tasks into the first two weeks",
    "Escalate through their account manager",
    "Offer a second training session for the night shift",
]
NOT_MITIGATIONS = [
    "Keep an eye on it",
    "Monitor",
    "Watch this closely",
    "TBD",
    "She was not happy about the price",
    "Their IT is two people and a contractor",
    "The export failed once already",
    "It is what it is",
]
RISKS = [
    "No budget set aside yet",
    "No budget allocated for next year",
    "Also looking at Weave",
    "They are also trialling a cheaper tool",
    "Also considering building it in-house",
    "Competitors: Weave, Lighthouse",
    "The CFO is sceptical after a failed rollout",
    "A budget freeze after Q1 could delay wave 2",
]
NOT_RISKS = [
    "No blocker identified",
    "No competitor involved so far",
    "Budget approved by the COO",
    "Looking at the reports every Monday",
    "They signed on Friday",
    "The budget is $60-80k a year",
    "No known risks",
]


test_what_will_be_done_about_a_risk_is_a_mitigation = answers(is_mitigation, [(text, True) for text in MITIGATIONS])


test_watching_or_restating_is_no_mitigation = answers(is_mitigation, [(text, False) for text in NOT_MITIGATIONS])


test_a_risk_without_the_word = answers(is_risk_statement, [(text, True) for text in RISKS])


test_a_denied_or_settled_matter_is_no_risk = answers(is_risk_statement, [(text, False) for text in NOT_RISKS])
