"""Generate a deterministic corpus of realistic handoffs for the benchmarks.

    python benchmarks/generate.py OUT_DIR --count 10000 [--seed 1]

Every document follows its type definition in ``schemas/*.schema.json`` (frontmatter keys, the
sections of ``x-handoff-lint`` with their fields, columns and kinds) with wording modelled on
``examples/handoffs/good``. About 30% carry the defects real drafts have: missing sections, TBD and
[Name] placeholders, empty table rows, blank frontmatter keys, action items with no owner.

Each file has its own ``random.Random`` seeded from (seed, index): no wall clock, no network, so the
same seed gives byte-identical files and a smaller --count gives a prefix of a larger one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
MIN_BYTES, MAX_BYTES = 2048, 6144
DEFECT_SHARE = 0.3
EPOCH = dt.date(2025, 1, 6)  # handoff dates fall in the two years after this

# --- Names and facts --------------------------------------------------------------------------

FIRST = (
    "Aisha Ben Chloe Daniel Elena Felix Grace Hannah Ian Janet Jonas Katrin Lena Leo Luis Marcus Maya Nadia "
    "Olivia Owen Priya Raj Ruth Sam Tom Zoe Amara Bruno Carmen Dmitri Esther Farah Gavin Hiro Ines Jamal Keiko "
    "Lars Mei Nikhil Oskar Paula Quinn Rosa Sanjay Tessa Umar Vera Wes Yusuf Alba Cyrus Delia Emil Freya Hugo"
).split()
LAST = (
    "Adeyemi Bell Brooks Cole Collins Fischer Grant Hale Khan Kim Lee Liu Martin Noor Okafor Ortega Ortiz Patel "
    "Price Reyes Rossi Shah Shaw Vogel Wagner Walsh Weber Abbott Baptiste Castillo Dubois Eriksen Fernandes "
    "Gallagher Horvat Iyer Jansen Kowalski Lindqvist Moreau Nakamura Novak Oyelaran Pereira Quist Romero Sato "
    "Schultz Tanaka Underwood Varga Whitfield Xu Yilmaz Zimmer Afolabi Brennan Costa"
).split()
PREFIX = (
    "Tidewater Northwind Brightwater Kestrel Orchard Bluestone Copperleaf Redwood Silverline Ironbridge Lakeshore "
    "Crescent Evergreen Falcon Westbrook Oakfield Pinecrest Riverbend Stonegate Sunridge Thornbury Ashford Beacon "
    "Driftwood Elmstead Fairhaven Glenwood Highmoor Juniper Kingsway Larkspur Meridian Norland Osprey Palisade "
    "Rosewood Saltmarsh Trident Upland Vantage Windmere Yarrow Harborview Granite Maplecrest Foxglove Alder"
).split()
# name suffix | industry | unit of sites
INDUSTRIES = [
    tuple(row.split(" | "))
    for row in (
        "Hospitality Group | hotel group | hotels",
        "Health | regional healthcare provider | hospitals",
        "Logistics | freight forwarder | depots",
        "Retail Group | home and garden retailer | stores",
        "Components GmbH | precision parts maker | plants",
        "Foods | food distributor | warehouses",
        "Construction | commercial builder | regional offices",
        "Property Management | residential landlord | managed buildings",
        "Learning Trust | school group | schools",
        "Energy | renewable energy operator | wind and solar sites",
        "Biosciences | contract research lab | labs",
        "Media | regional publisher | newsrooms",
    )
]
CITIES = (
    "Charleston SC|Portland OR|Leeds UK|Stuttgart|Manchester|Denver CO|Austin TX|Rotterdam|Lyon|Dublin|"
    "Glasgow|Minneapolis MN|Raleigh NC|Bristol UK|Munich|Toronto|Columbus OH|Valencia|Utrecht|Edinburgh"
).split("|")
ERPS = [
    "NetSuite OneWorld",
    "SAP S/4HANA",
    "Dynamics 365 Business Central",
    "Sage Intacct",
    "Oracle Fusion Cloud ERP",
    "Microsoft Dynamics 365 Finance",
    "Workday Financials",
    "Xero",
]
IDPS = ["Okta", "Microsoft Entra ID", "Google Workspace", "OneLogin"]
REGIONS = ["EU region, Frankfurt", "US East, Virginia", "UK region, London", "Canada region, Montreal"]
COMPETITORS = ["Cascade AP", "Paperstack", "InvoiceHub", "Tallyflow", "ClearLedger"]
EDITIONS = ["AP Automation Professional", "AP Automation Enterprise", "AP Automation Starter"]
ADDONS = ["Spend Analytics", "Supplier Portal", "Expense Management", "Treasury Payments"]
CURRENCIES = [("USD", "$"), ("USD", "$"), ("GBP", "£"), ("EUR", "€")]
CHAMPION_TITLES = ["AP Manager", "Director of Finance Operations", "Head of Finance Operations", "AP Team Lead"]
BUYER_TITLES = ["CFO", "VP Finance", "Finance Director", "Chief Operating Officer"]
TECH_TITLES = ["IT Manager", "ERP Administrator", "Head of IT", "Systems Architect"]
USER_TITLES = ["Corporate Controller", "AP Supervisor", "Accounts Payable Specialist", "Group Accountant"]
BLOCKER_TITLES = ["Financial Controller", "Procurement Director", "Head of Internal Audit", "Security Officer"]
PLACEHOLDERS = ["TBD", "[Name]", "[Date]", "N/A", "TBC", "[Company Name]", "???", "[Owner]", "TODO"]


def money(n: int) -> str:
    return f"{n:,}"


class Deal:
    """Facts shared by every section of one document, so names, numbers and dates agree."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        prefix = rng.choice(PREFIX)
        suffix, industry, unit = rng.choice(INDUSTRIES)
        self.company = f"{prefix} {suffix}"
        self.short = prefix
        self.domain = prefix.lower() + ".example"
        self.industry = industry
        self.sites = f"{rng.randint(3, 140)} {unit}"
        self.staff = money(rng.randrange(200, 6000, 50))
        self.hq = rng.choice(CITIES)
        self.erp = rng.choice(ERPS)
        self.idp = rng.choice(IDPS)
        self.region = rng.choice(REGIONS)
        self.competitor = rng.choice(COMPETITORS)
        self.edition = rng.choice(EDITIONS)
        self.addon = rng.choice(ADDONS)
        self.code, self.cur = rng.choice(CURRENCIES)
        self.deal = rng.randrange(18, 240) * 1000
        self.arr = rng.randrange(24, 300) * 1000
        self.estimate = rng.randrange(8, 90) * 1000
        self.users = rng.randrange(8, 120)
        self.hours = rng.choice([20, 40, 60, 80, 120])
        self.invoices = money(rng.randrange(800, 12000, 100))
        self.close_days = rng.randint(7, 14)
        self.target_days = rng.randint(3, self.close_days - 2)
        self.match_pct = rng.randrange(60, 90, 5)
        self.hours_now = rng.randint(12, 40)
        self.hours_target = rng.randint(2, 8)
        self.fees = money(rng.randrange(1500, 9000, 100))
        self.dupes = rng.randint(3, 14)
        self.suppliers = money(rng.randrange(600, 9000, 100))
        names = set()
        self.people = []  # customer side: champion, buyer, tech, user, blocker
        for titles in (CHAMPION_TITLES, BUYER_TITLES, TECH_TITLES, USER_TITLES, BLOCKER_TITLES):
            name = self._name(names)
            first, last = name.split()
            self.people.append(
                {
                    "name": name,
                    "first": first,
                    "title": rng.choice(titles),
                    "email": f"{first.lower()}.{last.lower()}@{self.domain}",
                }
            )
        self.champion, self.buyer, self.tech, self.user, self.blocker = self.people
        self.sender = self._name(names)
        self.receiver = self._name(names)
        self.helper = self._name(names)
        self.date = EPOCH + dt.timedelta(days=rng.randrange(0, 730))
        self.past = sorted(self.date - dt.timedelta(days=rng.randint(2, 90)) for _ in range(5))
        self.future = sorted(self.date + dt.timedelta(days=rng.randint(1, 40)) for _ in range(8))
        self.meeting = self.date + dt.timedelta(days=rng.randint(3, 14))
        self.contract = self.date + dt.timedelta(days=rng.randint(3, 20))
        self.contract = self.contract.replace(day=min(self.contract.day, 28))  # year arithmetic below
        self.kickoff = self.contract + dt.timedelta(days=rng.randint(2, 10))
        self.golive = self.kickoff + dt.timedelta(days=rng.randint(40, 90))
        self.rollout = self.golive + dt.timedelta(days=rng.randint(20, 60))
        self.review = self.rollout + dt.timedelta(days=rng.randint(20, 50))
        self.hypercare = self.golive + dt.timedelta(days=rng.randint(20, 35))
        self.term = rng.choice([12, 24, 36])
        self.contract_end = self.contract.replace(year=self.contract.year + self.term // 12)
        self.renewal = self.date + dt.timedelta(days=rng.randint(60, 200))
        self.target_close = self.renewal - dt.timedelta(days=rng.randint(10, 30))
        self.close = self.date + dt.timedelta(days=rng.randint(50, 110))
        self.phone = f"+1 {rng.randint(201, 989)} 555 0{rng.randint(100, 199)}"
        self.facts = self._facts()

    def _name(self, taken: set) -> str:
        """A new person; first names differ too, since the prose refers to people by first name."""
        while True:
            first, last = self.rng.choice(FIRST), self.rng.choice(LAST)
            if first not in taken and last not in taken:
                taken.update((first, last))
                return f"{first} {last}"

    def _facts(self) -> dict:
        """The keys templates may use, computed once per deal (fmt runs thousands of times)."""
        c, b, t, u, k = self.people
        return dict(
            company=self.company,
            short=self.short,
            industry=self.industry,
            sites=self.sites,
            staff=self.staff,
            hq=self.hq,
            erp=self.erp,
            idp=self.idp,
            region=self.region,
            competitor=self.competitor,
            edition=self.edition,
            addon=self.addon,
            cur=self.cur,
            code=self.code,
            deal=money(self.deal),
            arr=money(self.arr),
            estimate=money(self.estimate),
            budget=money(self.deal + 12000),
            users=self.users,
            hours=self.hours,
            invoices=self.invoices,
            close_days=self.close_days,
            target_days=self.target_days,
            match_pct=self.match_pct,
            hours_now=self.hours_now,
            hours_target=self.hours_target,
            fees=self.fees,
            dupes=self.dupes,
            suppliers=self.suppliers,
            champ=c["name"],
            champ_first=c["first"],
            champ_title=c["title"],
            champ_email=c["email"],
            buyer=b["name"],
            buyer_first=b["first"],
            buyer_title=b["title"],
            buyer_email=b["email"],
            tech=t["name"],
            tech_first=t["first"],
            tech_title=t["title"],
            tech_email=t["email"],
            user=u["name"],
            user_title=u["title"],
            blocker=k["name"],
            blocker_first=k["first"],
            blocker_title=k["title"],
            blocker_email=k["email"],
            sender=self.sender,
            receiver=self.receiver,
            receiver_first=self.receiver.split()[0],
            helper=self.helper,
            phone=self.phone,
            date=self.date,
            meeting=self.meeting,
            contract=self.contract,
            kickoff=self.kickoff,
            golive=self.golive,
            rollout=self.rollout,
            review=self.review,
            hypercare=self.hypercare,
            renewal=self.renewal,
            target_close=self.target_close,
            close=self.close,
            p0=self.past[0],
            p1=self.past[1],
            p2=self.past[2],
            p3=self.past[3],
            p4=self.past[4],
            f0=self.future[0],
            f1=self.future[1],
            f2=self.future[2],
            f3=self.future[3],
            f4=self.future[4],
            f5=self.future[5],
            later=self.golive + dt.timedelta(days=60),
            year=self.date.year + 1,
        )

    def fmt(self, template: str) -> str:
        """Fill a template with this deal's facts."""
        return template.format_map(self.facts)


# --- Wording ----------------------------------------------------------------------------------
# Field and column values keyed by the lowercased name from the schema; section prose keyed by the
# section key. Each entry lists alternatives; templates use Deal.fmt keys.

FIELDS = {
    "company": [
        "{company}: {industry}, {staff} staff, {sites}, HQ {hq}",
        "{company}: {industry} with {sites} and {staff} staff, based in {hq}",
    ],
    "account": ["{company}: {industry}, {staff} staff, {sites}, {hq}"],
    "contact": [
        "{champ}, {champ_title}, {champ_email}, {phone}",
        "{champ}, {champ_title}, {champ_email}",
    ],
    "primary contact": ["{champ}, {champ_title}, {champ_email}, {phone}"],
    "executive sponsor": ["{buyer}, {buyer_title}, {buyer_email}"],
    "technical lead": ["{tech}, {tech_title}, {tech_email}"],
    "source": [
        "Inbound: downloaded the month-end AP checklist on {p1}, requested a demo from the pricing page on {p3}",
        "Event: met {sender} at the Finance Ops Summit on {p1}; booked a call on {p3}",
        "Outbound: replied to the third email of the {erp} sequence on {p2}",
        "Referral: introduced by their auditors on {p2}",
    ],
    "pain": [
        "About {invoices} invoices a month matched by hand; close takes {close_days} working days",
        "{dupes} duplicate payments this year and {cur}{fees} in late fees last quarter",
    ],
    "budget": [
        "{champ_first} says about {cur}{budget} is set aside for finance tooling in the {year} plan; "
        "the {buyer_title} has not confirmed it",
        "{cur}{budget} approved in the {year} budget, confirmed by {buyer} on {p3}",
    ],
    "authority": [
        "{champ_first} evaluates and recommends; {buyer_title} {buyer} signs anything above {cur}25,000",
        "{buyer}, {buyer_title}, decides; {champ} runs the evaluation",
    ],
    "timeline": [
        "Wants to be live before the {year} audit; decision targeted for {close}",
        "Live by {golive}, when invoice volume doubles; decision by {close}",
    ],
    "request": [
        "90-minute tailored demo that proves matching against {erp} goods receipts; a 3-week POC follows if it lands",
        "Technical discovery workshop with {tech} on the {erp} integration, then a demo for the buying group",
    ],
    "date and logistics": [
        "{meeting}, 10:00 to 11:30, on site at the {hq} finance office",
        "{meeting}, 14:00 to 15:00, Zoom; {tech} joins for the last 20 minutes",
    ],
    "stage": ["Solution Validation", "Discovery", "Technical Evaluation"],
    "deal size": ["{cur}{deal} ACV", "{cur}{deal} a year, {users} users"],
    "economic buyer": [
        "{buyer}, {buyer_title}; signs up to {cur}{budget} (confirmed by {champ} on {p3})",
        "{buyer}, {buyer_title}, owns the budget and approves the order form",
    ],
    "decision process": [
        "{champ_first} recommends, {buyer_first} approves, then a 2-week IT security review led by {tech}",
        "Evaluation by {champ_first} and {tech_first}, business case to {buyer_first} by {close}, then procurement",
    ],
    "compelling event": [
        "External audit fieldwork starts {later}; {buyer_first} wants the approval trail fixed before then",
        "Their {erp} upgrade goes live on {golive} and they will not run two AP processes",
    ],
    "architecture": [
        "{erp} in the cloud; invoices arrive as PDF to a shared AP mailbox and are keyed by hand",
        "{erp} on premises; a legacy OCR tool installed in 2017 feeds a shared Excel tracker",
    ],
    "systems in scope": [
        "{erp} (vendor master, POs, goods receipts) and the AP mailbox in Microsoft 365",
        "{erp} vendors, purchase orders and receipts; {idp} for sign-in",
    ],
    "integration constraints": [
        "Outbound HTTPS only; no direct database access (verified with {tech} on {p4})",
        "API access needs a named integration user, approved by {tech} (assumed; to confirm on {f1})",
    ],
    "hard qualifiers": ["Data residency in the {region}; SOC 2 Type II report before contract"],
    "already tried": ["A pilot of {competitor} in 2024, dropped after three months at 60% OCR accuracy"],
    "arr": ["{cur}{arr} ({edition}, customer since {p0})"],
    "renewal date": ["{renewal}"],
    "seats": ["{users} of {users} licensed seats in use", "{users} seats, 92% active in the last 30 days"],
    "health score": ["84 of 100, green, up from 71 six months ago", "77 of 100, green; adoption rising since {p1}"],
    "adoption": ["{users} weekly active users; 91% of invoices now enter through Ledgerly"],
    "nps / csat": ["NPS 9 from {champ}, last quarter's survey", "CSAT 4.6 of 5 over the last 40 tickets"],
    "opportunity type": ["Cross-sell", "Upsell", "Add-on"],
    "what": ["{addon} for the finance team (10 users), plus 10 extra AP seats"],
    "estimated value": ["{cur}{estimate} ARR"],
    "buying unit": ["New buyer: Procurement, led by {blocker}; the {buyer_title} signs both budgets"],
    "sales owner": ["{receiver} runs the deal end to end: new buyer, above the {cur}10,000 threshold"],
    "csm role": ["{sender} keeps the relationship with {champ}, joins discovery and owns the renewal"],
    "target close": ["{target_close}, before the {renewal} renewal so both land on one order form"],
    "credit": ["Expansion ARR to {receiver}; renewal to {sender}"],
    "current deployment": ["Ledgerly cloud, {region}, {edition}, {users} seats, SSO through {idp}"],
    "integrations": [
        "{erp}: vendors, POs and receipts in; approved invoices out (verified in the demo tenant)",
        "{erp} connector, two entities; custom field for cost centre mapped to invoice lines",
    ],
    "expansion requirements": ["{addon} needs read access to {erp} purchase order lines; {short} IT must approve"],
    "open support tickets": ["2 open, both low priority; oldest from {p2}", "None open; 14 closed this year"],
    "go-live / first value": ["{golive}"],
    "full rollout": ["{rollout}"],
    "first business review": ["{review}"],
    "kickoff": ["{kickoff}"],
    "contract signed": ["{contract}"],
    "internal briefing": ["{date}"],
    "go-live": ["{golive}"],
    "hypercare ends": ["{hypercare}"],
    "integration requirements": ["{erp} via the Ledgerly connector, two subsidiaries (verified in the pilot)"],
    "data migration": [
        "{suppliers} active suppliers and open POs from the last 18 months; no invoice history",
        "{suppliers} suppliers with bank details; open POs only",
    ],
    "technical constraints": [
        "{erp} sandbox refreshes monthly; {tech} is the only admin (verified)",
        "Change freeze for the last 5 working days of each month",
    ],
    "security/compliance": [
        "Hosting in the {region}, DPA signed, SSO with {idp} (SAML)",
        "SOC 2 report shared on {p3}; pen-test summary requested by {tech}",
    ],
    "what was sold": ["{edition}, {users} users, {erp} connector, {hours} hours of implementation services"],
    "business goal": [
        "Move {invoices} invoices a month from paper and email into one matched workflow before {golive}",
        "Close the books in {target_days} days instead of {close_days} by the end of the first quarter after go-live",
    ],
    "sow": ["[SOW {short}-{year}, signed {contract}](https://docs.ledgerly.example/{short}/sow.pdf)"],
    "crm opportunity": ["[{short}-{year}](https://crm.ledgerly.example/opportunities/{short}-{year})"],
    "in scope": ["Two legal entities; {erp} connector; PO and goods-receipt matching; SSO; {suppliers} suppliers"],
    "out of scope": ["Custom reports, the Supplier Portal, the overseas sales office, any change to {erp} itself"],
    "sign-off": ["Scope, timeline and success criteria signed off by {receiver} and {buyer} on {p4}"],
    "deployment type": ["Multi-tenant SaaS (verified in the order form)", "Single-tenant SaaS (verified)"],
    "hosting": ["Ledgerly {region} (verified)"],
    "sso": ["{idp}, SAML, group provisioning (assumed; {tech} confirms the licence tier)"],
    "environments": ["Ledgerly sandbox on the {erp} sandbox, then production"],
}
# Columns of stakeholder tables: filled from the person on that row.
PERSON_COLUMNS = {
    "role": ["Champion", "Economic Buyer", "Evaluator", "End User", "Blocker"],
    "stance": ["Champion", "Neutral", "Neutral", "Champion", "Detractor"],
    "top priority": [
        "Will it catch duplicates when vendor names differ slightly?",
        "Can the approval trail satisfy the auditors before fieldwork?",
        "What has to open in the firewall, and who maintains it?",
        "How many clicks does an approver need on mobile?",
        "Does it keep our existing approval matrix?",
    ],
    "project role": ["Project lead", "Executive sponsor", "Technical lead", "Key user", "Approver"],
    "notes": [
        "Took the qualification call; wants the {erp} demo",
        "Signs above {cur}25,000; not met yet",
        "Owns {erp}; will send a security questionnaire",
        "Loses the first week of every month to matching",
        "Preferred the native {erp} approvals",
    ],
}
PAINS = [
    (
        "Duplicate payments",
        '"We paid the same supplier twice last quarter and we are still clawing back {cur}{fees}."',
        "{dupes} duplicates this year",
    ),
    (
        "Month-end backlog",
        '"At month-end we have {invoices} invoices in the queue and three people to clear them."',
        "Close slips {close_days} days",
    ),
    ("Audit findings", '"The auditors have flagged our approval trail two years running."', "2 audit findings"),
    (
        "Late fees",
        '"We paid {cur}{fees} in late fees last quarter because invoices sat in inboxes."',
        "{cur}{fees} a quarter",
    ),
]
SIGNALS = [
    ("Procurement wants spend data", "{blocker} asked for raw invoice-line exports three times since {p0}", "Strong"),
    (
        "Supplier consolidation programme",
        "{buyer_title} announced it at the QBR on {p2}, target 20% fewer suppliers",
        "Strong",
    ),
    ("Seats nearly full", "{users} seats used; two finance hires start next month", "Medium"),
    ("New entity acquired", "{company} bought a competitor on {p1}; its AP team still keys invoices by hand", "Medium"),
]
COMMITMENTS = [
    ("Invoice capture in the local language at go-live", "{champ}, {champ_title}", "Yes", "Confirmed with product"),
    ("Approval notifications in Microsoft Teams", "{tech}, {tech_title}", "Implied", "Needs Teams admin consent"),
    ("Weekly written status report", "{buyer}, {buyer_title}", "No", "Accepted by delivery"),
    ("Migration of {suppliers} suppliers with bank details", "{champ}, {champ_title}", "Yes", "Planned for week 2"),
]
RISKS = [
    (
        "{tech}, the only {erp} admin, is on leave for two weeks after {f4}",
        "High",
        "{helper} books connector set-up before then; {receiver_first} confirms the slots at kickoff",
    ),
    (
        "{blocker} may slow sign-off of the approval matrix",
        "Medium",
        "{receiver_first} invites {blocker_first} to the approval design session and shows the audit trail",
    ),
    (
        "About 12% duplicate suppliers in the vendor master",
        "Medium",
        "{helper} runs the duplicate report in week 1; {champ_first}'s team cleans it by {f5}",
    ),
    (
        "{competitor} may re-approach {champ_first} if early results disappoint",
        "Low",
        "{receiver_first} shares weekly auto-match results with {champ_first} and {buyer_first} from go-live",
    ),
    (
        "Security review could take longer than the 2 weeks planned",
        "High",
        "{sender} sends the SOC 2 report and architecture note to {tech} on {f1}",
    ),
    (
        "Budget not yet confirmed by the {buyer_title}",
        "Medium",
        "{receiver_first} asks {buyer_first} for the approval path on the first call",
    ),
]
ACTIONS = [
    "Send the intro email introducing {receiver} to {champ} and {buyer}",
    "Schedule the kickoff call with {champ} and {tech}",
    "Share the discovery notes and demo recording with {receiver}",
    "Book {erp} connector slots with {tech}",
    "Invite {blocker} to the approval-workflow design session",
    "Send the agenda and calendar confirmation to {champ}",
    "Log the qualification notes on the CRM opportunity",
    "Prepare a matching demo on {company}'s own invoice samples",
    "Send the architecture note on the outbound-only connector to {tech}",
    "Send {buyer} the value summary for the renewal",
]
SUCCESS = [
    "Cut invoice-matching time from {hours_now} h/week to under {hours_target} h/week within 60 days of go-live "
    "(by {rollout}).",
    "Auto-match at least {match_pct}% of PO-backed invoices with no manual touch by {rollout}.",
    "Reduce late-payment fees from {cur}{fees} per quarter to under {cur}500 by {review}.",
    "Shorten month-end close from {close_days} to {target_days} working days by {review}.",
    "Flag {dupes} out of {dupes} known duplicate payments seeded into the test set by {f5}.",
]
LISTS = {
    "decision-criteria": [
        "Three-way match against {erp} goods receipts with no custom code.",
        "Duplicate detection across vendor-name variants.",
        "Approval audit trail the external auditors accept.",
        "Total cost under {cur}{budget} a year.",
        "Hosting in the {region}.",
    ],
    "use-cases-to-show": [
        "Duplicate detection on two real invoices {champ_first} sent on {p3}.",
        "Three-way match against {erp} goods receipts in the AP queue.",
        "Approval audit-trail export in the auditors' format.",
        "Mobile approval by a site manager in under a minute.",
    ],
    "customer-prerequisites": [
        "{erp} sandbox refreshed from production, with API access for the connector, by {f2}.",
        "Supplier master export with bank details, cleaned of duplicates, by {f4}.",
        "Named project lead with 2 days a week for the first 6 weeks, confirmed by {f1}.",
        "{idp} admin available for SSO set-up in week 2.",
    ],
    "value-delivered": [
        "Auto-match rate {match_pct}% against an 80% target, measured last month.",
        "Cost per invoice down from {cur}4.10 to {cur}1.60 since go-live (finance team's own calculation).",
        "Month-end close cut from {close_days} to {target_days} working days.",
        "Late fees down from {cur}{fees} a quarter to under {cur}500.",
    ],
    "tech-stack": [
        "{erp} for GL and AP, one entity per site.",
        "Excel workbooks for PO-to-invoice matching; one shared Outlook mailbox per site.",
        "{idp} for sign-in; purchasing still runs on emailed POs.",
        "A legacy OCR tool from 2017 that IT wants to retire.",
    ],
    "conversation-history": [
        "{p0}: downloaded the month-end AP checklist ebook.",
        "{p1}: opened two nurture emails and visited the {erp} integration page twice.",
        "{p2}: requested a demo from the pricing page.",
        "{p3}: 20-minute qualification call with {champ} (notes above).",
        "{p4}: meeting confirmed for {meeting}; {champ_first} added {tech} to the invite.",
    ],
    "concerns-raised": [
        "Data residency: invoices must stay in the {region}. Answered with the hosting region; DPA signed {p3}.",
        "AP clerks feared headcount cuts. {buyer_first} told the team on {p2} that no roles are being removed.",
        "Security questionnaire from {tech}: answered on {p4}, no open items.",
    ],
    "attachments": [
        "[Order form {short}-{year}](https://docs.ledgerly.example/{short}/order-form.pdf)",
        "[Pilot results](https://docs.ledgerly.example/{short}/pilot-results.pdf)",
        "[Discovery call recording, {p1}](https://calls.ledgerly.example/rec/{short}-{p1})",
        "[CRM opportunity](https://crm.ledgerly.example/opportunities/{short}-{year})",
    ],
}
PROSE = {
    "why-they-took-the-meeting": [
        "Each site forwards supplier invoices to a shared inbox and the central team matches them in Excel.",
        "Month-end close takes {close_days} working days, and a new site opens next quarter.",
        "{champ_first} found us through the {erp} integration page after a {cur}{fees} quarter of late fees.",
    ],
    "suggested-approach": [
        "Open with the {close_days}-day close, then ask how invoices travel from the sites to central AP.",
        "Show matching against {erp} POs on invoices like theirs.",
        "Before the call ends, ask how {buyer} approves spend above {cur}25,000 and get them into the second meeting.",
    ],
    "competition": [
        "The incumbent is a spreadsheet process plus {erp}'s native approvals.",
        "{competitor} demoed on {p2}; {champ_first} said its OCR was strong but its connector needed a consultant.",
        "Expect {tech_first} to compare our connector effort with {competitor}'s.",
    ],
    "what-they-bought": [
        "Ledgerly {edition} for {users} finance users, with the {erp} connector and hosting in the {region}.",
        "They match about {invoices} supplier invoices a month to POs by hand.",
        "The goal: take matching off three AP clerks so they work disputed invoices, and stop paying late fees.",
        "Not included: {addon} and the overseas entities.",
    ],
    "customer-expectations": [
        "They expect the AP team to stop re-keying invoices within a month of go-live and a faster close by {review}.",
        "{champ} and {buyer} agreed the criteria below in writing on {p4}.",
    ],
    "key-decisions": [
        "The deal nearly stalled on {p1} when IT refused sandbox access for a pilot; {buyer_first} overruled it.",
        "The two-week pilot on 300 real invoices hit {match_pct}% auto-match, which won the deal.",
    ],
    "competitors-evaluated": [
        "{competitor}, and staying on {erp}'s native approvals.",
        "{competitor}'s connector needed a paid consultant; native approvals do no PO matching.",
        "Reinforce the connector and the pilot numbers.",
    ],
    "internal-champion": [
        "{champ}, {champ_title}, ran the pilot and built the business case.",
        "{champ_first} wants a case study for a promotion review next year; give them the weekly auto-match numbers.",
    ],
    "potential-blocker": [
        "{blocker}, {blocker_title}, {blocker_email}, preferred native approvals and was not in the pilot.",
        "{blocker_first} owns the approval matrix CS must configure.",
    ],
    "expansion-opportunity": [
        "{buyer_first} asked twice about {addon}.",
        "A sister entity runs the same {erp} and could follow full rollout on {rollout}.",
    ],
    "cadence": [
        "Weekly 45-minute status call on Tuesdays with {champ} and {tech}; written status report every Friday.",
        "Steering call with {buyer} every two weeks.",
        "Escalation: {receiver} to {buyer} within 2 business days.",
    ],
    "demo-vs-production": [
        "The demo showed approval notifications in Microsoft Teams with our own tenant.",
        "In production this needs {company}'s Teams admin to grant consent, which is not yet requested.",
    ],
    "why-now": [
        "The supplier consolidation programme starts next quarter, and procurement has no clean view of spend.",
        "Co-terming with the {renewal} renewal gives the {buyer_title} one decision.",
    ],
    "recommended-play": [
        "Lead with {blocker_first}'s monthly spreadsheet and the consolidation target, not with product features.",
        "Show their own categories in a demo of {addon} using a copy of {short}'s data.",
        "Keep {champ_first} in the loop: the AP results are the proof. Do not discount the renewal to win the add-on.",
    ],
}
QUOTES = [
    '"We have three people re-keying invoices into {erp} every Monday. I want them chasing disputes instead."',
    '"If month-end isn\'t faster by the spring close, this was the wrong purchase."',
    '"Every site sends invoices to a shared inbox and we match them in Excel. We lose the first week of every '
    'month to it."',
    "\"I'm rebuilding the same supplier spend spreadsheet every month. Give me that as a dashboard and I'll fund it.\"",
]
TEMPLATE_LEFTOVERS = [
    "[Describe the business problem they bought this to solve]",
    "[What the customer said, in their words, with who and when]",
    "TBD",
    "[Add details here]",
]
TITLES = {
    "sdr-to-ae": ("Lead Handoff", "SDR", "AE"),
    "ae-to-se": ("AE to SE Handoff", "AE", "SE"),
    "sales-to-cs": ("Customer Handoff", "AE", "CSM"),
    "sales-to-implementation": ("Implementation Handoff", "AE", "Implementation Lead"),
    "cs-to-sales": ("Expansion Handoff", "CSM", "AE"),
}
# Layout of the good sales-to-cs example: success criteria and timeline are H3 under Customer
# Expectations; the sales-cycle sections are H3 under an H2 that is not itself a section.
GROUPED = {
    "sales-to-cs": {
        "key-decisions",
        "competitors-evaluated",
        "concerns-raised",
        "internal-champion",
        "potential-blocker",
    }
}
H3 = {"sales-to-cs": GROUPED["sales-to-cs"] | {"success-criteria", "timeline-expectations"}}
GROUP_HEADING = "Sales Cycle Context"


def load_types() -> list[dict]:
    """The five built-in type definitions, in name order (the order is part of determinism)."""
    types = []
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        if "x-handoff-lint" in schema:
            types.append(schema)
    return types


# --- Rendering ----------------------------------------------------------------------------------


class Writer:
    """Render one document of one type; `rich` (0..1) scales rows and sentences to hit a size."""

    def __init__(self, schema: dict, deal: Deal, rng: random.Random, rich: float, defects: set[str]):
        self.schema = schema
        self.spec = schema["x-handoff-lint"]
        self.rng = rng
        self.rich = rich
        self.defects = defects
        self.deal = deal
        self.leftovers: set[str] = set()  # sections still holding template text

    def count(self, low: int, high: int) -> int:
        return low + round(self.rich * (high - low))

    def pick(self, options: list[str]) -> str:
        return self.deal.fmt(self.rng.choice(options))

    def sample(self, options: list, n: int) -> list:
        """n of the options, in their written order (histories are chronological, prose reads on)."""
        picked = self.rng.sample(range(len(options)), min(n, len(options)))
        return [options[i] for i in sorted(picked)]

    def value(self, name: str) -> str:
        options = FIELDS.get(name.lower(), ["{company} confirmed this with {sender} on {p3}"])
        return self.pick(options)

    def cell(self, value: str) -> str:
        """A defect may swap a table value for a placeholder."""
        if "placeholders" in self.defects and self.rng.random() < 0.12:
            return self.rng.choice(PLACEHOLDERS)
        return value

    # Frontmatter

    def frontmatter(self) -> list[str]:
        props = self.schema["properties"]
        required = set(self.schema["required"])
        blank = None
        if "frontmatter" in self.defects:
            blank = self.rng.choice(sorted(required - {"type"}))
        lines = ["---"]
        for key, prop in props.items():
            if key not in required and self.rng.random() < 0.35:
                continue
            value = self.fm_value(key, prop)
            if key == blank:
                value = self.rng.choice(['""', "TBD", '"[Date]"'])
            lines.append(f"{key}: {value}")
        lines.append("---")
        return lines

    def fm_value(self, key: str, prop: dict) -> str:
        d = self.deal
        dates = {
            "date": d.date,
            "meeting_date": d.meeting,
            "demo_date": d.meeting,
            "contract_start": d.contract,
            "kickoff_date": d.kickoff,
            "go_live_date": d.golive,
            "hypercare_end": d.hypercare,
            "renewal_date": d.contract_end if self.spec["name"] == "sales-to-cs" else d.renewal,
            "target_close": d.target_close,
            "close_date": d.close,
            "poc_end": d.close,
        }
        if key == "type":
            return prop["const"]
        if key in dates:
            return f'"{dates[key]}"'
        if "enum" in prop:
            return "ready" if key == "status" else self.rng.choice(prop["enum"])
        simple = {
            "customer": d.company,
            "from": d.sender,
            "to": d.receiver,
            "deal_size": d.deal,
            "arr": d.arr,
            "estimated_value": d.estimate,
            "currency": d.code,
            "term": f"{d.term} months",
            "stage": self.rng.choice(FIELDS["stage"]),
            "meeting_type": self.rng.choice(["30-min discovery call", "45-min discovery call, Zoom"]),
            "billing": self.rng.choice(["annual in advance", "quarterly in advance"]),
        }
        if key in simple:
            return str(simple[key])
        return f"https://crm.ledgerly.example/opportunities/{d.short.lower()}-{d.date.year}"

    # Sections

    def section(self, spec: dict) -> list[str]:
        key, kinds = spec["key"], set(spec.get("kinds", []))
        if key in self.leftovers:
            return [self.rng.choice(TEMPLATE_LEFTOVERS)]
        if "action-items" in kinds:
            return self.actions(max(spec.get("min_items", 2), self.count(2, 5)))
        if "success-criteria" in kinds:
            n = self.count(spec.get("min_items", 3), 5)
            return [f"{i}. {self.deal.fmt(s)}" for i, s in enumerate(self.sample(SUCCESS, n), 1)]
        if spec.get("columns"):
            return self.table(spec)
        if spec.get("fields"):
            return self.fields(spec)
        if "risks" in kinds:  # risks without a table: "- Severity: risk. Mitigation."
            rows = self.sample(RISKS, self.count(2, 4))
            return [f"- {sev}: {self.deal.fmt(risk)}. {self.deal.fmt(fix)}." for risk, sev, fix in rows]
        if key in LISTS:
            items = self.sample(LISTS[key], self.count(spec.get("min_items", 2), 5))
            if key in ("decision-criteria", "use-cases-to-show"):
                return [f"{i}. {self.deal.fmt(s)}" for i, s in enumerate(items, 1)]
            return [f"- {self.deal.fmt(s)}" for s in items]
        prose = PROSE.get(key, PROSE["why-now"])  # the lead sentence names the people; details are optional
        sentences = [prose[0]] + self.sample(prose[1:], self.count(0, 2))
        lines = [" ".join(self.deal.fmt(s) for s in sentences)]
        if "customer-words" in kinds or key in ("why-now", "customer-expectations"):
            for _ in range(self.count(1, 2)):
                p = self.rng.choice(self.deal.people[:4])
                lines += [
                    "",
                    f"> {self.pick(QUOTES)} — {p['name']}, {p['title']}, call {self.rng.choice(self.deal.past)}",
                ]
        return lines

    def fields(self, spec: dict) -> list[str]:
        rows = []
        for f in spec["fields"]:
            if f.get("required") or self.rng.random() < 0.5 + self.rich / 2:
                rows.append((f["name"], self.cell(self.value(f["name"]))))
        kinds = set(spec.get("kinds", []))
        if "timeline" in kinds:
            rows.sort(key=lambda r: r[1])  # milestones in date order
            head = ("Milestone", "Customer's Expected Date" if spec["key"] == "timeline-expectations" else "Date")
        elif spec["key"] == "qualification-notes":
            head = ("Criterion", "What We Know")
        elif spec["key"] in ("technical-requirements", "technical-context"):
            head = ("Item", "Detail")
        elif self.rng.random() < 0.25:  # some writers use bold bullets instead of a table
            return [f"- **{name}:** {value}" for name, value in rows]
        else:
            head = ("Field", "Detail")
        return table(head, rows)

    def table(self, spec: dict) -> list[str]:
        columns = [c["name"] for c in spec["columns"] if c.get("required") or self.rng.random() < 0.6]
        names = {c.lower() for c in columns}
        d, rows = self.deal, []
        if "name" in names:  # a person per row
            # champion, buyer and technical lead always; they carry the roles each type requires
            for i in [0, 1, 2] + self.sample([3, 4], self.count(0, 2)):
                p = d.people[i]
                rows.append([self.person_cell(c, p, i) for c in columns])
        else:
            if "risk" in names:
                source = [dict(zip(("risk", "severity", "mitigation"), r, strict=True)) for r in RISKS]
            elif "pain" in names:
                source = [dict(zip(("pain", "verbatim quote", "impact"), r, strict=True)) for r in PAINS]
            elif "signal" in names:
                source = [dict(zip(("signal", "evidence", "strength"), r, strict=True)) for r in SIGNALS]
            else:
                source = [
                    dict(zip(("commitment", "made to", "contractual", "status"), r, strict=True)) for r in COMMITMENTS
                ]
            for item in self.sample(source, self.count(2, 4)):
                row = []
                for c in columns:
                    if c.lower() in item:
                        row.append(d.fmt(item[c.lower()]))
                    elif c.lower() == "owner":
                        row.append(self.rng.choice([d.receiver, d.sender, d.helper, d.champion["name"]]))
                    else:  # who said it
                        p = self.rng.choice(d.people[:4])
                        row.append(f"{p['name']}, {p['title']}, call {self.rng.choice(d.past)}")
                rows.append([self.cell(v) for v in row])
        if "empty-rows" in self.defects:
            rows.insert(self.rng.randrange(len(rows) + 1), [""] * len(columns))
        return table(columns, rows)

    def person_cell(self, column: str, p: dict, i: int) -> str:
        c = column.lower()
        if c in ("name", "title", "email"):
            return self.cell(p[c])
        if c == "side":
            return "Customer"
        return self.cell(self.deal.fmt(PERSON_COLUMNS.get(c, PERSON_COLUMNS["notes"])[i]))

    def actions(self, n: int) -> list[str]:
        d, lines = self.deal, []
        for i, text in enumerate(self.sample(ACTIONS, n)):
            owner = self.rng.choice([d.sender, d.receiver, d.helper])
            handle = "@" + owner.lower().replace(" ", "-")
            if "weak-actions" in self.defects and i == 0:
                lines.append(f"- {d.fmt(text)} — team")
            else:
                lines.append(f"- [ ] {d.fmt(text)} — {handle}, due {d.future[i % 6]}")
        return lines

    def render(self) -> str:
        d, spec = self.deal, self.spec
        title, left, right = TITLES.get(spec["name"], ("Handoff", "From", "To"))
        out = self.frontmatter()
        out += [
            "",
            f"# {title}: {d.company}",
            "",
            f"**{left}:** {d.sender} | **{right}:** {d.receiver} | **Date:** {d.date}",
        ]
        sections = [s for s in spec["sections"] if s.get("required") or self.rng.random() < 0.3 + self.rich * 0.7]
        required = [s for s in sections if s.get("required")]
        if "missing-sections" in self.defects:
            for s in self.sample(required, self.rng.randint(1, 2)):
                sections.remove(s)
        if "template" in self.defects:
            self.leftovers = {s["key"] for s in self.sample(required, self.rng.randint(1, 2))}
        grouped = False
        for s in sections:
            level = "###" if s["key"] in H3.get(spec["name"], ()) else "##"
            if s["key"] in GROUPED.get(spec["name"], ()) and not grouped:
                out += ["", f"## {GROUP_HEADING}"]
                grouped = True
            out += ["", f"{level} {s['heading']}"]
            out += self.section(s)
        return "\n".join(out) + "\n"


def table(head, rows) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("-" * (len(h) + 2) for h in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


DEFECTS = ["missing-sections", "placeholders", "empty-rows", "frontmatter", "weak-actions", "template"]


def document(types: list[dict], seed: int, index: int) -> tuple[str, str]:
    """One document: its file name and text. Retries `rich` until the size lands in 2-6 KB."""
    rng = random.Random(seed * 1_000_003 + index)
    schema = types[index % len(types)]
    target = rng.randint(MIN_BYTES + 200, MAX_BYTES - 200)
    defects = set(rng.sample(DEFECTS, rng.randint(1, 3))) if rng.random() < DEFECT_SHARE else set()
    deal = Deal(rng)
    state = rng.getstate()
    low, high, best = 0.0, 1.0, None
    for _ in range(6):  # bisect on richness; each attempt replays the same random choices
        rich = (low + high) / 2
        rng.setstate(state)
        text = Writer(schema, deal, rng, rich, defects).render()
        size = len(text.encode("utf-8"))
        if best is None or abs(size - target) < abs(best[0] - target):
            best = (size, text)
        if size < target:
            low = rich
        else:
            high = rich
    return f"{index:05d}-{deal.short.lower()}-{schema['x-handoff-lint']['name']}.md", best[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    types = load_types()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(args.count):
        name, text = document(types, args.seed, i)
        data = text.encode("utf-8")
        (args.out_dir / name).write_bytes(data)
        total += len(data)
    print(f"{args.count} handoffs, {total / 1e6:.1f} MB in {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
