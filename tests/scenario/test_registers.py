"""Multidisciplinary intervision through Slack (seed 003): a midwife, a GP, a maternity carer, a
second midwife without a number and a client in one group; the profile asked once on joining, with
format errors inline; accreditation per register; attendance registered; each deelnamebewijs
names the holder's own register, number, activity id and points; the paste list per register
holds exactly the present participants with a number, with the register's prefix, and the one
without a number is named apart; the secretariat gets the same per period."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from bot.exports.pdf_documents import points_text
from bot.exports.registers import CSV_COLUMNS
from bot.i18n import t, t_plain, tn_plain
from bot.registers import register_by_key
from bot.server import Runtime
from handlers.ui.attendance_ui import ActionId as AttendanceAction
from handlers.ui.attendance_ui import CallbackId as AttendanceCallback
from handlers.ui.groups_ids import ActionId as GroupAction
from handlers.ui.groups_ids import CallbackId as GroupCallback
from handlers.ui.registers_ids import ActionId, CallbackId, define_action_id
from storage.models import (
    Accreditation,
    AccreditationStatus,
    Attendance,
    Certificate,
    Group,
    Person,
)
from tests.support.app import RuntimeFactory
from tests.support.attendance import add_meeting, files_for, pdf_text
from tests.support.groups import (
    approve,
    ask_to_join,
    button_value,
    count_views,
    wait_dm,
    wait_response,
    wait_view,
)
from tests.support.people import ADMIN, PEOPLE, SIGNING_SECRET, TEAM
from tests.support.registers import (
    files_named,
    open_profile,
    profile_values,
    stored_profile,
    submit_profile,
    updated_view,
)
from tests.support.wait import wait_until

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
MEETING = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)  # 10:00 in Amsterdam, two hours
ANNE, BRAM, ZOE, EMMA, DAAN = "UANNE001", "UBRAM002", "UZOE0003", "UEMMA005", "UDAAN004"
# Made-up numbers in each register's shape.
ANNE_BIG = "12345678901"
BRAM_BIG = "98765432109"
ZOE_KCKZ = "654321"


@pytest.fixture
def app(make_runtime: RuntimeFactory) -> Runtime:
    """The app on a manual clock."""
    return make_runtime(clock=ManualClock(NOW))


@pytest.fixture
def sim(app: Runtime, fake_slack: FakeSlack) -> SlackSim:
    """Slack's side."""
    return SlackSim(port=app.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM)


def _group_number(engine: Engine) -> int:
    with Session(engine) as session:
        group = session.scalars(select(Group)).one()
        assert group.multidisciplinary
        return group.number


def _create_multidisciplinary_group(sim: SlackSim, fake: FakeSlack) -> dict[str, object]:
    """Anne creates the group, ticking 'multidisciplinair'; the modal becomes her profile."""
    sim.command(ANNE, "nieuw")
    view = wait_view(fake, ANNE, GroupCallback.CREATE_GROUP)
    result = sim.submit(
        ANNE,
        view,
        {
            GroupAction.NAME: "Geboortezorg Utrecht",
            GroupAction.REGION: "Utrecht",
            GroupAction.MULTIDISCIPLINARY: ["yes"],
        },
    )
    return updated_view(result, CallbackId.PROFILE)


def _join_with_profile(
    sim: SlackSim, fake: FakeSlack, user: str, number: int, professions: list[str], numbers: dict
) -> None:
    """Ask to join (membership first), answer the profile question, and be approved."""
    result = ask_to_join(sim, fake, user, number)
    assert result is not None
    profile = updated_view(result, CallbackId.PROFILE)
    # The request went out before the profile was asked: the modal says so.
    assert "verstuurd" in json.dumps(profile, ensure_ascii=False)
    done = submit_profile(sim, user, profile, professions, numbers)
    assert done.status == 200 and not done.body, done.text
    approve(sim, fake, ANNE, PEOPLE[user]["real_name"])
    wait_dm(fake, user, "Welkom")


