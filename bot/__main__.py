"""`python -m bot`: the same entry point as the `intervisie-bot` console script."""

from bot.main import main

raise SystemExit(main())
