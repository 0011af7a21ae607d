from namnd.cli.main import main

raise SystemExit(main())
