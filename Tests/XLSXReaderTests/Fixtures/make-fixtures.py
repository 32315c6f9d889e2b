#!/usr/bin/env python3
"""Makes the workbook fixtures of XLSXReaderTests. Run once; the .xlsx files are committed.

    python3 make-fixtures.py            # writes openpyxl.xlsx and lo-source.xlsx (openpyxl 3.1.5)
    soffice --headless --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir lo lo-source.xlsx
    mv lo/lo-source.xlsx libreoffice.xlsx && rmdir lo && rm lo-source.xlsx   # LibreOffice 7.4.7

openpyxl.xlsx is what a script writes; libreoffice.xlsx is the same table opened and saved by
LibreOffice Calc (which also computes the formula openpyxl leaves without a result).
"""
import datetime
import openpyxl

HEADER = ["id", "name", "priority", "ratio", "urgent", "date", "note", "double"]
ROWS = [
    ["t001", "海口某食品有限公司", 4, 20.04, True, datetime.date(2022, 9, 16), None, None],
    [7, "Ünïcödé & <xml> \"quoted\"", 3.0, 0.1, False, datetime.datetime(2022, 9, 26, 8, 30), "第一行\n第二行", None],
    None,  # an empty row
    ["t003", "  spaced  ", -2, 1e-5, None, None, "", None],
]


def fill(ws, with_formula):
    ws.append(HEADER)
    for row in ROWS:
        if row is None:
            ws.append([])
            continue
        ws.append(row)
    ws["F2"].number_format = "yyyy-mm-dd"
    ws["F3"].number_format = "yyyy-mm-dd hh:mm"
    if with_formula:
        ws["H2"] = "=C2*2"


def workbook(with_formula):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "对象"
    fill(ws, with_formula)
    hidden = wb.create_sheet("hidden")
    hidden.append(["x"])
    hidden.sheet_state = "hidden"
    pins = wb.create_sheet("pins")
    pins.append(["cadre", "target", "wave"])
    pins.append(["p01", "t001", "w1"])
    return wb


workbook(False).save("openpyxl.xlsx")
workbook(True).save("lo-source.xlsx")
