"""Who may see and do what in activities and peer matching: rules registered with core.access."""
