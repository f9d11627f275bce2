"""Value models: each curve has the shape its name promises, noise and spikes come on top, bad settings are named."""

import random
import statistics

import pytest

from models.value_models import MODELS, Constant, ModelError, RandomWalk, Sine, make_model, model_spec, parse_model

HOUR = 3600.0


def samples(model, count=10_000, seed=1, step=1.0):
    rng = random.Random(seed)
    return [model.sample(i * step, rng) for i in range(count)]


def test_constant_gives_its_value():
    assert set(samples(make_model("constant", value=21.5), 100)) == {21.5}


def test_the_random_walk_starts_where_asked_and_never_leaves_its_bounds():
    values = samples(make_model("walk", start=5, step=3, low=0, high=10))
    assert values[0] == 5
    assert all(0 <= value <= 10 for value in values)
    assert max(values) - min(values) > 9, "a walk with steps that large should roam the whole range"


def test_the_default_sine_is_a_day_warmest_at_three_in_the_afternoon_utc():
    sine = make_model("sine")
    rng = random.Random(0)
    day = 86_400 * 20_000
    assert sine.sample(day + 15 * HOUR, rng) == pytest.approx(20.0)
    assert sine.sample(day + 3 * HOUR, rng) == pytest.approx(10.0)
    assert sine.sample(day + 9 * HOUR, rng) == pytest.approx(15.0)


def test_sine_period_and_amplitude():
    sine = make_model("sine", mean=0, amplitude=2, period=60, peak=0)
    rng = random.Random(0)
    assert [round(sine.sample(t, rng), 9) for t in (0, 15, 30, 45, 60)] == [2, 0, -2, 0, 2]


def test_the_ramp_climbs_from_its_first_reading_then_starts_again():
    ramp = make_model("ramp", start=10, end=30, duration=100)
    rng = random.Random(0)
    assert [ramp.sample(1000 + t, rng) for t in (0, 50, 99, 100, 150)] == pytest.approx([10, 20, 29.8, 10, 20])


def test_manual_follows_the_value_last_set():
    manual = make_model("manual", value=18)
    rng = random.Random(0)
    before = manual.sample(0, rng)
    manual.value = 25.5
    assert (before, manual.sample(1, rng)) == (18, 25.5)


def test_noise_is_added_to_any_model_with_the_spread_asked():
    values = samples(make_model("constant", value=20, noise=0.5), 20_000)
    assert statistics.fmean(values) == pytest.approx(20, abs=0.02)
    assert statistics.stdev(values) == pytest.approx(0.5, rel=0.05)


def test_spikes_are_occasional_outliers_of_the_size_asked():
    values = samples(make_model("sine", mean=15, amplitude=0, spike_rate=0.1, spike_size=40), 20_000)
    spikes = [value for value in values if value != 15]
    assert len(spikes) / len(values) == pytest.approx(0.1, abs=0.01)
    assert set(spikes) == {55, -25}


def test_one_seed_gives_one_sequence():
    model = make_model("walk", noise=0.3, spike_rate=0.05)
    assert samples(model.fresh(), 500, seed=7) == samples(model.fresh(), 500, seed=7)
    assert samples(model.fresh(), 500, seed=7) != samples(model.fresh(), 500, seed=8)


def test_fresh_keeps_the_parameters_and_forgets_the_past():
    walk = make_model("walk", start=12, step=1)
    samples(walk, 50)
    again = walk.fresh()
    assert (type(again), again.start, again.step) == (RandomWalk, 12, 1)
    assert again.sample(0, random.Random(0)) == 12


def test_a_model_as_typed_on_the_command_line():
    assert parse_model("sine") == Sine()
    assert parse_model(" sine : period=60, amplitude=3 ,noise=0.2") == Sine(period=60, amplitude=3, noise=0.2)
    assert parse_model("constant:value=-4.5") == Constant(value=-4.5)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("thermometer", "unknown model 'thermometer': choose constant, walk, sine, ramp or manual"),
        (
            "sine:speed=3",
            "the sine model has no parameter 'speed': it takes mean, amplitude, period, peak, noise, spike_rate or spike_size",
        ),
        ("sine:period=fast", "period must be a number, got 'fast'"),
        ("sine:period", "'period' is not key=value: write parameters as in sine:period=60,amplitude=3"),
        ("sine:period=0", "period must be above 0"),
        ("sine:amplitude=-1", "amplitude must be 0 or more"),
        ("sine:mean=nan", "mean must be a finite number, got nan"),
        ("walk:step=0", "step must be above 0"),
        ("walk:low=10,high=5,start=7", "low must be below high"),
        ("walk:start=50", "start must be between low and high"),
        ("ramp:duration=-1", "duration must be above 0"),
        ("constant:noise=-0.1", "noise must be 0 or more"),
        ("constant:spike_rate=2", "spike_rate must be from 0 to 1 (a share of the readings)"),
    ],
)
def test_each_bad_setting_is_one_sentence(text, sentence):
    with pytest.raises(ModelError) as refused:
        parse_model(text)
    assert str(refused.value) == sentence


@pytest.mark.parametrize("name", sorted(MODELS))
def test_a_models_spec_reads_back_as_the_same_model(name):
    model = make_model(name, noise=0.125, spike_rate=0.01)
    assert parse_model(model_spec(model)) == model
    assert model_spec(model).startswith(f"{name}:")
