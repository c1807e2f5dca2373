"""Who may see and do what in community data: rules registered with core.access."""
