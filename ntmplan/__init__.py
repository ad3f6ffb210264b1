"""ntmplan: check a provincial New Rural Development (NTM) plan and its commune data."""

__version__ = "0.1.0"
