"""The coordinator's week in the web client: invoice a prestation, open the
weekly session, validate the week, and find the entry in the books."""
import os

from conftest import ARTIFACTS, login, rpc, rpc_admin


def test_coordinator_runs_the_week(desktop, odoo_url):
    login(desktop, odoo_url, "nadia")
    # A new prestation of La Cape, invoiced from its form.
    kpa = rpc(desktop, odoo_url, "kpa.cooperative", "search_read",
              [[["name", "=", "La Cape"]]], {"fields": ["project_id"]})[0]
    client = rpc(desktop, odoo_url, "res.partner", "create",
                 [{"name": "Crèche des Hauts-Champs", "is_company": True,
                   "customer": True}])
    task = rpc(desktop, odoo_url, "project.task", "create", [{
        "name": "Goûter de fin d'année", "project_id": kpa["project_id"][0],
        "partner_id": client, "kpa_amount": 180}])
    desktop.goto(odoo_url + "/web#model=project.task&view_type=form&id=%d"
                 % task)
    desktop.reload()
    desktop.click(".o_form_statusbar button:has-text('Facturer')")
    desktop.wait_for_function("() => location.hash.includes('account.invoice')")

    # The week with declarations sent by members: the group session.
    periods = rpc(desktop, odoo_url, "kpa.remuneration.period", "search_read",
                  [[["kpa_id", "=", kpa["id"]], ["state", "=", "open"],
                    ["declaration_ids.state", "=", "submitted"]]],
                  {"fields": ["name", "amount_available"],
                   "order": "date_start", "limit": 1})
    assert periods, "the demo has a week with declarations sent"
    period = periods[0]
    desktop.goto(odoo_url + "/web#model=kpa.remuneration.period"
                 "&view_type=form&id=%d" % period["id"])
    desktop.reload()
    desktop.click(".o_form_statusbar button:has-text('Séance de la semaine')")
    desktop.wait_for_selector(".modal .o_form_view, .o_form_view")
    desktop.wait_for_selector("text=Afficher cette semaine")
    desktop.screenshot(path=os.path.join(ARTIFACTS, "backoffice-week.png"))

    # Validate from the week's form, confirming the dialog.
    desktop.goto(odoo_url + "/web#model=kpa.remuneration.period"
                 "&view_type=form&id=%d" % period["id"])
    desktop.reload()
    desktop.click(".o_form_statusbar button:has-text('Valider la semaine')")
    desktop.click(".modal:has-text('Valider la semaine ?') "
                  ".modal-footer button.btn-primary")
    desktop.wait_for_selector(
        ".o_statusbar_status .btn-primary:has-text('Validée')")
    state = rpc(desktop, odoo_url, "kpa.remuneration.period", "read",
                [[period["id"]], ["state", "move_id"]])[0]
    assert state["state"] == "validated"
    assert state["move_id"]
    # The CAE takes it back (the entry is reversed): the demo week stays
    # open for the members' tests that follow.
    rpc_admin(odoo_url, "kpa.remuneration.period", "action_undo_validation",
              [period["id"]])
    state = rpc(desktop, odoo_url, "kpa.remuneration.period", "read",
                [[period["id"]], ["state"]])[0]
    assert state["state"] == "open"
