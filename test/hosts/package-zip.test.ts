/**
 * The zip container (src/hosts/xlsx/package/zip.ts): what real writers produce (data descriptors,
 * Zip64), entries copied as stored, and the bounds that refuse a bomb before it is inflated.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import { XlsxPackage } from "../../src/hosts/xlsx/package";
import { InflateBudget, ZipError, readEntry, readZip, writeZip } from "../../src/hosts/xlsx/package/zip";
import { EXAMPLE } from "../helpers/example";
import { differingEntries } from "../helpers/packageDiff";
import { buildZip, handWorkbook } from "../helpers/zipBuilder";

const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** `megabytes` MB of zeros as a raw deflate stream, made by repeating one flushed block (no need to compress it all). */
export function zerosDeflated(megabytes: number): Uint8Array {
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const out = Buffer.alloc(block.length * megabytes + 2);
  for (let i = 0; i < megabytes; i++) block.copy(out, i * block.length);
  out[out.length - 2] = 0x03; // a final, empty fixed-Huffman block
  out[out.length - 1] = 0x00;
  return out;
}

describe("the zip container", () => {
  it("reads entries written with data descriptors (sizes after the data)", () => {
    const bytes = buildZip([
      { name: "a.xml", data: "<a>一</a>", descriptor: true },
      { name: "b.bin", data: new Uint8Array([1, 2, 3]), store: true, descriptor: true },
      { name: "c.xml", data: "<c/>" },
    ]);
    const zip = readZip(bytes, 100);
    expect(zip.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([["a.xml", 10], ["b.bin", 3], ["c.xml", 4]]);
    const budget = new InflateBudget(1e6);
    expect(text(readEntry(zip, zip.entries[0], budget))).toBe("<a>一</a>");
    expect([...readEntry(zip, zip.entries[1], budget)]).toEqual([1, 2, 3]);
    expect(text(readEntry(zip, zip.entries[2], budget))).toBe("<c/>");
    // The descriptor is part of the record copied as stored.
    expect(zip.entries[0].recordEnd).toBe(zip.entries[1].localOffset);
  });

  it("reads Zip64 records: extra fields with the sizes and offsets, and the Zip64 end of central directory", () => {
    const bytes = buildZip([{ name: "a.xml", data: "<a/>", zip64: true }, { name: "b.xml", data: "<b>二</b>", zip64: true, descriptor: true }], { zip64End: true });
    const zip = readZip(bytes, 100);
    expect(zip.entries.map((e) => [e.name, e.uncompressedSize, e.localOffset > 0 || e.index === 0])).toEqual([["a.xml", 4, true], ["b.xml", 10, true]]);
    expect(text(readEntry(zip, zip.entries[1], new InflateBudget(1e6)))).toBe("<b>二</b>");
  });

  it("copies every entry as stored: unchanged, the package comes out byte for byte", () => {
    const bytes = new Uint8Array(fs.readFileSync(EXAMPLE));
    expect(Buffer.from(writeZip(readZip(bytes, 100), new Map())).equals(Buffer.from(bytes))).toBe(true);
  });

  it("changing one entry leaves every other entry's stored bytes (descriptors, Zip64 fields) as they were", () => {
    const bytes = buildZip([
      { name: "first.xml", data: "<a/>", descriptor: true },
      { name: "change.xml", data: "<old/>", zip64: true },
      { name: "z64.xml", data: "<z/>", zip64: true, descriptor: true },
      { name: "stored.bin", data: new Uint8Array(100).fill(7), store: true },
    ]);
    const zip = readZip(bytes, 100);
    const out = writeZip(zip, new Map([["change.xml", { data: new TextEncoder().encode("<new>新</new>") }]]));
    const again = readZip(out, 100);
    expect(again.entries.map((e) => e.name)).toEqual(["first.xml", "change.xml", "z64.xml", "stored.bin"]);
    expect(text(readEntry(again, again.entries[1], new InflateBudget(1e6)))).toBe("<new>新</new>");
    expect(text(readEntry(again, again.entries[2], new InflateBudget(1e6)))).toBe("<z/>");
    // The Zip64 entry after the change moved: its offset lives in its extra field, so compare the records.
    for (const i of [0, 2, 3]) expect(Buffer.from(out.subarray(again.entries[i].localOffset, again.entries[i].recordEnd)).equals(Buffer.from(bytes.subarray(zip.entries[i].localOffset, zip.entries[i].recordEnd)))).toBe(true);
    expect(differingEntries(bytes, out).differ).toContain("change.xml");
  });

  it("a truncated zip is corrupt", () => {
    const bytes = new Uint8Array(fs.readFileSync(EXAMPLE));
    expect(() => readZip(bytes.subarray(0, bytes.length - 30), 100)).toThrow(ZipError);
    expect(() => readZip(bytes.subarray(0, 5000), 100)).toThrow(ZipError);
  });
});

describe("bounds", () => {
  const sheet = `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`;

  it("refuses a worksheet that declares 3 GB, before inflating anything", () => {
    const bytes = handWorkbook([{ name: "s", body: sheet }], {});
    const zip = readZip(bytes, 100);
    // The same package with the sheet's declared size raised to 3 GB.
    const bomb = buildZip(zip.entries.map((e) => ({ name: e.name, data: readEntry(zip, e, new InflateBudget(1e6)), declaredSize: e.name.endsWith("sheet1.xml") ? 3e9 : undefined })));
    expect(() => XlsxPackage.open(bomb, "炸弹.xlsx")).toThrow(/「炸弹.xlsx」中的表格数据解压后超过 200 MB/);
  });

  it("refuses an entry that inflates to more than it declares, while inflating (a real 64 MB of zeros declared as 1 KB)", () => {
    const zeros = zerosDeflated(64);
    const bytes = buildZip([{ name: "x.bin", data: zeros, store: true }]);
    // Re-mark the stored bytes as deflated with a 1 KB declared size: rebuild by hand.
    const zip = readZip(bytes, 10);
    const e = zip.entries[0];
    const lying = Uint8Array.from(bytes);
    const setU16 = (o: number, v: number) => ((lying[o] = v & 0xff), (lying[o + 1] = v >> 8));
    const setU32 = (o: number, v: number) => [0, 1, 2, 3].forEach((i) => (lying[o + i] = (v >>> (8 * i)) & 0xff));
    setU16(e.localOffset + 8, 8);
    setU32(e.localOffset + 22, 1024);
    const cd = e.central.byteOffset - bytes.byteOffset;
    setU16(cd + 10, 8);
    setU32(cd + 24, 1024);
    const liar = readZip(lying, 10);
    let produced = 0;
    expect(() => readEntry(liar, liar.entries[0], new InflateBudget(200 * 1024 * 1024))).toThrow(/inflates to more than its declared 1024 bytes/);
    // And the budget stops a truthful entry at the bound.
    setU32(e.localOffset + 22, 64 * 1024 * 1024);
    setU32(cd + 24, 64 * 1024 * 1024);
    const honest = readZip(lying, 10);
    expect(() => readEntry(honest, honest.entries[0], new InflateBudget(8 * 1024 * 1024))).toThrow(ZipError);
    produced = readEntry(honest, honest.entries[0], new InflateBudget(100 * 1024 * 1024)).length;
    expect(produced).toBe(64 * 1024 * 1024);
  });

  it("a workbook whose sheet lies about its size is refused with a message", () => {
    const rows = Array.from({ length: 2000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join("");
    const bytes = handWorkbook([{ name: "s", body: `<sheetData>${rows}</sheetData>` }]);
    const zip = readZip(bytes, 100);
    const lying = buildZip(zip.entries.map((e) => ({ name: e.name, data: readEntry(zip, e, new InflateBudget(1e7)), declaredSize: e.name.endsWith("sheet1.xml") ? 100 : undefined })));
    expect(() => XlsxPackage.open(lying, "谎报.xlsx")).toThrow(/「谎报.xlsx」的压缩数据与其中记录的大小不符/);
  });

  it("refuses more than 20,000 entries", () => {
    const entries = Array.from({ length: 20_001 }, (_, i) => ({ name: `f${i}`, data: new Uint8Array(0), store: true }));
    expect(() => XlsxPackage.open(buildZip(entries), "多.xlsx")).toThrow(/「多.xlsx」中的压缩条目超过 20000 个/);
  });
});
