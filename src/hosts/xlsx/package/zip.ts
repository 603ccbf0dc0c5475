/**
 * The zip container of an .xlsx, read from its central directory and written back entry by entry.
 *
 * Why our own container code over fflate's inflate/deflate, and not fflate's (or JSZip's) unzip/zip:
 * a fix must copy every entry it does not change byte for byte as stored — the same compressed bytes,
 * local header, data descriptor, names and order — and neither library can copy an entry raw: they
 * inflate on read and deflate again on write, and they rebuild headers as they see fit. They also read
 * from local headers or inflate whole entries before any size check, which is how a 3 MB zip that
 * inflates to 3 GB took 25 s and 3.3 GB to refuse. Here the central directory is the index (Zip64 and
 * data descriptors included), sizes are checked before anything is inflated, and inflating counts what
 * it produces and stops at the declared size. fflate does the deflate work only.
 *
 * Pure (Uint8Array, no Buffer, no fs): the browser demo runs it too.
 */
import { Deflate, Inflate, inflateSync } from "fflate";

/** Why a zip could not be read: the reader turns each into a Chinese message. */
export class ZipError extends Error {
  constructor(readonly kind: "notZip" | "corrupt" | "encrypted" | "unsupported" | "tooManyEntries" | "tooLarge" | "sizeMismatch", message: string) {
    super(message);
    this.name = "ZipError";
  }
}

export interface ZipEntry {
  /** The entry name as stored (UTF-8 or CP437 decoded; xlsx part names are ASCII). */
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local header in the input. */
  localOffset: number;
  /** Offset of the entry's data (after the local header, name and extra field). */
  dataOffset: number;
  /** End of the whole stored record: data plus any data descriptor. Copying [localOffset, recordEnd) copies the entry as stored. */
  recordEnd: number;
  /** The central directory record, as stored. */
  central: Uint8Array;
  /** Index of the entry in the central directory. */
  index: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** Entries by name, and by lower-cased name (part names are case-insensitive in OPC). */
  byName: Map<string, ZipEntry>;
  byLowerName: Map<string, ZipEntry>;
  /** The archive comment, kept when the archive is written again. */
  comment: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  // Sizes and offsets in a package this reader accepts stay far below 2^53.
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

const utf8 = new TextDecoder("utf-8", { fatal: false });
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ";

function decodeName(raw: Uint8Array, flags: number): string {
  if (flags & 0x800) return utf8.decode(raw);
  let ascii = true;
  for (let i = 0; i < raw.length; i++) if (raw[i] >= 0x80) ascii = false;
  if (ascii) return String.fromCharCode(...raw);
  // Not flagged UTF-8: most zip tools then mean CP437, but Chinese Windows tools write GBK or UTF-8
  // unflagged. Part names of a workbook are ASCII, so this only affects names we never look up.
  const asUtf8 = new TextDecoder("utf-8", { fatal: true });
  try {
    return asUtf8.decode(raw);
  } catch {
    let s = "";
    for (let i = 0; i < raw.length; i++) s += raw[i] < 0x80 ? String.fromCharCode(raw[i]) : CP437_HIGH[raw[i] - 0x80];
    return s;
  }
}

/** Finds the end-of-central-directory record, searching back over a possible archive comment. */
function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      // The comment length must reach exactly to the end, or this is a stray signature in the comment.
      if (i + 22 + u16(b, i + 20) === b.length) return i;
    }
  }
  // A comment length that does not match the file (some writers get it wrong): take the last signature.
  for (let i = b.length - 22; i >= min; i--) if (u32(b, i) === SIG_EOCD) return i;
  return -1;
}

