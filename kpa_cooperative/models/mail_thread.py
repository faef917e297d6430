# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools

from ..services.bulk import insert_rows, stored_columns


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.multi
    def _kpa_write_tracked(self, vals):
        """``write(vals)`` on many records at once (a week's declarations
        validated together), each keeping the tracking message Odoo would
        post in its chatter, in a fixed number of queries.

        Odoo posts one message per record, some twenty queries each: see
        :meth:`_kpa_track_each`."""
        context = self.env.context
        if len(self) < 2 or context.get("tracking_disable") \
                or context.get("mail_notrack"):
            return self.write(vals)
        track_self = self if "lang" in context \
            else self.with_context(lang=self.env.user.lang)
        tracked = track_self._get_tracked_fields(list(vals))
        if not tracked:
            return self.write(vals)
        initial = {record.id: {name: record[name] for name in tracked}
                   for record in track_self}
        result = self.with_context(mail_notrack=True).write(vals)
        track_self._kpa_track_each(tracked, initial)
        return result

    @api.multi
    def _kpa_track_each(self, tracked, initial):
        """The tracking messages of ``self`` after a write done in SQL
        (each record with values of its own), as Odoo's ``message_track``
        would post them, in a fixed number of queries: Odoo posts the first
        one, the others are copies of it with their own tracking values. A
        record with a follower listening to tracking messages gets Odoo's
        own message."""
        changes = self._message_track_get_changes(tracked, initial)
        todo = self.filtered(lambda record: changes[record.id][0])
        if not todo:
            return
        # Odoo's own message where someone would be notified: a follower
        # listening to notes, or a subtype of the model's (a note else).
        listening = todo._kpa_note_listeners()
        alone = todo.filtered(lambda record: record.id in listening or (
            record._track_subtype({name: initial[record.id][name]
                                   for name in changes[record.id][0]})))
        for record in alone:
            record.message_track(tracked, {record.id: initial[record.id]})
        todo -= alone
        if not todo:
            return
        first = todo[:1]
        before = first.message_ids[:1].id or 0
        first.message_track(tracked, {first.id: initial[first.id]})
        message = first.message_ids[:1]
        if message.id != before:
            (todo - first)._kpa_copy_message(message, {
                record.id: [values for _zero, _none, values
                            in changes[record.id][1]]
                for record in todo - first})

    def _kpa_note_listeners(self):
        """Ids of ``self`` with a follower (partner or channel) subscribed
        to the internal note subtype, the subtype of a tracking message."""
        note = self.env["ir.model.data"].xmlid_to_res_id("mail.mt_note")
        self.env.cr.execute("""
            SELECT DISTINCT f.res_id
              FROM mail_followers f
              JOIN mail_followers_mail_message_subtype_rel r
                ON r.mail_followers_id = f.id
             WHERE f.res_model = %s AND f.res_id IN %s
               AND r.mail_message_subtype_id = %s
        """, (self._name, tuple(self.ids), note))
        return {row[0] for row in self.env.cr.fetchall()}

    def _kpa_copy_message(self, message, tracking):
        """Give each of ``self`` a copy of ``message`` (a tracking message
        Odoo posted on a record of the same model) with the tracking values
        ``tracking`` gives it ({id: [values]}): two INSERTs, plus one query
        for the threads' first messages."""
        if not self:
            return
        Message = self.env["mail.message"]
        cr = self.env.cr
        parents = {}
        if self._mail_flat_thread:
            cr.execute("""
                SELECT DISTINCT ON (res_id) res_id, id FROM mail_message
                 WHERE model = %s AND res_id IN %s
                 ORDER BY res_id, (message_type = 'email') DESC, id
            """, (self._name, tuple(self.ids)))
            parents = dict(cr.fetchall())
        names = dict(self.sudo().name_get())
        reply_to = self.message_get_reply_to(
            self.ids, default=message.sudo().email_from)
        columns = stored_columns(Message, skip=(
            "create_uid", "write_uid", "create_date", "write_date"))
        template = message.sudo().read(columns, load="_classic_write")[0]
        rows = []
        for record in self:
            row = {name: Message._fields[name].convert_to_column(
                template[name], Message) for name in columns}
            row.update(
                res_id=record.id, record_name=names.get(record.id),
                parent_id=parents.get(record.id) or None,
                reply_to=reply_to.get(record.id) or template["reply_to"],
                message_id=tools.generate_tracking_message_id(
                    "message-notify"))
            rows.append(row)
        message_ids = insert_rows(self.env, Message._table, rows,
                                  returning="id")
        Tracking = self.env["mail.tracking.value"]
        insert_rows(self.env, Tracking._table, [
            dict(values, mail_message_id=message_id)
            for record, message_id in zip(self, message_ids)
            for values in tracking[record.id]])
        Message.invalidate_cache()
        Tracking.invalidate_cache()
        self.invalidate_cache(["message_ids"])
