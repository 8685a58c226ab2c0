"""`python -m edition` runs the command line."""
from .cli import run

run()
