"""Reading a request's body within a limit: nothing past it is ever held in memory."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from starlette.requests import Request

from editor.errors import RedaksiError, ValidationError
from editor.i18n import _


async def read_limited(request: Request, limit: int, too_big: Callable[[], RedaksiError]) -> bytes:
    """The body, or ``too_big()`` raised as soon as it passes ``limit`` bytes."""
    size = 0
    chunks = []
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big()
        chunks.append(chunk)
    return b"".join(chunks)


async def read_json(request: Request, limit: int) -> Any:
    def too_big() -> RedaksiError:
        return ValidationError(
            _("The request is larger than {limit} MB; send fewer changes at once.").format(
                limit=limit // (1024 * 1024)
            )
        )

    try:
        return json.loads(await read_limited(request, limit, too_big) or b"{}")
    except ValueError:
        raise ValidationError(_("The request is not valid JSON.")) from None
