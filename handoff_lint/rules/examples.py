"""Example snippets several rules show as they are (docs/rules.md, ``explain``; tests lint them)."""

# A risk with a severity and an owned, dated mitigation: the good example of the risk-table rules.
RISK_TABLE = """
| Risk | Severity | Mitigation |
|------|----------|------------|
| Champion may leave | 🟡 Medium | Build a second sponsor — @omar, by 2027-01-15 |"""
