import {
  DAWG_HEADER_BYTES,
  DAWG_MAGIC,
  DAWG_MAX_EDGES,
  DAWG_MAX_SYMBOLS,
  DAWG_VERSION,
  packEdge,
} from '../../shared/review/dawg';

/**
 * Builds the minimal automaton of a word list (Daciuk, Mihov, Watson, Watson, «Incremental construction of
 * minimal acyclic finite-state automata», Computational Linguistics 26(1), 2000) and writes it in the layout
 * `src/shared/review/dawg.ts` reads. Build time only: the app never builds, it reads.
 */

type State = {
  final: boolean;
  /** Outgoing edges in symbol order. */
  edges: Array<{ symbol: number; to: State }>;
  /** Set once the state is in the register (minimal and frozen). */
  id: number;
};

function newState(): State {
  return { final: false, edges: [], id: -1 };
}

export function buildDawg(words: Iterable<string>): Uint8Array {
  const unique = [...new Set(words)].filter((w) => w.length > 0);
  const alphabetUnits = [...new Set(unique.flatMap((w) => [...w].map((c) => c.charCodeAt(0))))].sort(
    (a, b) => a - b,
  );
  if (alphabetUnits.length > DAWG_MAX_SYMBOLS) {
    throw new Error(`Too many distinct characters for the format: ${alphabetUnits.length}`);
  }
  const symbolOf = new Map(alphabetUnits.map((u, i) => [u, i + 1]));
  const encoded = unique.map((w) => Array.from(w, (c) => symbolOf.get(c.charCodeAt(0))!));
  encoded.sort(compareSymbols);

  const register = new Map<string, State>();
  let nextId = 0;
  const root = newState();
  let previous: number[] = [];

  const signature = (s: State): string =>
    `${s.final ? 1 : 0}:${s.edges.map((e) => `${e.symbol}.${e.to.id}`).join(',')}`;

  /** Replaces the states after `from` on the last-added path by their registered equivalents. */
  function minimize(state: State): void {
    const last = state.edges[state.edges.length - 1];
    if (!last) return;
    const child = last.to;
    if (child.id === -1) {
      minimize(child);
      const key = signature(child);
      const known = register.get(key);
      if (known) last.to = known;
      else {
        child.id = ++nextId;
        register.set(key, child);
      }
    }
  }

  for (const word of encoded) {
    let common = 0;
    while (common < word.length && common < previous.length && word[common] === previous[common]) common++;
    let state = root;
    for (let i = 0; i < common; i++) state = state.edges[state.edges.length - 1]!.to;
    minimize(state);
    for (let i = common; i < word.length; i++) {
      const next = newState();
      state.edges.push({ symbol: word[i]!, to: next });
      state = next;
    }
    state.final = true;
    previous = word;
  }
  minimize(root);

  // Serialise: every distinct state with edges gets a contiguous block; children before parents.
  const edges: number[] = [0];
  const blockOf = new Map<State, number>();
  function place(s: State): number {
    if (s.edges.length === 0) return 0;
    const known = blockOf.get(s);
    if (known !== undefined) return known;
    const targets = s.edges.map((e) => place(e.to));
    const start = edges.length;
    s.edges.forEach((e, i) => {
      edges.push(packEdge(e.symbol, e.to.final, i === s.edges.length - 1, targets[i]!));
    });
    if (edges.length >= DAWG_MAX_EDGES) throw new Error('Too many edges for the format');
    blockOf.set(s, start);
    return start;
  }
  const rootIndex = place(root);

  const alphabetBytes = Math.ceil((alphabetUnits.length * 2) / 4) * 4;
  const out = new Uint8Array(DAWG_HEADER_BYTES + alphabetBytes + edges.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < DAWG_MAGIC.length; i++) out[i] = DAWG_MAGIC.charCodeAt(i);
  view.setUint32(8, DAWG_VERSION, true);
  view.setUint32(12, alphabetUnits.length, true);
  view.setUint32(16, edges.length, true);
  view.setUint32(20, rootIndex, true);
  view.setUint32(24, unique.length, true);
  alphabetUnits.forEach((u, i) => view.setUint16(DAWG_HEADER_BYTES + i * 2, u, true));
  const base = DAWG_HEADER_BYTES + alphabetBytes;
  edges.forEach((e, i) => view.setUint32(base + i * 4, e, true));
  return out;
}

function compareSymbols(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
