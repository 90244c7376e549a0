"""`python -m newsquotes`: the command line."""

import sys

from newsquotes.cli import main

sys.exit(main())
