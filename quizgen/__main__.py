# `python -m quizgen`. The import is in the try: a Ctrl-C while it loads is one line, as in main.
try:
    from .cli import main
except KeyboardInterrupt:
    import sys

    print("quizgen: interrupted", file=sys.stderr)
    raise SystemExit(130) from None

raise SystemExit(main())