/** The Zip64 extended information extra field (0x0001): the 64-bit values of the fields saturated in the record. */
function zip64Extra(extra: Uint8Array, want: { usize: boolean; csize: boolean; offset: boolean }): { usize?: number; csize?: number; offset?: number } {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = u16(extra, p);
    const len = u16(extra, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const end = Math.min(extra.length, q + len);
      const out: { usize?: number; csize?: number; offset?: number } = {};
      if (want.usize && q + 8 <= end) (out.usize = u64(extra, q)), (q += 8);
      if (want.csize && q + 8 <= end) (out.csize = u64(extra, q)), (q += 8);
      if (want.offset && q + 8 <= end) (out.offset = u64(extra, q)), (q += 8);
      return out;
    }
    p += 4 + len;
  }
  return {};
}

function hasField(extra: Uint8Array, id: number): boolean {
  for (let p = 0; p + 4 <= extra.length; p += 4 + u16(extra, p + 2)) if (u16(extra, p) === id) return true;
  return false;
}

/**
 * Reads the central directory of a zip. Nothing is inflated here. Refuses more than `maxEntries`
 * entries, encrypted entries, and records that point outside the file (a truncated download).
 */
export function readZip(bytes: Uint8Array, maxEntries: number): ZipArchive {
  // A zip may in theory start with anything (self-extractors); a workbook never does.
  if (bytes.length < 4 || (u32(bytes, 0) !== SIG_LOCAL && u32(bytes, 0) !== SIG_EOCD)) throw new ZipError("notZip", "not a zip");
  const eocd = findEocd(bytes);
  if (eocd < 0) throw new ZipError("corrupt", "no end of central directory (truncated?)");
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  const comment = bytes.subarray(eocd + 22, Math.min(bytes.length, eocd + 22 + u16(bytes, eocd + 20)));
  const loc = eocd - 20;
  if (loc >= 0 && u32(bytes, loc) === SIG_ZIP64_LOCATOR) {
    const z = u64(bytes, loc + 8);
    if (z + 56 > bytes.length || u32(bytes, z) !== SIG_ZIP64_EOCD) throw new ZipError("corrupt", "bad zip64 end of central directory");
    count = u64(bytes, z + 32);
    cdSize = u64(bytes, z + 40);
    cdOffset = u64(bytes, z + 48);
  }
  if (count > maxEntries) throw new ZipError("tooManyEntries", `${count} entries`);
  if (cdOffset + cdSize > bytes.length) throw new ZipError("corrupt", "central directory outside the file (truncated?)");
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  const byLowerName = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw new ZipError("corrupt", `central directory record ${i} missing`);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let csize = u32(bytes, p + 20);
    let usize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > bytes.length) throw new ZipError("corrupt", "central directory record past the end");
    const name = decodeName(bytes.subarray(p + 46, p + 46 + nameLen), flags);
    if (usize === 0xffffffff || csize === 0xffffffff || localOffset === 0xffffffff) {
      const z = zip64Extra(bytes.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), { usize: usize === 0xffffffff, csize: csize === 0xffffffff, offset: localOffset === 0xffffffff });
      if (z.usize !== undefined) usize = z.usize;
      if (z.csize !== undefined) csize = z.csize;
      if (z.offset !== undefined) localOffset = z.offset;
    }
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== SIG_LOCAL) throw new ZipError("corrupt", `local header of ${name} missing`);
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataOffset + csize > bytes.length) throw new ZipError("corrupt", `data of ${name} past the end (truncated?)`);
    let recordEnd = dataOffset + csize;
    if (flags & 0x08) {
      // A data descriptor follows the data: crc, sizes (64-bit when the entry is Zip64), with or without its signature.
      const localExtra = bytes.subarray(localOffset + 30 + u16(bytes, localOffset + 26), dataOffset);
      const wide = hasField(localExtra, 0x0001) || u32(bytes, p + 20) === 0xffffffff || u32(bytes, p + 24) === 0xffffffff;
      const sized = wide ? 20 : 12;
      const signed = recordEnd + 8 <= bytes.length && u32(bytes, recordEnd) === SIG_DESCRIPTOR && (u32(bytes, recordEnd + 4) === crc || u32(bytes, recordEnd) !== crc);
      recordEnd += signed ? sized + 4 : sized;
      if (recordEnd > bytes.length) throw new ZipError("corrupt", `data descriptor of ${name} past the end`);
    }
    const entry: ZipEntry = { name, method, flags, crc32: crc, compressedSize: csize, uncompressedSize: usize, localOffset, dataOffset, recordEnd, central: bytes.subarray(p, end), index: i };
    entries.push(entry);
    if (!byName.has(name)) byName.set(name, entry);
    const lower = name.toLowerCase();
    if (!byLowerName.has(lower)) byLowerName.set(lower, entry);
    p = end;
  }
  return { bytes, entries, byName, byLowerName, comment };
}

