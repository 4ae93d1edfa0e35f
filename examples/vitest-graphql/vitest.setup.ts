// Adds expect-http's matchers and its response snapshot serializer to vitest's expect, and the matchers' types.
import 'expect-http/vitest';
