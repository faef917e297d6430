# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The members' side of governance, on a phone: decisions and votes, the
charter, the logbook, and raising a topic.

Everything is read and written as the member: the record rules keep them
to their own KPA. Someone else's or another KPA's id answers 404. Built on
the portal base (``kpa_cooperative.controllers.main``): clean input, writes
inside a savepoint, one record per form token; only current members write
(an alumnus reads).
"""
import datetime

from odoo import _, fields, http
from odoo.http import request
from odoo.tools import plaintext2html

from odoo.addons.kpa_cooperative.controllers.main import KpaPortal, \
    back_home_unless_readable, clean_text, kpa_clean_params, safe_int, \
    see_other
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.kpa_decision_vote import POSITIONS

PAGE_SIZE = 20
TITLE_MAX = 200
TEXT_MAX = 10000


class GovernancePortal(KpaPortal):

    # -- helpers ------------------------------------------------------
    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        Decision = request.env["kpa.decision"]
        values["decision_open_count"] = Decision.search_count(
            [("state", "=", "open")]) if Decision.check_access_rights(
                "read", raise_exception=False) else 0
        values["governance_member"] = bool(self._kpa_my_kpas())
        return values

    # -- decisions ----------------------------------------------------
    @http.route(["/my/decisions", "/my/decisions/page/<int:page>"],
                type="http", auth="user", website=True)
    @kpa_clean_params
    def portal_my_decisions(self, page=1, **_kw):
        denied = back_home_unless_readable("kpa.decision",
                                           "kpa.decision.vote")
        if denied:
            return denied
        values = self._prepare_portal_layout_values()
        Decision = request.env["kpa.decision"]
        total = Decision.search_count([])
        pager = portal_pager(url="/my/decisions", total=total,
                             page=safe_int(page) or 1, step=PAGE_SIZE)
        decisions = Decision.search(
            [], order="state_sequence, date_deadline, id desc",
            limit=PAGE_SIZE, offset=pager["offset"])
        partner = request.env.user.partner_id
        my_votes = {vote.decision_id.id: vote for vote in
                    request.env["kpa.decision.vote"].search([
                        ("partner_id", "=", partner.id),
                        ("decision_id", "in", decisions.ids)])}
        values.update({
            "page_name": "decisions",
            "decisions": decisions,
            "my_votes": my_votes,
            "pager": pager,
        })
        return request.render("kpa_governance.portal_my_decisions", values)

    @http.route(["/my/decisions/<int:decision_id>"], type="http",
                auth="user", website=True, methods=["GET", "POST"])
    @kpa_clean_params
    def portal_my_decision(self, decision_id, **post):
        decision = self._kpa_document("kpa.decision", decision_id)
        if decision is None:
            return request.not_found()
        error = None
        if request.httprequest.method == "POST":
            done, error = self._kpa_form_submit(
                post, lambda: self._vote(decision, post),
                "/my/decisions/%d?voted=1" % decision.id)
            if done:
                return done
        partner = request.env.user.partner_id
        my_vote = decision.vote_ids.filtered(
            lambda v: v.partner_id == partner)
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "decision",
            "decision": decision,
            # Names of the other members: shown once the rules let the
            # member read the votes.
            "votes": decision.vote_ids.sudo(),
            "my_vote": my_vote,
            "can_vote": decision.state == "open"
            and decision.sudo().is_voter(partner),
            "positions": POSITIONS,
            "error": error,
            "reason": clean_text(post.get("reason"))
            if "reason" in post else (my_vote.reason or ""),
            "voted": request.params.get("voted"),
        })
        return request.render("kpa_governance.portal_my_decision", values)

    def _vote(self, decision, post):
        """Record the vote; return an error message for the form, or
        None."""
        position = clean_text(post.get("position"))
        reason = clean_text(post.get("reason"), TEXT_MAX)
        if position not in dict(POSITIONS):
            return "position"
        if position == "block" and not reason:
            return "reason"
        if decision.state != "open":
            return "closed"
        if not decision.sudo().is_voter(request.env.user.partner_id):
            return "not_voter"
        return self._kpa_form_write(
            lambda: decision.vote(position, reason or False),
            access_error="not_voter")

    # -- charter ------------------------------------------------------
    @http.route(["/my/charter"], type="http", auth="user", website=True)
    @kpa_clean_params
    def portal_my_charter(self, **kw):
        Charter = request.env["kpa.charter"]
        partner = request.env.user.partner_id
        memberships = request.env["kpa.membership"].sudo().search([
            ("partner_id", "=", partner.id),
            ("kpa_id", "in", self._kpa_my_kpas().ids)])
        sections = []
        for membership in memberships:
            current = Charter.current_for(membership.kpa_id)
            history = Charter.search([
                ("kpa_id", "=", current.kpa_id.id),
                ("state", "=", "superseded")], order="version desc") \
                if current else Charter.browse()
            sections.append({
                "kpa": membership.kpa_id,
                "charter": current,
                "accepted": current and membership.charter_accepted_id
                == current,
                "accepted_date": membership.charter_accepted_date,
                "history": history,
            })
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "charter",
            "sections": sections,
            "error": kw.get("error"),
            "just_accepted": kw.get("accepted"),
        })
        return request.render("kpa_governance.portal_my_charter", values)

    @http.route(["/my/charter/<int:charter_id>"], type="http", auth="user",
                website=True)
    @kpa_clean_params
    def portal_my_charter_version(self, charter_id, **_kw):
        charter = self._kpa_document("kpa.charter", charter_id)
        if charter is None:
            return request.not_found()
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "charter_version", "charter": charter})
        return request.render("kpa_governance.portal_my_charter_version",
                              values)

    @http.route(["/my/charter/accept"], type="http", auth="user",
                website=True, methods=["POST"])
    @kpa_clean_params
    def portal_my_charter_accept(self, charter_id=None, **_kw):
        charter = self._kpa_document("kpa.charter", charter_id)
        if charter is None:
            return request.not_found()
        error = self._kpa_form_write(charter.action_accept,
                                     access_error="not_found")
        if error == "not_found":
            return request.not_found()
        if error:
            return see_other("/my/charter?error=accept")
        return see_other("/my/charter?accepted=1")

    # -- logbook ------------------------------------------------------
    @http.route(["/my/logbook", "/my/logbook/page/<int:page>"],
                type="http", auth="user", website=True,
                methods=["GET", "POST"])
    @kpa_clean_params
    def portal_my_logbook(self, page=1, **post):
        denied = back_home_unless_readable("kpa.logbook.entry")
        if denied:
            return denied
        kpas = self._kpa_my_kpas()
        error = None
        if request.httprequest.method == "POST":
            done, error = self._kpa_form_submit(
                post, lambda: self._write_logbook(kpas, post),
                "/my/logbook?written=1")
            if done:
                return done
        Entry = request.env["kpa.logbook.entry"]
        total = Entry.search_count([])
        pager = portal_pager(url="/my/logbook", total=total,
                             page=safe_int(page) or 1, step=PAGE_SIZE)
        entries = Entry.search([], limit=PAGE_SIZE, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "logbook",
            "entries": entries.sudo(),
            "kpas": kpas,
            "pager": pager,
            "error": error,
            "form": post if error else {},
            "written": request.params.get("written"),
        })
        return request.render("kpa_governance.portal_my_logbook", values)

    def _write_logbook(self, kpas, post):
        text = clean_text(post.get("body"))
        title = clean_text(post.get("name"), TITLE_MAX)
        values = {"name": title or False, "body": plaintext2html(text)}
        return self._create_in_kpa("kpa.logbook.entry", kpas, post, text,
                                   TEXT_MAX, values)

    def _create_in_kpa(self, model, kpas, post, text, text_max, values):
        """Create a ``model`` record from a member's form in the KPA they
        chose, ``text`` being the part they must write; an error code for
        the form, or None."""
        kpa = self._kpa_pick(kpas, post.get("kpa_id"), default_first=False)
        if not kpa:
            return "kpa"
        if not text:
            return "empty"
        if len(text) > text_max:
            return "too_long"
        return self._kpa_form_write(
            lambda: request.env[model].create(dict(values, kpa_id=kpa.id)),
            access_error="kpa")

    # -- topics -------------------------------------------------------
    @http.route(["/my/topics"], type="http", auth="user", website=True,
                methods=["GET", "POST"])
    @kpa_clean_params
    def portal_my_topics(self, **post):
        denied = back_home_unless_readable("kpa.governance.topic")
        if denied:
            return denied
        kpas = self._kpa_my_kpas()
        error = None
        if request.httprequest.method == "POST":
            done, error = self._kpa_form_submit(
                post, lambda: self._raise_topic(kpas, post),
                "/my/topics?raised=1")
            if done:
                return done
        topics = request.env["kpa.governance.topic"].search(
            [("state", "in", ("open", "scheduled"))], limit=100)
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "topics",
            "topics": topics.sudo(),
            "kpas": kpas,
            "error": error,
            "form": post if error else {},
            "raised": request.params.get("raised"),
        })
        return request.render("kpa_governance.portal_my_topics", values)

    def _raise_topic(self, kpas, post):
        name = clean_text(post.get("name"))
        description = clean_text(post.get("description"), TEXT_MAX)
        values = {"name": name, "description": description or False}
        return self._create_in_kpa("kpa.governance.topic", kpas, post, name,
                                   TITLE_MAX, values)

    # -- meetings and roles ---------------------------------------------
    @http.route(["/my/meetings"], type="http", auth="user", website=True)
    @kpa_clean_params
    def portal_my_meetings(self, **_kw):
        """When and where the group meets next, what is on the agenda, the
        last meetings held, and who takes care of what."""
        denied = back_home_unless_readable("kpa.governance.meeting",
                                           "kpa.role")
        if denied:
            return denied
        Meeting = request.env["kpa.governance.meeting"]
        # A meeting that started less than a day ago is still "next".
        since = fields.Datetime.to_string(
            datetime.datetime.now() - datetime.timedelta(days=1))
        upcoming = Meeting.search([("state", "=", "planned"),
                                   ("date", ">=", since)],
                                  order="date asc", limit=PAGE_SIZE)
        held = Meeting.search([("state", "=", "done")], order="date desc",
                              limit=5)
        roles = request.env["kpa.role"].search([], limit=100)
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "meetings",
            # Read through sudo once the rules have chosen them: places and
            # people's names are not the member's to browse.
            "upcoming": upcoming.sudo(),
            "held": held.sudo(),
            "roles": roles.sudo(),
            # A babel pattern, translated: "lundi 14 décembre à 18:00".
            "meeting_date_format": _("EEEE d MMMM 'at' HH:mm"),
        })
        return request.render("kpa_governance.portal_my_meetings", values)
