"""The council's documents: what its meeting leaves (`meeting`: the score table and the
minutes) and what the unit issues on its approved list (`honours`: the decision, the
certificates, the nomination upwards)."""
