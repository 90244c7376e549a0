"""Who a mention is: the cast of an article, pronouns, roles, names across the corpus."""
