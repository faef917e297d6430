from . import pot
