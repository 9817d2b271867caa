"""The JSON Schemas of the front matter and of gemeenten.yml. The code reads them as package data (adviesregister.schemas)."""
