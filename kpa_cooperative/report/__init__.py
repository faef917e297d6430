from . import kpa_cashed_report
