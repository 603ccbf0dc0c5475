/**
 * How two copies of one report differ: the sentences of one missing from the other word for word,
 * paired with their nearest counterpart, and whether their figures differ. The report-drift rule
 * is the thin part on top.
 */
import { KeyedSentence, comparable, proseSentences } from "./text";
import { bigramAt, bigrams, overlap } from "./similarity";
import { Figure, extractFigures } from "./figures";
import { memoByText } from "../text/memo";

/** A sentence of one block and its counterpart in the other. */
const SAME_SENTENCE = 0.5;

/** The sentences of a text worth comparing (four characters or more), read once per text. */
interface KeyedText {
  text: string;
  sentences: KeyedSentence[];
  /** The keys, for the common case of a sentence repeated whole. */
  keys: Set<string>;
  /** The whole text as compared. */
  whole: string;
  /** Which bigrams occur in `whole` (hashed into 2^16 bits), built the first time a sentence is looked for in it. */
  grams?: Uint8Array;
}

const keyedText: (text: string) => KeyedText = memoByText((text) => {
  const { whole, sentences: all } = proseSentences(text);
  const sentences = all.filter((s) => s.key.length >= 4);
  return { text, sentences, keys: new Set(sentences.map((s) => s.key)), whole };
}, 16);

/** A sentence as written, for the reviewer. */
function sentenceText(k: KeyedText, s: KeyedSentence): string {
  return k.text.slice(s.start, s.end).trim();
}

function gramBit(text: string, i: number): number {
  const g = bigramAt(text, i);
  return (g ^ (g >>> 15)) & 0xffff;
}

/** Which bigrams occur in a text, as a bit set: a sentence with a bigram the text lacks cannot stand in it. */
function gramsOf(text: string): Uint8Array {
  const bits = new Uint8Array(0x2000);
  for (let i = 1; i < text.length; i++) {
    const b = gramBit(text, i);
    bits[b >>> 3] |= 1 << (b & 7);
  }
  return bits;
}

/**
 * Whether `key` stands word for word in `other`: as a whole sentence of it (cheap), or inside one.
 * Most sentences of an unrelated text share few bigrams with it, so the bit set rules them out
 * before the text is searched.
 */
function standsIn(key: string, other: KeyedText): boolean {
  if (other.keys.has(key)) return true;
  const bits = (other.grams ??= gramsOf(other.whole));
  for (let i = 1; i < key.length; i++) {
    const b = gramBit(key, i);
    if ((bits[b >>> 3] & (1 << (b & 7))) === 0) return false;
  }
  return other.whole.includes(key);
}

/**
 * Whether two texts carry the same report: at least `share` of the sentences of one stand word for
 * word in the other (what "the same report pasted twice" means). Stops as soon as the answer is known.
 */
export function shareReport(a: string, b: string, share: number): boolean {
  const ka = keyedText(a);
  const kb = keyedText(b);
  return sharesAtLeast(ka, kb, share) || sharesAtLeast(kb, ka, share);
}

function sharesAtLeast(from: KeyedText, other: KeyedText, share: number): boolean {
  const n = from.sentences.length;
  if (n === 0) return false;
  let found = 0;
  for (let i = 0; i < n; i++) {
    if (standsIn(from.sentences[i].key, other)) found++;
    if (found / n >= share) return true;
    if ((found + n - i - 1) / n < share) return false;
  }
  return false;
}

export interface DriftPair {
  a: string;
  b: string;
  figures: boolean;
}

/** Every sentence of `a` missing from `b` word for word, paired with its counterpart, and the other way round. */
export function reportDrift(a: string, b: string): DriftPair[] {
  const ka = keyedText(a);
  const kb = keyedText(b);
  // Only sentences missing from the other text word for word can differ; they pair among themselves.
  const onlyA = ka.sentences.filter((s) => !standsIn(s.key, kb));
  const onlyB = kb.sentences.filter((s) => !standsIn(s.key, ka));
  const bGrams = onlyB.map((s) => bigrams(s.key));
  // A sentence's figures are those of its text that start within it (a figure never spans sentences).
  const figuresA = extractFigures(a);
  const figuresB = extractFigures(b);
  const figuresOf = (figures: readonly Figure[], s: KeyedSentence | undefined) => {
    const out = new Set<string>();
    if (s) for (const f of figures) if (f.index >= s.start && f.index < s.end) out.add(comparable(f.raw));
    return out;
  };
  const pairs: DriftPair[] = [];
  const usedB = new Set<number>();
  for (const s of onlyA) {
    const g = bigrams(s.key);
    let best = -1;
    let bestSim = 0;
    bGrams.forEach((bg, i) => {
      const sim = overlap(g, bg);
      if (sim > bestSim) {
        bestSim = sim;
        best = i;
      }
    });
    const paired = best >= 0 && bestSim >= SAME_SENTENCE;
    if (paired) usedB.add(best);
    const counterpart = paired ? onlyB[best] : undefined;
    pairs.push({ a: sentenceText(ka, s), b: counterpart ? sentenceText(kb, counterpart) : "", figures: figuresDiffer(figuresOf(figuresA, s), figuresOf(figuresB, counterpart)) });
  }
  onlyB.forEach((s, i) => {
    if (!usedB.has(i)) pairs.push({ a: "", b: sentenceText(kb, s), figures: figuresDiffer(new Set(), figuresOf(figuresB, s)) });
  });
  return pairs;
}

/** A figure on one side that the other lacks, both ways: a sentence cut differently is not a changed figure. */
function figuresDiffer(fa: Set<string>, fb: Set<string>): boolean {
  if (fa.size === 0 || fb.size === 0) return fa.size + fb.size > 0;
  return [...fa].some((x) => !fb.has(x)) && [...fb].some((x) => !fa.has(x));
}

