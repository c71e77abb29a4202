"""Background jobs (tác vụ nền): a big export or an import that a worker carries out while
the person waits on a page that shows its progress, then its file or its result."""
