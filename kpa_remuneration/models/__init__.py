from . import res_company
from . import kpa_remuneration_criterion
from . import kpa_cooperative
from . import kpa_remuneration_period
from . import kpa_remuneration_declaration
from . import account_move
