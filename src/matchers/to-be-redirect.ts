import { classMatcher } from './to-have-status-class.js';

/** Passes when the status is 3xx. */
export const toBeRedirect = classMatcher('toBeRedirect', '3xx');
