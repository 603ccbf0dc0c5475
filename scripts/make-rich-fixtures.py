#!/usr/bin/python3
"""Regenerate the rich-workbook corpus under test/fixtures/rich/.

Each file is the 自评表 form from examples/ plus ONE feature, written by the
program users meet (openpyxl, LibreOffice, ExcelJS) or hand-built the way
Excel / WPS write the parts.  Every workbook carries the same planted slips so
that `ziping fix` has cells to write: 年度预算调整数 G6 is empty and 预算完成率 D8
holds 0.95 (percent format); the `<p>` markup in B10, E10, B50–B53 is kept.

Needs Debian's python3 (/usr/bin/python3) with python3-openpyxl, python3-uno,
python3-pil, python3-olefile, python3-msoffcrypto-tool, plus
libreoffice-calc-nogui and node (ExcelJS from the repo's node_modules):

    apt-get install -y libreoffice-calc-nogui python3-openpyxl python3-uno \
        python3-pil python3-olefile python3-msoffcrypto-tool
    /usr/bin/python3 scripts/make-rich-fixtures.py              # make, check, write manifest
    /usr/bin/python3 scripts/make-rich-fixtures.py --no-verify  # skip the soffice CSV round
    ... --keep-unstable   # keep the committed .xls/.et/encrypted copies (never byte-stable)

It deletes everything in test/fixtures/rich/ except README.md first.  Besides writing the
files it checks each workbook (zip testzip, listed parts present, planted slips in place,
openpyxl load, soffice CSV conversion) and records in manifest.json what the CLI in bin/
currently does with it (`currentCli`), byte size and sha256.

Deterministic where the writers allow it: every zip entry gets the time
2024-01-01 00:00, docProps dates are pinned, and LibreOffice's own zip bytes are
kept (entries copied raw, only docProps/core.xml's modified date re-pinned).
"""

import base64
import binascii
import copy
import datetime
import hashlib
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "rich")
BASE = os.path.join(ROOT, "examples", "2021-天河区城管局-部门整体支出绩效自评表.xlsx")
FORM = "部门整体支出绩效自评表"
FORM_Q = "'" + FORM + "'"
FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
FIXED_ISO = "2024-01-01T00:00:00Z"
DOS_TIME = 0
DOS_DATE = ((FIXED.year - 1980) << 9) | (FIXED.month << 5) | FIXED.day
UNIX_FIXED = int((FIXED - datetime.datetime(1970, 1, 1)).total_seconds())

MANIFEST = []

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def out(name):
    return os.path.join(OUT, name)


def record(file, writer, feature, kind="workbook", expect="xlsx", parts=(), protected=(),
           form_protected=False, notes="", **extra):
    entry = {
        "file": file,
        "writer": writer,
        "feature": feature,
        "formSheet": FORM,
        "kind": kind,
        "expectKind": expect,
        "parts": list(parts),
        "protectedSheets": list(protected),
        "formProtected": form_protected,
        "notes": notes,
    }
    entry.update(extra)
    MANIFEST.append(entry)


# ---------------------------------------------------------------------------
# zip helpers: raw (byte-keeping) access, and a plain deterministic writer
# ---------------------------------------------------------------------------

class RawEntry:
    """One member of a zip, kept as its original bytes."""

    def __init__(self, name, lh, data, dd, cd):
        self.name = name
        self.lh = bytearray(lh)    # local header incl. name + extra
        self.data = data           # compressed bytes
        self.dd = bytearray(dd)    # data descriptor (may be empty)
        self.cd = bytearray(cd)    # central directory record incl. name/extra/comment

    @property
    def flags(self):
        return struct.unpack_from("<H", self.lh, 6)[0]


def raw_read(buf):
    eocd = buf.rfind(b"PK\x05\x06")
    assert eocd >= 0, "no end of central directory"
    n, cd_size, cd_off = struct.unpack_from("<HII", buf, eocd + 10)
    comment_len = struct.unpack_from("<H", buf, eocd + 20)[0]
    comment = buf[eocd + 22: eocd + 22 + comment_len]
    entries = []
    p = cd_off
    for _ in range(n):
        assert buf[p:p + 4] == b"PK\x01\x02"
        csize, usize, nlen, xlen, clen = struct.unpack_from("<IIHHH", buf, p + 20)
        lho = struct.unpack_from("<I", buf, p + 42)[0]
        cd = buf[p: p + 46 + nlen + xlen + clen]
        name = cd[46:46 + nlen].decode("utf-8")
        p += 46 + nlen + xlen + clen
        assert buf[lho:lho + 4] == b"PK\x03\x04"
        lflags = struct.unpack_from("<H", buf, lho + 6)[0]
        lnlen, lxlen = struct.unpack_from("<HH", buf, lho + 26)
        dstart = lho + 30 + lnlen + lxlen
        lh = buf[lho:dstart]
        data = buf[dstart:dstart + csize]
        dd = b""
        if lflags & 8:
            q = dstart + csize
            if buf[q:q + 4] == b"PK\x07\x08":
                dd = buf[q:q + 16]
            else:
                dd = buf[q:q + 12]
        entries.append(RawEntry(name, lh, data, dd, cd))
    return entries, comment


def raw_write(entries, comment=b""):
    body = bytearray()
    cds = bytearray()
    for e in entries:
        off = len(body)
        body += e.lh + e.data + e.dd
        cd = bytearray(e.cd)
        struct.pack_into("<I", cd, 42, off)
        cds += cd
    eocd = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                       len(cds), len(body), len(comment))
    return bytes(body + cds + eocd + comment)


def _pin_extra(buf, start, length):
    """Set the mtime of an extended-timestamp (0x5455) extra field, if any."""
    p = start
    end = start + length
    while p + 4 <= end:
        hid, hlen = struct.unpack_from("<HH", buf, p)
        if hid == 0x5455 and hlen >= 5 and buf[p + 4] & 1:
            struct.pack_into("<I", buf, p + 5, UNIX_FIXED)
        p += 4 + hlen


def raw_pin_times(entries):
    for e in entries:
        struct.pack_into("<HH", e.lh, 10, DOS_TIME, DOS_DATE)
        struct.pack_into("<HH", e.cd, 12, DOS_TIME, DOS_DATE)
        lnlen, lxlen = struct.unpack_from("<HH", e.lh, 26)
        _pin_extra(e.lh, 30 + lnlen, lxlen)
        nlen, xlen = struct.unpack_from("<HH", e.cd, 28)
        _pin_extra(e.cd, 46 + nlen, xlen)


def raw_replace(entries, name, data):
    """Replace one member's content, keeping its headers' layout and flags."""
    for e in entries:
        if e.name != name:
            continue
        method = struct.unpack_from("<H", e.lh, 8)[0]
        if method == 8:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            comp = c.compress(data) + c.flush()
        else:
            comp = data
        crc = zlib.crc32(data) & 0xFFFFFFFF
        e.data = comp
        if e.flags & 8:
            if any(e.lh[14:26]):
                struct.pack_into("<III", e.lh, 14, crc, len(comp), len(data))
            at = 4 if e.dd[:4] == b"PK\x07\x08" else 0
            struct.pack_into("<III", e.dd, at, crc, len(comp), len(data))
        else:
            struct.pack_into("<III", e.lh, 14, crc, len(comp), len(data))
        struct.pack_into("<III", e.cd, 16, crc, len(comp), len(data))
        return
    raise KeyError(name)


def raw_get(entries, name):
    for e in entries:
        if e.name == name:
            method = struct.unpack_from("<H", e.lh, 8)[0]
            return zlib.decompress(e.data, -15) if method == 8 else bytes(e.data)
    raise KeyError(name)


def pin_file(path, core_dates=False):
    """Pin zip times of a file written by some program; optionally its core.xml dates."""
    with open(path, "rb") as f:
        buf = f.read()
    entries, comment = raw_read(buf)
    if core_dates:
        core = raw_get(entries, "docProps/core.xml").decode("utf-8")
        core2 = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                       lambda m: m.group(1) + FIXED_ISO + m.group(3), core)
        if core2 != core:
            raw_replace(entries, "docProps/core.xml", core2.encode("utf-8"))
    raw_pin_times(entries)
    with open(path, "wb") as f:
        f.write(raw_write(entries, comment))


