"""What `edge doctor` says of the device: the board, llama.cpp's CPU features, the ALSA cards and their access."""

from __future__ import annotations

import platform

from edge import hardware
from edge.doctor import _gpu, run_checks

# As alsa-utils 1.2 prints them on a Raspberry Pi with its headphone jack, HDMI and a USB microphone.
ARECORD = """**** List of CAPTURE Hardware Devices ****
card 2: Device [USB PnP Sound Device], device 0: USB Audio [USB Audio]
  Subdevices: 1/1
  Subdevice #0: subdevice #0
"""
APLAY = """**** List of PLAYBACK Hardware Devices ****
card 0: Headphones [bcm2835 Headphones], device 0: bcm2835 Headphones [bcm2835 Headphones]
  Subdevices: 8/8
  Subdevice #0: subdevice #0
card 1: vc4hdmi [vc4-hdmi], device 0: MAI PCM i2s-hifi-0 [MAI PCM i2s-hifi-0]
  Subdevices: 1/1
  Subdevice #0: subdevice #0
"""


def test_a_usb_microphone_is_listed_with_the_address_arecord_takes():
    assert hardware.parse_device_list(ARECORD) == [hardware.SoundDevice(2, 0, "USB PnP Sound Device")]
    assert hardware.parse_device_list(ARECORD)[0].address == "hw:2,0"


def test_every_playback_card_is_listed():
    assert [(d.address, d.name) for d in hardware.parse_device_list(APLAY)] == [
        ("hw:0,0", "bcm2835 Headphones"),
        ("hw:1,0", "vc4-hdmi"),
    ]


def test_no_soundcards_is_an_empty_list():
    assert hardware.parse_device_list("") == []


def test_llama_cpp_features_are_the_instruction_sets_it_reports_on():
    report = "CPU : NEON = 1 | ARM_FMA = 1 | FP16_VA = 0 | DOTPROD = 1 | SVE = 0 | OPENMP = 1 | REPACK = 1 | "
    assert hardware.features_in(report) == ["NEON", "ARM_FMA", "DOTPROD"]


def test_the_machine_is_described_by_architecture_and_cores():
    described = hardware.describe_machine()
    assert described.startswith(platform.machine()) and described.endswith("cores")


def test_doctor_reports_the_device_and_each_kind_of_sound_device(settings):
    checks = {c.name: c for c in run_checks(settings)}
    assert checks["device"].status == "ok" and platform.machine() in checks["device"].detail
    for kind in ("alsa capture", "alsa playback"):
        check = checks[kind]
        assert check.status == "ok" or check.fix, f"{kind} warns without a fix"


def test_a_gpu_build_with_no_layers_on_the_gpu_names_the_setting():
    check = _gpu(offload=True, layers=0)
    assert check.status == "warn" and "gpu_layers = -1" in check.fix


def test_gpu_layers_on_a_cpu_build_names_the_cuda_build_script():
    check = _gpu(offload=False, layers=-1)
    assert check.status == "warn" and "packaging/jetson/build-llama-cuda" in check.fix


def test_the_cpu_build_here_is_reported_as_such(settings):
    checks = {c.name: c for c in run_checks(settings)}
    assert checks["llm gpu"].status == "ok" and "CPU only" in checks["llm gpu"].detail
