"""Demo part of kpa_governance (see data/demo.py): La Cape's charter in two
versions, the consent decision that adopted the five remuneration criteria,
an open decision, a blocked one, roles, logbook entries, a meeting with its
minutes, and the network-wide KPA-Cité charter."""
import datetime

import pytz

from .odoo_env import DEMO_TZ, demo_today, ensure

NETWORK_ARTICLES = [
    ("Horizontalité", "<p>Pas de chef : chacun peut proposer, chacun "
     "décide avec les personnes concernées.</p>"),
    ("Ouverture", "<p>Un KPA est ouvert à toute personne du quartier, "
     "dès 16 ans.</p>"),
]
CAPE_ARTICLES = [
    ("Qui sommes-nous", "<p>La Cape est une coopérative de quartier à "
     "Roubaix : on travaille ensemble sous une même marque.</p>"),
    ("Décider ensemble", "<p>Tout le monde peut mettre un point à l'ordre "
     "du jour. On décide par consentement, sauf si on choisit une autre "
     "méthode avant le vote.</p>"),
    ("Rémunération", "<p>Chacun se rémunère selon le temps passé.</p>"),
    ("Les rôles", "<p>Chaque rôle a un ou une soucieuse qui change tous les "
     "trois mois.</p>"),
]
FIVE_CRITERIA = (
    "<p>Chaque semaine, chacun déclare sa rémunération selon cinq critères "
    "choisis ensemble :</p><ol><li>le temps investi ;</li>"
    "<li>les besoins financiers ;</li><li>l'argent gagné ;</li>"
    "<li>l'argent laissé dans le pot commun ;</li>"
    "<li>les tâches de soin faites pour le groupe.</li></ol>")
# role, referent (then previous referent), contributors
ROLES = [
    ("role_communication", "Communication", "ines_moreau", None,
     ["samir_haddad"]),
    ("role_menage", "Ménage", "kevin_dubois", "samir_haddad",
     ["fatou_ndiaye", "yasmine_bensaid"]),
    ("role_comptabilite", "Comptabilité", "fatou_ndiaye", None,
     ["ines_moreau"]),
    ("role_accueil", "Accueil", "samir_haddad", None, ["yasmine_bensaid"]),
]
LOGBOOK = [
    ("logbook_1", 9, "fatou_ndiaye", "Buffet du centre social",
     "<p>Buffet servi pour 60 personnes. Il reste des plateaux à rendre "
     "au centre social : qui passe jeudi ?</p>"),
    ("logbook_2", 5, "ines_moreau", "Sérigraphie",
     "<p>Les 50 tee-shirts sont imprimés. L'écran est nettoyé et rangé "
     "dans l'atelier.</p>"),
    ("logbook_3", 2, "samir_haddad", None,
     "<p>Point gouvernance fait : on a adopté les cinq critères de "
     "rémunération. Compte rendu dans la réunion.</p>"),
]


def _partner(env, key):
    return env.ref("kpa_demo.partner_%s" % key)


def _article_lines(articles):
    return [(0, 0, {"sequence": index + 1, "name": name, "body": body})
            for index, (name, body) in enumerate(articles)]


def load_charters(env, ctx):
    network = ensure(env, "charter_network", "kpa.charter", {
        "name": "Charte du réseau KPA-Cité",
        "article_ids": _article_lines(NETWORK_ARTICLES),
    })
    if network.state == "draft":
        network.action_make_current()
    cape = ensure(env, "charter_la_cape", "kpa.charter", {
        "name": "Charte de La Cape",
        "kpa_id": ctx["kpas"]["kpa_la_cape"].id,
        "article_ids": _article_lines(CAPE_ARTICLES),
    })
    if cape.state == "draft":
        cape.action_make_current()
    ctx["charter_la_cape"] = cape


def _decision(env, xmlid, values, votes, close=False):
    decision = ensure(env, xmlid, "kpa.decision", values)
    if decision.state == "draft":
        decision.action_open()
    if decision.state == "open":
        for key, position, reason in votes:
            decision._kpa_vote(position, reason, _partner(env, key))
        if close:
            decision.action_close()
    return decision


