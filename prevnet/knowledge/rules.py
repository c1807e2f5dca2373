"""Who may see and do what in knowledge base: rules registered with core.access."""
