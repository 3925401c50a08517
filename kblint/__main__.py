from kblint.cli import main

raise SystemExit(main())
