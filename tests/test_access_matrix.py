"""The access matrix, table-driven: for every KPA model, who may read,
write, create and delete a record of KPA Alpha.

Roles: the CAE manager, an accountant, the coordinator of Alpha, the
coordinator of Beta, a member of Alpha, a member of Beta, a portal user who
is in no KPA. "Allowed" is Odoo's own verdict (access rights then record
rules), so a refused cell proves the user gets an AccessError. Business
refusals (a closed decision, a signed contract) are tested in each module.
"""
from odoo.exceptions import AccessError

from odoo.addons.kpa_cooperative.services.trust import trusted
from odoo.addons.kpa_cooperative.tests.common import KpaInvoiceCase

ROLES = ("manager", "accountant", "coord_a", "coord_b", "member_a",
         "member_b", "outsider")
# model key -> {operation: roles allowed}; every other role is refused.
STAFF = {"manager", "coord_a"}
MATRIX = {
    "kpa": {"read": STAFF | {"accountant", "member_a"},
            "write": STAFF, "unlink": {"manager"}},
    "place": {"read": STAFF | {"accountant", "member_a"}, "write": STAFF,
              "unlink": STAFF},
    "membership": {"read": STAFF | {"accountant", "member_a"},
                   "write": STAFF, "unlink": {"manager"}},
    "prestation": {"read": STAFF | {"member_a"}, "write": STAFF,
                   "unlink": STAFF},
    # What a prestation sells: its referent member reads it.
    "prestation_line": {"read": STAFF | {"accountant", "member_a"},
                        "write": STAFF, "unlink": STAFF},
    "invoice": {"read": STAFF | {"accountant"},
                "write": STAFF | {"accountant"},
                "unlink": STAFF | {"accountant"}},
    "cape": {"read": STAFF | {"member_a"}, "write": STAFF, "unlink": STAFF},
    # A term of member A's CAPE: only the CAE deletes one.
    "term": {"read": STAFF | {"member_a"}, "write": STAFF,
             "unlink": {"manager"}},
    # Reference lists shared by the network: read by all, kept by the CAE
    # (skills: by any coordinator too).
    "benefit": {"read": set(ROLES), "write": {"manager"},
                "unlink": {"manager"}},
    "skill": {"read": set(ROLES), "write": STAFF | {"coord_b"},
              "unlink": {"manager"}},
    "followup": {"read": STAFF, "write": STAFF, "unlink": STAFF},
    # The accountant reads every KPA's governance, changes none of it.
    "decision": {"read": STAFF | {"accountant", "member_a"}, "write": STAFF,
                 "unlink": STAFF},
    "vote": {"read": STAFF | {"accountant", "member_a"},
             "write": STAFF | {"member_a"}, "unlink": STAFF},
    # A draft charter: members read only the versions in force.
    "charter": {"read": STAFF | {"accountant"}, "write": STAFF,
                "unlink": STAFF},
    "article": {"read": STAFF | {"accountant"}, "write": STAFF,
                "unlink": STAFF},
    "role": {"read": STAFF | {"accountant", "member_a"}, "write": STAFF,
             "unlink": STAFF},
    "rotation": {"read": STAFF | {"accountant", "member_a"},
                 "write": STAFF, "unlink": STAFF},
    "logbook": {"read": STAFF | {"accountant", "member_a"},
                "write": STAFF | {"member_a"}, "unlink": STAFF},
    "topic": {"read": STAFF | {"accountant", "member_a"}, "write": STAFF,
              "unlink": STAFF},
    "meeting": {"read": STAFF | {"accountant", "member_a"}, "write": STAFF,
                "unlink": STAFF},
    # The accountant reads the money of every KPA, changes none of it.
    "treasury": {"read": STAFF | {"accountant"}},
    "month": {"read": STAFF | {"accountant"}},
    "week": {"read": STAFF | {"accountant", "member_a"}, "write": STAFF,
             "unlink": STAFF},
    "criterion": {"read": STAFF | {"accountant", "member_a"},
                  "write": STAFF, "unlink": STAFF},
    # Member A's own declaration, still a draft.
    "declaration": {"read": STAFF | {"accountant", "member_a"},
                    "write": STAFF | {"member_a"},
                    "unlink": STAFF | {"member_a"}},
}
# model key -> roles that may create such a record in KPA Alpha
CREATE = {
    "place": STAFF,
    "membership": STAFF,
    "prestation": STAFF,
    "prestation_line": STAFF,
    "decision": STAFF,
    "logbook": STAFF | {"member_a"},
    "topic": STAFF | {"member_a"},
    "followup": STAFF,
}
# Field-level rows (kpa.private.mixin): (record key, field) -> operation
# -> roles allowed. "person" is member A's partner. A read counts when the
# user gets the true value; a write when no AccessError comes back.
PERSON = {"manager", "coord_a", "member_a"}
FIELDS = {
    ("person", "kpa_birthdate"): {"read": PERSON,
                                  "write": {"manager", "coord_a"}},
    ("person", "kpa_gender"): {"read": PERSON,
                               "write": {"manager", "coord_a"}},
    # The accountant reads the contact (money documents), never changes it.
    ("person", "email"): {"read": PERSON | {"accountant"},
                          "write": {"manager", "coord_a"}},
    ("membership", "note"): {"read": PERSON, "write": STAFF},
    ("membership", "qpv_resident"): {"read": PERSON},
    ("membership", "phone"): {"read": PERSON | {"accountant"}},
    ("declaration", "comment"): {"read": PERSON, "write": PERSON},
    # The CAE's settings: read with the KPA, changed by the CAE only.
    ("kpa", "contribution_rate"): {"read": STAFF | {"accountant",
                                                    "member_a"},
                                   "write": {"manager"}},
}
NEW_VALUES = {"kpa_birthdate": "1990-05-02", "kpa_gender": "other",
              "email": "nouvelle@example.org", "note": "Nouvelle note",
              "comment": "Nouveau mot", "contribution_rate": 0.11}


