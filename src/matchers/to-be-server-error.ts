import { classMatcher } from './to-have-status-class.js';

/** Passes when the status is 5xx. */
export const toBeServerError = classMatcher('toBeServerError', '5xx');
