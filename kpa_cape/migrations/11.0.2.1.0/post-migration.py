# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""11.0.2.1.0: the CAPE as the law writes it.

- A signed CAPE states the date its economic activity starts: for the CAPEs
  signed before, nobody recorded it, so it is their start date (the day the
  beneficiary could start selling under the CAE's SIRET).
- The fee is stated from the KPA's rates at signature: the CAPEs signed
  before state the KPA's rates of today (the best known).
- Commitments to third parties are borne by the CAE until the beneficiary
  registers (L127-3): a CAPE that named no bearer names the CAE.
- The shipped template no longer says the CAE pays "as a salary" and says
  who bears the commitments to third parties: its texts change, in English
  and in French, only where the CAE did not edit them.
All in SQL: no write, so no tracking message and no guard on signed CAPEs.
"""
# field: (old English, old French, new English, new French), as shipped.
TEXTS = {
    "remuneration_terms": (
        "After the activity starts, the beneficiary declares each week the "
        "net remuneration they take out of the money the clients have paid, "
        "within what the KPA has available; the CAE pays it as a salary.",
        "Après le début de l'activité, le ou la bénéficiaire déclare chaque "
        "semaine la rémunération nette qu'il ou elle prélève sur l'argent "
        "payé par les clients, dans la limite du disponible du KPA ; la CAE "
        "la verse sous forme de salaire.",
        "After the activity starts, the beneficiary declares each week the "
        "net remuneration they take out of the money the clients have paid, "
        "within what the KPA has available; the CAE pays it out of the "
        "revenue of the activity, with the social contributions due on it.",
        "Après le début de l'activité, le ou la bénéficiaire déclare chaque "
        "semaine la rémunération nette qu'il ou elle prélève sur l'argent "
        "payé par les clients, dans la limite du disponible du KPA ; la CAE "
        "la lui verse sur les recettes de l'activité, avec les cotisations "
        "sociales qui lui sont dues."),
    "third_party_nature": (
        "Purchases and quotes needed for the activity tested, made in the "
        "name of the CAE with its prior agreement.",
        "Achats et devis nécessaires à l'activité testée, faits au nom de la "
        "CAE avec son accord préalable.",
        "Purchases and quotes needed for the activity tested, made in the "
        "name of the CAE with its prior agreement; until the beneficiary "
        "registers their business, the CAE bears them towards third "
        "parties.",
        "Achats et devis nécessaires à l'activité testée, faits au nom de la "
        "CAE avec son accord préalable ; jusqu'à l'immatriculation de "
        "l'entreprise du ou de la bénéficiaire, la CAE les assume à l'égard "
        "des tiers."),
}


def fill_signed_capes(cr):
    cr.execute("""
        UPDATE hr_contract SET kpa_activity_start = date_start
         WHERE kpa_is_cape AND kpa_activity_start IS NULL
           AND state NOT IN ('draft', 'cancel')""")
    cr.execute("""
        UPDATE hr_contract c
           SET kpa_fee_contribution_rate = k.contribution_rate,
               kpa_fee_reserve_rate = k.reserve_rate
          FROM kpa_cooperative k
         WHERE c.kpa_is_cape AND k.id = c.kpa_id
           AND c.kpa_fee_contribution_rate IS NULL""")
    cr.execute("""
        UPDATE hr_contract SET kpa_third_party_bearer = 'cae'
         WHERE kpa_is_cape AND kpa_third_party_bearer IS NULL""")


def update_shipped_texts(cr):
    """The shipped texts of the templates (every company's copy too) that
    the CAE did not edit, in English and in French: data files are
    noupdate, only a migration changes them."""
    for name, (old_en, old_fr, new_en, new_fr) in TEXTS.items():
        cr.execute(
            "SELECT id FROM kpa_cape_template WHERE %s = %%s" % name,
            (old_en,))
        for (record_id,) in cr.fetchall():
            key = "kpa.cape.template,%s" % name
            cr.execute("""
                SELECT value FROM ir_translation
                 WHERE name = %s AND res_id = %s AND type = 'model'
                   AND lang = 'fr_FR'""", (key, record_id))
            french = [value for (value,) in cr.fetchall()]
            if any(value not in (old_fr, "", None) for value in french):
                continue  # the CAE wrote its own French
            cr.execute(
                "UPDATE kpa_cape_template SET %s = %%s WHERE id = %%s"
                % name, (new_en, record_id))
            cr.execute("""
                UPDATE ir_translation SET src = %s, value = %s
                 WHERE name = %s AND res_id = %s AND type = 'model'
                   AND lang = 'fr_FR'""", (new_en, new_fr, key, record_id))


def migrate(cr, version):
    if not version:
        return
    fill_signed_capes(cr)
    update_shipped_texts(cr)
