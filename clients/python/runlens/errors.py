"""The errors the client raises or uses to decide where a run's data goes."""


class RunlensError(Exception):
    """A call that Runlens refused: a bad key, a changed param, a run the server does not know."""


class ApiError(RunlensError):
    """The server answered with a 4xx and its `{"error_code", "message"}` body."""

    def __init__(self, status: int, error_code: str, message: str) -> None:
        super().__init__(f"{status} {error_code}: {message}")
        self.status = status
        self.error_code = error_code


class ServerUnreachable(Exception):
    """A request that got no usable answer (refused, reset, timed out, 5xx).

    Internal: it switches the run to the spool folder instead of reaching the caller."""
