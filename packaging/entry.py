"""Entry point of the frozen app: the same ``redaksi`` command as the console script."""

import multiprocessing
import sys

from ui.launcher import main

if __name__ == "__main__":
    # Worker processes of a frozen app re-run this script; this hands them to multiprocessing.
    multiprocessing.freeze_support()
    sys.exit(main())
