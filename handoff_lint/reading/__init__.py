"""Reading the content as a reviewer would: evidence, language recognisers, judges, contradictions."""
