"""Read handoffs as people write them: each structure teams produce, found and judged by its content.

Every document here is written in a layout that is not ours (no template headings, no frontmatter
of ours), the way Notion, Google Docs, email and spreadsheet-minded teams write. Names, companies and
numbers are invented for these tests.
"""

from __future__ import annotations

import json

from conftest import write


def lint(run, path, *args):
    r = run(path, "--format", "json", "--no-cache", *args)
    assert r.code in (0, 1), r
    return r.json()["files"][0]


def status(result, category):
    return result["categories"][category]["status"]


def found(result, category):
    return " ".join(result["categories"][category]["found"])


GOOGLE_DOC = r"""
**Demo Prep \- Fernhill Dairy Co\-op**

Prepared by: Kai Moreno (AE)  |  For: Ines Duarte (SE)  |  Last updated: Mar 3, 2026

**1\. Deal Summary**

Fernhill is a dairy co\-operative with 4 plants and about 1,900 members; revenue $610M. Opportunity
sized at $140K ARR. They replace spreadsheets and an ERP planning add\-on.

**2\. Stakeholders**

**Noor Haddad \- VP Operations (economic buyer)**

* Owns the budget; signs up to $200K.
* Wants the exec dashboard first.

**Tomas Reyes \- Planning Lead (champion)**

* Pushed for this for a year; runs the evaluation day to day.

**3\. Risks**

* Incumbent consultancy is pitching a rebuild \- mitigation: show the 6\-week rollout plan
  and a reference call by 2026\-03\-20.
"""


def test_google_docs_bold_headings_escapes_and_person_blocks(run, tmp_path):
    result = lint(run, write(tmp_path, "fernhill.md", GOOGLE_DOC), "--type", "ae-to-se")
    assert status(result, "relationship") == "complete"
    people = found(result, "relationship")
    assert "Noor Haddad" in people and "Tomas Reyes" in people
    assert status(result, "risks") == "complete"
    assert "\\" not in json.dumps(result["categories"])  # backslash escapes are not content


NOTION = """
# 🚀 Expansion: Brightmoor Labs

Owner: Pat Quill
Status: In review

> 💡 **Heads-up** — renewal is 2027-02-28 and they asked about the analytics add-on twice.

## 📊 Where they're at

- ARR $88,000 across 60 seats; 52 active over the past month (was 41 in June).
- NPS 47 at the last survey (2026-09-30).

## 💸 The upside

- Analytics add-on for 60 seats, list $18,000 per year — Mara asked for a quote by 2026-12-15.

## 🧨 Landmines

- Their CFO froze new spend until the 2027 budget is approved in January — plan: time the quote for the
  budget meeting on 2027-01-12.
"""


def test_notion_emoji_headings_callouts_and_own_heading_words(run, tmp_path):
    result = lint(run, write(tmp_path, "brightmoor.md", NOTION), "--type", "cs-to-sales")
    assert status(result, "customer") == "complete", result["categories"]["customer"]
    assert status(result, "risks") == "complete"  # "Landmines" is a risk heading
    risks = result["categories"]["risks"]["found"]
    assert any("line 19" in item for item in risks), risks


MEMO = """
**To:** Lena Brandt (Customer Success)
**From:** Olu Mensah (Account Executive)
**Date:** 2026-05-07

Hi Lena,

Handing over Quillfield Clinics, which closed on April 30. They run 14 outpatient clinics in Ohio with
about 900 staff, and bought our scheduling and reminders bundle for all 14 clinics at $96,000 ARR on a
two-year term.

People: Dr. Amara Okafor, Chief Medical Officer, is the champion and signed the order form as the
executive sponsor. Their IT manager, Sven Lund, was skeptical about the EHR connector.

Risks as I see them: reminder adoption by older patients, and the EHR connector timeline.

Thanks,
Olu
"""


def test_email_memo_prose_is_read_sentence_by_sentence(run, tmp_path):
    result = lint(run, write(tmp_path, "quillfield.md", MEMO), "--type", "sales-to-cs")
    assert status(result, "customer") == "complete"
    assert status(result, "relationship") == "complete"
    assert "Sven Lund" in found(result, "relationship")
    assert status(result, "risks") == "partial"  # named risks, no mitigation
    missing = " ".join(result["categories"]["risks"]["missing"])
    assert "without a mitigation" in missing


OUTLINE = """
Kickoff brief: Harrowgate Water Authority
=========================================

### 2.1 Stakeholders

| Name | Role | Notes |
| --- | --- | --- |
| Ada Mwangi | Executive sponsor (signed the SOW) | Chairs the steering group |
| Bram Koster | Project manager | Day-to-day owner on their side |
| Ines Vidal | IT systems lead | Owns SSO and the GIS feed |

#### 2.2 Homework

- [ ] @bram Send the GIS feed credentials — due 2026-06-01
- [ ] @ines Publish SPF/DKIM records — due 2026-06-10
"""


def test_setext_title_h3_h4_outline_role_table_and_checklist(run, tmp_path):
    result = lint(run, write(tmp_path, "harrowgate.md", OUTLINE), "--type", "sales-to-implementation")
    assert status(result, "relationship") == "complete", result["categories"]["relationship"]
    assert status(result, "actions") == "complete"  # "Homework" with @owners and dates
    assert "Ada Mwangi" in found(result, "relationship")


