#!/usr/bin/env bash
# make run: the demo database kpa_demo (created once, updated when the modules
# change), then Odoo in the foreground on 127.0.0.1:$PORT.
set -euo pipefail
STEP=run
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DB="${DB:-kpa_demo}"
PORT="${PORT:-8069}"
cd "$ROOT"

port_is_free "$PORT" || die "port $PORT is taken on 127.0.0.1 (another Odoo running?). Stop it, or choose another port: PORT=8070 make run"

STAMP="$ROOT/.local/$DB.fingerprint"
WANT="$(modules_fingerprint)"
if ! db_exists "$DB"; then
    say "creating the database $DB: Odoo 11, French, the four modules (about 2 minutes)"
    create_db "$DB" || { dropdb --if-exists "$DB"; die "could not create $DB (log above)"; }
    say "loading the demo network"
    "$PY" -m data.demo "$DB" || die "loading the demo failed (log above)"
    echo "$WANT" >"$STAMP"
elif [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
    say "the modules changed: updating them and the demo in $DB"
    # --i18n-overwrite: a French wording fixed in fr.po reaches the demo
    # (a plain -u keeps the old translation of a known term).
    "$ODOO" -d "$DB" -i "$MODULES" -u "$MODULES" --i18n-overwrite \
        --stop-after-init --log-level=warn \
        || die "module update failed (log above)"
    "$PY" -m data.demo "$DB" || die "loading the demo failed (log above)"
    echo "$WANT" >"$STAMP"
fi
"$PY" -m data.demo "$DB" --print-logins "http://127.0.0.1:$PORT/web/login"
say "serving Odoo on http://127.0.0.1:$PORT (Ctrl-C stops it)"
exec "$ODOO" -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" --http-interface=127.0.0.1
