"""Training figures of three small courses worked out by hand: attendance, not registration, counts towards the target;
the make-up and its shares are over those who attended; average scores over attendees with a score (0 is a score),
halves rounded up to two decimals; satisfaction = share of 4 and 5 among attendees who rated; a course is held from
its start day on."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.figures.training import TrainingFigures, single_course_figures, training_figures


def _course(store, plan, title, start, target):
    return store.repo("training_courses").add({"plan_id": plan["id"], "title": title, "start_date": start,
                                               "target_participants": target})


def _person(store, course, name, gender, org_kind, attended, pre, post, satisfaction):
    store.repo("participants").add({"course_id": course["id"], "full_name": name, "gender": gender,
                                    "org_kind": org_kind, "attended": attended, "pre_score": pre,
                                    "post_score": post, "satisfaction": satisfaction})


@pytest.fixture
def courses(empty_store):
    store = empty_store
    plan = store.repo("plans").add({"number": "1/KH-SCT", "year": 2024, "title": "Kế hoạch", "issuer": "UBND tỉnh",
                                    "total_budget": 1_000_000})
    later = _course(store, plan, "Lớp B", "2024-06-11", 6)  # added first, starts later
    first = _course(store, plan, "Lớp A", "2024-06-10", 10)
    unset = _course(store, plan, "Lớp C", None, None)  # not scheduled, no target typed
    _person(store, first, "Nguyễn Thị An", "female", "enterprise", 1, 5.5, 7.0, 5)
    _person(store, first, "Trần Văn Bình", "male", "department", 1, 6.0, 8.4, 5)
    _person(store, first, "Lê Thị Cúc", "female", "enterprise", 0, 9.0, 9.0, 1)  # registered, did not come
    _person(store, first, "Phạm Dũng", None, None, 1, None, 7.0, None)
    _person(store, later, "Võ Thị Em", "female", "enterprise", 1, 0.0, 6.3, 4)
    _person(store, later, "Đỗ Thị Giang", "female", "department", 0, None, None, 1)  # registered, did not come
    _person(store, later, "Hồ Văn Hải", "male", "department", 1, None, None, None)
    for course, title in ((first, "Tài liệu A"), (later, "Tài liệu B1"), (later, "Tài liệu B2")):
        store.repo("training_materials").add({"course_id": course["id"], "title": title})
    return store, plan, first, later, unset


def test_plan_figures_count_attendance_and_shares_over_attendees(courses):
    store, plan, first, later, unset = courses
    f = training_figures(store, plan["id"])
    assert [c["title"] for c in f.courses] == ["Lớp C", "Lớp A", "Lớp B"]  # by start date, the unscheduled first
    assert f.target == 10 + 6 + 0 == 16
    assert f.registered == 7 and len(f.participants) == 7
    assert f.attended == 5
    assert f.attended_percent == 31.3  # 5 / 16 = 31,25 % → 31,3 (not 7 / 16 = 43,8 registered)
    assert dict(f.by_gender) == {"female": 2, "male": 2, "": 1}  # An, Em; Bình, Hải; Dũng not given
    assert dict(f.by_org_kind) == {"enterprise": 2, "department": 2, "": 1}
    assert f.female_percent == 40.0  # 2 of the 5 who came (4 of the 7 registered would be 57,1)
    # Pre-test: An 5,5, Bình 6, Em 0 (a score of 0 counts; Cúc's 9 did not come) → 11,5 / 3 = 3,8333 → 3,83.
    assert f.pre_average == 3.83
    # Post-test: 7 + 8,4 + 7 + 6,3 = 28,7 / 4 = 7,175 → 7,18 (half up; the binary float would print 7,17).
    assert f.post_average == 7.18
    assert f.score_gain == 3.35  # 7,18 − 3,83
    # Ratings of those who came: 5, 5, 4 (Cúc's and Giang's 1 do not count; Dũng and Hải did not rate).
    assert dict(f.satisfaction) == {5: 2, 4: 1}
    assert f.satisfaction_average == 4.67  # 14 / 3 = 4,667
    assert f.satisfied_percent == 100.0
    assert sorted(m["title"] for m in f.materials) == ["Tài liệu A", "Tài liệu B1", "Tài liệu B2"]


def test_a_course_is_held_from_its_start_day(courses):
    store, plan, first, later, unset = courses
    assert training_figures(store, plan["id"], dt.date(2024, 6, 9)).held == []
    assert [c["title"] for c in training_figures(store, plan["id"], dt.date(2024, 6, 10)).held] == ["Lớp A"]
    assert [c["title"] for c in training_figures(store, plan["id"], dt.date(2024, 6, 11)).held] == ["Lớp A", "Lớp B"]
    assert [c["title"] for c in training_figures(store, plan["id"]).held] == ["Lớp A", "Lớp B"]  # never Lớp C


def test_one_course(courses):
    store, plan, first, later, unset = courses
    f = single_course_figures(store, later["id"])
    assert [c["title"] for c in f.courses] == ["Lớp B"]
    assert (f.target, f.registered, f.attended) == (6, 3, 2)
    assert f.attended_percent == 33.3  # 2 / 6
    assert f.female_percent == 50.0  # Em of Em and Hải
    assert (f.pre_average, f.post_average, f.score_gain) == (0.0, 6.3, 6.3)
    assert dict(f.satisfaction) == {4: 1} and f.satisfaction_average == 4.0 and f.satisfied_percent == 100.0
    assert [m["title"] for m in f.materials] == ["Tài liệu B1", "Tài liệu B2"]
    none = single_course_figures(store, unset["id"])
    assert (none.target, none.registered, none.attended) == (0, 0, 0)
    assert none.attended_percent is None and none.female_percent is None  # no target, nobody: no percentage
    assert (none.pre_average, none.post_average, none.score_gain) == (None, None, None)
    assert none.satisfaction_average is None and none.satisfied_percent is None


def test_satisfied_is_the_share_of_four_and_five_among_attendees_who_rated(empty_store):
    store = empty_store
    plan = store.repo("plans").add({"number": "1/KH-SCT", "year": 2024, "title": "Kế hoạch", "issuer": "UBND tỉnh",
                                    "total_budget": 1_000_000})
    course = _course(store, plan, "Lớp", "2024-06-10", 20)
    for i, (rating, post) in enumerate([(5, 7.5), (4, None), (3, None), (3, None), (2, None), (4, None)]):
        _person(store, course, f"Học viên {i}", "male", "other", 1, None, post, rating)
    _person(store, course, "Vắng mặt", "female", "other", 0, 2.0, 9.0, 5)
    f = single_course_figures(store, course["id"])
    assert dict(f.satisfaction) == {5: 1, 4: 2, 3: 2, 2: 1}
    assert f.satisfied_percent == 50.0  # (1 + 2) / 6: a 3 is not satisfied
    assert f.satisfaction_average == 3.5  # 21 / 6
    assert f.female_percent == 0.0 and f.attended_percent == 30.0  # 6 / 20
    # Only a post-test among those who came (the absent one's pre-test does not count): no gain to show.
    assert (f.pre_average, f.post_average, f.score_gain) == (None, 7.5, None)


def test_figures_of_no_course_count_nobody():
    f = TrainingFigures()  # before anything is counted: course_figures starts from it
    assert (f.target, f.registered, f.attended, f.attended_percent, f.female_percent) == (0, 0, 0, None, None)
    assert (f.pre_average, f.post_average, f.score_gain, f.satisfaction_average) == (None, None, None, None)