def _accreditation_modal(sim: SlackSim, fake: FakeSlack, number: int) -> dict[str, object]:
    seen = count_views(fake, ANNE, CallbackId.ACCREDITATION)
    sim.command(ANNE, f"accreditatie {number}")
    overview = wait_until(
        lambda: next(
            (
                c.body
                for c in fake.calls_to("response_url")
                if ActionId.RECORD_ACCREDITATION in json.dumps(c.body)
            ),
            None,
        ),
        what="accreditation overview",
    )
    message = {"ts": "1", "channel": "C0GENERAL", **overview}
    sim.click(
        ANNE,
        action_id=ActionId.RECORD_ACCREDITATION,
        value=button_value(message, ActionId.RECORD_ACCREDITATION),
        message=message,
    )
    return wait_view(fake, ANNE, CallbackId.ACCREDITATION, seen=seen)


def _accredit(
    sim: SlackSim,
    fake: FakeSlack,
    number: int,
    register: str,
    activity: str,
    points: str,
    basis: str,
) -> None:
    view = _accreditation_modal(sim, fake, number)
    result = sim.submit(
        ANNE,
        view,
        {
            ActionId.ACCREDITATION_REGISTER: register,
            ActionId.ACCREDITATION_STATUS: AccreditationStatus.GRANTED.value,
            ActionId.ACCREDITATION_ACTIVITY: activity,
            ActionId.ACCREDITATION_POINTS: points,
            ActionId.ACCREDITATION_BASIS: basis,
        },
    )
    assert result.json["response_action"] == "update", result.text


