"""Reads an .xlsx workbook from stdin with openpyxl and prints it as JSON.

An implementation independent of the writer under test: what openpyxl reads
back is what a spreadsheet program would find in the file.

Output: {"sheets": [{"name", "merged": ["A1:B2", ...], "widths": {"A": 12.0},
"freeze": "A2" | null, "cells": [{"address", "row", "col", "value", "type",
"bold", "fill", "numberFormat", "comment", "link"}]}]}; link is
{"target": URL or null, "location": "'Sheet'!A1" or null} on a hyperlink cell. Cells are every non-empty or
styled cell (bold, filled or with a comment); slots covered by a merged range
are left out. Exit status 3 when openpyxl is missing.
"""

import io
import json
import sys

try:
    import openpyxl
    from openpyxl.cell.cell import MergedCell
except ImportError as error:  # pragma: no cover - the message is the point
    sys.stderr.write(
        "openpyxl is not installed for this python (%s): install the Debian package "
        "python3-openpyxl (scripts/setup.sh does)\n" % error
    )
    sys.exit(3)


def fill_of(cell):
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return None
    rgb = fill.fgColor.rgb if fill.fgColor is not None else None
    return rgb if isinstance(rgb, str) else None


def cell_of(cell):
    return {
        "address": cell.coordinate,
        "row": cell.row - 1,
        "col": cell.column - 1,
        "value": cell.value,
        "type": cell.data_type,
        "bold": bool(cell.font is not None and cell.font.b),
        "fill": fill_of(cell),
        "numberFormat": cell.number_format,
        "comment": cell.comment.text if cell.comment is not None else None,
        "link": link_of(cell),
    }


def link_of(cell):
    link = cell.hyperlink
    if link is None:
        return None
    return {"target": link.target or None, "location": link.location or None}


def sheet_of(ws):
    cells = []
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell, MergedCell):
                continue
            entry = cell_of(cell)
            if (
                entry["value"] is not None
                or entry["bold"]
                or entry["fill"] is not None
                or entry["comment"] is not None
            ):
                cells.append(entry)
    return {
        "name": ws.title,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "widths": {
            letter: dim.width
            for letter, dim in sorted(ws.column_dimensions.items())
            if dim.customWidth
        },
        "freeze": ws.freeze_panes,
        "cells": cells,
    }


def main():
    data = sys.stdin.buffer.read()
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    dump = {"sheets": [sheet_of(ws) for ws in workbook.worksheets]}
    sys.stdout.write(json.dumps(dump, ensure_ascii=True))


if __name__ == "__main__":
    main()
