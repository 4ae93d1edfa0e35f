/** The five classes of RFC 9110 §15: the first digit of the code. */
export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx';

/** One status code as the registry knows it. */
export interface StatusEntry {
  readonly code: number;
  /** The IANA reason phrase ("Content Too Large"), or the origin's own phrase for unofficial codes. */
  readonly reason: string;
  /** Older or informal names a user may type or see ("Payload Too Large", "Unprocessable Entity"). */
  readonly aliases: readonly string[];
  readonly class: StatusClass;
  /** One plain sentence: what the code means. */
  readonly description: string;
  /** For the codes testers meet: what to check next. */
  readonly hint?: string;
  /**
   * The classes a test must have expected for the hint to apply (200's "if you expected an error" fits a test
   * that wanted a 4xx or 5xx, not one that wanted a redirect). Absent: the hint fits any expectation.
   */
  readonly hintWhenExpecting?: readonly StatusClass[];
  /** Where the code is defined, e.g. "RFC 9110 §15.5.2" or an Internet-Draft's name. Absent for unofficial codes. */
  readonly spec?: string;
  /** true for codes in the IANA HTTP Status Code Registry. */
  readonly official: boolean;
  /** Who uses an unofficial code ("nginx", "Cloudflare", "AWS Elastic Load Balancing"). */
  readonly origin?: string;
  /** Registered but not to be used: deprecated (305), obsoleted (510) or reserved as "(Unused)" (306, 418). */
  readonly deprecated?: boolean;
  /**
   * A temporary IANA registration (104): its spec is still an Internet-Draft, and the registration
   * lapses unless renewed, so the code may change meaning or go away.
   */
  readonly temporary?: boolean;
}

/** How a code is written down in statuses.ts: class and official are derived from it. */
export interface StatusRecord {
  readonly code: number;
  readonly reason: string;
  readonly aliases?: readonly string[];
  readonly description: string;
  readonly hint?: string;
  readonly hintWhenExpecting?: readonly StatusClass[];
  readonly spec?: string;
  /** Set for unofficial codes only; its presence makes the entry `official: false`. */
  readonly origin?: string;
  readonly deprecated?: boolean;
  readonly temporary?: boolean;
}
