"""Pages, composed from components."""
