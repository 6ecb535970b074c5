import math

import pytest
import torch

from explorer.training import ConfigError, TrainingConfig, parse_test_input
from explorer.training.config import MAX_DATA_VALUES, MAX_EPOCHS, check_device


def messages(config: TrainingConfig) -> list[str]:
    return [str(error) for error in config.validate()]


def test_defaults_match_tutorial():
    config = TrainingConfig()

    assert (config.samples, config.features, config.epochs) == (500, 3, 10000)
    assert config.lr == 1e-3
    assert config.seed == 1120
    assert config.device == "cpu"
    assert config.test_input == (1.0, 2.0, 4.0)
    assert config.expected_prediction == 15.0
    assert config.validate() == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"samples": 0}, "Samples must be a whole number of at least 1, got 0."),
        ({"samples": 2.5}, "Samples must be a whole number of at least 1, got 2.5."),
        ({"features": -1}, "Features must be a whole number of at least 1, got -1."),
        ({"epochs": True}, "Epochs must be a whole number of at least 1, got True."),
        ({"epochs": MAX_EPOCHS + 1}, "Epochs is 10,000,001, above the limit of 10,000,000."),
        ({"seed": -1}, "Seed must be a whole number from 0 to 18446744073709551615, got -1."),
        ({"lr": 0.0}, "Learning rate must be a finite number greater than 0, got 0.0."),
        ({"lr": math.nan}, "Learning rate must be a finite number greater than 0, got nan."),
        ({"lr": "0.1"}, "Learning rate must be a finite number greater than 0, got '0.1'."),
        ({"true_weight": math.inf}, "True weight must be a finite number, got inf."),
        ({"true_bias": None}, "True bias must be a finite number, got None."),
    ],
)
def test_invalid_field_message(changes, expected):
    assert messages(TrainingConfig(**changes)) == [expected]


def test_data_size_limit():
    config = TrainingConfig(samples=MAX_DATA_VALUES, features=2, test_input=(1.0, 2.0))

    assert messages(config) == [
        "Samples × features is 20,000,000, above the limit of 10,000,000 values. "
        "Use fewer samples or features."
    ]


def test_data_size_at_limit_is_valid():
    assert TrainingConfig(samples=MAX_DATA_VALUES, features=1, test_input=(1.0,)).validate() == []


def test_test_input_length_must_match_features():
    assert messages(TrainingConfig(features=4)) == [
        "The test input has 3 numbers but each sample has 4 features. Enter 4 numbers."
    ]


def test_test_input_must_be_finite():
    assert messages(TrainingConfig(test_input=(1.0, math.nan, 4.0))) == [
        "The test input must be a list of finite numbers, got (1.0, nan, 4.0)."
    ]


def test_every_problem_is_reported():
    assert len(TrainingConfig(samples=0, epochs=0, lr=-1.0, device="nowhere").validate()) == 4


def test_messages_are_translatable_text():
    (error,) = TrainingConfig(samples=0).validate()

    assert error.context == "TrainingConfig"
    assert error.source == "Samples must be a whole number of at least 1, got {value!r}."
    assert error.args == {"value": 0}


def test_unknown_device():
    assert str(check_device("gpu0")) == (
        "Unknown device 'gpu0'. Use cpu or an available accelerator such as cuda."
    )


@pytest.mark.parametrize("device", ["meta", "cuda:99"])
def test_unavailable_device(device):
    message = str(check_device(device))

    assert message.startswith(f"Device {device!r} is not available on this machine. Available: cpu")


def test_cpu_device_is_valid():
    assert check_device("cpu") is None
    assert check_device("cpu:0") is None


@pytest.mark.skipif(not torch.accelerator.is_available(), reason="no accelerator on this machine")
def test_accelerator_device_is_valid():
    accelerator = torch.accelerator.current_accelerator()

    assert check_device(accelerator.type) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,2,4", (1.0, 2.0, 4.0)),
        (" 1, 2.5, -4e-1 ", (1.0, 2.5, -0.4)),
        ("[1 2 4]", (1.0, 2.0, 4.0)),
        ("(1, 2, 4,)", (1.0, 2.0, 4.0)),
        ("7", (7.0,)),
    ],
)
def test_parse_test_input(text, expected):
    assert parse_test_input(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "The test input is empty. Enter numbers separated by commas, such as 1, 2, 4."),
        (" [ ] ", "The test input is empty. Enter numbers separated by commas, such as 1, 2, 4."),
        ("1, two, 4", "Test input item 2 ('two') is not a number. "
                      "Enter numbers separated by commas, such as 1, 2, 4."),
        ("1;2;4", "Test input item 1 ('1;2;4') is not a number. "
                  "Enter numbers separated by commas, such as 1, 2, 4."),
        ("1, inf", "Test input item 2 ('inf') is not a finite number."),
    ],
)
def test_parse_test_input_errors(text, expected):
    with pytest.raises(ConfigError) as raised:
        parse_test_input(text)

    assert [str(error) for error in raised.value.errors] == [expected]
    assert str(raised.value) == expected
