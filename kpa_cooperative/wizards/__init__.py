from . import kpa_membership_leave
from . import kpa_quote_accept
from . import sale_advance_payment_inv
