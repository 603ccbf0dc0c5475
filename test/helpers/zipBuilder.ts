import { deflateSync } from "fflate";
import { crc32 } from "../../src/hosts/xlsx/package/zip";

/** One entry of a hand-built zip. */
export interface BuildEntry {
  name: string;
  data: Uint8Array | string;
  /** Stored instead of deflated. */
  store?: boolean;
  /** Write the sizes after the data (general purpose bit 3), as streaming writers do. */
  descriptor?: boolean;
  /** Write Zip64 extra fields (sizes and offset saturated in the headers), as large-file writers do. */
  zip64?: boolean;
  /** Declare this uncompressed size instead of the real one (a lying header). */
  declaredSize?: number;
}

function le(n: number, size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < size; i++) {
    out.push(n % 256);
    n = Math.floor(n / 256);
  }
  return out;
}

/**
 * Writes a zip by hand, with the features real writers use that library writers do not produce on
 * demand: data descriptors, Zip64 records, stored entries, lying sizes. Used by the zip and reader tests.
 */
export function buildZip(entries: BuildEntry[], opts: { zip64End?: boolean } = {}): Uint8Array {
  const central: number[] = [];
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const push = (bytes: number[] | Uint8Array) => {
    chunks.push(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
    offset += bytes.length;
  };
  for (const e of entries) {
    const raw = typeof e.data === "string" ? new TextEncoder().encode(e.data) : e.data;
    const packed = e.store ? raw : deflateSync(raw);
    const crc = crc32(raw);
    const usize = e.declaredSize ?? raw.length;
    const flags = (e.descriptor ? 0x08 : 0) | 0x800;
    const name = new TextEncoder().encode(e.name);
    const z64 = !!e.zip64;
    const localExtra = z64 ? [...le(1, 2), ...le(16, 2), ...le(e.descriptor ? 0 : usize, 8), ...le(e.descriptor ? 0 : packed.length, 8)] : [];
    const local = [
      ...le(0x04034b50, 4), ...le(z64 ? 45 : 20, 2), ...le(flags, 2), ...le(e.store ? 0 : 8, 2), ...le(0, 2), ...le(0x21, 2),
      ...le(e.descriptor ? 0 : crc, 4),
      ...le(z64 ? 0xffffffff : e.descriptor ? 0 : packed.length, 4),
      ...le(z64 ? 0xffffffff : e.descriptor ? 0 : usize, 4),
      ...le(name.length, 2), ...le(localExtra.length, 2),
    ];
    const localOffset = offset;
    push(local);
    push(name);
    push(localExtra);
    push(packed);
    if (e.descriptor) push([...le(0x08074b50, 4), ...le(crc, 4), ...(z64 ? [...le(packed.length, 8), ...le(usize, 8)] : [...le(packed.length, 4), ...le(usize, 4)])]);
    const centralExtra = z64 ? [...le(1, 2), ...le(24, 2), ...le(usize, 8), ...le(packed.length, 8), ...le(localOffset, 8)] : [];
    central.push(
      ...le(0x02014b50, 4), ...le(z64 ? 45 : 20, 2), ...le(z64 ? 45 : 20, 2), ...le(flags, 2), ...le(e.store ? 0 : 8, 2), ...le(0, 2), ...le(0x21, 2),
      ...le(crc, 4),
      ...le(z64 ? 0xffffffff : packed.length, 4),
      ...le(z64 ? 0xffffffff : usize, 4),
      ...le(name.length, 2), ...le(centralExtra.length, 2), ...le(0, 2), ...le(0, 2), ...le(0, 2), ...le(0, 4),
      ...le(z64 ? 0xffffffff : localOffset, 4),
      ...name, ...centralExtra,
    );
  }
  const cdOffset = offset;
  push(central);
  if (opts.zip64End) {
    const z = offset;
    push([...le(0x06064b50, 4), ...le(44, 8), ...le(45, 2), ...le(45, 2), ...le(0, 4), ...le(0, 4), ...le(entries.length, 8), ...le(entries.length, 8), ...le(central.length, 8), ...le(cdOffset, 8)]);
    push([...le(0x07064b50, 4), ...le(0, 4), ...le(z, 8), ...le(1, 4)]);
    push([...le(0x06054b50, 4), ...le(0, 2), ...le(0, 2), ...le(0xffff, 2), ...le(0xffff, 2), ...le(0xffffffff, 4), ...le(0xffffffff, 4), ...le(0, 2)]);
  } else {
    push([...le(0x06054b50, 4), ...le(0, 2), ...le(0, 2), ...le(entries.length, 2), ...le(entries.length, 2), ...le(central.length, 4), ...le(cdOffset, 4), ...le(0, 2)]);
  }
  const all = new Uint8Array(offset);
  let at = 0;
  for (const c of chunks) (all.set(c, at), (at += c.length));
  return all;
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_RNS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

export interface HandSheet {
  name: string;
  /** The worksheet element's content (sheetData and the rest), without the root element. */
  body: string;
  /** Extra attributes of the root element. */
  rootAttrs?: string;
  /** Extra relationships of the sheet part. */
  rels?: string;
}

/**
 * A minimal workbook package from hand-written XML: what Excel-, WPS- and LibreOffice-specific
 * constructs look like when no library writes them.
 */
export function handWorkbook(sheets: HandSheet[], opts: { strict?: boolean; prefix?: string; sharedStrings?: string[]; styles?: string; workbookExtra?: string; extraEntries?: BuildEntry[]; calcChain?: string; absoluteTargets?: boolean; entry?: Partial<BuildEntry> } = {}): Uint8Array {
  const ns = opts.strict ? STRICT_NS : NS;
  const rns = opts.strict ? STRICT_RNS : RNS;
  const relType = (t: string) => (opts.strict ? `http://purl.oclc.org/ooxml/officeDocument/relationships/${t}` : `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${t}`);
  const p = opts.prefix ? `${opts.prefix}:` : "";
  const xmlns = opts.prefix ? `xmlns:${opts.prefix}="${ns}"` : `xmlns="${ns}"`;
  const target = (t: string) => (opts.absoluteTargets ? `/xl/${t}` : t);
  const entries: BuildEntry[] = [];
  const ct = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`,
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`,
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`,
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
    ...sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
    opts.sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : "",
    opts.styles ? `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` : "",
    opts.calcChain ? `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>` : "",
    `</Types>`,
  ].join("");
  entries.push({ name: "[Content_Types].xml", data: ct });
  entries.push({ name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType("officeDocument")}" Target="${opts.absoluteTargets ? "/xl/workbook.xml" : "xl/workbook.xml"}"/></Relationships>` });
  const rels = [
    ...sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${relType("worksheet")}" Target="${target(`worksheets/sheet${i + 1}.xml`)}"/>`),
    opts.sharedStrings ? `<Relationship Id="rSst" Type="${relType("sharedStrings")}" Target="${target("sharedStrings.xml")}"/>` : "",
    opts.styles ? `<Relationship Id="rSty" Type="${relType("styles")}" Target="${target("styles.xml")}"/>` : "",
    opts.calcChain ? `<Relationship Id="rCc" Type="${relType("calcChain")}" Target="${target("calcChain.xml")}"/>` : "",
  ].join("");
  entries.push({ name: "xl/_rels/workbook.xml.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>` });
  entries.push({
    name: "xl/workbook.xml",
    data: `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${xmlns} xmlns:r="${rns}"><${p}sheets>${sheets.map((s, i) => `<${p}sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</${p}sheets>${opts.workbookExtra ?? ""}</${p}workbook>`,
  });
  sheets.forEach((s, i) => {
    entries.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${xmlns} xmlns:r="${rns}"${s.rootAttrs ?? ""}>${s.body}</${p}worksheet>` });
    if (s.rels) entries.push({ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${s.rels}</Relationships>` });
  });
  if (opts.sharedStrings) entries.push({ name: "xl/sharedStrings.xml", data: `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${xmlns} count="${opts.sharedStrings.length}" uniqueCount="${opts.sharedStrings.length}">${opts.sharedStrings.join("")}</${p}sst>` });
  if (opts.styles) entries.push({ name: "xl/styles.xml", data: `<?xml version="1.0" encoding="UTF-8"?><${p}styleSheet ${xmlns}>${opts.styles}</${p}styleSheet>` });
  if (opts.calcChain) entries.push({ name: "xl/calcChain.xml", data: `<?xml version="1.0" encoding="UTF-8"?><${p}calcChain ${xmlns}>${opts.calcChain}</${p}calcChain>` });
  entries.push(...(opts.extraEntries ?? []));
  return buildZip(entries.map((e) => ({ ...opts.entry, ...e })));
}
