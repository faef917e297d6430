# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import res_partner_bank
from . import res_partner
from . import res_company
from . import account_payment_order
from . import kpa_remuneration_declaration
