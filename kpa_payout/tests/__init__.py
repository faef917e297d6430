# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_bank_access
from . import test_bank_portal
from . import test_payout_sepa
