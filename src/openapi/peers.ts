import { HttpMatcherUsageError } from '../errors.js';

// ajv, ajv-formats and yaml are optional peer dependencies (decisions/0007): loaded only when a spec is, so the core
// entries never touch them, and a missing one is a usage error with the install command, not a module-not-found stack.

const INSTALL = 'npm install --save-dev ajv ajv-formats yaml';

/** The default export of a module loaded by import(), whether it is ESM or CommonJS (`module.exports.default`). */
function defaultOf<T>(module: unknown): T {
  const outer = (module as { default?: unknown }).default ?? module;
  return ((outer as { default?: unknown }).default ?? outer) as T;
}

function isMissing(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    error instanceof Error &&
    error.message.includes(name)
  );
}

/**
 * Loads an optional peer through `load` (an `import()` of it), or throws a usage error naming `caller` and the
 * install command when it is not installed. Any other failure of the module is rethrown as it is.
 */
export async function peer<T>(name: string, caller: string, load: () => Promise<unknown>): Promise<T> {
  try {
    return defaultOf<T>(await load());
  } catch (error) {
    if (!isMissing(error, name)) throw error;
    throw new HttpMatcherUsageError(
      caller,
      `needs the optional peer dependency "${name}", which is not installed. expect-http/openapi validates with ajv and ajv-formats, and reads YAML specs with yaml: ${INSTALL}`,
    );
  }
}
