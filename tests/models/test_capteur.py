"""Capteur: an id docs/protocol.md accepts, and mesurer() taking values from a model, reproducibly."""

import pytest

from models.capteur import Capteur, CapteurError, Measurement
from models.value_models import Constant, ModelError, RandomWalk, make_model


def test_mesurer_gives_the_id_the_value_and_when_it_was_measured():
    capteur = Capteur("capteur_1", Constant(value=23.5), clock=lambda: 1_790_000_000.25)
    assert capteur.mesurer() == Measurement("capteur_1", 23.5, 1_790_000_000.25)
    assert capteur.mesurer(at=1_790_000_001.0).timestamp == 1_790_000_001.0


def test_values_have_the_resolution_of_a_real_sensor():
    capteur = Capteur("c", Constant(value=21.123456789))
    assert capteur.mesurer().temperature == 21.123


def test_a_model_is_chosen_by_name_and_the_default_is_the_random_walk():
    assert isinstance(Capteur("c").model, RandomWalk)
    assert Capteur("c", "constant").mesurer().temperature == 20.0
    with pytest.raises(ModelError):
        Capteur("c", "thermometer")


def test_the_same_seed_gives_the_same_measurements():
    def run(seed):
        capteur = Capteur("c", make_model("walk", noise=0.2, spike_rate=0.1), seed=seed)
        return [capteur.mesurer(at=float(t)).temperature for t in range(200)]

    assert run(3) == run(3)
    assert run(3) != run(4)


def test_the_model_can_be_replaced_between_measurements():
    capteur = Capteur("c", Constant(value=1))
    first = capteur.mesurer().temperature
    capteur.model = Constant(value=2)
    assert (first, capteur.mesurer().temperature) == (1, 2)


def test_an_id_of_64_characters_is_fine():
    assert Capteur("x" * 64).capteur_id == "x" * 64


@pytest.mark.parametrize(
    ("capteur_id", "sentence"),
    [
        ("", "'' cannot be a capteur_id: capteur_id must not be empty"),
        ("x" * 65, f"'{'x' * 65}' cannot be a capteur_id: capteur_id must be at most 64 characters"),
        ("a\tb", "'a\\tb' cannot be a capteur_id: capteur_id must not contain control characters"),
    ],
)
def test_an_id_the_server_would_refuse_is_refused_at_once(capteur_id, sentence):
    with pytest.raises(CapteurError) as refused:
        Capteur(capteur_id)
    assert str(refused.value) == sentence
