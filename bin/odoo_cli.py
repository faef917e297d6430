"""Odoo's command line, as a file: with workers, Odoo starts its
longpolling server by running ``sys.argv[0]`` again with "gevent" first,
which fails under ``python -c`` (a NameError, respawned again and again)."""
import odoo

if __name__ == "__main__":
    odoo.cli.main()
