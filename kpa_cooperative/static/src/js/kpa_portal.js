/* Copyright 2026 KPA-Cité
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
   One submission per tap: a KPA form (one with a one-time token) is sent
   once; its buttons are disabled at once, the tapped button's value is
   kept. The server refuses a replayed token anyway. */
(function () {
    "use strict";
    var TOKEN = "input[name=kpa_form_token]";
    var BUTTONS = "button[type=submit], input[type=submit]";

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.querySelector || !form.querySelector(TOKEN)) {
            return;
        }
        if (form.getAttribute("data-kpa-sent")) {
            event.preventDefault();
            return;
        }
        form.setAttribute("data-kpa-sent", "1");
        var submitter = event.submitter || document.activeElement;
        if (submitter && submitter.form === form && submitter.name) {
            var keep = document.createElement("input");
            keep.type = "hidden";
            keep.name = submitter.name;
            keep.value = submitter.value;
            keep.className = "o_kpa_submitter";
            form.appendChild(keep);
        }
        Array.prototype.forEach.call(form.querySelectorAll(BUTTONS),
            function (button) {
                button.disabled = true;
            });
    });

    // Back to a page kept in the browser's cache: its forms work again.
    window.addEventListener("pageshow", function (event) {
        if (!event.persisted) {
            return;
        }
        Array.prototype.forEach.call(
            document.querySelectorAll("form[data-kpa-sent]"), function (form) {
                form.removeAttribute("data-kpa-sent");
                Array.prototype.forEach.call(
                    form.querySelectorAll(".o_kpa_submitter"),
                    function (keep) {
                        keep.parentNode.removeChild(keep);
                    });
                Array.prototype.forEach.call(form.querySelectorAll(BUTTONS),
                    function (button) {
                        button.disabled = false;
                    });
            });
    });

    // /my/home: a list with no row (a client has no pay, a member no
    // invoices) is hidden with its heading.
    document.addEventListener("DOMContentLoaded", function () {
        var lists = document.querySelectorAll(".o_portal_my_home ul");
        Array.prototype.forEach.call(lists, function (list) {
            if (list.querySelector("li")) {
                return;
            }
            list.style.display = "none";
            var heading = list.previousElementSibling;
            if (heading && heading.tagName === "H3") {
                heading.style.display = "none";
            }
        });
    });
}());
