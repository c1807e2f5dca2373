"""Who may see and do what in process evaluation: rules registered with core.access."""
