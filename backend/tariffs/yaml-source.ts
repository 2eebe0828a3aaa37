import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A 1-based line and column in a text file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A YAML (or JSON) text read into plain values, remembering where each value was written. */
export interface YamlSource {
  /** Plain objects, arrays, strings, numbers, booleans and nulls. */
  value: unknown;
  /** Syntax errors; `value` is meaningless when there are any. */
  errors: (SourcePosition & { message: string })[];
  /** Where the value at `path` (or, if it is missing, its nearest parent) was written. */
  locate(path: readonly PropertyKey[]): SourcePosition | undefined;
}

/**
 * Reads YAML 1.2 (core schema, so JSON too) for a configuration file that people edit.
 *
 * Exists for two things `yaml`'s `toJS` does not give: the position of every value, for messages that
 * say where a problem is; and numbers kept as written when a float would change them (`0.1234567`
 * stays exact, `0039` keeps its zeros), so money and prefixes are never read through a float.
 */
export function readYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const errors = doc.errors.map((error) => ({ ...at(error.pos[0]), message: error.message }));
  const positions = new Map<string, number>();
  const value = errors.length > 0 ? null : plain(doc, doc.contents, [], positions, new Set());
  return {
    value,
    errors,
    locate(path) {
      for (let length = path.length; length >= 0; length--) {
        const offset = positions.get(formatPath(path.slice(0, length)));
        if (offset !== undefined) return at(offset);
      }
      return undefined;
    },
  };
}

/** A path into a plain value as people read it: `rates[12].bands.offpeak`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (!/^[A-Za-z_][\w-]*$/.test(name)) return `[${JSON.stringify(name)}]`;
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}

function plain(
  doc: Document,
  node: Node | null | undefined,
  path: PropertyKey[],
  positions: Map<string, number>,
  active: Set<Node>,
): unknown {
  if (node === null || node === undefined) return null;
  if (!positions.has(formatPath(path)) && node.range) positions.set(formatPath(path), node.range[0]);
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (target === undefined || active.has(target)) return null;
    active.add(target);
    const result = plain(doc, target, path, positions, active);
    active.delete(target);
    return result;
  }
  if (isScalar(node)) {
    const { value, source } = node;
    return typeof value === 'number' && source !== undefined && String(value) !== source ? source : value;
  }
  if (isSeq(node)) {
    return node.items.map((item, index) => plain(doc, item as Node, [...path, index], positions, active));
  }
  if (isMap(node)) {
    const result: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const keyNode = pair.key as Node | null;
      if (keyNode?.range) positions.set(formatPath([...path, key]), keyNode.range[0]);
      const value = plain(doc, pair.value as Node | null, [...path, key], positions, active);
      // defineProperty, so that a key named "__proto__" is data, not the object's prototype.
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  return null;
}
