"""Reference data (the CBS list of municipalities). The code reads it as package data (adviesregister.data)."""