class Pkg:
    """An OPC package held as an ordered mapping of part name -> bytes."""

    def __init__(self, parts):
        self.parts = dict(parts)

    @classmethod
    def load(cls, path):
        with zipfile.ZipFile(path) as z:
            return cls((i.filename, z.read(i.filename)) for i in z.infolist())

    def copy(self):
        return Pkg(self.parts)

    def text(self, name):
        return self.parts[name].decode("utf-8")

    def set(self, name, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.parts[name] = data

    def edit(self, name, fn):
        self.set(name, fn(self.text(name)))

    def add_override(self, part, ctype):
        self.edit("[Content_Types].xml", lambda s: s.replace(
            "</Types>", '<Override PartName="/%s" ContentType="%s"/></Types>' % (part, ctype)))

    def add_default(self, ext, ctype):
        s = self.text("[Content_Types].xml")
        if 'Extension="%s"' % ext not in s:
            self.set("[Content_Types].xml", s.replace(
                "</Types>", '<Default Extension="%s" ContentType="%s"/></Types>' % (ext, ctype)))

    def rels_name(self, part):
        d, f = part.rsplit("/", 1) if "/" in part else ("", part)
        return (d + "/" if d else "") + "_rels/" + f + ".rels"

    def add_rel(self, part, rtype, target, rid=None, external=False):
        """Add a relationship from `part` ('' for the package); returns its Id."""
        rn = self.rels_name(part) if part else "_rels/.rels"
        if rn in self.parts:
            s = self.text(rn)
        else:
            s = XML_DECL + '<Relationships xmlns="%s"></Relationships>' % NS_PKG_REL
        if rid is None:
            used = set(int(x) for x in re.findall(r'Id="rId(\d+)"', s))
            rid = "rId%d" % (max(used | {0}) + 1)
        mode = ' TargetMode="External"' if external else ""
        s = s.replace("</Relationships>", '<Relationship Id="%s" Type="%s" Target="%s"%s/></Relationships>'
                      % (rid, rtype, target, mode))
        self.set(rn, s)
        return rid

    def write(self, path, order=None, descriptors=False, compress=zipfile.ZIP_DEFLATED):
        names = order or list(self.parts)
        buf = io.BytesIO()
        target = _Unseekable(buf) if descriptors else buf
        with zipfile.ZipFile(target, "w", compress) as z:
            for n in names:
                zi = zipfile.ZipInfo(n, date_time=FIXED.timetuple()[:6])
                zi.compress_type = compress
                zi.create_system = 0
                z.writestr(zi, self.parts[n])
        with open(path, "wb") as f:
            f.write(buf.getvalue())


class _Unseekable(io.RawIOBase):
    """A write-only stream without seek/tell: zipfile then writes data descriptors."""

    def __init__(self, inner):
        self.inner = inner

    def writable(self):
        return True

    def write(self, b):
        return self.inner.write(b)

    def flush(self):
        pass


def sheet_insert(xml, elem, before):
    """Insert `elem` into worksheet XML before the first of the elements `before`
    (CT_Worksheet order), else before </worksheet>."""
    for tag in before:
        m = re.search(r"<%s[ />]" % tag, xml)
        if m:
            return xml[:m.start()] + elem + xml[m.start():]
    return xml.replace("</worksheet>", elem + "</worksheet>")


# CT_Worksheet child order (after sheetData), used with sheet_insert
ORDER = ["sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter",
         "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr",
         "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions",
         "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
         "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
         "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects",
         "controls", "webPublishItems", "tableParts", "extLst"]


def after(tag):
    """Elements that come after `tag` in CT_Worksheet."""
    return ORDER[ORDER.index(tag) + 1:]


def png_bytes(w=24, h=16):
    """A small deterministic PNG (a red/gold 国旗-coloured stripe pattern)."""
    rows = []
    for y in range(h):
        row = bytearray([0])
        for x in range(w):
            if (x // 4 + y // 4) % 2:
                row += bytes([0xDE, 0x29, 0x10])
            else:
                row += bytes([0xFF, 0xDE, 0x00])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise RuntimeError("%s failed: %s %s" % (cmd[0], r.stdout, r.stderr))
    return r.stdout


# ---------------------------------------------------------------------------
# openpyxl
# ---------------------------------------------------------------------------

def opx_form():
    import openpyxl
    wb = openpyxl.load_workbook(BASE)
    ws = wb[FORM]
    ws["G6"].value = None          # 年度预算调整数 left empty
    ws["D8"].value = 0.95          # 预算完成率 wrong (format 0.00% kept)
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "ZiPing fixtures"
    wb.properties.lastModifiedBy = "openpyxl"
    return wb, ws


def opx_save(wb, name):
    path = out(name)
    wb.save(path)
    pin_file(path)
    return path


OPX = None


def opx_writer():
    import openpyxl
    return "openpyxl %s (Debian python3-openpyxl)" % openpyxl.__version__


def make_openpyxl():
    from openpyxl.chart import BarChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.drawing.image import Image
    from openpyxl.formatting.rule import CellIsRule, FormulaRule, ColorScaleRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils.indexed_list import IndexedList
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.pagebreak import Break
    from openpyxl.worksheet.table import Table, TableStyleInfo

    W = opx_writer()
    common = ("openpyxl 3.0.x writes every string inline (t=\"inlineStr\", characters as &#NNNNN; "
              "references), no sharedStrings.xml, no XML declaration in the sheet, "
              "absolute rel targets (/xl/worksheets/sheet1.xml), [Content_Types].xml as the last zip "
              "member, and drops the example's x14ac:dyDescent row attributes.")

    wb, ws = opx_form()
    opx_save(wb, "openpyxl-plain.xlsx")
    record("openpyxl-plain.xlsx", W, "plain re-save (baseline)",
           parts=["xl/styles.xml", "xl/theme/theme1.xml"],
           notes="The form re-saved by openpyxl with nothing added. " + common)

    # image on the form sheet
    wb, ws = opx_form()
    png = os.path.join(tempfile.mkdtemp(), "seal.png")
    with open(png, "wb") as f:
        f.write(png_bytes())
    img = Image(png)
    img.anchor = "I2"
    ws.add_image(img)
    opx_save(wb, "openpyxl-image.xlsx")
    record("openpyxl-image.xlsx", W, "image (PNG) on the form sheet",
           parts=["xl/media/image1.png", "xl/drawings/drawing1.xml",
                  "xl/drawings/_rels/drawing1.xml.rels", "xl/worksheets/_rels/sheet1.xml.rels"],
           formSheetKeeps=["drawing"],
           notes="A 24x16 PNG anchored at I2 (one-cell anchor) on the form sheet; the form "
                 "sheet's <drawing r:id> and its rels must survive. " + common)

    # bar chart on the form sheet, data from the form's 资金 cells
    wb, ws = opx_form()
    ch = BarChart()
    ch.title = "部门资金情况"
    ch.add_data(Reference(ws, min_col=4, min_row=5, max_row=7), titles_from_data=False)
    ch.set_categories(Reference(ws, min_col=2, min_row=5, max_row=7))
    ws.add_chart(ch, "I2")
    opx_save(wb, "openpyxl-chart.xlsx")
    record("openpyxl-chart.xlsx", W, "bar chart on the form sheet",
           parts=["xl/charts/chart1.xml", "xl/drawings/drawing1.xml",
                  "xl/drawings/_rels/drawing1.xml.rels", "xl/worksheets/_rels/sheet1.xml.rels"],
           formSheetKeeps=["drawing"],
           notes="Bar chart anchored at I2 over " + FORM_Q + "!$D$5:$D$7 (no cached values: "
                 "openpyxl writes <c:numRef> without <c:numCache>). " + common)

    # comments
    wb, ws = opx_form()
    ws["D8"].comment = Comment("预算完成率 = 实际支出数 ÷ 部门调整预算收入，请核对。", "张三")
    ws["G6"].comment = Comment("年度预算调整数待财务科填写", "李四")
    ws["B10"].comment = Comment("此栏从系统导出，含网页标记", "张三")
    opx_save(wb, "openpyxl-comments.xlsx")
    record("openpyxl-comments.xlsx", W, "comments (legacy notes) on cells fix writes",
           parts=["xl/comments/comment1.xml", "xl/drawings/commentsDrawing1.vml",
                  "xl/worksheets/_rels/sheet1.xml.rels"],
           formSheetKeeps=["legacyDrawing"],
           notes="Notes on D8, G6 and B10 (all three are cells fix writes) by authors 张三 and "
                 "李四; the comments part, the VML and <legacyDrawing r:id> must be kept, and "
                 "the notes must stay attached to the same cells. " + common)

    # table (ListObject) beside the form
    wb, ws = opx_form()
    rows = [("科目", "金额", "备注"), ("基本支出", 12000.5, "人员"), ("项目支出", 6371.6, "专项"),
            ("其他", 0, "无")]
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            ws.cell(row=2 + r, column=9 + c, value=v)
    t = Table(displayName="BudgetDetail", ref="I2:K5")
    t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    ws.add_table(t)
    opx_save(wb, "openpyxl-table.xlsx")
    record("openpyxl-table.xlsx", W, "table (ListObject) on the form sheet, I2:K5",
           parts=["xl/tables/table1.xml", "xl/worksheets/_rels/sheet1.xml.rels"],
           formSheetKeeps=["tableParts"],
           notes="Table BudgetDetail (I2:K5, headers 科目/金额/备注) beside the form; the "
                 "header cells' text must stay equal to the table's column names. " + common)

    # data validation
    wb, ws = opx_form()
    dv = DataValidation(type="list", formula1='"2020年,2021年,2022年"', allow_blank=True,
                        showErrorMessage=True, errorTitle="年度", error="请从列表选择")
    dv.add("G4")
    ws.add_data_validation(dv)
    dv2 = DataValidation(type="decimal", operator="between", formula1="-100000",
                         formula2="100000", promptTitle="年度预算调整数", prompt="单位：万元",
                         showInputMessage=True)
    dv2.add("G6")
    ws.add_data_validation(dv2)
    opx_save(wb, "openpyxl-datavalidation.xlsx")
    record("openpyxl-datavalidation.xlsx", W, "data validation (list on G4, decimal on G6)",
           formSheetKeeps=["dataValidations"],
           notes="Feature lives inside the form sheet XML: <dataValidations> with a list "
                 "(\"2020年,2021年,2022年\") on G4 and a decimal rule with an input prompt on G6, "
                 "a cell fix writes. Compare the <dataValidations> element before/after. " + common)

    # conditional formatting
    wb, ws = opx_form()
    ws.conditional_formatting.add("D8:G8", CellIsRule(operator="lessThan", formula=["0"],
                                                      font=Font(color="9C0006"),
                                                      fill=PatternFill(bgColor="FFC7CE")))
    ws.conditional_formatting.add("G6", FormulaRule(formula=["ISBLANK($G$6)"],
                                                    fill=PatternFill(bgColor="FFEB9C")))
    ws.conditional_formatting.add("D5:D7", ColorScaleRule(start_type="min", start_color="F8696B",
                                                          end_type="max", end_color="63BE7B"))
    opx_save(wb, "openpyxl-condformat.xlsx")
    record("openpyxl-condformat.xlsx", W, "conditional formatting (cellIs, expression, colorScale)",
           formSheetKeeps=["conditionalFormatting"],
           notes="Three <conditionalFormatting> blocks in the form sheet (D8:G8 < 0, "
                 "ISBLANK($G$6), a colour scale on D5:D7) and their <dxfs> in styles.xml; the "
                 "dxfId references must still point at the same dxf. " + common)

    # defined names
    wb, ws = opx_form()
    wb.defined_names.append(DefinedName(name="税率", attr_text="0.06"))
    wb.defined_names.append(DefinedName(name="调整数", localSheetId=0,
                                        attr_text=FORM_Q + "!$G$6"))
    wb.defined_names.append(DefinedName(name="资金情况", attr_text=FORM_Q + "!$A$5:$G$8",
                                        comment="部门资金情况区域"))
    ws.print_area = "A1:G54"
    opx_save(wb, "openpyxl-definednames.xlsx")
    record("openpyxl-definednames.xlsx", W, "defined names",
           formSheetKeeps=[], workbookKeeps=["definedNames"],
           notes="workbook.xml <definedNames>: 税率 = 0.06 (a constant, workbook scope), 调整数 = "
                 + FORM_Q + "!$G$6 scoped to the form sheet (localSheetId=\"0\"), 资金情况 with "
                 "a comment, and _xlnm.Print_Area. 调整数 must stay sheet-scoped. " + common)

    # print setup
    wb, ws = opx_form()
    ws.print_title_rows = "1:4"
    ws.print_title_cols = "A:B"
    ws.row_breaks.append(Break(id=10))
    ws.row_breaks.append(Break(id=49))
    ws.col_breaks.append(Break(id=4))
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.print_options.gridLines = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = 0.5
    ws.page_margins.right = 0.5
    ws.oddHeader.center.text = "&A"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    opx_save(wb, "openpyxl-print.xlsx")
    record("openpyxl-print.xlsx", W, "print setup (titles, page breaks, fitToPage, print options)",
           formSheetKeeps=["sheetPr", "printOptions", "pageMargins", "pageSetup", "headerFooter",
                           "rowBreaks", "colBreaks"],
           workbookKeeps=["definedNames"],
           notes="_xlnm.Print_Titles (rows 1:4, cols A:B) in workbook.xml; row breaks after 10 "
                 "and 49, a column break after D, fitToPage with fitToWidth=1 fitToHeight=0, "
                 "gridLines + horizontalCentered, A4 portrait, header &A and footer 第 &P 页. " + common)

    # protected form sheet
    wb, ws = opx_form()
    ws.protection.sheet = True
    ws.protection.password = "ziping"
    opx_save(wb, "openpyxl-protected.xlsx")
    record("openpyxl-protected.xlsx", W, "form sheet protected with a password",
           protected=[FORM], form_protected=True,
           formSheetKeeps=["sheetProtection"],
           notes="<sheetProtection sheet=\"1\" password=\"…\"/> (legacy 16-bit hash of 'ziping') "
                 "on the form sheet: fix must write nothing to it and the file must be byte-"
                 "identical (or not written at all). " + common)

    # second sheet protected + workbook structure protection
    wb, ws = opx_form()
    ws2 = wb.create_sheet("填表说明")
    ws2["A1"] = "填表说明"
    ws2["A2"] = "金额单位为万元，保留两位小数。"
    ws2.protection.sheet = True
    ws2.protection.password = "ziping"
    wb.security = WorkbookProtection(workbookPassword="ziping", lockStructure=True)
    opx_save(wb, "openpyxl-protected-other.xlsx")
    record("openpyxl-protected-other.xlsx", W,
           "another sheet protected + workbook structure protection",
           parts=["xl/worksheets/sheet2.xml"], protected=["填表说明"], form_protected=False,
           workbookKeeps=["workbookProtection"],
           notes="The form sheet is NOT protected, so fix writes it; the sheet 填表说明 is "
                 "protected (password 'ziping') and the workbook has <workbookProtection "
                 "lockStructure=\"1\" workbookPassword=\"…\"/>: both must be kept. " + common)

    # custom default font: 宋体 14 as the workbook default (Normal style / font 0)
    wb, ws = opx_form()
    song = Font(name="宋体", sz=14, family=3, charset=134)
    fonts = list(wb._fonts)
    fonts[0] = song
    wb._fonts = IndexedList(fonts)
    for st in wb._named_styles:
        if st.name == "Normal":
            st.font = song
    opx_save(wb, "openpyxl-default-font.xlsx")
    record("openpyxl-default-font.xlsx", W, "custom default font (宋体 14 as font 0 / Normal)",
           parts=["xl/styles.xml"],
           notes="styles.xml font 0 and the Normal cell style are 宋体 14 (charset 134). "
                 "styles.xml is listed: this fix needs no new cell format, so it should not "
                 "change; if a writer must add an xf it has to keep fonts[0] and cellStyleXfs. "
                 + common)

    # custom document properties: openpyxl 3.0 has no API for them (3.1 has), so the
    # part is added by hand in the form Excel writes it.
    wb, ws = opx_form()
    path = opx_save(wb, "openpyxl-custom-props.xlsx")
    pkg = Pkg.load(path)
    pkg.set("docProps/custom.xml", XML_DECL +
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="填报单位">'
            '<vt:lpwstr>广州市天河区城市管理和综合执法局</vt:lpwstr></property>'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="评价年度">'
            '<vt:i4>2021</vt:i4></property>'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="已审核">'
            '<vt:bool>false</vt:bool></property>'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="填报日期">'
            '<vt:filetime>2022-01-15T00:00:00Z</vt:filetime></property>'
            '</Properties>')
    pkg.add_override("docProps/custom.xml",
                     "application/vnd.openxmlformats-officedocument.custom-properties+xml")
    pkg.add_rel("", REL + "custom-properties", "docProps/custom.xml")
    pkg.write(path)
    record("openpyxl-custom-props.xlsx", W + " + docProps/custom.xml added by hand",
           "custom document properties (docProps/custom.xml)",
           parts=["docProps/custom.xml", "_rels/.rels"],
           notes="openpyxl 3.0 cannot write custom properties, so docProps/custom.xml (lpwstr, "
                 "i4, bool, filetime values; names in Chinese), its package rel and its Override "
                 "were added to openpyxl's output. [Content_Types].xml is not listed only because a "
                 "writer may add a sharedStrings part to this inline-string file; its Override for "
                 "/docProps/custom.xml must stay. " + common)


# ---------------------------------------------------------------------------
# LibreOffice (python-UNO against a headless soffice of our own)
# ---------------------------------------------------------------------------

class LibreOffice:
    def __init__(self):
        import uno
        self.uno = uno
        self.profile = tempfile.mkdtemp(prefix="ziping-lo-")
        self.pipe = "ziping_rich_%d" % os.getpid()
        self.proc = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--nologo", "--norestore",
             "-env:UserInstallation=file://" + self.profile,
             "--accept=pipe,name=%s;urp;" % self.pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            self.close()
            raise RuntimeError("could not reach soffice")
        self.ctx = ctx
        self.desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        self.version = self._version()
        # LibreOffice reads a private copy (it would leave a .~lock file beside the example)
        self.base = os.path.join(self.profile, "form.xlsx")
        shutil.copyfile(BASE, self.base)

    def _version(self):
        try:
            return run(["soffice", "--version"]).split()[1]
        except Exception:
            return "?"

    def pv(self, name, value):
        from com.sun.star.beans import PropertyValue
        return PropertyValue(name, 0, value, 0)

    def open_form(self):
        """The example loaded by LibreOffice, with the planted slips."""
        doc = None
        for _ in range(20):   # the first load right after start-up sometimes returns None
            doc = self.desktop.loadComponentFromURL(self.uno.systemPathToFileUrl(self.base),
                                                    "_blank", 0, (self.pv("Hidden", True),))
            if doc is not None:
                break
            time.sleep(1)
        sh = doc.Sheets.getByName(FORM)
        sh.getCellRangeByName("G6").setString("")
        sh.getCellRangeByName("D8").setValue(0.95)
        from com.sun.star.util import DateTime
        dt = DateTime()
        dt.Year, dt.Month, dt.Day = FIXED.year, FIXED.month, FIXED.day
        dp = doc.DocumentProperties
        dp.CreationDate = dt
        dp.ModificationDate = dt
        dp.EditingDuration = 0
        dp.Author = "ZiPing fixtures"
        return doc, sh

    def store(self, doc, name, filt, extra=()):
        path = out(name)
        if os.path.exists(path):
            os.remove(path)
        props = (self.pv("FilterName", filt),) + tuple(extra)
        self.uno.invoke(doc, "storeToURL", (self.uno.systemPathToFileUrl(path), props))
        return path

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=30)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


XLSX_FILTER = "Calc MS Excel 2007 XML"


def pin_ods(path):
    with open(path, "rb") as f:
        entries, comment = raw_read(f.read())
    meta = raw_get(entries, "meta.xml").decode("utf-8")
    meta2 = re.sub(r"(<(meta:creation-date|dc:date)>)[^<]*(</\2>)",
                   lambda m: m.group(1) + FIXED_ISO[:-1] + m.group(3), meta)
    if meta2 != meta:
        raw_replace(entries, "meta.xml", meta2.encode("utf-8"))
    raw_pin_times(entries)
    with open(path, "wb") as f:
        f.write(raw_write(entries, comment))


def pin_chart_axes(path):
    """LibreOffice draws random axis ids (<c:axId val="76855931"/>): number them 1001, 1002, …"""
    with open(path, "rb") as f:
        entries, comment = raw_read(f.read())
    for e in entries:
        if e.name.startswith("xl/charts/chart"):
            xml = raw_get(entries, e.name).decode("utf-8")
            ids = []
            for v in re.findall(r'<c:(?:axId|crossAx) val="(\d+)"', xml):
                if v not in ids:
                    ids.append(v)
            mapping = {v: str(1001 + k) for k, v in enumerate(ids)}
            xml = re.sub(r'(<c:(?:axId|crossAx) val=")(\d+)(")',
                         lambda m: m.group(1) + mapping[m.group(2)] + m.group(3), xml)
            raw_replace(entries, e.name, xml.encode("utf-8"))
    with open(path, "wb") as f:
        f.write(raw_write(entries, comment))


def make_libreoffice():
    import uno  # noqa: F401  (makes com.sun.star importable)
    from com.sun.star.awt import Rectangle
    from com.sun.star.beans import NamedValue
    from com.sun.star.table import CellRangeAddress, CellAddress

    lo = LibreOffice()
    W = "LibreOffice %s (headless, python-UNO)" % lo.version
    common = ("LibreOffice zips with data descriptors (general purpose flag bit 3) and UTF-8 "
              "names (bit 11), puts [Content_Types].xml late in the zip, writes no theme part, "
              "an empty docProps/custom.xml, Overrides for the .rels parts, "
              "<workbookProtection/> even when nothing is protected, and booleans as "
              "\"true\"/\"false\".")
    try:
        doc, sh = lo.open_form()
        p = lo.store(doc, "libreoffice-plain.xlsx", XLSX_FILTER)
        doc.close(True)
        pin_file(p, core_dates=True)
        record("libreoffice-plain.xlsx", W, "plain re-save (baseline)",
               parts=["xl/styles.xml", "docProps/custom.xml"],
               notes="The form loaded and re-saved by LibreOffice Calc. " + common)

        # autofilter on the form's task table (an unnamed sheet database range)
        doc, sh = lo.open_form()
        ra = CellRangeAddress(0, 0, 10, 6, 48)   # A11:G49
        unnamed = doc.getPropertyValue("UnnamedDatabaseRanges")
        unnamed.setByTable(ra)
        unnamed.getByTable(0).AutoFilter = True
        p = lo.store(doc, "libreoffice-autofilter.xlsx", XLSX_FILTER)
        doc.close(True)
        pin_file(p, core_dates=True)
        record("libreoffice-autofilter.xlsx", W, "autofilter on the form sheet (A11:G49)",
               parts=["xl/drawings/drawing1.xml", "xl/worksheets/_rels/sheet1.xml.rels"],
               formSheetKeeps=["autoFilter", "drawing"], workbookKeeps=["definedNames"],
               notes="LibreOffice writes a sheet-level <autoFilter ref=\"A11:G49\"/>, a hidden "
                     "_xlnm._FilterDatabase defined name scoped to the form sheet (sheet name not "
                     "quoted, with function=\"false\" vbProcedure=\"false\"), and an EMPTY "
                     "xl/drawings/drawing1.xml linked from the sheet. " + common)

        # a named database range with autofilter on another sheet -> a table part
        doc, sh = lo.open_form()
        doc.Sheets.insertNewByName("明细", 1)
        s2 = doc.Sheets.getByName("明细")
        data = [("科目", "金额"), ("基本支出", 12000.5), ("项目支出", 6371.6), ("其他", 0)]
        for r, row in enumerate(data):
            for c, v in enumerate(row):
                cell = s2.getCellByPosition(c, r)
                cell.setValue(v) if isinstance(v, (int, float)) else cell.setString(v)
        doc.DatabaseRanges.addNewByName("预算明细", CellRangeAddress(1, 0, 0, 1, 3))
        doc.DatabaseRanges.getByName("预算明细").AutoFilter = True
        p = lo.store(doc, "libreoffice-dbrange.xlsx", XLSX_FILTER)
        doc.close(True)
        pin_file(p, core_dates=True)
        record("libreoffice-dbrange.xlsx", W, "database range with autofilter (written as a table)",
               parts=["xl/tables/table1.xml", "xl/worksheets/sheet2.xml",
                      "xl/worksheets/_rels/sheet2.xml.rels"],
               notes="A named database range 预算明细 (明细!A1:B4) with autofilter: LibreOffice "
                     "exports it as a table part (xl/tables/table1.xml) on sheet 明细. " + common)

        # chart on the form sheet, data on a second sheet
        doc, sh = lo.open_form()
        doc.Sheets.insertNewByName("图表数据", 1)
        s2 = doc.Sheets.getByName("图表数据")
        data = [("类别", "金额"), ("调整预算", 18372.1), ("年初预算", 28517.27), ("实际支出", 18372.1)]
        for r, row in enumerate(data):
            for c, v in enumerate(row):
                cell = s2.getCellByPosition(c, r)
                cell.setValue(v) if isinstance(v, (int, float)) else cell.setString(v)
        rect = Rectangle(20000, 500, 12000, 7000)
        sh.Charts.addNewByName("资金图", rect, (CellRangeAddress(1, 0, 0, 1, 3),), True, True)
        p = lo.store(doc, "libreoffice-chart.xlsx", XLSX_FILTER)
        doc.close(True)
        pin_file(p, core_dates=True)
        pin_chart_axes(p)
        record("libreoffice-chart.xlsx", W, "chart on the form sheet (data on 图表数据)",
               parts=["xl/charts/chart1.xml", "xl/drawings/drawing1.xml",
                      "xl/drawings/_rels/drawing1.xml.rels", "xl/worksheets/_rels/sheet1.xml.rels",
                      "xl/worksheets/sheet2.xml"],
               formSheetKeeps=["drawing"],
               notes="A column chart made through the UNO chart API, anchored on the form sheet, "
                     "series from 图表数据!$B$2:$B$4 (LibreOffice writes cached values). " + common)

        # comments (annotations)
        doc, sh = lo.open_form()
        sh.Annotations.insertNew(CellAddress(0, 3, 7), "预算完成率请核对")      # D8
        sh.Annotations.insertNew(CellAddress(0, 6, 5), "年度预算调整数待填")    # G6
        p = lo.store(doc, "libreoffice-comments.xlsx", XLSX_FILTER)
        doc.close(True)
        pin_file(p, core_dates=True)
        record("libreoffice-comments.xlsx", W, "comments (annotations) on D8 and G6",
               parts=["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml",
                      "xl/worksheets/_rels/sheet1.xml.rels"],
               formSheetKeeps=["legacyDrawing"],
               notes="LibreOffice annotations on two cells fix writes. " + common)

        # protected form sheet
        doc, sh = lo.open_form()
        sh.protect("ziping")
        p = lo.store(doc, "libreoffice-protected.xlsx", XLSX_FILTER)
        doc.close(True)
        pin_file(p, core_dates=True)
        record("libreoffice-protected.xlsx", W, "form sheet protected (LibreOffice's way)",
               protected=[FORM], form_protected=True, formSheetKeeps=["sheetProtection"],
               notes="LibreOffice writes <sheetProtection sheet=\"true\" password=\"…\" "
                     "objects=\"true\" scenarios=\"true\"/>: booleans as \"true\", not \"1\", and "
                     "the legacy 16-bit hash of 'ziping'. A reader that only tests sheet=\"1\" "
                     "misses it. fix must write nothing. " + common)

        # .ods / .xls / .et copies, and an encrypted xlsx
        doc, sh = lo.open_form()
        p = lo.store(doc, "libreoffice-form.ods", "calc8")
        pin_ods(p)
        record("libreoffice-form.ods", W, "the form as OpenDocument (.ods)", kind="not-workbook",
               expect="ods", notes="A zip whose first member is an uncompressed 'mimetype' "
                                   "(application/vnd.oasis.opendocument.spreadsheet).")
        p = lo.store(doc, "libreoffice-form.xls", "MS Excel 97")
        record("libreoffice-form.xls", W, "the form as Excel 97-2003 BIFF8 (.xls)",
               kind="not-workbook", expect="xls",
               notes="An OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1) with a 'Workbook' stream. "
                     "Not byte-deterministic: the OLE summary streams carry save times.")
        shutil.copyfile(p, out("libreoffice-form.et"))
        record("libreoffice-form.et", W + " (the .xls copy, renamed .et)",
               "WPS .et stand-in (OLE2 compound file)", kind="not-workbook", expect="et",
               notes="WPS's own .et is an OLE2 compound file like .xls; without WPS this is the "
                     "LibreOffice .xls renamed, so only the extension tells it apart from .xls.")
        enc = lo.uno.Any("[]com.sun.star.beans.NamedValue",
                         (NamedValue("OOXPassword", "ziping"), NamedValue("CryptoType", "Standard")))
        p = lo.store(doc, "libreoffice-encrypted.xlsx", XLSX_FILTER,
                     (lo.pv("EncryptionData", enc),))
        doc.close(True)
        record("libreoffice-encrypted.xlsx", W, "password-encrypted xlsx (password 'ziping')",
               kind="not-workbook", expect="encrypted",
               notes="An OLE2 compound file holding EncryptionInfo + EncryptedPackage (ECMA-376 "
                     "Standard encryption, AES-128; LibreOffice 7.4 fails on CryptoType=Agile). "
                     "msoffcrypto-tool decrypts it with 'ziping'. Not byte-deterministic "
                     "(random salt).")
    finally:
        lo.close()



# ---------------------------------------------------------------------------
# ExcelJS (the project's own dependency), via scripts/make-rich-fixtures.js
# ---------------------------------------------------------------------------

def make_exceljs():
    tmp = tempfile.mkdtemp(prefix="ziping-exceljs-")
    png = os.path.join(tmp, "seal.png")
    with open(png, "wb") as f:
        f.write(png_bytes())
    version = run(["node", os.path.join(ROOT, "scripts", "make-rich-fixtures.js"), OUT, png],
                  cwd=ROOT).strip()
    shutil.rmtree(tmp, ignore_errors=True)
    W = "ExcelJS %s" % version
    common = ("ExcelJS writes shared strings, relative rel targets, [Content_Types].xml first and "
              "xl/workbook.xml last, zip entries for directories ('xl/', '_rels/', …) and an "
              "x14ac-flavoured sheet like the example (which ExcelJS also wrote).")
    for f in ["comments", "datavalidation", "condformat", "image"]:
        pin_file(out("exceljs-%s.xlsx" % f))
    # ExcelJS gives the dataBar's x14 twin a random GUID: pin it
    path = out("exceljs-condformat.xlsx")
    with open(path, "rb") as fh:
        entries, comment = raw_read(fh.read())
    sheet = raw_get(entries, "xl/worksheets/sheet1.xml").decode("utf-8")
    for g in set(re.findall(r"<x14:id>(\{[0-9A-Fa-f-]{36}\})</x14:id>", sheet)):
        sheet = sheet.replace(g, "{5A1B0C2D-0000-4000-8000-000000000001}")
    raw_replace(entries, "xl/worksheets/sheet1.xml", sheet.encode("utf-8"))
    with open(path, "wb") as fh:
        fh.write(raw_write(entries, comment))
    record("exceljs-comments.xlsx", W, "notes on D8, G6 and B10 (rich text in one)",
           parts=["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml",
                  "xl/worksheets/_rels/sheet1.xml.rels"],
           formSheetKeeps=["legacyDrawing"],
           notes="ExcelJS notes on three cells fix writes; ExcelJS names every author 'Author' and "
                 "wraps even plain text in <r> runs. " + common)
    record("exceljs-datavalidation.xlsx", W, "data validation (list on G4, decimal on G6)",
           formSheetKeeps=["dataValidations"],
           notes="<dataValidations> in the form sheet; G6 (written by fix) carries a decimal "
                 "rule with an input prompt. " + common)
    record("exceljs-condformat.xlsx", W, "conditional formatting (cellIs + dataBar)",
           formSheetKeeps=["conditionalFormatting", "extLst"],
           notes="cellIs on D8:G8 with a dxf, a dataBar on D5:D7 which ExcelJS also writes as an "
                 "x14:conditionalFormattings extLst entry. " + common)
    record("exceljs-image.xlsx", W, "image (PNG) on the form sheet",
           parts=["xl/media/image1.png", "xl/drawings/drawing1.xml",
                  "xl/drawings/_rels/drawing1.xml.rels", "xl/worksheets/_rels/sheet1.xml.rels"],
           formSheetKeeps=["drawing"],
           notes="A PNG at I2 (oneCellAnchor with ext). " + common)



# ---------------------------------------------------------------------------
# Hand-built parts, injected into the example package (written by ExcelJS, Excel-like:
# shared strings, relative targets).  The slips are planted by editing the XML.
# ---------------------------------------------------------------------------

SHEET1 = "xl/worksheets/sheet1.xml"
HAND = "hand-built (Python zipfile) on the ExcelJS-written example"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"


def hand_base():
    pkg = Pkg.load(BASE)
    sheet = pkg.text(SHEET1)
    sheet = sheet.replace('<c r="G6" s="7"><v>-10145.17</v></c>', '<c r="G6" s="7"/>')
    sheet = sheet.replace('<c r="D8" s="9"><v>1</v></c>', '<c r="D8" s="9"><v>0.95</v></c>')
    assert '<c r="G6" s="7"/>' in sheet and "<v>0.95</v>" in sheet
    pkg.set(SHEET1, sheet)
    return pkg


def sst_add(pkg, text):
    s = pkg.text("xl/sharedStrings.xml")
    items = re.findall(r"<si>.*?</si>", s, re.S)
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    si = "<si><t>%s</t></si>" % esc
    if si in items:
        return items.index(si)
    n = len(items)
    s = s.replace("</sst>", si + "</sst>")
    s = re.sub(r'uniqueCount="\d+"', 'uniqueCount="%d"' % (n + 1), s)
    s = re.sub(r' count="(\d+)"', lambda m: ' count="%d"' % (int(m.group(1)) + 1), s, count=1)
    pkg.set("xl/sharedStrings.xml", s)
    return n


def cell_xml(pkg, ref, value, style=None):
    st = ' s="%d"' % style if style is not None else ""
    if isinstance(value, str):
        if value.startswith("="):
            return '<c r="%s"%s><f>%s</f></c>' % (ref, st, value[1:].replace("&", "&amp;"))
        return '<c r="%s"%s t="s"><v>%d</v></c>' % (ref, st, sst_add(pkg, value))
    return '<c r="%s"%s><v>%s</v></c>' % (ref, st, repr(value) if isinstance(value, float) else value)


def add_sheet(pkg, name, rows, extra="", sheet_rels=None):
    """Add a worksheet named `name`; rows = {rownum: [(ref, value), …]}. Returns its part."""
    wb = pkg.text("xl/workbook.xml")
    n = 1
    while "xl/worksheets/sheet%d.xml" % n in pkg.parts:
        n += 1
    part = "xl/worksheets/sheet%d.xml" % n
    body = ""
    for r in sorted(rows):
        body += '<row r="%d">%s</row>' % (r, "".join(rows[r][i] if isinstance(rows[r][i], str) and rows[r][i].startswith("<c ")
                                                      else cell_xml(pkg, *rows[r][i]) for i in range(len(rows[r]))))
    pkg.set(part, XML_DECL + '<worksheet xmlns="%s" xmlns:r="%s"><dimension ref="A1"/>'
            '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/><sheetData>%s</sheetData>'
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
            '%s</worksheet>' % (NS_MAIN, NS_R, body, extra))
    pkg.add_override(part, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")
    rid = pkg.add_rel("xl/workbook.xml", REL + "worksheet", "worksheets/sheet%d.xml" % n)
    ids = [int(x) for x in re.findall(r'sheetId="(\d+)"', wb)]
    wb = wb.replace("</sheets>", '<sheet name="%s" sheetId="%d" r:id="%s"/></sheets>'
                    % (name, max(ids) + 1, rid))
    pkg.set("xl/workbook.xml", wb)
    return part


def wb_insert(pkg, elem, before):
    """Insert into workbook.xml before the first of `before` (CT_Workbook order)."""
    s = pkg.text("xl/workbook.xml")
    for tag in before:
        m = re.search(r"<%s[ />]" % tag, s)
        if m:
            pkg.set("xl/workbook.xml", s[:m.start()] + elem + s[m.start():])
            return
    pkg.set("xl/workbook.xml", s.replace("</workbook>", elem + "</workbook>"))


WB_ORDER = ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews",
            "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize",
            "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
            "fileRecoveryPr", "webPublishObjects", "extLst"]


def wb_after(tag):
    return WB_ORDER[WB_ORDER.index(tag) + 1:]


def add_to_row(sheet, r, cells_xml, last_col):
    """Append cells to row r of the form sheet (all added cells lie right of column G)."""
    m = re.search(r'<row r="%d"[^>]*?(/?)>' % r, sheet)
    assert m, r
    if m.group(1):
        raise ValueError("empty row")
    row_start = m.group(0)
    new_start = re.sub(r'spans="(\d+):(\d+)"', lambda k: 'spans="%s:%d"' % (k.group(1), max(int(k.group(2)), last_col)), row_start)
    end = sheet.index("</row>", m.end())
    return sheet[:m.start()] + new_start + sheet[m.end():end] + cells_xml + sheet[end:]


def vml_note(shapes):
    """Legacy VML for notes: shapes = [(row0, col0)]."""
    out_ = ('<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel">\n <o:shapelayout v:ext="edit">\n'
            '  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout><v:shapetype id="_x0000_t202" '
            'coordsize="21600,21600" o:spt="202"\n  path="m,l,21600r21600,l21600,xe">\n'
            '  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n'
            ' </v:shapetype>')
    for k, (r, c) in enumerate(shapes):
        out_ += ('<v:shape id="_x0000_s%d" type="#_x0000_t202" style=\'position:absolute;\n'
                 '  margin-left:300pt;margin-top:%dpt;width:108pt;height:59.25pt;z-index:%d;\n'
                 '  visibility:hidden\' fillcolor="infoBackground [80]" o:insetmode="auto">\n'
                 '  <v:fill color2="infoBackground [80]"/>\n  <v:shadow color="none [81]" obscured="t"/>\n'
                 '  <v:path o:connecttype="none"/>\n  <v:textbox style=\'mso-direction-alt:auto\'>\n'
                 '   <div style=\'text-align:left\'></div>\n  </v:textbox>\n  <x:ClientData ObjectType="Note">\n'
                 '   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n   <x:Anchor>\n    %d, 15, %d, 2, %d, 15, %d, 16</x:Anchor>\n'
                 '   <x:AutoFill>False</x:AutoFill>\n   <x:Row>%d</x:Row>\n   <x:Column>%d</x:Column>\n'
                 '  </x:ClientData>\n </v:shape>') % (1025 + k, 20 + 15 * k, k + 1, c + 1, r, c + 3, r + 4, r, c)
    return out_ + "</xml>"


def add_legacy_comments(pkg, comments_xml, shapes, name="comments1.xml", vml="vmlDrawing1.vml"):
    pkg.set("xl/" + name, comments_xml)
    pkg.set("xl/drawings/" + vml, vml_note(shapes))
    pkg.add_override("xl/" + name, "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml")
    pkg.add_default("vml", "application/vnd.openxmlformats-officedocument.vmlDrawing")
    pkg.add_rel(SHEET1, REL + "comments", "../" + name)
    rid = pkg.add_rel(SHEET1, REL + "vmlDrawing", "../drawings/" + vml)
    pkg.edit(SHEET1, lambda s: sheet_insert(s, '<legacyDrawing r:id="%s"/>' % rid, after("legacyDrawing")))


def excel_sha512(password, salt, spin=100000):
    h = hashlib.sha512(salt + password.encode("utf-16-le")).digest()
    for i in range(spin):
        h = hashlib.sha512(h + struct.pack("<I", i)).digest()
    return base64.b64encode(h).decode()


def minimal_cfb(stream_name="PROJECT", text=b'ID="{5A1B0C2D-0000-4000-8000-00000000ABCD}"\r\nName="VBAProject"\r\n'):
    """A tiny valid OLE2 compound file: a root entry and one 4096-byte stream
    (exactly the mini-stream cutoff, so it lives in regular sectors)."""
    SEC = 512
    FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    data = text + b"\r\n" * ((4096 - len(text)) // 2)
    data = data[:4096].ljust(4096, b" ")
    nsec = len(data) // SEC
    fat = [FATSECT, END] + [3 + i if i < nsec - 1 else END for i in range(nsec)]
    fat += [FREE] * (128 - len(fat))
    header = bytearray(SEC)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, END, 0, END, 0)
    difat = [0] + [FREE] * 108
    struct.pack_into("<109I", header, 76, *difat)

    def entry(name, typ, child, start, size, left=NOSTREAM, right=NOSTREAM):
        e = bytearray(128)
        if name:
            n = (name + "\0").encode("utf-16-le")
            e[0:len(n)] = n
            struct.pack_into("<H", e, 64, len(n))
        e[66] = typ
        e[67] = 1 if name else 0
        struct.pack_into("<III", e, 68, left, right, child)
        struct.pack_into("<IQ", e, 116, start, size)
        return bytes(e)

    dirs = (entry("Root Entry", 5, 1, END, 0) + entry(stream_name, 2, NOSTREAM, 2, len(data))
            + entry("", 0, NOSTREAM, 0, 0) + entry("", 0, NOSTREAM, 0, 0))
    return bytes(header) + struct.pack("<128I", *fat) + dirs + data


def make_hand():
    png = png_bytes()
    base_note = ("Base: the ExcelJS-written example with the slips planted by editing its XML, so "
                 "every other byte of the example is as ExcelJS wrote it.")

    # threaded comments (Excel 365) + their legacy fallback
    pkg = hand_base()
    P1, P2 = "{6B7C1D2E-3F40-4A51-8B62-7C83D94EA5F1}", "{7C8D2E3F-4051-4B62-9C73-8D94EA5FB602}"
    T1, T2 = "{0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}", "{1B2C3D4E-5F60-4172-9384-A5B6C7D8E9FA}"
    pkg.set("xl/persons/person.xml", XML_DECL +
            '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" '
            'xmlns:x="%s"><person displayName="王芳" id="%s" userId="王芳" providerId="None"/>'
            '<person displayName="陈明" id="%s" userId="chenming@example.cn" providerId="AD"/></personList>'
            % (NS_MAIN, P1, P2))
    pkg.set("xl/threadedComments/threadedComment1.xml", XML_DECL +
            '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" '
            'xmlns:x="%s"><threadedComment ref="D8" dT="2022-01-10T09:30:00.00" personId="%s" id="%s">'
            '<text>预算完成率是否应为100%%？</text></threadedComment>'
            '<threadedComment ref="D8" dT="2022-01-10T10:02:11.52" personId="%s" id="%s" parentId="%s">'
            '<text>已核对，实际支出与调整预算一致。</text></threadedComment></ThreadedComments>'
            % (NS_MAIN, P1, T1, P2, T2, T1))
    legacy = ("[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; "
              "however, any edits to it will get removed if the file is opened in a newer version of "
              "Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    "
              "预算完成率是否应为100%？\nReply:\n    已核对，实际支出与调整预算一致。")
    add_legacy_comments(pkg, XML_DECL +
                        '<comments xmlns="%s" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                        'mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">'
                        '<authors><author>tc=%s</author></authors><commentList>'
                        '<comment ref="D8" authorId="0" shapeId="0" xr:uid="%s"><text><t>%s</t></text></comment>'
                        '</commentList></comments>' % (NS_MAIN, T1, T1, legacy), [(7, 3)])
    pkg.add_override("xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml")
    pkg.add_override("xl/persons/person.xml", "application/vnd.ms-excel.person+xml")
    pkg.add_rel(SHEET1, "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
                "../threadedComments/threadedComment1.xml")
    pkg.add_rel("xl/workbook.xml", "http://schemas.microsoft.com/office/2017/10/relationships/person",
                "persons/person.xml")
    pkg.write(out("hand-threaded-comments.xlsx"))
    record("hand-threaded-comments.xlsx", HAND, "threaded comment with a reply on D8 (+ legacy note)",
           parts=["xl/threadedComments/threadedComment1.xml", "xl/persons/person.xml",
                  "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml",
                  "xl/worksheets/_rels/sheet1.xml.rels"],
           formSheetKeeps=["legacyDrawing"],
           notes="Excel 365's structure: threadedComment1.xml (a comment and a reply with parentId), "
                 "persons/person.xml (workbook rel, type 2017/10/relationships/person), and the "
                 "legacy comments1.xml whose author is 'tc={id}' plus its VML shape. D8 is a cell fix "
                 "writes; the thread must stay on D8. " + base_note)

    # cross-sheet list validation (x14 in extLst)
    pkg = hand_base()
    add_sheet(pkg, "选项", {1: [("A1", "2020年")], 2: [("A2", "2021年")], 3: [("A3", "2022年")]})
    ext = ('<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="%s">'
           '<x14:dataValidations count="1" xmlns:xm="%s"><x14:dataValidation type="list" '
           'allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1>'
           '<xm:f>选项!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>G4</xm:sqref></x14:dataValidation>'
           '</x14:dataValidations></ext></extLst>' % (X14, XM))
    pkg.edit(SHEET1, lambda s: s.replace("</worksheet>", ext + "</worksheet>"))
    pkg.write(out("hand-x14-datavalidation.xlsx"))
    record("hand-x14-datavalidation.xlsx", HAND, "list validation from another sheet (x14 extLst)",
           parts=["xl/worksheets/sheet2.xml"], formSheetKeeps=["extLst"],
           notes="G4 gets its list from 选项!$A$1:$A$3; Excel 2010+ writes such a cross-sheet rule "
                 "only as <x14:dataValidations> inside the sheet's <extLst> (uri "
                 "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}). A writer that re-serialises the sheet "
                 "without extLst silently drops it. " + base_note)

    # sparklines
    pkg = hand_base()
    ext = ('<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="%s">'
           '<x14:sparklineGroups xmlns:xm="%s"><x14:sparklineGroup displayEmptyCellsAs="gap" markers="1">'
           '<x14:colorSeries theme="4" tint="-0.499984740745262"/><x14:colorNegative theme="5"/>'
           '<x14:colorAxis rgb="FF000000"/><x14:colorMarkers theme="4" tint="-0.499984740745262"/>'
           '<x14:colorFirst theme="4" tint="0.39997558519241921"/><x14:colorLast theme="4" tint="0.39997558519241921"/>'
           '<x14:colorHigh theme="4"/><x14:colorLow theme="4"/><x14:sparklines>'
           '<x14:sparkline><xm:f>%s!D5:D7</xm:f><xm:sqref>I5</xm:sqref></x14:sparkline>'
           '<x14:sparkline><xm:f>%s!G5:G6</xm:f><xm:sqref>I6</xm:sqref></x14:sparkline>'
           '</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>'
           % (X14, XM, FORM, FORM))
    pkg.edit(SHEET1, lambda s: s.replace("</worksheet>", ext + "</worksheet>"))
    pkg.write(out("hand-sparklines.xlsx"))
    record("hand-sparklines.xlsx", HAND, "sparklines (x14:sparklineGroups in extLst)",
           formSheetKeeps=["extLst"],
           notes="Two line sparklines in I5 and I6 over the form's D5:D7 and G5:G6 (G6 is written "
                 "by fix: the sparkline must keep pointing at it). " + base_note)

    # pivot table with its cache
    pkg = hand_base()
    src = add_sheet(pkg, "数据", {1: [("A1", "科目"), ("B1", "金额")], 2: [("A2", "基本支出"), ("B2", 12000.5)],
                                 3: [("A3", "项目支出"), ("B3", 6371.6)], 4: [("A4", "其他"), ("B4", 0)]})
    piv = add_sheet(pkg, "透视", {3: [("A3", "行标签"), ("B3", "求和项:金额")],
                                 4: [("A4", "基本支出"), ("B4", 12000.5)], 5: [("A5", "项目支出"), ("B5", 6371.6)],
                                 6: [("A6", "其他"), ("B6", 0)], 7: [("A7", "总计"), ("B7", 18372.1)]})
    pkg.set("xl/pivotCache/pivotCacheDefinition1.xml", XML_DECL +
            '<pivotCacheDefinition xmlns="%s" xmlns:r="%s" r:id="rId1" refreshedBy="王芳" '
            'refreshedDate="44562.5" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" '
            'recordCount="3"><cacheSource type="worksheet"><worksheetSource ref="A1:B4" sheet="数据"/>'
            '</cacheSource><cacheFields count="2"><cacheField name="科目" numFmtId="0"><sharedItems count="3">'
            '<s v="基本支出"/><s v="项目支出"/><s v="其他"/></sharedItems></cacheField>'
            '<cacheField name="金额" numFmtId="0"><sharedItems containsSemiMixedTypes="0" '
            'containsString="0" containsNumber="1" minValue="0" maxValue="12000.5"/></cacheField>'
            '</cacheFields></pivotCacheDefinition>' % (NS_MAIN, NS_R))
    pkg.set("xl/pivotCache/pivotCacheRecords1.xml", XML_DECL +
            '<pivotCacheRecords xmlns="%s" xmlns:r="%s" count="3"><r><x v="0"/><n v="12000.5"/></r>'
            '<r><x v="1"/><n v="6371.6"/></r><r><x v="2"/><n v="0"/></r></pivotCacheRecords>' % (NS_MAIN, NS_R))
    pkg.set("xl/pivotTables/pivotTable1.xml", XML_DECL +
            '<pivotTableDefinition xmlns="%s" name="数据透视表1" cacheId="7" applyNumberFormats="0" '
            'applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" '
            'applyWidthHeightFormats="1" dataCaption="值" updatedVersion="6" minRefreshableVersion="3" '
            'useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" '
            'outlineData="1" multipleFieldFilters="0"><location ref="A3:B7" firstHeaderRow="1" '
            'firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" '
            'showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/>'
            '</items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>'
            '<rowFields count="1"><field x="0"/></rowFields><rowItems count="4"><i><x/></i>'
            '<i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems><colItems count="1">'
            '<i/></colItems><dataFields count="1"><dataField name="求和项:金额" fld="1" baseField="0" '
            'baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" '
            'showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/>'
            '</pivotTableDefinition>' % NS_MAIN)
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    pkg.add_override("xl/pivotTables/pivotTable1.xml", ct + "pivotTable+xml")
    pkg.add_override("xl/pivotCache/pivotCacheDefinition1.xml", ct + "pivotCacheDefinition+xml")
    pkg.add_override("xl/pivotCache/pivotCacheRecords1.xml", ct + "pivotCacheRecords+xml")
    pkg.add_rel("xl/pivotCache/pivotCacheDefinition1.xml", REL + "pivotCacheRecords",
                "pivotCacheRecords1.xml", rid="rId1")
    pkg.add_rel("xl/pivotTables/pivotTable1.xml", REL + "pivotCacheDefinition",
                "../pivotCache/pivotCacheDefinition1.xml", rid="rId1")
    pkg.add_rel(piv, REL + "pivotTable", "../pivotTables/pivotTable1.xml", rid="rId1")
    rid = pkg.add_rel("xl/workbook.xml", REL + "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml")
    wb_insert(pkg, '<pivotCaches><pivotCache cacheId="7" r:id="%s"/></pivotCaches>' % rid, wb_after("pivotCaches"))
    pkg.write(out("hand-pivot.xlsx"))
    record("hand-pivot.xlsx", HAND, "pivot table with cache (source 数据, table on 透视)",
           parts=["xl/pivotTables/pivotTable1.xml", "xl/pivotTables/_rels/pivotTable1.xml.rels",
                  "xl/pivotCache/pivotCacheDefinition1.xml",
                  "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
                  "xl/pivotCache/pivotCacheRecords1.xml", src, piv,
                  "xl/worksheets/_rels/sheet3.xml.rels"],
           workbookKeeps=["pivotCaches"],
           notes="workbook.xml <pivotCaches><pivotCache cacheId=\"7\" r:id=…/> (cacheId is not 1 on "
                 "purpose: it must match pivotTable1.xml's cacheId), the cache definition + records "
                 "and the table on sheet 透视. " + base_note)

    # external link
    pkg = hand_base()
    ref = add_sheet(pkg, "引用", {1: [("A1", "上年数"), '<c r="B1"><f>[1]Sheet1!$A$1</f><v>42</v></c>']})
    pkg.set("xl/externalLinks/externalLink1.xml", XML_DECL +
            '<externalLink xmlns="%s" xmlns:r="%s" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'mc:Ignorable="x14" xmlns:x14="%s"><externalBook r:id="rId1"><sheetNames>'
            '<sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1">'
            '<cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>'
            % (NS_MAIN, NS_R, X14))
    pkg.add_rel("xl/externalLinks/externalLink1.xml", REL + "externalLinkPath",
                "file:///C:\\财务\\2020年部门预算.xlsx", rid="rId1", external=True)
    pkg.add_override("xl/externalLinks/externalLink1.xml", ct + "externalLink+xml")
    rid = pkg.add_rel("xl/workbook.xml", REL + "externalLink", "externalLinks/externalLink1.xml")
    wb_insert(pkg, '<externalReferences><externalReference r:id="%s"/></externalReferences>' % rid,
              wb_after("externalReferences"))
    pkg.write(out("hand-external-link.xlsx"))
    record("hand-external-link.xlsx", HAND, "external workbook link ([1]Sheet1!$A$1 on sheet 引用)",
           parts=["xl/externalLinks/externalLink1.xml", "xl/externalLinks/_rels/externalLink1.xml.rels", ref],
           workbookKeeps=["externalReferences"],
           notes="引用!B1 = [1]Sheet1!$A$1 (cached 42); externalLink1.xml with a cached sheetDataSet, its "
                 "rels point at file:///C:\\财务\\2020年部门预算.xlsx (TargetMode=External), and workbook.xml "
                 "has <externalReferences>. Nothing in the form refers to it. " + base_note)

    # fullCalcOnLoad
    pkg = hand_base()
    pkg.edit("xl/workbook.xml", lambda s: s.replace('<calcPr calcId="171027"/>',
                                                    '<calcPr calcId="171027" fullCalcOnLoad="1"/>'))
    pkg.write(out("hand-fullcalconload.xlsx"))
    record("hand-fullcalconload.xlsx", HAND, "calcPr fullCalcOnLoad=\"1\"",
           workbookKeeps=["calcPr"],
           notes="<calcPr calcId=\"171027\" fullCalcOnLoad=\"1\"/>; a writer that adds formulas may "
                 "set this itself, but must not drop it. " + base_note)

    # legacy password hash on the form sheet
    pkg = hand_base()
    pkg.edit(SHEET1, lambda s: sheet_insert(
        s, '<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/>', after("sheetProtection")))
    pkg.write(out("hand-legacy-password.xlsx"))
    record("hand-legacy-password.xlsx", HAND, "form sheet protected, legacy password=\"CC3D\"",
           protected=[FORM], form_protected=True, formSheetKeeps=["sheetProtection"],
           notes="<sheetProtection password=\"CC3D\" sheet=\"1\" objects=\"1\" scenarios=\"1\"/> as "
                 "Excel 2007 wrote it. fix must write nothing. " + base_note)

    # modern SHA-512 protection on the form sheet
    pkg = hand_base()
    salt = bytes(range(16))
    hv = excel_sha512("ziping", salt)
    prot = ('<sheetProtection algorithmName="SHA-512" hashValue="%s" saltValue="%s" spinCount="100000" '
            'sheet="1" objects="1" scenarios="1"/>' % (hv, base64.b64encode(salt).decode()))
    pkg.edit(SHEET1, lambda s: sheet_insert(s, prot, after("sheetProtection")))
    pkg.write(out("hand-modern-password.xlsx"))
    record("hand-modern-password.xlsx", HAND, "form sheet protected, SHA-512 hash (password 'ziping')",
           protected=[FORM], form_protected=True, formSheetKeeps=["sheetProtection"],
           notes="algorithmName=\"SHA-512\" hashValue/saltValue/spinCount=\"100000\" as Excel 2013+ "
                 "writes; the hash is the real one for 'ziping' with salt 00..0F. fix must write "
                 "nothing. " + base_note)

    # comments by several authors (Excel's rich-text note layout)
    pkg = hand_base()

    def note(author_id, author, text):
        bold = ('<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/>'
                '<charset val="134"/></rPr><t>%s:</t></r>' % author) if author else ""
        return ('<text>%s<r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/>'
                '<charset val="134"/></rPr><t xml:space="preserve">\n%s</t></r></text>' % (bold, text))

    add_legacy_comments(pkg, XML_DECL +
                        '<comments xmlns="%s"><authors><author>王芳</author><author>财务科 陈明</author>'
                        '<author></author></authors><commentList>'
                        '<comment ref="G6" authorId="0">%s</comment>'
                        '<comment ref="D8" authorId="1">%s</comment>'
                        '<comment ref="B50" authorId="2">%s</comment></commentList></comments>'
                        % (NS_MAIN, note(0, "王芳", "调整数待补"), note(1, "财务科 陈明", "完成率请复核"),
                           note(2, "", "无作者的批注")), [(5, 6), (7, 3), (49, 1)])
    pkg.write(out("hand-comment-authors.xlsx"))
    record("hand-comment-authors.xlsx", HAND, "notes by authors 王芳, 财务科 陈明 and an empty author",
           parts=["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/worksheets/_rels/sheet1.xml.rels"],
           formSheetKeeps=["legacyDrawing"],
           notes="Notes on G6, D8, B50 (all written by fix) in Excel's layout: a bold 'author:' run "
                 "then the text run; the third author is the empty string. " + base_note)

    # formulas in the form + calcChain
    pkg = hand_base()
    pkg.edit(SHEET1, lambda s: s.replace('<c r="G8" s="9"><v>-0.3558</v></c>',
                                         '<c r="G8" s="9"><f>ROUND(G6/G5,4)</f><v>0</v></c>'))
    summ = add_sheet(pkg, "汇总", {1: [("A1", "调整预算"), '<c r="B1"><f>%s!D5</f><v>18372.1</v></c>' % FORM_Q],
                                  2: [("A2", "年初预算"), '<c r="B2"><f>%s!G5</f><v>28517.27</v></c>' % FORM_Q],
                                  3: [("A3", "差额"), '<c r="B3"><f>B1-B2</f><v>-10145.17</v></c>']})
    pkg.set("xl/calcChain.xml", XML_DECL + '<calcChain xmlns="%s"><c r="G8" i="1"/><c r="B1" i="2"/>'
            '<c r="B2"/><c r="B3"/></calcChain>' % NS_MAIN)
    pkg.add_override("xl/calcChain.xml", ct + "calcChain+xml")
    pkg.add_rel("xl/workbook.xml", REL + "calcChain", "calcChain.xml")
    pkg.write(out("hand-calcchain.xlsx"))
    record("hand-calcchain.xlsx", HAND, "formulas + calcChain.xml (G8 = ROUND(G6/G5,4))",
           parts=[summ], formSheetKeeps=[],
           notes="G8 holds <f>ROUND(G6/G5,4)</f> with the cached value 0 (G6 is empty), sheet 汇总 has "
                 "three formulas, and xl/calcChain.xml lists G8 (i=1) and 汇总!B1:B3 (i=2). fix writes "
                 "a formula into G6, which calcChain does not list: Excel accepts a chain that lacks a "
                 "formula cell but repairs one that lists a cell without a formula, so a writer may "
                 "keep calcChain.xml as is or drop it (with its rel and content type), never leave it "
                 "naming a cell that lost its formula. " + base_note)

    # shared formulas below the form (beside it, in rows 5–8, the recogniser took I6 for G6)
    pkg = hand_base()
    sheet = pkg.text(SHEET1)
    vals = {56: 18372.1, 57: 28517.27, 58: 15914.14, 59: 0.95}
    rows = ""
    for r in range(56, 60):
        f = ('<f t="shared" ref="J56:J59" si="0">I56*2</f>' if r == 56 else '<f t="shared" si="0"/>')
        rows += ('<row r="%d" spans="9:10"><c r="I%d"><v>%s</v></c><c r="J%d">%s<v>%s</v></c></row>'
                 % (r, r, repr(vals[r]), r, f, repr(round(vals[r] * 2, 2))))
    sheet = sheet.replace("</sheetData>", rows + "</sheetData>")
    sheet = sheet.replace('<dimension ref="A1:G54"/>', '<dimension ref="A1:J59"/>')
    pkg.set(SHEET1, sheet)
    pkg.write(out("hand-shared-formulas.xlsx"))
    record("hand-shared-formulas.xlsx", HAND, "shared formula J56:J59 (t=\"shared\" si=\"0\") on the form sheet",
           formSheetKeeps=[],
           notes="I56:I59 numbers and J56 <f t=\"shared\" ref=\"J56:J59\" si=\"0\">I56*2</f>, J57:J59 "
                 "<f t=\"shared\" si=\"0\"/> with cached values, below the form on the sheet fix "
                 "rewrites: the master and its dependants must come out unchanged (a writer that "
                 "expands or drops shared formulas breaks J57:J59). They are not beside the form on "
                 "purpose: with numbers in I5:I8 the current recogniser read I6 as 年度预算调整数 "
                 "(G6 being empty) and fix wrote I6. " + base_note)

    # macro-enabled workbook
    pkg = hand_base()
    pkg.set("xl/vbaProject.bin", minimal_cfb())
    pkg.edit("[Content_Types].xml", lambda s: s.replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"))
    pkg.add_default("bin", "application/vnd.ms-office.vbaProject")
    pkg.add_rel("xl/workbook.xml", "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
                "vbaProject.bin")
    pkg.edit("xl/workbook.xml", lambda s: s.replace('<workbookPr ', '<workbookPr codeName="ThisWorkbook" '))
    pkg.write(out("hand-macro.xlsm"))
    record("hand-macro.xlsm", HAND, "macro-enabled workbook with xl/vbaProject.bin",
           expect="xlsm", parts=["xl/vbaProject.bin", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"],
           workbookKeeps=["workbookPr"],
           notes="Workbook content type application/vnd.ms-excel.sheet.macroEnabled.main+xml, rel "
                 "type http://schemas.microsoft.com/office/2006/relationships/vbaProject, <workbookPr "
                 "codeName=\"ThisWorkbook\">. vbaProject.bin is a minimal valid OLE2 file (one 4096-byte "
                 "PROJECT stream), not a real VBA project: Excel would report the macros as corrupt; "
                 "the point is that the bytes and the content type survive. " + base_note)

    # Strict OOXML
    pkg = hand_base()
    strict = [
        ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
         "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
         "http://purl.oclc.org/ooxml/officeDocument/relationships"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
         "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
         "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"),
        ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
    ]
    for name in list(pkg.parts):
        if name.endswith(".xml") or name.endswith(".rels"):
            t = pkg.text(name)
            for a, b in strict:
                t = t.replace(a, b)
            pkg.set(name, t)
    pkg.edit("xl/workbook.xml", lambda s: s.replace("<workbook ", '<workbook conformance="strict" ', 1))
    pkg.write(out("hand-strict.xlsx"))
    record("hand-strict.xlsx", HAND, "Strict OOXML namespaces (ISO/IEC 29500 Strict)",
           parts=["xl/styles.xml", "xl/theme/theme1.xml"],
           notes="Every transitional namespace and relationship type swapped for its purl.oclc.org/ooxml "
                 "Strict twin (spreadsheetml/main, officeDocument/relationships, extendedProperties, "
                 "drawingml/main) and <workbook conformance=\"strict\">; content types are the same as "
                 "transitional. Readers that match the transitional namespace find no sheet; a writer "
                 "must keep the Strict namespaces in whatever it writes. " + base_note)

    # WPS-style
    pkg = hand_base()
    img_id = "ID_5A1B0C2D3E4F40518293A4B5C6D7E8F9"
    pkg.set("xl/cellimages.xml", XML_DECL +
            '<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
            'xmlns:r="%s" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><etc:cellImage><xdr:pic>'
            '<xdr:nvPicPr><xdr:cNvPr id="2" name="%s" descr="印章"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/>'
            '</xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/>'
            '</a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="228600" cy="152400"/>'
            '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage>'
            '</etc:cellImages>' % (NS_R, img_id))
    pkg.set("xl/media/image1.png", png)
    pkg.add_default("png", "image/png")
    pkg.add_rel("xl/cellimages.xml", REL + "image", "media/image1.png", rid="rId1")
    pkg.add_override("xl/cellimages.xml", "application/vnd.wps-officedocument.cellimage+xml")
    pkg.add_rel("xl/workbook.xml", "http://www.wps.cn/officeDocument/2020/cellImage", "cellimages.xml")
    sheet = pkg.text(SHEET1)
    sheet = sheet.replace('<worksheet xmlns="%s"' % NS_MAIN,
                          '<worksheet xmlns="%s" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"'
                          % NS_MAIN, 1)
    sheet = add_to_row(sheet, 4, '<c r="I4" t="str"><f>_xlfn.DISPIMG("%s",1)</f><v>=DISPIMG("%s",1)</v></c>'
                       % (img_id, img_id), 9)
    sheet = sheet.replace('<dimension ref="A1:G54"/>', '<dimension ref="A1:I54"/>')
    pkg.set(SHEET1, sheet)
    pkg.set("docProps/custom.xml", XML_DECL +
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ICV">'
            '<vt:lpwstr>7E3B1A2C9D4F4E0B8A6C5D3E2F1A0B9C_13</vt:lpwstr></property>'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="KSOProductBuildVer">'
            '<vt:lpwstr>2052-12.1.0.16929</vt:lpwstr></property></Properties>')
    pkg.add_override("docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml")
    pkg.add_rel("", REL + "custom-properties", "docProps/custom.xml")
    pkg.write(out("hand-wps.xlsx"))
    record("hand-wps.xlsx", HAND + " (WPS-style parts)", "WPS cell image (DISPIMG + xl/cellimages.xml) and WPS custom properties",
           parts=["xl/cellimages.xml", "xl/_rels/cellimages.xml.rels", "xl/media/image1.png", "docProps/custom.xml"],
           notes="The parts WPS 表格 adds, as public code that reads WPS files describes them (not checked "
                 "against a real WPS save: no WPS here): an image placed in cell I4 as "
                 "<f>_xlfn.DISPIMG(\"ID_…\",1)</f> with the cached text '=DISPIMG(\"ID_…\",1)', "
                 "xl/cellimages.xml (etc:cellImages, content type application/vnd.wps-officedocument."
                 "cellimage+xml, workbook rel type http://www.wps.cn/officeDocument/2020/cellImage), "
                 "xmlns:etc declared on the form sheet's root, and docProps/custom.xml with ICV and "
                 "KSOProductBuildVer. " + base_note)


# ---------------------------------------------------------------------------
# Odd but valid packages, and files that are not workbooks
# ---------------------------------------------------------------------------

ODD = "hand-built (Python zipfile) on the ExcelJS-written example"


def make_odd():
    base_note = "Base: the ExcelJS-written example with the slips planted in its XML."

    pkg = hand_base()
    pkg.write(out("odd-data-descriptors.xlsx"), descriptors=True)
    record("odd-data-descriptors.xlsx", ODD, "zip written with data descriptors (flag bit 3)",
           parts=["xl/styles.xml", "xl/theme/theme1.xml", "docProps/core.xml"],
           notes="Every member has general-purpose flag bit 3 set: the local headers carry zero "
                 "CRC/sizes and a PK\\x07\\x08 data descriptor follows each member's data; the "
                 "central directory has the real values. A reader must take sizes from the central "
                 "directory. (LibreOffice's own files also use data descriptors.) " + base_note)

    pkg = hand_base()
    names = list(pkg.parts)
    order = sorted(names, key=lambda n: (n == "[Content_Types].xml", "worksheets" not in n, n), reverse=False)
    order = [n for n in order if "worksheets" in n] + [n for n in reversed(order) if "worksheets" not in n]
    pkg.write(out("odd-entry-order.xlsx"), order=order)
    record("odd-entry-order.xlsx", ODD, "zip entries in a non-Office order",
           parts=["xl/styles.xml", "xl/theme/theme1.xml", "docProps/core.xml"],
           notes="Members in the order: " + ", ".join(order) + " — the sheet first, "
                 "[Content_Types].xml neither first nor last. A writer may keep or normalise the "
                 "order, but must not depend on it. " + base_note)

    pkg = hand_base()
    sheet = pkg.text(SHEET1)
    sheet = sheet.replace('<worksheet xmlns="%s"' % NS_MAIN, '<worksheet xmlns:x="%s"' % NS_MAIN, 1)
    sheet = re.sub(r"<(/?)([A-Za-z][\w]*)(?=[\s/>])", lambda m: "<%sx:%s" % (m.group(1), m.group(2)), sheet)
    pkg.set(SHEET1, sheet)
    pkg.write(out("odd-prefixed-ns.xlsx"))
    record("odd-prefixed-ns.xlsx", ODD, "sheet XML with a namespace prefix (<x:worksheet xmlns:x=…>)",
           parts=["xl/styles.xml", "xl/theme/theme1.xml"],
           notes="Every element of the form sheet is in the main namespace through the prefix x: "
                 "(<x:worksheet>, <x:row>, <x:c>, <x:v>); no default namespace. Readers that "
                 "match tag names literally ('c', 'row') read no cells. A writer must write its new "
                 "cells with the same prefix (or declare a default namespace). " + base_note)

    pkg = hand_base()
    sst = pkg.text("xl/sharedStrings.xml")
    items = re.findall(r"<si>(.*?)</si>", sst, re.S)
    sheet = pkg.text(SHEET1)
    sheet = re.sub(r'<c r="([A-Z]+\d+)"( s="\d+")? t="s"><v>(\d+)</v></c>',
                   lambda m: '<c r="%s"%s t="inlineStr"><is>%s</is></c>' % (m.group(1), m.group(2) or "",
                                                                           items[int(m.group(3))]), sheet)
    assert 't="s"' not in sheet
    pkg.set(SHEET1, sheet)
    del pkg.parts["xl/sharedStrings.xml"]
    pkg.edit("[Content_Types].xml", lambda s: re.sub(r'<Override PartName="/xl/sharedStrings.xml"[^>]*/>', "", s))
    pkg.edit("xl/_rels/workbook.xml.rels", lambda s: re.sub(r'<Relationship [^>]*sharedStrings[^>]*/>', "", s))
    pkg.write(out("odd-inline-strings.xlsx"))
    record("odd-inline-strings.xlsx", ODD, "inline strings only (t=\"inlineStr\"), no sharedStrings part",
           parts=["xl/styles.xml"],
           notes="Every string cell is <c t=\"inlineStr\"><is><t>…</t></is></c> in plain UTF-8 and the "
                 "package has no sharedStrings.xml (no part, rel or content type). A writer that puts "
                 "its new text in a shared-strings table must add that part, its rel and content type; "
                 "or write inline strings. (openpyxl 3.0's files are inline-only too, with &#NNNNN; "
                 "references.) " + base_note)

    pkg = hand_base()
    sst = pkg.text("xl/sharedStrings.xml")
    ruby = {
        "部门整体支出绩效自评表": '<r><rPr><b/><sz val="16"/><rFont val="宋体"/><charset val="134"/></rPr><t>部门整体支出</t></r>'
                          '<r><rPr><b/><sz val="16"/><color rgb="FFC00000"/><rFont val="宋体"/><charset val="134"/></rPr><t>绩效自评表</t></r>'
                          '<rPh sb="0" eb="2"><t>ブモン</t></rPh><phoneticPr fontId="1" type="noConversion"/>',
        "单位：万元": '<t>单位：万元</t><rPh sb="3" eb="5"><t>マンゲン</t></rPh><phoneticPr fontId="1" type="noConversion"/>',
        "部门名称（汇总）": '<t>部门名称（汇总）</t><rPh sb="0" eb="2"><t>ブモン</t></rPh><rPh sb="2" eb="4"><t>メイショウ</t></rPh>'
                      '<phoneticPr fontId="1" type="noConversion"/>',
    }
    for plain, rich in ruby.items():
        assert "<si><t>%s</t></si>" % plain in sst
        sst = sst.replace("<si><t>%s</t></si>" % plain, "<si>%s</si>" % rich, 1)
    pkg.set("xl/sharedStrings.xml", sst)
    pkg.edit(SHEET1, lambda s: sheet_insert(s, '<phoneticPr fontId="1" type="noConversion"/>', after("phoneticPr")))
    pkg.write(out("odd-rph.xlsx"))
    record("odd-rph.xlsx", ODD, "rich-text shared strings with phonetic runs (<rPh>)",
           parts=[], formSheetKeeps=["phoneticPr"],
           notes="Shared strings 0 (title: two runs, the second red), 2 (单位：万元) and 3 (部门名称（汇总）) "
                 "carry <rPh> phonetic runs and <phoneticPr>; the sheet has <phoneticPr>. The cell text "
                 "is the runs' <t> only — a reader that concatenates every <t> reads "
                 "'部门名称（汇总）ブモンメイショウ'. sharedStrings.xml is not listed in parts because fix "
                 "may add strings; its existing <si> items must be kept verbatim. " + base_note)

    pkg = hand_base()
    sheet = pkg.text(SHEET1)
    sheet = sheet.replace('<dimension ref="A1:G54"/>', '<dimension ref="A1:XFD1048576"/>')
    sheet = sheet.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')
    pkg.set(SHEET1, sheet)
    pkg.write(out("odd-xfd-cell.xlsx"))
    record("odd-xfd-cell.xlsx", ODD, "a stray cell at XFD1048576 (dimension A1:XFD1048576)",
           parts=["xl/styles.xml", "xl/theme/theme1.xml"],
           notes="<dimension ref=\"A1:XFD1048576\"/> and one number cell in the very last row and "
                 "column. A reader that allocates rows×columns from the dimension blows up; the cell "
                 "must be kept. " + base_note)


def make_not_workbooks():
    # a fake .xlsb: the package shape of a binary workbook
    pkg = Pkg({})
    pkg.set("[Content_Types].xml", XML_DECL +
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/>'
            '<Override PartName="/xl/styles.bin" ContentType="application/vnd.ms-excel.styles"/>'
            '</Types>')
    pkg.set("_rels/.rels", XML_DECL + '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%sofficeDocument" '
            'Target="xl/workbook.bin"/></Relationships>' % (NS_PKG_REL, REL))
    pkg.set("xl/_rels/workbook.bin.rels", XML_DECL + '<Relationships xmlns="%s">'
            '<Relationship Id="rId1" Type="%sworksheet" Target="worksheets/sheet1.bin"/>'
            '<Relationship Id="rId2" Type="%sstyles" Target="styles.bin"/></Relationships>' % (NS_PKG_REL, REL, REL))
    # BrtBeginBook (0x83 0x01) / BrtEndBook (0x84 0x01), BrtBeginSheet (0x81 0x01) / BrtEndSheet (0x82 0x01)
    pkg.set("xl/workbook.bin", b"\x83\x01\x00\x84\x01\x00")
    pkg.set("xl/worksheets/sheet1.bin", b"\x81\x01\x00\x82\x01\x00")
    pkg.set("xl/styles.bin", b"\x96\x02\x00\x97\x02\x00")
    pkg.write(out("not-xlsb.xlsb"))
    record("not-xlsb.xlsb", "hand-built (Python zipfile)", "fake .xlsb (binary workbook package)",
           kind="not-workbook", expect="xlsb",
           notes="An OPC zip whose officeDocument is xl/workbook.bin with content type "
                 "application/vnd.ms-excel.sheet.binary.macroEnabled.main; the .bin parts hold only "
                 "begin/end records. Enough to be recognised as xlsb, not to be read.")

    with open(out("hand-fullcalconload.xlsx"), "rb") as f:
        whole = f.read()
    with open(out("not-truncated.xlsx"), "wb") as f:
        f.write(whole[:len(whole) * 3 // 5])
    record("not-truncated.xlsx", "hand-built (first 60% of hand-fullcalconload.xlsx)",
           "truncated xlsx (no central directory)", kind="not-workbook", expect="corrupt",
           notes="Starts with PK\\x03\\x04 like any xlsx but ends mid-member: no end-of-central-"
                 "directory record. Must be reported as damaged, never 'fixed'.")

    csv = ("附件7,,,,,,\n部门整体支出绩效自评表,,,,,,\n,,,,,,单位：万元\n"
           "部门名称（汇总）,,广州市天河区城市管理和综合执法局（本级）,,,被评价年度,2021年\n"
           "部门资金情况,部门调整预算收入,,18372.1,部门年初预算收入,,28517.27\n"
           ",实际支出数,,18372.1,年度预算调整数,,\n,其中：一般公共预算,,15914.14,,,\n"
           ",预算完成率,,95.00%,预算调整率,,-35.58%\n")
    with open(out("not-csv.xlsx"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + csv.encode("utf-8"))
    record("not-csv.xlsx", "hand-written text", "CSV text renamed .xlsx", kind="not-workbook", expect="csv",
           notes="UTF-8 (with BOM) comma-separated text of the form's first rows, named .xlsx.")


# ---------------------------------------------------------------------------
# Checks, manifest, main
# ---------------------------------------------------------------------------

UNSTABLE = ["libreoffice-form.xls", "libreoffice-form.et", "libreoffice-encrypted.xlsx"]
FIX_CELLS = ["G6", "D8", "B10", "E10", "B50", "B51", "B52", "B53"]


def form_sheet_part(z):
    """Path of the form sheet inside an xlsx/xlsm zip (namespace-prefix tolerant)."""
    wb = z.read("xl/workbook.xml").decode("utf-8")
    m = re.search(r'<(?:\w+:)?sheet\b[^>]*name="%s"[^>]*/>' % re.escape(FORM), wb)
    rid = re.search(r'\br:id="([^"]+)"', m.group(0)).group(1)
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    rel = re.search(r'<Relationship\b[^>]*\bId="%s"[^>]*/>' % rid, rels).group(0)
    target = re.search(r'Target="([^"]+)"', rel).group(1)
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def check_entry(e):
    path = out(e["file"])
    problems = []
    if e["kind"] != "workbook":
        return problems
    with zipfile.ZipFile(path) as z:
        bad = z.testzip()
        if bad:
            problems.append("testzip: " + bad)
        names = set(z.namelist())
        import xml.etree.ElementTree as ET
        for n in sorted(names):
            if n.endswith((".xml", ".rels", ".vml")):
                try:
                    ET.fromstring(z.read(n))
                except ET.ParseError as ex:
                    problems.append("%s is not well-formed: %s" % (n, ex))
        for p in e["parts"]:
            if p not in names:
                problems.append("missing part " + p)
        sp = form_sheet_part(z)
        e["formSheetPart"] = sp
        sheet = z.read(sp).decode("utf-8")
        for el in e.get("formSheetKeeps", []):
            if not re.search(r"<(\w+:)?%s[\s/>]" % el, sheet):
                problems.append("form sheet lacks <%s>" % el)
        wb = z.read("xl/workbook.xml").decode("utf-8")
        for el in e.get("workbookKeeps", []):
            if not re.search(r"<(\w+:)?%s[\s/>]" % el, wb):
                problems.append("workbook.xml lacks <%s>" % el)
        if re.search(r'<(\w+:)?c r="G6"[^>]*>\s*<(\w+:)?v>', sheet):
            problems.append("G6 is not empty")
        if not re.search(r'<(\w+:)?c r="D8"[^>]*>\s*<(\w+:)?v>0\.95</', sheet):
            problems.append("D8 is not 0.95")
    return problems


def try_openpyxl(e):
    import openpyxl
    import warnings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(out(e["file"]))
        ws = wb[FORM]
        return "ok" if ws["D8"].value == 0.95 and ws["G6"].value is None else \
            "loads, but reads D8=%r G6=%r" % (ws["D8"].value, ws["G6"].value)
    except Exception as ex:  # noqa: BLE001 - recorded, not fatal
        return "fails: %s: %s" % (type(ex).__name__, str(ex)[:120])


def soffice_csv(files, as_ods=()):
    """Convert each file to CSV with a headless LibreOffice; returns {file: 'ok' | reason}.
    Files in `as_ods` are converted to .ods instead (a CSV of a sheet that reaches XFD1048576
    would be 1 048 576 lines of 16 383 commas)."""
    tmp = tempfile.mkdtemp(prefix="ziping-csv-")
    prof = os.path.join(tmp, "profile")
    res = {}
    for f in files:
        od = os.path.join(tmp, re.sub(r"\W", "_", f))
        os.makedirs(od)
        target = "ods" if f in as_ods else "csv:Text - txt - csv (StarCalc):44,34,76"
        proc = subprocess.Popen(["soffice", "-env:UserInstallation=file://" + prof, "--headless",
                                 "--convert-to", target, "--outdir", od, out(f)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        try:
            _, err = proc.communicate(timeout=180)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.communicate()
            res[f] = "fails: no answer within 180 s"
            continue
        made = os.listdir(od)
        if proc.returncode != 0 or not made:
            res[f] = "fails: %s" % (err.strip().splitlines() or ["no output"])[-1][:160]
            continue
        if f in as_ods:
            res[f] = "ok (converted to ods)"
            continue
        text = open(os.path.join(od, made[0]), encoding="utf-8", errors="replace").read()
        res[f] = "ok" if "部门整体支出绩效自评表" in text and "95.00%" in text else \
            "converts, but the CSV lacks the title or 95.00%"
    shutil.rmtree(tmp, ignore_errors=True)
    return res


def current_cli(e):
    """What the CLI in bin/ (ExcelJS-based at the time of writing) does with the file."""
    tmp = tempfile.mkdtemp(prefix="ziping-fix-")
    try:
        r = subprocess.run(["node", os.path.join(ROOT, "bin", "ziping.js"), "fix", out(e["file"]),
                            "-o", os.path.join(tmp, "fixed" + os.path.splitext(e["file"])[1])],
                           capture_output=True, text=True, timeout=60, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"exit": None, "cells": [], "message": "no answer within 60 s (killed)"}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    cells = re.findall(r"^\s+([A-Z]+\d+)：", r.stdout, re.M)
    if r.returncode != 0 and not cells:
        msg = (r.stderr.strip() or r.stdout.strip()).splitlines()
        return {"exit": r.returncode, "cells": [], "message": (msg[0] if msg else "")[:200]}
    return {"exit": r.returncode, "cells": cells}


README_HEAD = """# Rich workbooks for the package writer

Generated by `scripts/make-rich-fixtures.py` (with `scripts/make-rich-fixtures.js` for ExcelJS);
do not edit by hand: change the script and run it again (about 1.5 minutes):

    apt-get install -y libreoffice-calc-nogui python3-openpyxl python3-uno python3-pil \\
        python3-olefile python3-msoffcrypto-tool
    /usr/bin/python3 scripts/make-rich-fixtures.py

Each workbook is the form of `examples/2021-天河区城管局-部门整体支出绩效自评表.xlsx` (sheet
「部门整体支出绩效自评表」) plus ONE feature, written by the program users meet or hand-built the
way Excel / WPS write the parts. Every workbook carries the same planted slips so that `ziping fix`
has cells to write: 年度预算调整数 **G6 is empty**, 预算完成率 **D8 = 0.95** (format 0.00%), and
the `<p>` markup in B10, E10, B50–B53 is kept. So a fix of an unprotected form writes G6, D8,
B10, E10, B50, B51, B52, B53 (`expectWrites`); a fix of a protected form writes nothing.

`manifest.json` has one entry per file:

| key | meaning |
| --- | --- |
| `file`, `writer`, `feature` | the file, the program that wrote it, the one feature it adds |
| `kind` | `workbook` (fix must work on it) or `not-workbook` (must be told apart, never written) |
| `expectKind` | `xlsx`, `xlsm`, `ods`, `xls`, `xlsb`, `et`, `encrypted`, `corrupt`, `csv` |
| `parts` | zip members that carry the feature: byte-identical after a fix |
| `formSheetPart` | where the form sheet lives in the zip |
| `formSheetKeeps` | elements of the form sheet XML that carry the feature: present and unchanged after a fix (compare the serialised element) |
| `workbookKeeps` | the same for elements of `xl/workbook.xml` |
| `protectedSheets`, `formProtected` | `formProtected: true`: fix must write nothing to the form sheet (and so nothing at all) |
| `expectWrites` | the cells a fix is expected to write |
| `currentCli` | what `bin/ziping.js fix` did with the file when the corpus was generated (the CLI then read and wrote with ExcelJS): exit code, cells it reported, its message. A record, not a requirement |
| `openpyxl`, `libreofficeCsv` | whether openpyxl 3.0.9 loads the file and reads the slips; whether headless LibreOffice converts it to CSV showing the title and 95.00% |
| `bytes`, `sha256` | of the committed file; all are reproducible byte for byte except `libreoffice-form.xls`/`.et` (OLE summary times) and `libreoffice-encrypted.xlsx` (random salt) |

Determinism: zip member times are pinned to 2024-01-01 00:00, docProps dates to
2024-01-01T00:00:00Z, random ids (LibreOffice chart axes, an ExcelJS x14 GUID) are renumbered.
LibreOffice's and ExcelJS's zips are patched in place (raw members copied, only the changed ones
recompressed), so their zip layout — data descriptors, member order, directory entries — is the
writer's own.

## Files

| file | writer | feature | must survive | how it was made |
| --- | --- | --- | --- | --- |
"""


README_TAIL = """
## What the writers do that a reader or writer may trip on

- **openpyxl 3.0.9** (Debian's): no `sharedStrings.xml` at all — every string is
  `t="inlineStr"` with characters as `&#NNNNN;` references; sheets have no XML declaration;
  rel targets are absolute (`/xl/worksheets/sheet1.xml`, `/xl/drawings/drawing1.xml`,
  `/xl/comments/comment1.xml`); the comment rels have the Ids `comments` and `anysvml`;
  `xmlns:r` is declared on each `<sheet>` of workbook.xml, not on the root; `calcPr` always
  gets `fullCalcOnLoad="1"`; `[Content_Types].xml` is the LAST zip member; empty styled cells
  are written `<c r="B4" s="11" t="n"></c>`; print titles are written without `$`
  (`'…'!1:4,'…'!A:B`). ExcelJS 4.4 cannot read openpyxl files that have a drawing, chart,
  comments or a table (it does not resolve the absolute targets): the current CLI calls them
  damaged.
- **LibreOffice 7.4**: every member with a data descriptor (flag bit 3) and the UTF-8 flag;
  `[Content_Types].xml` is the 9th member or so; Overrides for `/_rels/.rels` and
  `/xl/_rels/workbook.xml.rels`; no theme part; an empty `docProps/custom.xml`; an empty
  `<workbookProtection/>` in every workbook; booleans as `true`/`false`, so its sheet protection
  is `<sheetProtection sheet="true" password="de0d" objects="true" scenarios="true"/>` — the
  current CLI does not see it and writes into the protected form; a sheet autofilter comes with
  an empty `xl/drawings/drawing1.xml`; a named database range is exported as a table part;
  `_xlnm._FilterDatabase` unquoted with `function="false" vbProcedure="false"`; comment author
  is a single space; chart axis ids are random; OOXML encryption works only with
  `CryptoType=Standard` (Agile fails with an I/O error). ExcelJS reads the database-range file
  but fails to write it back (`Cannot read properties of null (reading 'theme')`).
- **ExcelJS 4.4**: zip entries for directories (`xl/`, `_rels/`, …); `xl/workbook.xml` last;
  comment author always `Author`; a dataBar gets an x14 twin in `extLst` with a random GUID.
- **The current recogniser**: with numbers beside the form in I5:I8 and G6 empty it took I6 for
  年度预算调整数 and fix wrote I6 (so the shared formulas now sit in I56:J59); with
  `G8 = ROUND(G6/G5,4)` and G6 empty it reports G8's formula as wrong and "fixes" it to the same
  formula. Once, while the corpus was made, `fix` on `odd-xfd-cell.xlsx` gave no answer in
  120 s and was killed; later runs (dist/ had been rebuilt by others meanwhile) took under a
  second. A CSV export of that file by LibreOffice would be 1 048 576 lines long, so the
  generator converts it to .ods to verify it.
- `currentCli` comes from whatever dist/ held when the generator ran (others were reworking
  the CLI at the time); rerun the generator to refresh it.
- **Strict**: openpyxl finds no sheet in `hand-strict.xlsx`; LibreOffice reads it.
"""


def write_readme():
    def cell(t):
        return t.replace("|", "\\|").replace("\n", " ")

    lines = [README_HEAD.rstrip("\n")]
    for e in MANIFEST:
        keep = []
        if e["parts"]:
            keep.append(", ".join("`%s`" % p for p in e["parts"]))
        if e.get("formSheetKeeps"):
            keep.append("form sheet " + ", ".join("`<%s>`" % k for k in e["formSheetKeeps"]))
        if e.get("workbookKeeps"):
            keep.append("workbook.xml " + ", ".join("`<%s>`" % k for k in e["workbookKeeps"]))
        if e["formProtected"]:
            keep.append("**whole file: the form is protected**")
        if e["kind"] != "workbook":
            keep.append("not a workbook (`%s`): refuse, write nothing" % e["expectKind"])
        notes = cell(e["notes"]).replace("<", "&lt;").replace(">", "&gt;")
        lines.append("| `%s` | %s | %s | %s | %s |" % (e["file"], cell(e["writer"]), cell(e["feature"]),
                                                     cell("; ".join(keep)) or "-", notes))
    lines.append(README_TAIL)
    with open(out("README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    if "--readme-only" in sys.argv:   # rewrite README.md from the committed manifest.json
        with open(out("manifest.json"), encoding="utf-8") as f:
            MANIFEST.extend(json.load(f))
        write_readme()
        return 0
    verify = "--no-verify" not in sys.argv
    os.makedirs(OUT, exist_ok=True)
    # --keep-unstable: put back the committed copies of the files LibreOffice cannot write
    # byte-identically twice (they are equivalent), so a regeneration does not churn them
    unstable = {}
    if "--keep-unstable" in sys.argv:
        for f in UNSTABLE:
            if os.path.exists(out(f)):
                with open(out(f), "rb") as fh:
                    unstable[f] = fh.read()
    for f in os.listdir(OUT):
        os.remove(out(f))
    make_openpyxl()
    make_libreoffice()
    make_exceljs()
    make_hand()
    make_odd()
    make_not_workbooks()
    for f, data in unstable.items():
        with open(out(f), "wb") as fh:
            fh.write(data)

    failures = []
    for e in MANIFEST:
        probs = check_entry(e)
        if probs:
            failures.append((e["file"], probs))
        if e["kind"] == "workbook":
            e["expectWrites"] = [] if e["formProtected"] else list(FIX_CELLS)
            if e["file"] == "hand-calcchain.xlsx":
                e["expectWrites"].insert(2, "G8")
            e["openpyxl"] = try_openpyxl(e)
            e["currentCli"] = current_cli(e)
        with open(out(e["file"]), "rb") as f:
            data = f.read()
        e["bytes"] = len(data)
        e["sha256"] = hashlib.sha256(data).hexdigest()
    if verify:
        res = soffice_csv([e["file"] for e in MANIFEST if e["kind"] == "workbook"],
                          as_ods={"odd-xfd-cell.xlsx"})
        for e in MANIFEST:
            if e["file"] in res:
                e["libreofficeCsv"] = res[e["file"]]
                if not res[e["file"]].startswith("ok"):
                    failures.append((e["file"], ["soffice csv: " + res[e["file"]]]))
    with open(out("manifest.json"), "w", encoding="utf-8") as f:
        json.dump(MANIFEST, f, ensure_ascii=False, indent=2)
        f.write("\n")
    write_readme()
    total = sum(e["bytes"] for e in MANIFEST)
    print("%d files, %.2f MB" % (len(MANIFEST), total / 1e6))
    for f, probs in failures:
        print("PROBLEM %s: %s" % (f, "; ".join(probs)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
