import { classMatcher } from './to-have-status-class.js';

/** Passes when the status is 2xx. */
export const toBeSuccessful = classMatcher('toBeSuccessful', '2xx');
