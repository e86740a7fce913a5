"""Authentication (passwords, bearer tokens) and the access policy."""
