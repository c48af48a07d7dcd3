"""One module per `quizgen` subcommand; each has `register(subparsers)`."""