/** Looks a part up by name: exactly, then case-insensitively, with or without a leading "/". */
export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  const n = name.startsWith("/") ? name.slice(1) : name;
  return zip.byName.get(n) ?? zip.byName.get(`/${n}`) ?? zip.byLowerName.get(n.toLowerCase()) ?? zip.byLowerName.get(`/${n}`.toLowerCase());
}

/**
 * A budget of inflated bytes shared by all the parts a read inflates. Each entry may also produce no
 * more than it declares: a declared size can lie, and the count stops at the first byte over it.
 */
export class InflateBudget {
  used = 0;
  constructor(readonly max: number) {}
}

/** Input fed to the inflater at a time: at most about 1,032 times this (66 MB) comes out of one push, deflate's best ratio; smaller steps cost fflate more copying than they save. */
const INFLATE_STEP = 64 * 1024;
const MIN_INFLATE_STEP = 1024;
/** Entries inflated in one call: at most this much compressed input, declaring at most this much output. */
const WHOLE_MAX_INPUT = 64 * 1024;
const WHOLE_MAX_OUTPUT = 8 * 1024 * 1024;

/**
 * Inflates one entry in steps, handing each piece of output to `sink` as it comes. Throws ZipError when
 * the entry produces more than it declares or the budget runs out, before the excess is held anywhere.
 */
export function inflateEntry(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget, sink: (chunk: Uint8Array) => void): void {
  if (entry.flags & 0x01) throw new ZipError("encrypted", entry.name);
  const data = zip.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const declared = entry.uncompressedSize;
  let produced = 0;
  // Errors of the sink (a scanner's bound) pass through as they are; only the inflater's mean a corrupt entry.
  let passThrough: unknown;
  const take = (chunk: Uint8Array) => {
    if (chunk.length === 0) return;
    produced += chunk.length;
    budget.used += chunk.length;
    if (produced > declared) throw new ZipError("sizeMismatch", `${entry.name} inflates to more than its declared ${declared} bytes`);
    if (budget.used > budget.max) throw new ZipError("tooLarge", `more than ${budget.max} bytes of XML`);
    try {
      sink(chunk);
    } catch (e) {
      passThrough = e;
      throw e;
    }
  };
  if (entry.method === 0) {
    if (entry.compressedSize !== declared) throw new ZipError("sizeMismatch", `${entry.name}: stored sizes differ`);
    for (let i = 0; i < data.length; i += 4 * 1024 * 1024) take(data.subarray(i, Math.min(data.length, i + 4 * 1024 * 1024)));
    return;
  }
  if (entry.method !== 8) throw new ZipError("unsupported", `${entry.name}: compression method ${entry.method}`);
  if (data.length <= WHOLE_MAX_INPUT && declared <= WHOLE_MAX_OUTPUT) {
    // A small entry (most parts of a workbook) in one call, into a buffer of its declared size plus one
    // byte: no growing and copying of buffers. Whatever it really holds, it cannot inflate to more than
    // ~1,032 times 64 KB, so even a lying entry costs little before it is found out (its output fills the
    // extra byte, or falls short).
    if (budget.used + declared > budget.max) throw new ZipError("tooLarge", `more than ${budget.max} bytes of XML`);
    let out: Uint8Array;
    try {
      out = inflateSync(data, { out: new Uint8Array(declared + 1) });
    } catch (e) {
      throw new ZipError("corrupt", `${entry.name}: ${(e as Error).message}`);
    }
    if (out.length !== declared) throw new ZipError("sizeMismatch", `${entry.name} inflates to ${out.length > declared ? "more than its declared" : `${out.length}, declared`} ${declared} bytes`);
    take(out);
    return;
  }
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    take(chunk);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length && !done; ) {
      // No more input at a time than could inflate to what the entry may still produce: an entry that
      // lies about its size is caught within a small step of its declared size.
      const allowed = Math.min(declared - produced, budget.max - budget.used);
      const step = Math.max(MIN_INFLATE_STEP, Math.min(INFLATE_STEP, Math.ceil((allowed + 1) / 1032)));
      const end = Math.min(data.length, i + step);
      inflater.push(data.subarray(i, end), end === data.length);
      i = end;
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof ZipError || e === passThrough) throw e;
    throw new ZipError("corrupt", `${entry.name}: ${(e as Error).message}`);
  }
  if (!done && declared > 0) throw new ZipError("corrupt", `${entry.name}: deflate stream ends early`);
  if (produced !== declared) throw new ZipError("sizeMismatch", `${entry.name} inflates to ${produced}, declared ${declared}`);
}

