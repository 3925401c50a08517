from kblint.app.cli import command

raise SystemExit(command())
