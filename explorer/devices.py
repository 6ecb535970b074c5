"""Device discovery: the torch devices on this machine and their properties.

Qt-free: the device selector, the Device tab and the `devices` command all read
this module. Importing it imports torch, so the GUI calls it from a worker.
"""

from __future__ import annotations

import importlib.metadata
import platform
from dataclasses import asdict, dataclass, field

import torch


@dataclass(frozen=True)
class GpuInfo:
    """One CUDA device as torch reports it."""

    index: int
    name: str
    total_memory_bytes: int
    capability: str


@dataclass(frozen=True)
class DeviceReport:
    """Versions and hardware facts that the tutorial's first cells printed, gathered without a shell."""

    torch_version: str
    python_version: str
    torchvision_version: str | None
    torchtext_version: str | None
    cuda_available: bool
    cuda_version: str | None
    cudnn_version: int | None
    gpus: list[GpuInfo] = field(default_factory=list)
    mps_available: bool = False
    devices: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


def _installed_version(distribution: str) -> str | None:
    # Reading metadata avoids importing torchvision, which can fail to load
    # beside a torch build it was not made for.
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())


def available_devices() -> list[str]:
    """Return the device names a program can use: cpu, then cuda:N, then mps."""
    devices = ["cpu"]
    if torch.cuda.is_available():
        devices.extend(f"cuda:{index}" for index in range(torch.cuda.device_count()))
    if _mps_available():
        devices.append("mps")
    return devices


def device_report() -> DeviceReport:
    """Collect torch, CUDA, cuDNN, GPU and MPS facts for the Device tab."""
    cuda_available = torch.cuda.is_available()
    gpus = []
    if cuda_available:
        for index in range(torch.cuda.device_count()):
            properties = torch.cuda.get_device_properties(index)
            gpus.append(
                GpuInfo(
                    index=index,
                    name=properties.name,
                    total_memory_bytes=int(properties.total_memory),
                    capability=f"{properties.major}.{properties.minor}",
                )
            )
    cudnn_version = None
    if torch.backends.cudnn.is_available():
        cudnn_version = torch.backends.cudnn.version()
    return DeviceReport(
        torch_version=torch.__version__,
        python_version=platform.python_version(),
        torchvision_version=_installed_version("torchvision"),
        torchtext_version=_installed_version("torchtext"),
        cuda_available=cuda_available,
        cuda_version=torch.version.cuda,
        cudnn_version=cudnn_version,
        gpus=gpus,
        mps_available=_mps_available(),
        devices=available_devices(),
    )


def is_known_device(name: str) -> bool:
    """Return whether `name` parses as a torch device that exists on this machine."""
    try:
        device = torch.device(name)
    except (RuntimeError, TypeError):
        return False
    if device.type == "cpu":
        return True
    if device.type == "cuda":
        index = device.index if device.index is not None else 0
        return torch.cuda.is_available() and index < torch.cuda.device_count()
    if device.type == "mps":
        return _mps_available()
    return False
