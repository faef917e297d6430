/* Copyright 2026 KPA-Cité
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
   The back office in plain French, and usable on a phone:
   - a refusal from the server is titled in French by its kind (Odoo 11
     titles every one "Odoo Server Error", the JSON-RPC error message);
   - a form's class reaches the page (Odoo 12 does it), so that a form can
     be laid out for a phone in kpa_backend.less;
   - web_responsive's menu of a form's buttons on a phone is called
     "Actions", not "Task", and is not shown when it would be empty. */
odoo.define("kpa_cooperative.backend", function (require) {
    "use strict";

    var core = require("web.core");
    var CrashManager = require("web.CrashManager");
    var FormRenderer = require("web.FormRenderer");

    var _t = core._t;
    var _lt = core._lt;

    var TITLES = {
        user_error: _lt("This cannot be done"),
        warning: _lt("This cannot be done"),
        except_orm: _lt("This cannot be done"),
        access_error: _lt("Not allowed"),
        access_denied: _lt("Not allowed"),
        missing_error: _lt("Not found"),
        validation_error: _lt("Please check"),
    };

    CrashManager.include({
        show_warning: function (error) {
            // The server's refusals come without a type: their title would
            // be the message, "Odoo Server Error".
            if (error && !error.type && error.data) {
                var title = TITLES[error.data.exception_type] ||
                    TITLES.user_error;
                error = _.extend({}, error, {
                    type: String(title),
                    data: _.extend({}, error.data, {title: ""}),
                });
            }
            return this._super(error);
        },
        show_error: function (error) {
            if (error && !error.type && error.data) {
                error = _.extend({}, error, {type: _t("Server error")});
            }
            return this._super(error);
        },
    });

    FormRenderer.include({
        confirmChange: function () {
            var self = this;
            return this._super.apply(this, arguments).then(function (result) {
                self._kpaToggleButtonsMenu();
                return result;
            });
        },
        _updateView: function () {
            this._super.apply(this, arguments);
            if (this.arch.attrs.class) {
                this.$el.addClass(this.arch.attrs.class);
            }
            this._kpaToggleButtonsMenu();
        },
        // No menu of buttons when none of them may be used (the accountant
        // reading a week sees no empty "Actions").
        _kpaToggleButtonsMenu: function () {
            this.$(".o_statusbar_buttons_dropdown").each(function () {
                var $menu = $(this);
                $menu.toggleClass("o_hidden", !$menu.find(
                    ".dropdown-menu button").not(".o_invisible_modifier").length);
            });
        },
        _renderHeaderButtons: function () {
            var $header = this._super.apply(this, arguments);
            $header.find(".o_statusbar_buttons_dropdown > .dropdown-toggle")
                .contents().filter(function () {
                    return this.nodeType === 3 && this.nodeValue.trim();
                }).replaceWith(_t("Actions") + " ");
            return $header;
        },
    });
});
