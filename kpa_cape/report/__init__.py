from . import kpa_cape_funder_report
