/* Copyright 2026 KPA-Cité
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
   widget="percentage" (Odoo 12's, missing in Odoo 11): a share stored as
   a fraction (0.22) is shown and typed as a percentage ("22,00 %"). */
odoo.define("kpa_cooperative.percentage", function (require) {
    "use strict";

    var basicFields = require("web.basic_fields");
    var fieldRegistry = require("web.field_registry");
    var fieldUtils = require("web.field_utils");

    var FieldPercentage = basicFields.FieldFloat.extend({
        className: "o_field_float o_field_number o_field_percentage",

        _formatValue: function (value) {
            if (value === false || value === null || value === undefined) {
                return "";
            }
            // 0.22 * 100 is 22.000000000000004: rounded to the cent.
            var percent = Math.round(value * 1000000) / 10000;
            var text = fieldUtils.format.float(percent, this.field,
                {digits: [16, 2]});
            return this.mode === "edit" ? text : text + "\u00a0%";
        },
        _parseValue: function (value) {
            var typed = String(value).replace(/%/g, "").trim();
            var percent = fieldUtils.parse.float(typed);
            return Math.round(percent * 10000) / 1000000;
        },
    });

    fieldRegistry.add("percentage", FieldPercentage);
    return FieldPercentage;
});
