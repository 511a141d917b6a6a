"""The data passed between the stages: the document, a finding, a file's result."""
