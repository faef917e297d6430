"""Many rows in one INSERT, where Odoo 11's ORM creates one record per
query (and looks up what depends on it, for each one).

Only for plain stored columns the caller fills completely (no computed,
related or x2many field is set): the ORM caches of the model are left to
the caller to invalidate.
"""


def insert_rows(env, table, rows, returning=None):
    """INSERT ``rows`` (dicts; a key missing from a row is NULL) into ``table``
    in one query, with ``create_uid``/``write_uid`` the current user and
    ``create_date``/``write_date`` now, unless given. Returns the values of
    the ``returning`` column in the order of ``rows`` (PostgreSQL returns
    the rows of an INSERT ... VALUES in order), or None."""
    if not rows:
        return []
    cr = env.cr
    stamps = {"create_uid": env.uid, "write_uid": env.uid}
    columns = sorted(set().union(*rows) | set(stamps))
    template = "(" + ", ".join(
        ["%s"] * len(columns) + ["now() at time zone 'UTC'"] * 2) + ")"
    # Quoted by psycopg2, then sent through Odoo's cursor as one query (so
    # it is counted, and logged, like any other).
    values_sql = ", ".join(
        cr._obj.mogrify(template, tuple(
            row.get(column, stamps.get(column)) for column in columns
        )).decode() for row in rows)
    query = 'INSERT INTO "%s" (%s, create_date, write_date) VALUES %s' % (
        table, ", ".join('"%s"' % column for column in columns), values_sql)
    if returning:
        query += ' RETURNING "%s"' % returning
    cr.execute(query)  # pylint: disable=sql-injection
    if returning:
        return [row[0] for row in cr.fetchall()]
    return None


def stored_columns(model, skip=()):
    """The names of the plain stored columns of ``model`` (not ``id``)."""
    return [name for name, field in model._fields.items()
            if field.store and field.column_type and name != "id"
            and name not in skip]


def update_rows(env, model, rows):
    """UPDATE the records of ``model`` in ``rows`` ([(id, values)], the
    same plain stored columns in every ``values``) in one query, each with
    its own values, and stamp ``write_uid``/``write_date``. Values are in
    the ORM's write format (converted here as the ORM would)."""
    if not rows:
        return
    cr = env.cr
    names = sorted(rows[0][1])
    record = model.browse(rows[0][0])
    values_sql = ", ".join(cr._obj.mogrify(
        "(" + ", ".join(["%s"] * (len(names) + 1)) + ")",
        tuple([record_id] + [model._fields[name].convert_to_column(
            values[name], record) for name in names])).decode()
        for record_id, values in rows)
    # The typed values come as text from VALUES: cast to each column.
    cr.execute(  # pylint: disable=sql-injection
        'UPDATE "%s" AS target SET ' % model._table
        + ", ".join('"%s" = typed."%s"::%s' % (
            name, name, model._fields[name].column_type[1])
            for name in names)
        + ", write_uid = %d, write_date = now() at time zone 'UTC' "
        "FROM (VALUES " % env.uid + values_sql
        + ") AS typed(id, " + ", ".join('"%s"' % name for name in names)
        + ") WHERE target.id = typed.id")
