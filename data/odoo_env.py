"""Open an Odoo environment on a database from a plain Python script."""
import contextlib
import datetime
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CONF = os.path.join(ROOT, ".local", "odoo.conf")


DEMO_TZ = "Europe/Paris"


def demo_today():
    """Today where the demo users live: the portal counts weeks in their
    time zone, so the demo must too (UTC is a day behind after 23:00)."""
    import pytz
    return datetime.datetime.now(pytz.timezone(DEMO_TZ)).date()


@contextlib.contextmanager
def odoo_env(database, config=DEFAULT_CONF, log_level="warn"):
    """Yield a superuser environment; commit when the block ends well."""
    import odoo
    odoo.tools.config.parse_config([
        "-c", config, "-d", database, "--log-level", log_level])
    registry = odoo.registry(database)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "fr_FR"})
        yield env
        cr.commit()


def ensure(env, xmlid, model, values, module="kpa_demo"):
    """Create the record behind ``module.xmlid`` once.

    Keeps the demo loader idempotent: a second run finds every record by its
    external id and leaves it as people may have changed it since. Created
    as Odoo loads its XML data: by the server, trusted with the values given
    (a CAPE signed long ago, a topic raised by a member).
    """
    from odoo.addons.kpa_cooperative.services.trust import trusted
    record = env.ref("%s.%s" % (module, xmlid), raise_if_not_found=False)
    if record:
        return record
    record = trusted(env[model]).create(values)
    env["ir.model.data"].create({
        "module": module, "name": xmlid, "model": model, "res_id": record.id,
        "noupdate": True,
    })
    return record
