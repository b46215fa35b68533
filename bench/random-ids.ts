/**
 * The ids a load process picks from: read from the harness's ids file (one per line) and drawn with a
 * seeded xorshift32 stream, so a run can be repeated with the same requests.
 */
import { readFileSync } from 'node:fs';

/** A function returning a random id of `idsFile` on every call, seeded by `seed`. */
export function randomIdPicker(idsFile: string, seed: number): () => string {
  const ids = readFileSync(idsFile, 'utf8').split('\n').filter(Boolean);
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  return () => ids[Math.floor(random() * ids.length)]!;
}
