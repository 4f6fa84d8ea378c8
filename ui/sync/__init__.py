"""The desktop side of the newsroom server: sign-in, background sync, what it shows."""
