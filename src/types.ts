/**
 * The part of a runner's matcher context we use. Structural, so the matchers depend on neither
 * vitest's nor jest's types, and both runners' `this` fits it.
 */
export interface MatcherHintOptions {
  isNot?: boolean;
  promise?: string;
  secondArgument?: string;
}

export interface MatcherUtils {
  matcherHint(matcherName: string, received?: string, expected?: string, options?: MatcherHintOptions): string;
  printExpected(value: unknown): string;
  printReceived(value: unknown): string;
  /**
   * Missing in Playwright's matcher utils; in Bun's, methods that must be called on the utils object and
   * that quote rather than colour. Messages use them only where they colour the text, else plain text.
   */
  EXPECTED_COLOR?: ((text: string) => string) | undefined;
  RECEIVED_COLOR?: ((text: string) => string) | undefined;
  /** Missing in Bun's matcher utils: messages show the expected and received values instead of a diff. */
  diff?(a: unknown, b: unknown, options?: unknown): string | null | undefined;
  /** The testers `toMatchObject` adds to `equals` (vitest and jest both provide them; Bun does not). */
  subsetEquality?: EqualityTester | undefined;
  iterableEquality?: EqualityTester | undefined;
}

/** A custom equality tester, as `expect.addEqualityTesters` and `this.equals` take them. */
// `any`, not `unknown`: the runners' own tester and equals types must stay assignable to these (parameters are contravariant).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EqualityTester = (a: any, b: any, customTesters: Array<any>) => boolean | undefined;

export interface MatcherContext {
  isNot?: boolean | undefined;
  promise?: string | undefined;
  utils: MatcherUtils;
  /** The runner's deep equality; missing or a throwing stub in Playwright, where src/equality.ts falls back to its own. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  equals?: ((a: unknown, b: unknown, customTesters?: Array<any>, strictCheck?: boolean) => boolean) | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  customTesters?: Array<any> | undefined;
}

export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

/** `expect.any(Number)`, `expect.stringContaining(…)` and the like, as both runners shape them. */
export interface AsymmetricMatcher {
  asymmetricMatch(other: unknown): boolean;
}
