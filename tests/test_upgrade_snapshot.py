"""The upgrade check's comparison (data/snapshot.py), without a database:
what it calls data lost, what it lets through."""
import copy

from data.snapshot import compare

BEFORE = {
    "modules": {"kpa_x": {"version": "11.0.1.0.0",
                          "fields": ["kpa.x.amount", "kpa.x.state"]}},
    "models": {"kpa.x": {
        "fields": {"amount": {"type": "monetary", "computed": False},
                   "state": {"type": "selection", "computed": False},
                   "label": {"type": "char", "computed": True}},
        "records": {"1": {"amount": 12.5, "state": "done", "label": "a"},
                    "2": {"amount": 0.0, "state": "draft", "label": "b"}},
    }},
}


def after(change=None):
    snapshot = copy.deepcopy(BEFORE)
    if change:
        change(snapshot)
    return snapshot


def test_the_same_data_passes():
    assert compare(BEFORE, after()) == []


def test_new_records_and_new_fields_pass():
    def grow(snap):
        model = snap["models"]["kpa.x"]
        model["records"]["3"] = {"amount": 1.0, "state": "draft"}
        model["fields"]["note"] = {"type": "text", "computed": False}
        snap["modules"]["kpa_x"]["version"] = "11.0.1.1.0"
        snap["modules"]["kpa_x"]["fields"].append("kpa.x.note")
    assert compare(BEFORE, after(grow)) == []


def test_a_lost_record_fails():
    problems = compare(BEFORE, after(
        lambda snap: snap["models"]["kpa.x"]["records"].pop("2")))
    assert problems == ["kpa.x: 1 records lost (ids 2)"]


def test_a_changed_amount_fails_and_says_which():
    def pay_more(snap):
        snap["models"]["kpa.x"]["records"]["1"]["amount"] = 13.0
    [problem] = compare(BEFORE, after(pay_more))
    assert problem.startswith("kpa.x.amount: changed on 1 records, e.g. id 1")
    assert "12.5 -> 13.0" in problem


def test_a_dropped_stored_field_is_data_lost_a_computed_one_is_not():
    def drop(snap):
        fields = snap["models"]["kpa.x"]["fields"]
        del fields["state"], fields["label"]
        snap["modules"]["kpa_x"]["version"] = "11.0.2.0.0"
    assert compare(BEFORE, after(drop)) == [
        "kpa.x.state: a stored field is gone (its data is lost)"]


def test_declared_changes_pass():
    def pay_more(snap):
        snap["models"]["kpa.x"]["records"]["1"]["amount"] = 13.0
    assert compare(BEFORE, after(pay_more), {"kpa.x.amount"}) == []
    assert compare(BEFORE, after(pay_more), {"kpa.x"}) == []


def test_a_new_field_without_a_new_version_fails():
    def grow(snap):
        snap["modules"]["kpa_x"]["fields"].append("kpa.x.note")
    [problem] = compare(BEFORE, after(grow))
    assert problem.startswith("kpa_x: its data model changed (+kpa.x.note)")
    assert "11.0.1.0.0" in problem