/** Inflates one entry whole (bounded as `inflateEntry`). */
export function readEntry(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  if (entry.uncompressedSize + budget.used > budget.max) throw new ZipError("tooLarge", `${entry.name} declares ${entry.uncompressedSize} bytes`);
  const out = new Uint8Array(entry.uncompressedSize);
  let at = 0;
  inflateEntry(zip, entry, budget, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return out;
}

let CRC_TABLE: Int32Array | undefined;
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Deflates new content for an entry (level 6, what Office writes). */
export function deflate(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const d = new Deflate({ level: 6 }, (chunk) => {
    parts.push(chunk);
    total += chunk.length;
  });
  d.push(data, true);
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

class Writer {
  private chunks: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) (out.set(c, at), (at += c.length));
    return out;
  }
}

function le(n: number, size: 2 | 4 | 8): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    b[i] = n % 256;
    n = Math.floor(n / 256);
  }
  return b;
}

/** Removes the Zip64 field from an extra field: a rewritten entry's sizes and offset fit 32 bits. */
function withoutZip64(extra: Uint8Array): Uint8Array {
  const keep: Uint8Array[] = [];
  let p = 0;
  while (p + 4 <= extra.length) {
    const len = u16(extra, p + 2);
    if (u16(extra, p) !== 0x0001) keep.push(extra.subarray(p, Math.min(extra.length, p + 4 + len)));
    p += 4 + len;
  }
  const w = new Writer();
  keep.forEach((k) => w.push(k));
  return w.bytes();
}

/** An entry's new content, or its removal. */
export type EntryChange = { data: Uint8Array } | { remove: true };

/**
 * Writes the archive again: each entry in its original order; unchanged entries copied as stored
 * (local header, compressed data, data descriptor, central record — only the offset in the central
 * record follows the entry's new position); changed entries deflated with fresh headers.
 */
