/** Seeded randomness for bootstraps and tests: the same mulberry32 generator the analytics use. */
export type Rng = () => number;
export { createRng as seededRng } from '../analytics/rng.js';
