"""Domain services: rules and state changes. They take a Session keyword-only and never commit."""
