import { classMatcher } from './to-have-status-class.js';

/** Passes when the status is 1xx. */
export const toBeInformational = classMatcher('toBeInformational', '1xx');
