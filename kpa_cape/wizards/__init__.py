from . import kpa_cape_exit_wizard
from . import kpa_cape_activity_wizard
from . import kpa_cape_renew_wizard
