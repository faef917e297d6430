from . import kpa_remuneration_statement
