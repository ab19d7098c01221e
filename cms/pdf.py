"""Small real PDFs with a Ukrainian text layer, for the demo content and the tests.

Drawn with matplotlib's PDF backend with TrueType (Type 42) fonts, so the text can be
extracted again (pypdf, the search indexer) exactly as written. matplotlib subsets the font
into every file it writes; subsetting the whole DejaVu Sans each time costs about a second,
so the font is first cut down, once per process, to the letters Ukrainian documents use.
"""

import functools
import io
import os
import tempfile
import textwrap
from pathlib import Path

FAMILY = "Radasite Sans"
# Basic Latin, Latin-1 punctuation, Cyrillic, typographic quotes, dashes, № and the euro/hryvnia signs.
UNICODES = [
    *range(0x20, 0x7F),
    *range(0xA0, 0x100),
    *range(0x400, 0x460),
    0x490,
    0x491,
    *range(0x2010, 0x2027),
    0x2030,
    0x2116,
    0x20AC,
    0x20B4,
    0x2212,
]


@functools.lru_cache(maxsize=1)
def _font_path() -> str:
    import matplotlib
    from fontTools import subset
    from fontTools.ttLib import TTFont

    source = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    font = TTFont(str(source))
    options = subset.Options(layout_features=[], name_IDs=["*"], notdef_outline=True)
    options.drop_tables += ["FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "")
    # Several processes (test runs, workers) share the temporary directory: each writes its own file
    # and renames it into place, so matplotlib never reads a font another process is still writing.
    # (The name differs from the one earlier versions rewrote in place.)
    target = Path(tempfile.gettempdir()) / "radasite-sans-uk.ttf"
    handle, partial = tempfile.mkstemp(prefix="radasite-sans-", suffix=".ttf")
    with os.fdopen(handle, "wb") as file:
        font.save(file)
    os.replace(partial, target)
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(target))
    return str(target)


def make_pdf(*, title: str, paragraphs: list[str] | tuple[str, ...] = ()) -> bytes:
    """An A4 one-page PDF with ``title`` as a heading and ``paragraphs`` wrapped under it."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.backends.backend_pdf import FigureCanvasPdf
    from matplotlib.figure import Figure

    _font_path()
    with matplotlib.rc_context({"pdf.fonttype": 42, "font.family": FAMILY}):
        figure = Figure(figsize=(8.27, 11.69))
        FigureCanvasPdf(figure)
        y = 0.93
        for line in textwrap.wrap(title, 64) or [""]:
            figure.text(0.08, y, line, fontsize=14)
            y -= 0.025
        y -= 0.015
        for paragraph in paragraphs:
            for line in textwrap.wrap(paragraph, 90):
                if y < 0.05:
                    break
                figure.text(0.08, y, line, fontsize=10)
                y -= 0.018
            y -= 0.01
        buffer = io.BytesIO()
        figure.savefig(buffer, format="pdf", metadata={"Title": title, "Creator": "radasite"})
    return buffer.getvalue()
