"""The public showcase of recognised models and the stories about good examples."""
