import { classMatcher } from './to-have-status-class.js';

/** Passes when the status is 4xx. */
export const toBeClientError = classMatcher('toBeClientError', '4xx');