def load_decisions(env, ctx):
    kpa = ctx["kpas"]["kpa_la_cape"]
    today = demo_today()
    cape = ctx["charter_la_cape"]
    article = cape.article_ids.filtered(lambda a: a.name == "Rémunération")
    meeting = ctx["meeting"]
    topics = ctx["topics"]
    criteria = _decision(env, "decision_five_criteria", {
        "name": "Les cinq critères de rémunération",
        "kpa_id": kpa.id,
        "method": "consent",
        "proposer_id": _partner(env, "fatou_ndiaye").id,
        "proposal": "<p>Remplacer « selon le temps passé » par cinq "
                    "critères, pour tenir compte des besoins de chacun et "
                    "du soin apporté au groupe.</p>" + FIVE_CRITERIA,
        "outcome_statement": "La Cape se rémunère selon cinq critères : "
                             "temps, besoins, argent gagné, pot commun, "
                             "soin.",
        "review_date": (today + datetime.timedelta(days=180)).isoformat(),
        "topic_id": topics["remuneration"].id,
        "meeting_id": meeting.id,
        "charter_id": cape.id,
        "amendment": "replace",
        "amend_article_id": article.id,
        "amend_title": "Rémunération",
        "amend_body": FIVE_CRITERIA,
    }, [("samir_haddad", "agree", None),
        ("ines_moreau", "agree", "Enfin le soin compte !"),
        ("fatou_ndiaye", "agree", None),
        ("kevin_dubois", "abstain", "Je n'étais pas là à la discussion.")],
        close=True)
    if criteria.new_charter_id:
        ines = env.ref("kpa_demo.membership_ines_moreau")
        if not ines.charter_accepted_id:
            criteria.new_charter_id.sudo(
                env.ref("kpa_demo.user_ines")).action_accept()
    _decision(env, "decision_sunday", {
        "name": "Ouvrir le tiers-lieu le dimanche",
        "kpa_id": kpa.id,
        "method": "consent",
        "proposer_id": _partner(env, "samir_haddad").id,
        "proposal": "<p>Ouvrir La Cape le dimanche après-midi pour les "
                    "familles.</p>",
        "topic_id": topics["sunday"].id,
        "meeting_id": meeting.id,
    }, [("samir_haddad", "agree", None),
        ("fatou_ndiaye", "block", "Personne n'est disponible pour l'accueil "
         "le dimanche : il faut d'abord trouver qui tient le lieu.")],
        close=True)
    _decision(env, "decision_sewing_machine", {
        "name": "Acheter une deuxième machine à coudre",
        "kpa_id": kpa.id,
        "method": "majority",
        "quorum": 3,
        "date_deadline": (today + datetime.timedelta(days=7)).isoformat(),
        "proposer_id": _partner(env, "ines_moreau").id,
        "proposal": "<p>Acheter une machine à coudre d'occasion (environ "
                    "250 €) sur le pot commun : les commandes de rideaux "
                    "attendent.</p>",
    }, [("ines_moreau", "agree", None),
        ("fatou_ndiaye", "agree", "Oui si elle est révisée.")])


def _la_cape_meeting(env, ctx, xmlid, days, hour, values):
    """A point gouvernance of La Cape ``days`` from today at ``hour`` in
    Paris (Odoo stores UTC), in its first place and online."""
    paris = pytz.timezone(DEMO_TZ)
    when = paris.localize(datetime.datetime.combine(
        demo_today() + datetime.timedelta(days=days),
        datetime.time(hour, 0))).astimezone(pytz.utc)
    return ensure(env, xmlid, "kpa.governance.meeting", dict(values, **{
        "name": "Point gouvernance de La Cape",
        "kpa_id": ctx["kpas"]["kpa_la_cape"].id,
        "date": when.strftime("%Y-%m-%d %H:%M:%S"),
        "place_id": env.ref("kpa_demo.kpa_la_cape_place_0").id,
        "remote_url": "https://visio.example.org/la-cape",
    }))


