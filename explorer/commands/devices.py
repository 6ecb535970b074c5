"""List torch devices, CUDA, cuDNN and GPU facts."""

from __future__ import annotations

import json

from explorer.commands.common import EXIT_OK, message
from explorer.i18n import QT_TRANSLATE_NOOP


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "devices", help=message(QT_TRANSLATE_NOOP("CommandLine", "list torch devices, CUDA, cuDNN and GPU facts"))
    )
    parser.add_argument(
        "--json", action="store_true",
        help=message(QT_TRANSLATE_NOOP("CommandLine", "print the report as one JSON object")),
    )
    parser.set_defaults(execute=execute)


def execute(args) -> int:
    from explorer.devices import device_report

    report = device_report()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"torch {report.torch_version} (Python {report.python_version})")
    print(f"torchvision {report.torchvision_version or '-'}, torchtext {report.torchtext_version or '-'}")
    print(f"CUDA: {report.cuda_available} {report.cuda_version or ''}".rstrip())
    print(f"cuDNN: {report.cudnn_version or '-'}")
    for gpu in report.gpus:
        print(f"cuda:{gpu.index}: {gpu.name}, {gpu.total_memory_bytes / 2**30:.1f} GiB, capability {gpu.capability}")
    print(f"MPS: {report.mps_available}")
    print("devices: " + ", ".join(report.devices))
    return EXIT_OK
