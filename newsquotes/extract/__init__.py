"""Article text -> statements: quotations, speech cues, their content."""
