/**
 * The small parts that say where everything is: content types, relationships, the workbook part and
 * the styles' number formats. Transitional (schemas.openxmlformats.org) and Strict (purl.oclc.org)
 * namespaces alike: relationship types are matched by their last segment, elements by local name.
 */
import { attr, attrs, decodeAttr, eachElement, elementText, prefixedAttr } from "./xml";
import { BUILTIN_FORMATS, customFormatCode, isDateFormat } from "./numfmt";
import { StyleInfo } from "./sheet";

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** A relationship type's last segment: `…/relationships/worksheet` → `worksheet`. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

export function parseRels(text: string): Rel[] {
  const out: Rel[] = [];
  eachElement(text, ["Relationship"], (el) => {
    const a = attrs(text, el.lt, el.te);
    if (a.Id === undefined || a.Target === undefined) return;
    out.push({ id: a.Id, type: a.Type ?? "", target: a.Target, external: a.TargetMode === "External" });
  });
  return out;
}

/** The rels part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target as a part name (no leading "/"), resolved against the source part's folder. */
export function resolveTarget(source: string, target: string): string {
  let t = target.trim();
  try {
    t = decodeURIComponent(t);
  } catch {
    /* a literal % in a name */
  }
  t = t.replace(/\\/g, "/");
  const hash = t.indexOf("#");
  if (hash >= 0) t = t.slice(0, hash);
  const segments = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") segments.pop();
    else segments.push(seg);
  }
  return segments.join("/");
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function parseContentTypes(text: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  eachElement(text, ["Default", "Override"], (el) => {
    const a = attrs(text, el.lt, el.te);
    if (el.local === "Default" && a.Extension) defaults.set(a.Extension.toLowerCase(), a.ContentType ?? "");
    if (el.local === "Override" && a.PartName) overrides.set(a.PartName.replace(/^\//, "").toLowerCase(), a.ContentType ?? "");
  });
  return { defaults, overrides };
}

export function contentTypeOf(ct: ContentTypes, part: string): string | undefined {
  const o = ct.overrides.get(part.toLowerCase());
  if (o !== undefined) return o;
  const dot = part.lastIndexOf(".");
  return dot >= 0 ? ct.defaults.get(part.slice(dot + 1).toLowerCase()) : undefined;
}

export interface SheetDef {
  name: string;
  sheetId: string;
  rid?: string;
  state?: string;
}

export interface DefinedName {
  name: string;
  localSheetId?: number;
  text: string;
}

export interface WorkbookInfo {
  sheets: SheetDef[];
  date1904: boolean;
  definedNames: DefinedName[];
}

export function parseWorkbook(text: string): WorkbookInfo {
  const sheets: SheetDef[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  eachElement(text, ["sheet", "workbookPr", "definedName"], (el) => {
    if (el.local === "sheet") {
      const a = attrs(text, el.lt, el.te);
      sheets.push({ name: a.name ?? "", sheetId: a.sheetId ?? "", rid: prefixedAttr(a, "id"), state: a.state });
    } else if (el.local === "workbookPr") {
      // As ExcelJS reads it (date1904="1"); LibreOffice writes "true" for 1904 workbooks too.
      const v = attr(text, el.lt, el.te, "date1904");
      date1904 = v === "1" || v === "true";
    } else {
      const a = attrs(text, el.lt, el.te);
      const close = el.close();
      definedNames.push({ name: a.name ?? "", localSheetId: a.localSheetId !== undefined ? Number(a.localSheetId) : undefined, text: close > el.te ? elementText(text, el.te, close) : "" });
    }
  });
  return { sheets, date1904, definedNames };
}

/** Each cell style (cellXfs entry) as the snapshot sees it: its number format code and whether it formats dates. */
export function parseStyles(text: string | undefined): StyleInfo[] {
  if (!text) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  // numFmts come before cellXfs; dxfs (after cellXfs) carry numFmts of their own, which are not cell formats.
  let seenCellXfs = false;
  eachElement(text, ["numFmt", "cellXfs"], (el) => {
    if (el.local === "cellXfs") {
      inCellXfs = !el.selfClosing;
      seenCellXfs = true;
      if (!inCellXfs) return;
      const close = el.close();
      // Read the xf elements of this list only.
      const list = text.slice(el.te + 1, close < 0 ? text.length : close);
      eachElement(list, ["xf"], (x) => {
        const id = attr(list, x.lt, x.te, "numFmtId");
        xfIds.push(id === undefined ? 0 : parseInt(id, 10));
      });
      inCellXfs = false;
      return;
    }
    if (el.local === "numFmt" && !seenCellXfs) {
      const id = attr(text, el.lt, el.te, "numFmtId");
      const code = attr(text, el.lt, el.te, "formatCode");
      if (id !== undefined && code !== undefined) custom.set(parseInt(id, 10), customFormatCode(code));
    }
  });
  return xfIds.map((id) => {
    // As ExcelJS: a custom code for the id first, then the built-in table; 0 is General.
    const code = id ? custom.get(id) ?? BUILTIN_FORMATS[id] : undefined;
    return { fmt: code && code !== "General" ? code : undefined, isDate: isDateFormat(code) };
  });
}

export { decodeAttr };
