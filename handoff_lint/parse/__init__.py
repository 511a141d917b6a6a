"""Parsing: Markdown and frontmatter into the document model, with inline suppressions."""
