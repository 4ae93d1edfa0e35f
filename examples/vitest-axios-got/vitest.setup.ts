// Adds expect-http's matchers to vitest's expect, and their types to every file this project type-checks.
import 'expect-http/vitest';