class _Allowed(Exception):
    """The write went through (raised to roll it back)."""


class TestAccessMatrix(KpaInvoiceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Users = env["res.users"].with_context(no_reset_password=True)
        cls.users = {
            "manager": cls.manager,
            "accountant": Users.create({
                "name": "Comptable", "login": "matrix_compta@example.org",
                "groups_id": [(6, 0, [
                    env.ref("account.group_account_manager").id])]}),
            "coord_a": cls.coordinator_a,
            "coord_b": cls.coordinator_b,
            "member_a": cls.member_user_a,
            "member_b": cls.member_user_b,
            "outsider": Users.create({
                "name": "Passant", "login": "matrix_passant@example.org",
                "groups_id": [(6, 0, [env.ref("base.group_portal").id])]}),
        }
        kpa = cls.kpa_a
        cape = env["hr.contract"].create({
            "kpa_is_cape": True, "kpa_partner_id": cls.partner_a.id,
            "kpa_id": kpa.id, "date_start": "2026-03-01",
            "kpa_activity": "Traiteur"})
        decision = env["kpa.decision"].create({
            "name": "Ouvrir le samedi", "kpa_id": kpa.id,
            "method": "consent", "proposal": "<p>Le samedi matin.</p>"})
        decision.action_open()
        vote = decision._kpa_vote("agree", None, cls.partner_a)
        week = env["kpa.remuneration.period"].create({
            "kpa_id": kpa.id, "date_start": "2026-03-16"})
        cape.action_kpa_sign()
        declaration = env["kpa.remuneration.declaration"].create({
            "period_id": week.id, "partner_id": cls.partner_a.id,
            "amount_net": 0})
        cls.records = {
            "kpa": kpa,
            "place": env["kpa.place"].create({
                "name": "Atelier", "kpa_id": kpa.id}),
            "membership": cls.membership_a,
            "prestation": cls.task_a,
            "prestation_line": cls.task_a.kpa_line_ids,
            "invoice": cls._invoice(cls.task_a),
            "cape": cape,
            "followup": env["kpa.followup"].create({
                "kpa_id": kpa.id, "coach_id": cls.coordinator_a.id,
                "partner_ids": [(6, 0, cls.partner_a.ids)]}),
            "decision": decision,
            "vote": vote,
            "charter": env["kpa.charter"].create({
                "name": "Charte Alpha", "kpa_id": kpa.id,
                "article_ids": [(0, 0, {"name": "Un", "body": "<p>1</p>"})]}),
            "role": env["kpa.role"].create({
                "name": "Ménage", "kpa_id": kpa.id,
                "referent_id": cls.partner_a.id}),
            "logbook": trusted(env["kpa.logbook.entry"]).create({
                "kpa_id": kpa.id, "author_id": cls.partner_a.id,
                "body": "<p>Rangé l'atelier.</p>"}),
            "topic": env["kpa.governance.topic"].create({
                "name": "Horaires", "kpa_id": kpa.id}),
            "meeting": env["kpa.governance.meeting"].create({
                "kpa_id": kpa.id}),
            "week": week,
            "criterion": env["kpa.remuneration.criterion"].create({
                "name": "Temps passé", "kpa_id": kpa.id}),
            "declaration": declaration,
        }
        cls.records.update({
            "term": cape.kpa_term_ids[:1],
            "benefit": env.ref("kpa_cape.kpa_cape_benefit_rsa"),
            "skill": env.ref("kpa_cooperative.kpa_skill_catering"),
            "article": cls.records["charter"].article_ids,
            "rotation": cls.records["role"].rotation_ids,
        })
        for key in ("term", "article", "rotation", "prestation_line"):
            assert cls.records[key], key
        cls._paid_bill(100.0)
        for key, model in (("treasury", "kpa.cashed.report"),
                           ("month", "kpa.remuneration.month.report")):
            cls.records[key] = env[model].search(
                [("kpa_id", "=", kpa.id)], limit=1)
            assert cls.records[key], key
        cls.create_values = {
            "place": lambda user: {"name": "Nouveau lieu", "kpa_id": kpa.id},
            "membership": lambda user: {
                "partner_id": env["res.partner"].create(
                    {"name": "Nouvelle personne"}).id,
                "kpa_id": kpa.id},
            "prestation": lambda user: {
                "name": "Nouvelle prestation",
                "project_id": kpa.project_id.id},
            "prestation_line": lambda user: {
                "task_id": cls.task_a.id, "name": "Livraison",
                "product_id": env.ref(
                    "kpa_cooperative.product_kpa_service").id,
                "price_unit": 30},
            "decision": lambda user: {
                "name": "Nouvelle décision", "kpa_id": kpa.id,
                "method": "majority", "proposal": "<p>Proposition</p>"},
            "logbook": lambda user: {
                "kpa_id": kpa.id, "author_id": user.partner_id.id,
                "body": "<p>Note</p>"},
            "topic": lambda user: {"name": "Nouveau point",
                                   "kpa_id": kpa.id},
            "followup": lambda user: {
                "kpa_id": kpa.id, "coach_id": cls.coordinator_a.id,
                "partner_ids": [(6, 0, cls.partner_a.ids)]},
        }

    def _field_allowed(self, record, name, user, operation):
        record = record.sudo(user)
        try:
            if operation == "read":
                value = record.read([name])[0][name]
                return value == record.sudo()[name] and bool(value)
            # Rolled back, so that the next role writes a new value too.
            with self.cr.savepoint():
                record.write({name: NEW_VALUES[name]})
                raise _Allowed()
        except AccessError:
            return False
        except _Allowed:
            return True
        finally:
            self.env.clear()

    def test_private_fields(self):
        self.partner_a.write({"kpa_gender": "female",
                              "mobile": "+33 6 12 34 56 78",
                              "kpa_qpv_resident": True})
        self.membership_a.note = "Arrivée par le centre social."
        self.records["declaration"].sudo().comment = "Courses et cuisine."
        records = dict(self.records, person=self.partner_a)
        wrong = []
        for (key, name), expected in FIELDS.items():
            for operation, allowed_roles in expected.items():
                for role in ROLES:
                    allowed = self._field_allowed(
                        records[key], name, self.users[role], operation)
                    if allowed != (role in allowed_roles):
                        wrong.append("%s %s %s.%s: %s" % (
                            role, operation, key, name,
                            "allowed" if allowed else "refused"))
        self.assertFalse(wrong, "unexpected access:\n" + "\n".join(wrong))

    def _allowed(self, record, user, operation):
        record = record.sudo(user)
        try:
            record.check_access_rights(operation)
            record.check_access_rule(operation)
            if operation == "read":
                record.read(["display_name"])
        except AccessError:
            return False
        return True

    def test_read_write_unlink(self):
        wrong = []
        for key, expected in MATRIX.items():
            record = self.records[key]
            for operation, allowed_roles in expected.items():
                for role in ROLES:
                    allowed = self._allowed(record, self.users[role],
                                            operation)
                    if allowed != (role in allowed_roles):
                        wrong.append("%s %s %s: %s" % (
                            role, operation, key,
                            "allowed" if allowed else "refused"))
        self.assertFalse(wrong, "unexpected access:\n" + "\n".join(wrong))

    def test_create(self):
        wrong = []
        for key, allowed_roles in CREATE.items():
            model = self.records[key]._name
            for role in ROLES:
                user = self.users[role]
                values = self.create_values[key](user)
                try:
                    with self.cr.savepoint():
                        self.env[model].sudo(user).create(values)
                    allowed = True
                except AccessError as error:
                    allowed = False
                    reason = error
                # A rolled-back record must not linger in the cache.
                self.env.clear()
                if allowed != (role in allowed_roles):
                    wrong.append("%s create %s: %s" % (
                        role, key, "allowed" if allowed else
                        "refused (%s)" % reason))
        self.assertFalse(wrong, "unexpected access:\n" + "\n".join(wrong))
