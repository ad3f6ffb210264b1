"""ntmplan: check a provincial New Rural Development (NTM) plan and its commune data."""

import os

# ntmplan uses no pydantic plugin; without this, pydantic scans every installed package's
# entry points (importlib.metadata) when the first model is built, a tenth of a second at start.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

__version__ = "0.1.0"
