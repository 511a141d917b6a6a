"""Issue 22, round 3's second reader: vague handoffs that round 3 let pass. Phrasings written for this test."""

from __future__ import annotations

import pytest

from handoff_lint.reading.language.measures import unmeasured

# A rate ("daily", "weekly") is a figure only as what an aim moves to, never beside a vague comparative.
RATES_MEASURABLE = [
    "Aiming for daily deploys by the end of Q3",
    "Move to weekly releases by June 2027",
    "Switch to nightly syncs before go-live",
    "Going to hourly inventory updates by 1 March",
    "Aim at fortnightly payroll exports by Q2",
]
RATES_VAGUE = [
    "Better daily reporting by Q2",
    "Weekly wins for the front desk before summer",
    "Smoother nightly batches by the end of March",
    "Improved weekly dashboards by Q4",
    "Happier daily standups before summer",
    "Move to better weekly reviews by Q1",
    "Daily reporting for the clinics by April",
    "Easier hourly checks by the end of May",
]


@pytest.mark.parametrize("text", RATES_MEASURABLE)
def test_a_rate_an_aim_moves_to_is_a_figure(text: str) -> None:
    assert unmeasured(text) == ()


@pytest.mark.parametrize("text", RATES_VAGUE)
def test_a_rate_in_a_wish_is_no_figure(text: str) -> None:
    assert "a number" in unmeasured(text)
