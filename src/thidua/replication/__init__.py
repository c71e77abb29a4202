"""Units adopting a recognised model (nhân rộng) and what came of it."""
