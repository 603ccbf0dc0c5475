import { CellAddress } from "../grid/address";
import { Section } from "../form/sections";
import { CellChange } from "../patch";
import { TextEdit } from "../narrative/edits";

/** error = 强制 (blocks sending the form up); warning / info = 提示. */
export type Severity = "error" | "warning" | "info";

/** The Chinese name of each severity: the only place 强制 and 提示 are spelled. */
export const SEVERITY_NAMES: Record<Severity, string> = { error: "强制", warning: "提示", info: "提示" };

/** The values a message's {{placeholders}} are filled from. */
export type MessageData = Record<string, string | number>;

export interface Finding {
  /** The rule's stable id. */
  rule: string;
  /** Which of the rule's messages: tests and the pane refer to it, never to the text. */
  messageId: string;
  data?: MessageData;
  /** Which form of the workbook it is about, when the workbook holds more than the department form. */
  form?: string;
  severity: Severity;
  section: Section;
  /** The message, filled from the rule's meta.messages[messageId] and data. */
  message: string;
  /** The cell the finding is about (the one to select). */
  cell: CellAddress;
  /** Other cells involved (inputs of a derived cell, the other side of a disagreement). */
  related?: CellAddress[];
  /** The passage quoted, when the finding is about text. */
  quote?: string;
  /** A certain fix: cell writes that carry the values they expect to overwrite. */
  fix?: CellChange[];
  /** A certain fix to a cell's text, composed with the other edits of the same cell into one write. */
  edit?: TextEdit;
  /** Pairs shown side by side (two versions of one report). */
  details?: { a: string; b: string; figures?: boolean }[];
  /** What the two sides of `details` are. */
  detailNames?: [string, string];
}
