"""Infrastructure: settings, environment, production checks, URLs, WSGI and the command line."""