def load_meeting(env, ctx):
    kpa = ctx["kpas"]["kpa_la_cape"]
    meeting = _la_cape_meeting(env, ctx, "meeting_la_cape", -2, 17, {
        "facilitator_id": _partner(env, "ines_moreau").id,
        "attendee_ids": [(6, 0, [_partner(env, key).id for key in (
            "samir_haddad", "ines_moreau", "fatou_ndiaye", "kevin_dubois")])],
        "minutes": "<h3>Présents</h3><p>Samir, Inès, Fatou, Kevin.</p>"
                   "<h3>Rémunération</h3><p>Fatou propose cinq critères. "
                   "Vote par consentement ouvert dans l'appli : pas de "
                   "blocage, adopté.</p><h3>Dimanche</h3><p>Samir propose "
                   "d'ouvrir le dimanche. Fatou bloque : personne pour "
                   "l'accueil. On en reparle quand le rôle accueil aura "
                   "du renfort.</p>",
    })
    Topic = env["kpa.governance.topic"]
    topics = {}
    for key, name, raiser, result in [
            ("remuneration", "Comment on se rémunère ?", "fatou_ndiaye",
             "decided"),
            ("sunday", "Ouvrir le dimanche ?", "samir_haddad", "decided"),
            ("plants", "Des plantes dans la grande salle", "ines_moreau",
             None)]:
        topics[key] = ensure(env, "topic_%s" % key, Topic._name, {
            "name": name, "kpa_id": kpa.id,
            "raised_by_id": _partner(env, raiser).id,
            "meeting_id": meeting.id if result else False,
            "meeting_result": result,
        })
    ctx["meeting"] = meeting
    ctx["topics"] = topics


def close_meeting(env, ctx):
    if ctx["meeting"].state == "planned":
        ctx["meeting"].action_close()


def load_next_meeting(env, ctx):
    """The next point gouvernance, in twelve days at 18:00 in Paris (Odoo
    stores UTC), with the open topic on its agenda."""
    meeting = _la_cape_meeting(env, ctx, "meeting_la_cape_next", 12, 18, {})
    plants = ctx["topics"]["plants"]
    if plants.state == "open":
        plants.action_schedule(meeting)


def load_roles(env, ctx):
    kpa = ctx["kpas"]["kpa_la_cape"]
    for xmlid, name, referent, previous, contributors in ROLES:
        if env.ref("kpa_demo.%s" % xmlid, raise_if_not_found=False):
            continue
        role = ensure(env, xmlid, "kpa.role", {
            "name": name, "kpa_id": kpa.id,
            "referent_id": _partner(env, previous or referent).id,
            "contributor_ids": [(6, 0, [_partner(env, key).id
                                        for key in contributors])],
        })
        if previous:
            # The history shows the rotation: three months with the
            # previous referent, then the current one.
            start = demo_today() - datetime.timedelta(days=95)
            role.rotation_ids.write({"date_start": start.isoformat()})
            role.write({"referent_id": _partner(env, referent).id})


def load_logbook(env, ctx):
    kpa = ctx["kpas"]["kpa_la_cape"]
    task = env["project.task"].search([
        ("name", "=", "Buffet de l'assemblée du centre social")], limit=1)
    for xmlid, days, author, title, body in LOGBOOK:
        when = datetime.datetime.now() - datetime.timedelta(days=days)
        ensure(env, xmlid, "kpa.logbook.entry", {
            "kpa_id": kpa.id,
            "date": when.strftime("%Y-%m-%d %H:%M:%S"),
            "author_id": _partner(env, author).id,
            "name": title,
            "body": body,
            "task_id": task.id if xmlid == "logbook_1" else False,
            "meeting_id": ctx["meeting"].id if xmlid == "logbook_3"
            else False,
        })


STEPS = [
    ("governance charters", load_charters),
    ("governance meeting", load_meeting),
    ("governance decisions", load_decisions),
    ("governance meeting closed", close_meeting),
    ("governance next meeting", load_next_meeting),
    ("governance roles", load_roles),
    ("governance logbook", load_logbook),
]