export function writeZip(zip: ZipArchive, changes: Map<string, EntryChange>): Uint8Array {
  const out = new Writer();
  const central = new Writer();
  let count = 0;
  for (const e of zip.entries) {
    const change = changes.get(e.name);
    if (change && "remove" in change) continue;
    const offset = out.length;
    if (offset >= 0xffffffff) throw new ZipError("tooLarge", "output past 4 GB");
    count++;
    if (!change) {
      out.push(zip.bytes.subarray(e.localOffset, e.recordEnd));
      // A copy: the input may be a Node Buffer, whose slice() is a view of the caller's bytes.
      const rec = new Uint8Array(e.central.length);
      rec.set(e.central);
      if (u32(rec, 42) === 0xffffffff) {
        // The offset lives in the Zip64 extra field, after the sizes that are saturated.
        const nameLen = u16(rec, 28);
        let p = 46 + nameLen;
        const extraEnd = p + u16(rec, 30);
        while (p + 4 <= extraEnd) {
          const len = u16(rec, p + 2);
          if (u16(rec, p) === 0x0001) {
            const skip = (u32(rec, 24) === 0xffffffff ? 8 : 0) + (u32(rec, 20) === 0xffffffff ? 8 : 0);
            rec.set(le(offset, 8), p + 4 + skip);
            break;
          }
          p += 4 + len;
        }
      } else {
        rec.set(le(offset, 4), 42);
      }
      central.push(rec);
      continue;
    }
    const raw = change.data;
    const packed = deflate(raw);
    const crc = crc32(raw);
    const rec = e.central;
    const nameBytes = rec.subarray(46, 46 + u16(rec, 28));
    const localExtraRaw = zip.bytes.subarray(e.localOffset + 30 + u16(zip.bytes, e.localOffset + 26), e.dataOffset);
    const localExtra = withoutZip64(localExtraRaw);
    const flags = (e.flags & ~0x08) & 0xffff; // sizes are in the header now: no data descriptor
    const time = u16(rec, 12);
    const date = u16(rec, 14);
    const local = new Writer();
    local.push(le(SIG_LOCAL, 4));
    local.push(le(20, 2));
    local.push(le(flags, 2));
    local.push(le(8, 2));
    local.push(le(time, 2));
    local.push(le(date, 2));
    local.push(le(crc, 4));
    local.push(le(packed.length, 4));
    local.push(le(raw.length, 4));
    local.push(le(nameBytes.length, 2));
    local.push(le(localExtra.length, 2));
    local.push(nameBytes);
    local.push(localExtra);
    out.push(local.bytes());
    out.push(packed);
    const extra = withoutZip64(rec.subarray(46 + nameBytes.length, 46 + nameBytes.length + u16(rec, 30)));
    const comment = rec.subarray(46 + nameBytes.length + u16(rec, 30));
    const c = new Writer();
    c.push(le(SIG_CENTRAL, 4));
    c.push(rec.subarray(4, 6)); // version made by
    c.push(le(20, 2));
    c.push(le(flags, 2));
    c.push(le(8, 2));
    c.push(le(time, 2));
    c.push(le(date, 2));
    c.push(le(crc, 4));
    c.push(le(packed.length, 4));
    c.push(le(raw.length, 4));
    c.push(le(nameBytes.length, 2));
    c.push(le(extra.length, 2));
    c.push(le(comment.length, 2));
    c.push(rec.subarray(34, 42)); // disk number, internal and external attributes
    c.push(le(offset, 4));
    c.push(nameBytes);
    c.push(extra);
    c.push(comment);
    central.push(c.bytes());
  }
  const cdOffset = out.length;
  const cd = central.bytes();
  out.push(cd);
  const needs64 = count >= 0xffff || cdOffset >= 0xffffffff || cd.length >= 0xffffffff;
  if (needs64) {
    const z = out.length;
    const r = new Writer();
    r.push(le(SIG_ZIP64_EOCD, 4));
    r.push(le(44, 8));
    r.push(le(45, 2));
    r.push(le(45, 2));
    r.push(le(0, 4));
    r.push(le(0, 4));
    r.push(le(count, 8));
    r.push(le(count, 8));
    r.push(le(cd.length, 8));
    r.push(le(cdOffset, 8));
    r.push(le(SIG_ZIP64_LOCATOR, 4));
    r.push(le(0, 4));
    r.push(le(z, 8));
    r.push(le(1, 4));
    out.push(r.bytes());
  }
  const eocd = new Writer();
  eocd.push(le(SIG_EOCD, 4));
  eocd.push(le(0, 2));
  eocd.push(le(0, 2));
  eocd.push(le(Math.min(count, 0xffff), 2));
  eocd.push(le(Math.min(count, 0xffff), 2));
  eocd.push(le(Math.min(cd.length, 0xffffffff), 4));
  eocd.push(le(Math.min(cdOffset, 0xffffffff), 4));
  eocd.push(le(zip.comment.length, 2));
  eocd.push(zip.comment);
  out.push(eocd.bytes());
  return out.bytes();
}
