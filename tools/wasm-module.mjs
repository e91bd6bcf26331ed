// Reads what the build tools and the benchmark need from a wasm binary: each
// section's size, the defined functions' bodies and their names, if any.

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

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];

/**
 * @param {Buffer} bytes a wasm module
 * @returns {{sections: Record<string, number>, importedFunctions: number,
 *   bodies: Buffer[], names: Map<number, string>}} section sizes (custom
 *   sections as `custom:NAME`), how many functions are imported, each defined
 *   function's body in index order, and function names by function index
 */
export function readModule(bytes) {
  let at = 8;
  const u32 = () => {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
    }
  };
  const text = () => {
    const length = u32();
    return bytes.toString('utf8', at, (at += length));
  };
  const sections = {};
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = u32();
    const end = at + size;
    if (id === 0) {
      const name = text();
      sections[`custom:${name}`] = size;
      if (name === 'name') {
        while (at < end) {
          const kind = bytes[at++];
          const subsectionEnd = u32() + at;
          if (kind === 1) {
            for (let count = u32(); count > 0; count--) {
              const index = u32();
              names.set(index, text());
            }
          }
          at = subsectionEnd;
        }
      }
    } else {
      sections[SECTION_NAMES[id] ?? id] = size;
    }
    if (id === 2) {
      for (let count = u32(); count > 0; count--) {
        text();
        text();
        const kind = bytes[at++];
        if (kind === 0) {
          importedFunctions++;
          u32();
        } else if (kind === 1 || kind === 2) {
          if (kind === 1) at++; // table element type
          const flags = u32();
          u32();
          if (flags & 1) u32();
        } else if (kind === 3) {
          at += 2; // global type and mutability
        } else {
          throw new Error(`import kind ${kind} is not handled`);
        }
      }
    } else if (id === 10) {
      for (let count = u32(); count > 0; count--) {
        const length = u32();
        bodies.push(bytes.subarray(at, at + length));
        at += length;
      }
    }
    at = end;
  }
  return { sections, importedFunctions, bodies, names };
}
