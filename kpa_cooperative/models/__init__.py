from . import kpa_cooperative
from . import kpa_place
from . import kpa_skill
from . import kpa_membership
from . import res_partner
