import { isSecretName, REDACTED } from './redact.js';

const MAX_DEPTH = 32;

class Full extends Error {}

/**
 * Pretty JSON of `value`, at most about `limit` characters, secret fields redacted. It stops as soon
 * as the budget is spent, so a 10 MB object costs what its first kilobyte costs; deep nesting is cut
 * at 32 levels instead of overflowing the stack; cycles and throwing getters are shown, not thrown.
 */
export function boundedJson(value: unknown, limit: number, hidden?: Set<string>): { text: string; complete: boolean } {
  let out = '';
  const write = (s: string): void => {
    out += s;
    if (out.length > limit) throw new Full();
  };
  const seen = new Set<object>();

  const walk = (v: unknown, indent: string, depth: number): void => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      try {
        v = (v as { toJSON: () => unknown }).toJSON();
      } catch {
        return write('"[unreadable]"');
      }
    }
    if (v === null || v === undefined) return write('null');
    if (typeof v === 'string') return write(JSON.stringify(v));
    if (typeof v === 'number') return write(Number.isFinite(v) ? String(v) : 'null');
    if (typeof v === 'boolean') return write(String(v));
    if (typeof v === 'bigint') return write(`${v}`);
    if (typeof v !== 'object') return write('null');
    if (seen.has(v)) return write('"[circular]"');
    if (depth >= MAX_DEPTH) return write(Array.isArray(v) ? '[…]' : '{…}');
    seen.add(v);
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) write('[]');
      else {
        write('[');
        for (let i = 0; i < v.length; i++) {
          write(`${i ? ',' : ''}\n${inner}`);
          walk(read(v, i), inner, depth + 1);
        }
        write(`\n${indent}]`);
      }
    } else {
      const keys = Object.keys(v);
      if (keys.length === 0) write('{}');
      else {
        write('{');
        keys.forEach((key, i) => {
          write(`${i ? ',' : ''}\n${inner}${JSON.stringify(key)}: `);
          if (isSecretName(key)) {
            const secret = read(v, key);
            if (typeof secret === 'string' || typeof secret === 'number') hidden?.add(String(secret));
            write(`"${REDACTED}"`);
          }
          else walk(read(v, key), inner, depth + 1);
        });
        write(`\n${indent}}`);
      }
    }
    seen.delete(v);
  };

  try {
    walk(value, '', 0);
    return { text: out, complete: true };
  } catch (error) {
    if (error instanceof Full) return { text: out, complete: false };
    return { text: '[unreadable]', complete: false };
  }
}

function read(container: object, key: PropertyKey): unknown {
  try {
    return (container as Record<PropertyKey, unknown>)[key];
  } catch {
    return '[unreadable]';
  }
}
