// Reads and writes the parts of a wasm binary that the build tools and the
// benchmark need: sections, imports, function bodies and function names.

/** LEB128 of an unsigned integer. */
export function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

/** A name as wasm writes it: its UTF-8 length, then its bytes. */
export function encodedText(value) {
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([leb(bytes.length), bytes]);
}

/** A whole section: its id, its payload's length, the payload. */
export function encodedSection(id, payload) {
  return Buffer.concat([Buffer.from([id]), leb(payload.length), payload]);
}

/** A cursor over a wasm binary. */
export class WasmReader {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }

  u32() {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.bytes[this.at++];
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
    }
  }

  text() {
    const length = this.u32();
    return this.bytes.toString('utf8', this.at, (this.at += length));
  }

  /**
   * Each section in order, its payload as a reader positioned at its start.
   * @returns {Generator<{id: number, start: number, end: number, payload: WasmReader}>}
   *   `start` and `end` bound the whole section, its id byte included
   */
  *sections() {
    this.at = 8; // past the magic number and version
    while (this.at < this.bytes.length) {
      const start = this.at;
      const id = this.bytes[this.at++];
      const size = this.u32();
      const end = this.at + size;
      yield { id, start, end, payload: new WasmReader(this.bytes, this.at) };
      this.at = end;
    }
  }

  /**
   * One entry of the import section.
   * @returns {{module: string, name: string, kind: number, descriptor: Buffer}}
   *   `descriptor` is the entry's bytes after its names, its kind byte included
   */
  importEntry() {
    const module = this.text();
    const name = this.text();
    const start = this.at;
    const kind = this.bytes[this.at++];
    if (kind === 0) {
      this.u32(); // type index
    } else if (kind === 1 || kind === 2) {
      if (kind === 1) this.at++; // table element type
      const flags = this.u32();
      this.u32();
      if (flags & 1) this.u32();
    } else if (kind === 3) {
      this.at += 2; // global type and mutability
    } else {
      throw new Error(`import kind ${kind} is not handled`);
    }
    return { module, name, kind, descriptor: this.bytes.subarray(start, this.at) };
  }
}

export const IMPORT_SECTION = 2;
const CODE_SECTION = 10;
const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];

/**
 * @param {Buffer} bytes a wasm module
 * @returns {{sections: Record<string, number>, importedFunctions: number,
 *   bodies: Buffer[], names: Map<number, string>}} section sizes (custom
 *   sections as `custom:NAME`), how many functions are imported, each defined
 *   function's body in index order, and function names by function index
 */
export function readModule(bytes) {
  const sections = {};
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  for (const { id, end, payload } of new WasmReader(bytes).sections()) {
    const size = end - payload.at;
    if (id === 0) {
      const name = payload.text();
      sections[`custom:${name}`] = size;
      if (name === 'name') {
        while (payload.at < end) {
          const kind = bytes[payload.at++];
          const subsectionEnd = payload.u32() + payload.at;
          if (kind === 1) {
            for (let count = payload.u32(); count > 0; count--) {
              const index = payload.u32();
              names.set(index, payload.text());
            }
          }
          payload.at = subsectionEnd;
        }
      }
    } else {
      sections[SECTION_NAMES[id] ?? id] = size;
    }
    if (id === IMPORT_SECTION) {
      for (let count = payload.u32(); count > 0; count--) {
        if (payload.importEntry().kind === 0) importedFunctions++;
      }
    } else if (id === CODE_SECTION) {
      for (let count = payload.u32(); count > 0; count--) {
        const length = payload.u32();
        bodies.push(bytes.subarray(payload.at, payload.at + length));
        payload.at += length;
      }
    }
  }
  return { sections, importedFunctions, bodies, names };
}
