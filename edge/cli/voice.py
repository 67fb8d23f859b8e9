"""Speech in and out: the assistant in the terminal and voice turns without a screen."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from edge.cli import services
from edge.cli.commands import Commands
from edge.cli.console import EXIT_FAILED, EXIT_OK, emit
from edge.cli.replies import reply_row
from edge.errors import InputError, MissingExtra
from edge.voice import (
    Answered,
    Assistant,
    AudioOutput,
    Failed,
    FinalTranscript,
    Interrupted,
    Recorder,
    Routed,
    TurnTimings,
    speaker_or_recorder,
    voice_input,
)


def register(commands: Commands) -> None:
    p = commands.add("assistant", cmd_assistant, "the voice assistant in the terminal (Textual): speak or type")
    p.add_argument("--input", type=Path, nargs="*", default=[], metavar="FILE", help="audio files to hear as voice input")
    p.add_argument("--no-speak", dest="speak", action="store_false", default=None, help="answer in text only")
    p = commands.add("listen", cmd_listen, "voice turns without a screen: speech in, transcript, route, answer, speech out")
    p.add_argument("files", nargs="*", metavar="FILE", help="audio files; - reads raw 16 kHz 16-bit mono PCM from stdin")
    p.add_argument("--mic", action="store_true", help="listen to the microphone until Ctrl-C")
    p.add_argument("--realtime", action="store_true", help="feed files at the pace they were spoken, as a microphone would")
    p.add_argument("-o", "--output", type=Path, help="WAV file for the spoken answers (default: the speaker if there is one)")
    p.add_argument("--no-speak", dest="speak", action="store_false", default=None, help="answer in text only")
    p.add_argument("--yes", action="store_true", help="approve cloud requests under the 'ask' policy without prompting")


def cmd_assistant(args: argparse.Namespace) -> int:
    try:
        import tui
    except ImportError:
        raise MissingExtra("textual", "tui", "the voice assistant") from None
    return tui.run(config=args.config, inputs=args.input, speak=args.speak)


def cmd_listen(args: argparse.Namespace) -> int:
    if not args.files and not args.mic:
        raise InputError("nothing to listen to", "give audio files, - for raw PCM on stdin, or --mic")
    router = services.voice_router(args)
    output: AudioOutput
    if args.output:
        output, notice = Recorder(keep_s=None), None
    else:
        output, notice = speaker_or_recorder(router.settings.voice.output_device)
    if notice and args.speak is not False:
        print(notice, file=sys.stderr)
    assistant = Assistant(router, output, conversation="listen")
    heard_any = False
    stop = threading.Event()
    router.start()
    failed = False
    try:
        frames = voice_input(args.files, args.mic, args.realtime, stop, router.settings.voice.input_device)
        for event in assistant.hear(frames, args.speak):
            if isinstance(event, FinalTranscript):
                heard_any = True
                emit(args, {"heard": event.text, "audio_s": event.audio_s}, f"heard: {event.text}")
            elif isinstance(event, Routed):
                decision = event.decision
                emit(args, {"route": decision.route, "skill": decision.skill}, f"route: {decision.route} ({decision.reason})")
            elif isinstance(event, Answered):
                emit(args, reply_row(event.reply), f"{event.reply.label}: {event.reply.text}")
            elif isinstance(event, TurnTimings):
                stages = ", ".join(f"{k} {v:.0f} ms" for k, v in event.stages().items() if v is not None)
                emit(args, event, f"timings after the end of speech: {stages}")
            elif isinstance(event, Interrupted):
                emit(args, event, f"interrupted: {event.reason}")
            elif isinstance(event, Failed):
                failed = True
                if args.json:
                    emit(args, event, "")
                print(f"error: {event.message}", file=sys.stderr, flush=True)
        if not heard_any and not failed:
            print("heard no speech in the input", file=sys.stderr)
        output.wait()
        if args.output and isinstance(output, Recorder):
            path = output.save(args.output)
            print(f"wrote {path} ({output.played_s:.1f} s of speech)", file=sys.stderr)
    except KeyboardInterrupt:
        stop.set()
    finally:
        output.close()
        router.close()
    return EXIT_FAILED if failed else EXIT_OK