def test_three_professions_each_certificate_names_its_own_register_and_the_lists_per_register(
    sim: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    fake = fake_slack
    # --- Anne starts the group and is asked for her profile; a malformed number shows inline.
    profile = _create_multidisciplinary_group(sim, fake)
    number = _group_number(db_engine)
    bad = submit_profile(sim, ANNE, profile, ["midwife"], {"knov": "BIG-12345"})
    knov = register_by_key("knov")
    assert bad.json == {
        "response_action": "errors",
        "errors": {
            "number:knov": t_plain(
                "nl", "registers.number.invalid", label=knov.label("nl"), example=knov.example
            )
        },
    }
    assert stored_profile(db_engine, ANNE) == (set(), {})  # nothing half-written
    good = submit_profile(
        sim, ANNE, profile, ["midwife"], {"knov": "BIG-123.456.789.01", "big": ANNE_BIG}
    )
    assert good.status == 200 and not good.body, good.text
    assert stored_profile(db_engine, ANNE) == ({"midwife"}, {"knov": ANNE_BIG, "big": ANNE_BIG})

    # --- Four colleagues join, each asked once for profession and registrations.
    _join_with_profile(sim, fake, BRAM, number, ["general_practitioner"], {"knmg_rgs": BRAM_BIG})
    _join_with_profile(sim, fake, ZOE, number, ["maternity_carer"], {"kckz": f"KCKZ {ZOE_KCKZ}"})
    _join_with_profile(sim, fake, EMMA, number, ["midwife"], {})
    _join_with_profile(sim, fake, DAAN, number, ["client"], {})
    assert stored_profile(db_engine, ZOE) == ({"maternity_carer"}, {"kckz": ZOE_KCKZ})

    # --- The directory shows the professions present as counts, never names or numbers.
    sim.command(EMMA, "groepen")
    line = wait_response(fake, "Geboortezorg Utrecht")
    for profession, count in [
        ("Verloskundige", 2),
        ("Huisarts", 1),
        ("Kraamverzorgende", 1),
        ("Cliënt / ervaringsdeskundige", 1),
    ]:
        assert tn_plain("nl", "directory.profession_count", count, name=profession) in line
    assert "Emma" not in line and BRAM_BIG not in line

    # --- An accreditation for a register nobody in the group has is refused on its field.
    view = _accreditation_modal(sim, fake, number)
    refused = sim.submit(
        ANNE,
        view,
        {
            ActionId.ACCREDITATION_REGISTER: "skj",
            ActionId.ACCREDITATION_STATUS: AccreditationStatus.GRANTED.value,
            ActionId.ACCREDITATION_ACTIVITY: "X-1",
            ActionId.ACCREDITATION_POINTS: "abc",
        },
    )
    assert refused.json["response_action"] == "errors"
    assert refused.json["errors"] == {
        "register": t_plain("nl", "accreditation.nobody", register="SKJ", number=number),
        "points": t_plain("nl", "accreditation.points_invalid"),
    }
    with Session(db_engine) as session:
        assert session.scalars(select(Accreditation)).all() == []

    # --- The contact person records the three registers' accreditations.
    _accredit(sim, fake, number, "knov", "PE-123456", "2", "meeting")
    _accredit(sim, fake, number, "knmg_rgs", "GAIA-4455", "2", "meeting")
    _accredit(sim, fake, number, "kckz", "KCKZ-778", "1,5", "hour")

    # --- A member who is not a manager sees the overview, with counts and no numbers.
    sim.command(ZOE, f"accreditatie {number}")
    overview = wait_until(
        lambda: next(
            (
                json.dumps(c.body, ensure_ascii=False)
                for c in fake.calls_to("response_url")
                if "GAIA-4455" in json.dumps(c.body)
                and ActionId.RECORD_ACCREDITATION not in json.dumps(c.body)
            ),
            None,
        ),
        what="Zoë's overview",
    )
    assert ANNE_BIG not in overview and BRAM_BIG not in overview and ZOE_KCKZ not in overview

    # --- Attendance of the meeting: everyone present, the client too.
    with Session(db_engine) as session:
        group_id = session.scalars(select(Group.id)).one()
        ids = {
            p.slack_user_id: p.id
            for p in session.scalars(select(Person).where(Person.team_id == TEAM))
        }
    add_meeting(db_engine, group_id=group_id, starts_at=MEETING, duration_minutes=120)
    sim.command(ANNE, f"registreer {number}")
    registration = wait_view(fake, ANNE, AttendanceCallback.REGISTER)
    roles = {ANNE: "facilitator", BRAM: "presenter", ZOE: "participant", EMMA: "participant"}
    roles[DAAN] = "participant"
    values = {f"{AttendanceAction.MEMBER_ROLE}:{ids[u]}": r for u, r in roles.items()}
    values[AttendanceAction.DURATION] = "120"
    submitted = sim.submit(ANNE, registration, values)
    assert submitted.json["response_action"] == "update", submitted.text

    # --- Each certificate names the holder's own register, number, activity id and points.
    expected = {
        ANNE: (
            "Kwaliteitsregister Verloskundigen (KNOV)",
            "BIG-nummer",
            ANNE_BIG,
            "PE-123456",
            2.0,
        ),
        BRAM: ("Specialistenregisters KNMG (RGS)", "BIG-nummer", BRAM_BIG, "GAIA-4455", 2.0),
        ZOE: (
            "Kwaliteitsregister Kraamverzorgenden (KCKZ)",
            "Registratienummer KCKZ",
            ZOE_KCKZ,
            "KCKZ-778",
            3.0,
        ),
    }
    for user, (register, label, reg_number, activity, points) in expected.items():
        [pdf] = wait_until(
            lambda u=user: files_for(fake, u) or None, timeout=30, what=f"PDF {user}"
        )
        text = pdf_text(pdf.content)
        assert register in text, (user, text)
        assert label in text and reg_number in text
        assert activity in text
        assert points_text("nl", points) in text
        assert t_plain("nl", "document.label.activity") in text
    # Bram is also an LVV member: his member number has its own label, not "Registratienummer".
    bram_text = pdf_text(files_for(fake, BRAM)[0].content)
    assert f"{t_plain('nl', 'registers.member_number')} LVV-002" in bram_text.replace("\n", " ")
    assert "Registratienummer" not in bram_text
    # Emma has no number: her certificate has none, and no accreditation that is not hers.
    [emma_pdf] = wait_until(lambda: files_for(fake, EMMA) or None, timeout=30, what="Emma's PDF")
    emma_text = pdf_text(emma_pdf.content)
    assert "BIG-nummer" not in emma_text and "PE-123456" not in emma_text
    # The client takes part without a certificate and without hours.
    with Session(db_engine) as session:
        daan = session.scalars(select(Attendance).where(Attendance.person_id == ids[DAAN])).one()
        assert daan.present and daan.net_minutes == 0
        assert (
            session.scalars(select(Certificate).where(Certificate.person_id == ids[DAAN])).all()
            == []
        )
        anne_cert = session.scalars(
            select(Certificate).where(Certificate.person_id == ids[ANNE])
        ).one()
        assert (anne_cert.register_key, anne_cert.registration_number) == ("knov", ANNE_BIG)
        assert anne_cert.number_label == "BIG-nummer" and anne_cert.activity_id == "PE-123456"
    assert files_for(fake, DAAN) == []

    # --- Presence lists per register, by DM to the contact person.
    sim.command(ANNE, f"presentielijst {number}")
    wait_response(fake, "presentielijsten")
    lists = {f.title: f for f in files_named(fake, ANNE, ".txt", count=3)}
    title = "presence.file.title_txt"
    assert lists[t_plain("nl", title, register="KNOV")].content == f"BIG-{ANNE_BIG}\n".encode()
    assert lists[t_plain("nl", title, register="KNMG")].content == f"{BRAM_BIG}\n".encode()
    assert lists[t_plain("nl", title, register="KCKZ")].content == f"{ZOE_KCKZ}\n".encode()
    # Emma, a midwife without a number, is named apart under KNOV, not dropped.
    knov_comment = lists[t_plain("nl", title, register="KNOV")].initial_comment or ""
    assert t("nl", "presence.file.without", label="BIG-nummer", names="Emma Bakker") in knov_comment
    assert "Daan" not in knov_comment  # a client is on no list
    csvs = {f.title: f for f in files_named(fake, ANNE, ".csv", count=3)}
    rows = list(
        csv.reader(
            io.StringIO(
                csvs[t_plain("nl", "presence.file.title_csv", register="KCKZ")].content.decode(
                    "utf-8-sig"
                )
            ),
            delimiter=";",
        )
    )
    assert rows == [
        list(CSV_COLUMNS),
        [PEOPLE[ZOE]["real_name"], "KCKZ", ZOE_KCKZ, "16-11-2026", "2", "3"],
    ]

    # --- One register and one day can be asked for; a day without registration is refused.
    sim.command(ANNE, f"presentielijst {number} 16-11-2026 knov")
    files = files_named(fake, ANNE, ".txt", count=4)
    assert files[-1].content == f"BIG-{ANNE_BIG}\n".encode()
    add_meeting(db_engine, group_id=group_id, starts_at=datetime(2026, 11, 18, 9, tzinfo=UTC))
    sim.command(ANNE, f"presentielijst {number} 18-11-2026")
    wait_response(fake, t("nl", "presence.not_registered", number=number))
    sim.command(ZOE, f"presentielijst {number}")
    wait_response(fake, t("nl", "group.not_manager", number=number))

    # --- The secretariat gets the same per period and register.
    sim.command(ADMIN, "admin presentielijst KNOV 01-11-2026 30-11-2026")
    wait_response(fake, "01-11-2026 – 30-11-2026")
    [period_list] = files_named(fake, ADMIN, ".txt", count=1)
    assert period_list.content == f"BIG-{ANNE_BIG}\n".encode()

    # --- Anne, in two registers, sees her hours per register on the meter.
    sim.command(ANNE, "uren")
    hours = wait_response(fake, t("nl", "profile.home.hours_title"))
    assert "KNOV: *2 van 200 uur*" in hours


def test_the_profile_from_the_command_and_a_number_someone_else_holds(
    sim: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    view = open_profile(sim, fake_slack, BRAM)
    ok = sim.submit(BRAM, view, profile_values(["nurse"], {"vvn": "BIG 987.654.321.09"}))
    assert ok.status == 200 and not ok.body, ok.text
    assert stored_profile(db_engine, BRAM) == ({"nurse"}, {"vvn": BRAM_BIG})
    # Zoë types Bram's number (and a malformed SKJ number): both refused, each on its field.
    view = open_profile(sim, fake_slack, ZOE)
    result = sim.submit(
        ZOE, view, profile_values(["youth_professional"], {"vvn": BRAM_BIG, "skj": "12"})
    )
    skj = register_by_key("skj")
    assert result.json["errors"] == {
        "number:vvn": t_plain(
            "nl", "registers.number_taken", label=register_by_key("vvn").label("nl")
        ),
        "number:skj": t_plain(
            "nl", "registers.number.invalid", label=skj.label("nl"), example=skj.example
        ),
    }
    assert stored_profile(db_engine, ZOE) == (set(), {})
    # An English user gets the errors in English.
    view = open_profile(sim, fake_slack, "UENG0012")
    result = sim.submit("UENG0012", view, profile_values([], {"big": "123"}))
    big = register_by_key("big")
    assert result.json["errors"] == {
        "number:big": t_plain(
            "en", "registers.number.invalid", label=big.label("en"), example=big.example
        )
    }


def _click_in_response(
    sim: SlackSim, fake: FakeSlack, user: str, action_id: str, *, near: str = ""
) -> None:
    """Click the button `action_id` in the latest ephemeral message that has one (in the block
    whose text holds `near`, when given)."""
    body = wait_until(
        lambda: next(
            (
                c.body
                for c in reversed(fake.calls_to("response_url"))
                if action_id in json.dumps(c.body) and near in json.dumps(c.body)
            ),
            None,
        ),
        what=f"a message with {action_id}",
    )
    message = {"ts": "1", "channel": "C0GENERAL", **body}
    values = [
        element.get("value")
        for block in body.get("blocks") or []
        if near in json.dumps(block.get("text") or {})
        for element in [*(block.get("elements") or []), block.get("accessory") or {}]
        if element.get("action_id") == action_id
    ]
    value = values[0] if values else None
    sim.click(user, action_id=action_id, value=value, message=message)


def test_the_secretariat_adds_a_register_and_a_profession_through_the_forms(
    sim: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    fake = fake_slack
    sim.command(BRAM, "admin beroepen")
    wait_response(fake, t_plain("nl", "admin.only_secretariat")[:30])
    sim.command(ADMIN, "admin beroepen")
    _click_in_response(sim, fake, ADMIN, ActionId.ADD_REGISTER)
    form = wait_view(fake, ADMIN, CallbackId.DEFINE_REGISTER)
    values = {
        define_action_id("register.name"): "Registerplein",
        define_action_id("register.short_name"): "Registerplein",
        define_action_id("register.label_nl"): "Registratienummer Registerplein",
        define_action_id("register.min_length"): "8",
        define_action_id("register.max_length"): "acht",
        define_action_id("register.example"): "46101234",
        define_action_id("register.cycle_years"): "5",
        define_action_id("register.target_hours"): "60",
    }
    wrong = sim.submit(ADMIN, form, values)
    assert wrong.json["errors"] == {"register.max_length": t_plain("nl", "catalogue.whole_number")}
    values[define_action_id("register.max_length")] = "10"
    values[define_action_id("register.example")] = "123"
    wrong = sim.submit(ADMIN, form, values)
    assert wrong.json["errors"] == {
        "register.example": t_plain("nl", "registers.define.example", example="123")
    }
    values[define_action_id("register.example")] = "46101234"
    saved = sim.submit(ADMIN, form, values)
    assert saved.json["response_action"] == "update", saved.text

    sim.command(ADMIN, "admin beroepen")
    _click_in_response(sim, fake, ADMIN, ActionId.ADD_PROFESSION)
    form = wait_view(fake, ADMIN, CallbackId.DEFINE_PROFESSION)
    saved = sim.submit(
        ADMIN,
        form,
        {
            define_action_id("profession.name_nl"): "Sociaal werker",
            define_action_id("profession.registers"): ["registerplein"],
        },
    )
    assert saved.json["response_action"] == "update", saved.text

    # A member now finds both in the profile, and the new register's format is checked.
    view = open_profile(sim, fake, BRAM)
    wrong = sim.submit(BRAM, view, profile_values(["sociaal_werker"], {"registerplein": "12"}))
    assert wrong.json["errors"] == {
        "number:registerplein": t_plain(
            "nl",
            "registers.number.invalid",
            label="Registratienummer Registerplein",
            example="46101234",
        )
    }
    ok = sim.submit(BRAM, view, profile_values(["sociaal_werker"], {"registerplein": "4610 1234"}))
    assert ok.status == 200 and not ok.body, ok.text
    assert stored_profile(db_engine, BRAM) == ({"sociaal_werker"}, {"registerplein": "46101234"})
    # In use: the secretariat cannot remove the register.
    sim.command(ADMIN, "admin registers")
    wait_response(fake, "Registerplein (`registerplein`)")
    _click_in_response(sim, fake, ADMIN, ActionId.REMOVE_ENTRY, near="`registerplein`")
    wait_response(fake, t("nl", "catalogue.in_use", code="registerplein"))
