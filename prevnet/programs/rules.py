"""Who may see and do what in municipal programs: rules registered with core.access."""