FILLER = """
# Expansion Handoff: Grayling Freight

| Field | Value |
|---|---|
| Account | Grayling Freight |
| Health | Good 👍 |
| Adoption | Solid |

## Stakeholders

| Name | Role |
|---|---|
| Main contact | Ops |
| Exec | Leadership |

## Risks

| Risk | Severity | Mitigation |
|---|---|---|
| Funding | Medium | Monitor |
| Timing | Low | Monitor |

## Next Steps

- [ ] @team Check in with the client — ASAP
- [ ] @all Align on approach — TBD
- The team will circle back.
"""


def test_slots_filled_with_filler_score_low(run, tmp_path):
    result = lint(run, write(tmp_path, "grayling.md", FILLER), "--type", "cs-to-sales")
    assert result["score"] <= 20 and not result["passed"]
    for category in ("risks", "relationship", "actions"):
        assert status(result, category) == "missing", category


def test_information_elsewhere_is_no_error_and_information_nowhere_is_reported_once(run, tmp_path):
    doc = write(tmp_path, "memo.md", MEMO)
    result = lint(run, doc, "--type", "sales-to-cs")
    messages = [f["message"] for f in result["findings"] if f["code"] == "HL110"]
    assert not any("champion" in m for m in messages), "the champion is named in the prose"
    assert sum("owned, dated next steps" in m for m in messages) == 1
    assert all(f["severity"] == "warning" for f in result["findings"] if f["code"] == "HL110")
    assert not [f for f in result["findings"] if f["code"] in ("HL101", "HL200", "HL201")]


def test_template_structure_is_opt_in(run, tmp_path):
    doc = write(tmp_path, "memo.md", MEMO)
    config = write(tmp_path, ".handoff-lint.toml", 'structure = "template"\n')
    result = lint(run, doc, "--type", "sales-to-cs", "--config", config)
    codes = {f["code"] for f in result["findings"]}
    assert {"HL101", "HL200"} <= codes and not result["passed"]
    bad = write(tmp_path, "bad.toml", 'structure = "strict"\n')
    assert run(doc, "--config", bad).code == 2


def test_frontmatter_with_the_teams_own_keys(run, tmp_path):
    text = """
    ---
    account: Pellworth Tools
    owner: Rae Kim
    stage: closed-won
    arr: 52000
    renewal-date: 2027-10-31
    ---

    # Customer Handoff: Pellworth Tools
    """
    result = lint(run, write(tmp_path, "p.md", text))
    assert result["type"] == "sales-to-cs" and result["type_source"] == "title"
    assert not [f for f in result["findings"] if f["code"] in ("HL200", "HL201")], result["findings"]
    assert "arr" in found(result, "customer") or "line 5" in found(result, "customer")


def test_type_from_content_and_an_unseparated_document(run, tmp_path):
    notes = NOTION.replace("# 🚀 Expansion: Brightmoor Labs", "# Brightmoor Labs — account notes")
    doc = write(tmp_path, "notes.md", notes.replace("The upside", "Expansion upside"))
    result = lint(run, doc)
    assert (result["type"], result["type_source"]) == ("cs-to-sales", "content")
    vague = write(tmp_path, "vague.md", "# Notes\n\nWe met them. They liked it.\n")
    result = lint(run, vague)
    assert result["type"] is None and [f["code"] for f in result["findings"]] == ["HL100"]


def test_contradictory_dates_lower_their_category(run, tmp_path):
    text = NOTION + "\n## Timing\n\n- Renewal is in March, so the quote must land before then.\n"
    result = lint(run, write(tmp_path, "b.md", text), "--type", "cs-to-sales")
    contradictions = [f for f in result["findings"] if f["code"] == "HL433"]
    assert len(contradictions) == 1 and "renewal" in contradictions[0]["message"]
    assert "2027-02-28" in contradictions[0]["message"] and "March" in contradictions[0]["message"]
    assert status(result, "expectations") != "complete"
    # The category says why, in the words of the finding.
    missing = result["categories"]["expectations"]["missing"]
    assert f"contradiction: {contradictions[0]['message']}" in missing


def test_score_command_says_why_with_lines(run, tmp_path):
    r = run("score", write(tmp_path, "memo.md", MEMO), "--type", "sales-to-cs")
    assert "Relationship context | 15% | Complete |" in r.out
    assert "Amara Okafor (line" in r.out
    assert "Missing or thin:" in r.out and "measurable success criteria" in r.out


TWO_TOPICS = """
# Handover: Corrow Mills

## Account Overview & Deal Summary

Corrow Mills runs 3 paper mills in Maine with about 1,200 staff and $340M revenue. They signed a
3-year subscription at $72,000 ARR for maintenance planning, because unplanned downtime cost them
$1.1M last year. Maintenance is planned manually on whiteboards; 30% of preventive jobs were missed.

## Who matters

**Ines Carvalho**

- Title: Plant Director, Skowhegan
- Deal Role: Champion

**Rob Tulley**

- Title: CFO
- Deal Role: Economic buyer — signed the order form
"""


def test_one_heading_with_two_topics_and_person_blocks_with_deal_roles(run, tmp_path):
    result = lint(run, write(tmp_path, "corrow.md", TWO_TOPICS), "--type", "sales-to-cs")
    assert status(result, "customer") == "complete", result["categories"]["customer"]
    customer = found(result, "customer")
    assert "what they bought" in customer and "company profile" in customer  # both topics, one heading
    assert status(result, "relationship") == "complete", result["categories"]["relationship"]
    people = found(result, "relationship")
    assert "champion: Ines Carvalho" in people and "Rob Tulley" in people and "Deal Role" not in people
