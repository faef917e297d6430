from . import kpa_remuneration_wizard
