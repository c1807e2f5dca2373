"""Who may see and do what in questionnaires: rules registered with core.access."""
