"""Copy the guide's pictures from the browser tests' screenshots into the package (theme/assets/gids/).

    .venv/bin/pytest tests/test_inbox.py tests/site/test_beheer.py -k "renders or secretary"
    .venv/bin/python tools/guide_images.py

The guide (the Publiceren page and CONTRIBUTING.md) shows only our own pages: the pull-request comment of
`adviesregister inbox` as it renders from its Markdown, and the editor at /beheer/. The tests photograph them
(build/screenshots/, or SCREENSHOT_DIR); this script cuts each to the size site/guide.PICTURES gives it (from the
top left) and stores it with a palette of 256 colours, which keeps text sharp at a fraction of the size. Run it when
those pages change; tests/test_guide_pictures.py fails when a picture is missing or has another size.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PIL import Image

from adviesregister.site.guide import PICTURES, PICTURES_IN_REPOSITORY

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "build" / "screenshots"))
SOURCES = {
    "inbox-rapport.png": "inbox-rapport.png",  # tests/test_inbox.py, the report rendered as a comment
    "beheer-documenten.png": "beheer-documenten-desktop.png",  # tests/site/test_beheer.py, after signing in
    "beheer-formulier.png": "beheer-formulier-desktop.png",  # tests/site/test_beheer.py, a new advice half filled in
}


def main() -> int:
    target = ROOT / PICTURES_IN_REPOSITORY
    target.mkdir(parents=True, exist_ok=True)
    missing = [SOURCES[picture.name] for picture in PICTURES if not (SCREENSHOTS / SOURCES[picture.name]).is_file()]
    if missing:
        print(f"Not in {SCREENSHOTS}: {', '.join(missing)}. Run the tests named at the top of this script first.", file=sys.stderr)
        return 1
    for picture in PICTURES:
        with Image.open(SCREENSHOTS / SOURCES[picture.name]) as shot:
            if shot.width < picture.width or shot.height < picture.height:
                print(f"{SOURCES[picture.name]} is {shot.width}x{shot.height}, smaller than {picture.width}x{picture.height}", file=sys.stderr)
                return 1
            cut = shot.convert("RGB").crop((0, 0, picture.width, picture.height)).quantize(colors=256)
            cut.save(target / picture.name, optimize=True)
        print(f"{picture.name}: {picture.width}x{picture.height}, {(target / picture.name).stat().st_size / 1000:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
