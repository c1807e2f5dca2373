"""Who may see and do what in social return on investment: rules registered with core.access."""
