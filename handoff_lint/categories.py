"""The six score categories and their weights, from the seed's Handoff Quality Score."""

CATEGORIES: dict[str, tuple[str, int]] = {
    "customer": ("Customer context", 20),
    "expectations": ("Expectations & success criteria", 25),
    "risks": ("Risk flags", 15),
    "technical": ("Technical requirements", 15),
    "relationship": ("Relationship context", 15),
    "actions": ("Action items", 10),
}
