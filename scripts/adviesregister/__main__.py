"""`python -m adviesregister …`: the same as the `adviesregister` command."""

from adviesregister.cli import main

main()
