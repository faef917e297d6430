from . import main
from . import prestation
