import type { ApiSpecOptions } from './options.js';
import type { ApiSpec } from './spec/api-spec.js';

/**
 * The OpenAPI matcher that can be used on a plain value, synchronously once its spec is loaded.
 * `R` is what a matcher call returns in the runner.
 */
export interface OpenApiSyncMatchers<R = void> {
  /**
   * The value is valid against a named schema of the spec (`components.schemas`, or Swagger 2.0's `definitions`),
   * with `writeOnly` properties forbidden as in a response. Synchronous; awaiting it works too.
   * @example expect(pet).toSatisfySchemaInApiSpec('Pet')
   * @example expect(pet).toSatisfySchemaInApiSpec('Pet', { spec: petstore })
   */
  toSatisfySchemaInApiSpec(schemaName: string, options?: { spec?: ApiSpec }): R;
}

/** The OpenAPI matcher that reads a response body: always awaited. */
export interface OpenApiAsyncMatchers {
  /**
   * The response is one the spec documents: its operation (from the request's method and URL, or `options`) has its
   * status (exact, then `2XX`, then `default`), its Content-Type is a documented media type, its body is valid against
   * that media type's schema (or empty where none is documented), and its required headers are present and valid.
   * @example await expect(res).toSatisfyApiSpec()
   * @example await expect(res).toSatisfyApiSpec('GET /pets/{petId}')
   * @example await expect(res).toSatisfyApiSpec({ operation: 'getPet', status: 200, spec: petstore })
   */
  toSatisfyApiSpec(options?: string | ApiSpecOptions): Promise<void>;
}

export interface OpenApiMatchers<R = void> extends OpenApiSyncMatchers<R>, OpenApiAsyncMatchers {}
