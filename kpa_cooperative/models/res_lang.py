# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# A server without the French locale installed gives Odoo no thousands
# separator: "128203,85 €". French writes "128 203,85 €" with a narrow
# space that never breaks the number across two lines, as glibc's fr_FR
# locale and services/formatting.py do.
FRENCH_THOUSANDS_SEP = "\u202f"


def number_format_fixes(code, thousands_sep):
    """What a language needs so that French numbers read as French."""
    if code.split("_")[0] == "fr" and not thousands_sep:
        return {"thousands_sep": FRENCH_THOUSANDS_SEP}
    return {}


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def load_lang(self, lang, lang_name=None):
        lang_id = super().load_lang(lang, lang_name=lang_name)
        self.browse(lang_id)._kpa_fix_number_format()
        if lang == "fr_FR":
            # French loaded after the module: the French fiscal notes.
            for company in self.env["res.company"].sudo().search([]):
                company._kpa_setup_fiscal_notes()
        return lang_id

    @api.model
    def _kpa_fix_all_number_formats(self):
        """At install of the module: the languages loaded before it."""
        self.with_context(active_test=False).search(
            [])._kpa_fix_number_format()

    @api.multi
    def _kpa_fix_number_format(self):
        for lang in self:
            fixes = number_format_fixes(lang.code, lang.thousands_sep)
            if fixes:
                lang.write(fixes)
