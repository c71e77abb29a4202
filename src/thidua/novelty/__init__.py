"""Earlier initiatives like a new one (tính mới): the archive, the similarity check and the
district's verdict."""
