import torch

from explorer.devices import available_devices, device_report, is_known_device


def test_devices_start_with_cpu():
    assert available_devices()[0] == "cpu"


def test_devices_match_torch_cuda_count():
    cuda = [device for device in available_devices() if device.startswith("cuda")]
    expected = torch.cuda.device_count() if torch.cuda.is_available() else 0
    assert len(cuda) == expected


def test_report_versions_match_torch():
    report = device_report()
    assert report.torch_version == torch.__version__
    assert report.cuda_available == torch.cuda.is_available()
    assert report.cuda_version == torch.version.cuda
    assert len(report.gpus) == (torch.cuda.device_count() if report.cuda_available else 0)
    assert report.to_json()["devices"] == report.devices


def test_known_device_rejects_unknown_names():
    assert is_known_device("cpu")
    assert not is_known_device("tpu")
    assert not is_known_device("cuda:99")
    assert not is_known_device("")
