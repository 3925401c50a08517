from kblint.cli import command

raise SystemExit(command())
