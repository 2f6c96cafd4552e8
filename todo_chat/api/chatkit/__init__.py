"""The self-hosted ChatKit protocol, served from our own store and agent."""
