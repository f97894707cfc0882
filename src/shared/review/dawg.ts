/**
 * A read-only word list as a minimal acyclic automaton (DAWG), read straight from its bytes: nothing is
 * parsed or expanded at load time, so 1.4 million Russian word forms are ready in a few milliseconds and take
 * the memory of the file itself. Written by `src/main/review/dawg-build.ts`.
 *
 * Layout (little-endian):
 *   0   8 bytes  magic `OTKDAWG1`
 *   8   u32      format version (1)
 *   12  u32      alphabet size A
 *   16  u32      edge count E
 *   20  u32      index of the root's first edge
 *   24  u32      number of words (informative)
 *   28  A × u16  the alphabet, as UTF-16 code units; symbol i (1-based) is alphabet[i-1]; padded to 4 bytes
 *   …   E × u32  edges. Bits 0–6: symbol; bit 7: a word ends after this edge; bit 8: last edge of its node;
 *                bits 9–31: index of the target node's first edge (0: the target has no edges).
 * A node is the run of edges from its first edge to the one marked last. Edge 0 is a dummy.
 */

export const DAWG_MAGIC = 'OTKDAWG1';
export const DAWG_VERSION = 1;
export const DAWG_HEADER_BYTES = 28;

const SYMBOL_MASK = 0x7f;
const FINAL_BIT = 0x80;
const LAST_BIT = 0x100;
const TARGET_SHIFT = 9;

export class DawgFormatError extends Error {
  constructor(message: string) {
    super(`Словарь поврежден или другого формата: ${message}`);
    this.name = 'DawgFormatError';
  }
}

export type Dawg = {
  /** Whether the exact string is in the list. */
  has(word: string): boolean;
  /** Number of words in the list. */
  readonly size: number;
  /** The characters the list is written in. */
  readonly alphabet: string;
  /** Bytes held by the automaton. */
  readonly byteLength: number;
};

function toBytes(source: ArrayBuffer | Uint8Array): Uint8Array {
  return source instanceof Uint8Array ? source : new Uint8Array(source);
}

/** Wraps the bytes of a DAWG file (copied once only when they are not 4-byte aligned). */
export function readDawg(source: ArrayBuffer | Uint8Array): Dawg {
  let bytes = toBytes(source);
  if (bytes.byteLength < DAWG_HEADER_BYTES) throw new DawgFormatError('файл короче заголовка');
  for (let i = 0; i < DAWG_MAGIC.length; i++) {
    if (bytes[i] !== DAWG_MAGIC.charCodeAt(i)) throw new DawgFormatError('нет сигнатуры OTKDAWG1');
  }
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== DAWG_VERSION) throw new DawgFormatError(`версия ${version}, ожидалась ${DAWG_VERSION}`);
  const alphabetSize = view.getUint32(12, true);
  const edgeCount = view.getUint32(16, true);
  const root = view.getUint32(20, true);
  const size = view.getUint32(24, true);
  const edgesOffset = DAWG_HEADER_BYTES + Math.ceil((alphabetSize * 2) / 4) * 4;
  if (alphabetSize > SYMBOL_MASK || edgesOffset + edgeCount * 4 !== bytes.byteLength || root >= edgeCount) {
    throw new DawgFormatError('размеры в заголовке не сходятся с длиной файла');
  }
  let alphabet = '';
  const symbolOf = new Map<number, number>();
  for (let i = 0; i < alphabetSize; i++) {
    const unit = view.getUint16(DAWG_HEADER_BYTES + i * 2, true);
    alphabet += String.fromCharCode(unit);
    symbolOf.set(unit, i + 1);
  }
  const edges = littleEndianWords(bytes, edgesOffset, edgeCount);

  function has(word: string): boolean {
    if (word.length === 0) return false;
    let node = root;
    let final = false;
    for (let i = 0; i < word.length; i++) {
      if (node === 0) return false;
      const symbol = symbolOf.get(word.charCodeAt(i));
      if (symbol === undefined) return false;
      let e = node;
      for (;;) {
        const edge = edges[e]!;
        if ((edge & SYMBOL_MASK) === symbol) {
          final = (edge & FINAL_BIT) !== 0;
          node = edge >>> TARGET_SHIFT;
          break;
        }
        if ((edge & LAST_BIT) !== 0) return false;
        e++;
      }
    }
    return final;
  }

  return { has, size, alphabet, byteLength: bytes.byteLength };
}

function littleEndianWords(bytes: Uint8Array, offset: number, count: number): Uint32Array {
  const probe = new Uint8Array(new Uint32Array([1]).buffer);
  if (probe[0] === 1) return new Uint32Array(bytes.buffer, bytes.byteOffset + offset, count);
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * 4);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/** Packs one edge; exported for the builder, which must write exactly what `readDawg` reads. */
export function packEdge(symbol: number, final: boolean, last: boolean, target: number): number {
  return (symbol | (final ? FINAL_BIT : 0) | (last ? LAST_BIT : 0) | (target << TARGET_SHIFT)) >>> 0;
}

export const DAWG_MAX_EDGES = 2 ** (32 - TARGET_SHIFT);
export const DAWG_MAX_SYMBOLS = SYMBOL_MASK;
