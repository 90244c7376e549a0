"""`python -m newsquotes`: the command line."""

import os
import sys

from newsquotes.cli import main

try:
    sys.exit(main())
except BrokenPipeError:
    # The reader went away (`parse ... | head`): say nothing more, as Python would otherwise
    # print a traceback while flushing stdout at exit.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(1)
