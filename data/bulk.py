"""Volume for benchmarks only: clone one paid invoice of a KPA N times in
SQL, so the pot of that KPA sums N payments; and give the KPA years of
validated weeks, a declaration per member in each.

    .venv/bin/python -m data.bulk DATABASE --kpa G030 --invoices 10000 \
        --weeks 260

The ORM makes about two paid invoices a second; this makes thousands in
seconds. Each clone copies the invoice, its receivable line and the payment
line reconciled with it, one day apart going back; the clones' entries are
not balanced (their other lines are not copied): never run it on real books.
"""
import argparse

from .odoo_env import odoo_env


def columns(cr, table):
    cr.execute("SELECT column_name FROM information_schema.columns "
               "WHERE table_name = %s AND column_name != 'id'", (table,))
    return [row[0] for row in cr.fetchall()]


def clone(cr, table, source_id, overrides):
    """INSERT one copy of ``table`` row ``source_id`` per row of the temp
    table ``bulk``; ``overrides`` maps a column to an SQL expression over
    ``bulk`` (b) and the source row (s)."""
    names = columns(cr, table)
    values = [overrides.get(name, "s.%s" % name) for name in names]
    cr.execute(  # pylint: disable=sql-injection
        "INSERT INTO {table} (id, {names}) SELECT b.{table}_id, {values} "
        "FROM bulk b, {table} s WHERE s.id = %s".format(
            table=table, names=", ".join(names), values=", ".join(values)),
        (source_id,))


def bulk_invoices(env, kpa_code, count):
    cr = env.cr
    kpa = env["kpa.cooperative"].search([("code", "=", kpa_code)])
    row = env["kpa.cashed.report"].search(
        [("kpa_id", "=", kpa.id), ("kind", "=", "revenue")], limit=1)
    invoice = row.invoice_id
    cr.execute("""
        SELECT apr.id, apr.debit_move_id, apr.credit_move_id,
               pay.move_id
        FROM account_partial_reconcile apr
        JOIN account_move_line inv ON inv.id = apr.debit_move_id
        JOIN account_move_line pay ON pay.id = apr.credit_move_id
        WHERE inv.move_id = %s LIMIT 1""", (invoice.move_id.id,))
    reconcile_id, inv_line_id, pay_line_id, pay_move_id = cr.fetchone()
    cr.execute("""
        CREATE TEMP TABLE bulk AS SELECT n,
            nextval('account_invoice_id_seq') AS account_invoice_id,
            nextval('account_move_id_seq') AS inv_move,
            nextval('account_move_id_seq') AS pay_move,
            nextval('account_move_line_id_seq') AS inv_line,
            nextval('account_move_line_id_seq') AS pay_line,
            nextval('account_partial_reconcile_id_seq')
                AS account_partial_reconcile_id
        FROM generate_series(1, %s) n""", (count,))
    for source, move_column in ((invoice.move_id.id, "inv_move"),
                                (pay_move_id, "pay_move")):
        cr.execute("ALTER TABLE bulk RENAME COLUMN %s TO account_move_id"
                   % move_column)
        clone(cr, "account_move", source, {
            "name": "s.name || '/B' || b.n",
            "date": "s.date - b.n"})
        cr.execute("ALTER TABLE bulk RENAME COLUMN account_move_id TO %s"
                   % move_column)
    for source, line_column, move_column in (
            (inv_line_id, "inv_line", "inv_move"),
            (pay_line_id, "pay_line", "pay_move")):
        cr.execute("ALTER TABLE bulk RENAME COLUMN %s TO account_move_line_id"
                   % line_column)
        clone(cr, "account_move_line", source, {
            "move_id": "b.%s" % move_column, "date": "s.date - b.n",
            "full_reconcile_id": "NULL"})
        cr.execute("ALTER TABLE bulk RENAME COLUMN account_move_line_id TO %s"
                   % line_column)
    clone(cr, "account_invoice", invoice.id, {
        "move_id": "b.inv_move", "number": "s.number || '/B' || b.n",
        "move_name": "s.move_name || '/B' || b.n",
        "date_invoice": "s.date_invoice - b.n"})
    clone(cr, "account_partial_reconcile", reconcile_id, {
        "debit_move_id": "b.inv_line", "credit_move_id": "b.pay_line",
        "full_reconcile_id": "NULL"})
    cr.execute("DROP TABLE bulk")
    return kpa


def bulk_history(env, kpa_code, weeks):
    """``weeks`` validated weeks before the KPA's first one, each with a
    zero declaration (4 hours) per current member, bound to their CAPE if
    they have one. No journal entries: benchmarks only."""
    cr = env.cr
    kpa = env["kpa.cooperative"].search([("code", "=", kpa_code)])
    cr.execute("SELECT COALESCE(MIN(date_start), date_trunc('week', now()))"
               "::date FROM kpa_remuneration_period WHERE kpa_id = %s",
               (kpa.id,))
    first = cr.fetchone()[0]
    cr.execute("""
        INSERT INTO kpa_remuneration_period (kpa_id, company_id, date_start,
            date_end, state, create_uid, write_uid, create_date, write_date)
        SELECT %(kpa)s, %(company)s, %(first)s::date - 7 * n,
               %(first)s::date - 7 * n + 6, 'validated', 1, 1, now(), now()
          FROM generate_series(1, %(weeks)s) n
        RETURNING id""", {"kpa": kpa.id, "company": kpa.company_id.id,
                          "first": first, "weeks": weeks})
    periods = tuple(row[0] for row in cr.fetchall()) or (0,)
    cr.execute("""
        INSERT INTO kpa_remuneration_declaration (period_id, kpa_id,
            date_start, company_id, partner_id, contract_id, amount_net,
            amount_gross, amount_employer, amount_cost, hours, comment,
            state, create_uid, write_uid, create_date, write_date)
        SELECT p.id, p.kpa_id, p.date_start, p.company_id, m.partner_id,
               (SELECT c.id FROM hr_contract c
                 WHERE c.kpa_partner_id = m.partner_id
                   AND c.kpa_id = p.kpa_id AND c.kpa_is_cape
                 ORDER BY c.id LIMIT 1),
               0, 0, 0, 0, 4, 'Atelier et réunions.', 'validated',
               1, 1, now(), now()
          FROM kpa_remuneration_period p
          JOIN kpa_membership m
            ON m.kpa_id = p.kpa_id AND m.state != 'alumni'
         WHERE p.id IN %s""", (periods,))
    env.clear()
    return kpa


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--kpa", required=True, help="the KPA's code")
    parser.add_argument("--invoices", type=int, default=10000)
    parser.add_argument("--weeks", type=int, default=0,
                        help="validated weeks of history to add")
    args = parser.parse_args()
    with odoo_env(args.database) as env:
        if args.invoices:
            kpa = bulk_invoices(env, args.kpa, args.invoices)
            count = env["kpa.cashed.report"].search_count(
                [("kpa_id", "=", kpa.id)])
            print("%s: %d payments in the pot" % (kpa.name, count))
        if args.weeks:
            kpa = bulk_history(env, args.kpa, args.weeks)
            print("%s: %d weeks in all" % (kpa.name, env[
                "kpa.remuneration.period"].search_count(
                    [("kpa_id", "=", kpa.id)])))


if __name__ == "__main__":
    main()
