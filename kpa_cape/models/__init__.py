from . import kpa_cape_benefit
from . import kpa_cape_term
from . import res_partner
from . import hr_contract
from . import kpa_followup
