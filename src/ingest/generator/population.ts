/**
 * The entities of a synthetic network and their hidden structure: kind (business/person), community
 * (heavy-tailed sizes, each with a latent risk), a latent "bad" flag drawn from the community's risk,
 * heavy-tailed activity (so payment degrees are heavy-tailed), supply-chain tiers and supplier lists,
 * and a few fraud rings. Pure: everything comes from the seeded Random.
 */
import { createRandom, WeightedSampler, type Random } from './random.js';

export interface Population {
  readonly n: number;
  /** 0 = business, 1 = person. */
  readonly kind: Uint8Array;
  readonly community: Int32Array;
  readonly communityCount: number;
  /** Supply tier of a business (0 raw materials … 3 retail), -1 for people. */
  readonly tier: Int8Array;
  readonly activity: Float64Array;
  /** 1 when the entity is (latently) bad: likely to default, or a fraudster. */
  readonly bad: Uint8Array;
  /** Ring index of a fraud-ring member, -1 otherwise. */
  readonly ring: Int32Array;
  readonly rings: readonly (readonly number[])[];
  /** Entity indices grouped by community; community c spans [communityStart[c], communityStart[c+1]). */
  readonly byCommunity: Int32Array;
  readonly communityStart: Int32Array;
  /** Suppliers of buyer i: suppliers[supplierStart[i] .. supplierStart[i+1]). */
  readonly supplierStart: Int32Array;
  readonly suppliers: Int32Array;
  readonly global: WeightedSampler;
  readonly local: WeightedSampler;
}

const BUSINESS_SHARE = 0.65;
const TIER_CUTS = [0.1, 0.3, 0.55, 1];

/** Builds the population of `n` entities for `seed`. */
export function buildPopulation(n: number, seed: number): Population {
  const random = createRandom(seed, 'population');
  const kind = new Uint8Array(n);
  const tier = new Int8Array(n);
  const activity = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    kind[i] = random.chance(BUSINESS_SHARE) ? 0 : 1;
    tier[i] = kind[i] === 0 ? TIER_CUTS.findIndex((c) => random.next() < c) : -1;
    activity[i] = Math.min(random.pareto(1.4), 2000) * (kind[i] === 0 ? 1.5 : 0.6);
  }
  const { community, communityCount, communityRisk } = assignCommunities(n, random);
  const bad = new Uint8Array(n);
  for (let i = 0; i < n; i++) bad[i] = random.chance(communityRisk[community[i] as number] as number) ? 1 : 0;
  const { byCommunity, communityStart } = groupByCommunity(community, communityCount);
  const global = new WeightedSampler(activity);
  const local = new WeightedSampler(
    Array.from(byCommunity, (i) => activity[i] as number),
    byCommunity,
  );
  const base = {
    n,
    kind,
    community,
    communityCount,
    tier,
    activity,
    bad,
    byCommunity,
    communityStart,
    global,
    local,
  };
  const { supplierStart, suppliers } = linkSuppliers(base, random);
  const { ring, rings } = formRings(n, bad, random);
  return { ...base, supplierStart, suppliers, ring, rings };
}

function assignCommunities(n: number, random: Random) {
  const communityCount = Math.max(4, Math.round(n / 80));
  const weights = Float64Array.from({ length: communityCount }, () => Math.min(random.pareto(1.2), 50));
  const communityRisk = Float64Array.from({ length: communityCount }, () =>
    random.chance(0.15) ? 0.15 + 0.2 * random.next() : 0.01 + 0.03 * random.next(),
  );
  const sampler = new WeightedSampler(weights);
  const community = Int32Array.from({ length: n }, () => sampler.sample(random));
  return { community, communityCount, communityRisk };
}

function groupByCommunity(community: Int32Array, count: number) {
  const communityStart = new Int32Array(count + 1);
  for (const c of community) (communityStart[c + 1] as number)++;
  for (let c = 0; c < count; c++)
    communityStart[c + 1] = (communityStart[c + 1] as number) + (communityStart[c] as number);
  const fill = communityStart.slice(0, count);
  const byCommunity = new Int32Array(community.length);
  community.forEach((c, i) => (byCommunity[(fill[c] as number)++] = i));
  return { byCommunity, communityStart };
}

type PartialPopulation = Pick<
  Population,
  'n' | 'kind' | 'tier' | 'community' | 'communityStart' | 'local' | 'activity'
>;

/** A random entity of `c`'s community in proportion to activity (null for an empty community). */
export function sampleInCommunity(
  p: Pick<Population, 'communityStart' | 'local'>,
  c: number,
  random: Random,
): number | null {
  const from = p.communityStart[c] as number;
  const to = p.communityStart[c + 1] as number;
  return to > from ? p.local.sample(random, from, to) : null;
}

function linkSuppliers(p: PartialPopulation, random: Random) {
  const byTier = [0, 1, 2, 3].map((t) =>
    Int32Array.from({ length: p.n }, (_, i) => i).filter((i) => p.tier[i] === t),
  );
  const tierSamplers = byTier.map(
    (ids) =>
      new WeightedSampler(
        Array.from(ids, (i) => p.activity[i] as number),
        ids,
      ),
  );
  const supplierStart = new Int32Array(p.n + 1);
  const out: number[] = [];
  for (let i = 0; i < p.n; i++) {
    supplierStart[i] = out.length;
    const t = p.tier[i] as number;
    if (t < 1 || (byTier[t - 1]?.length ?? 0) === 0) continue;
    const chosen: number[] = [];
    const want = 1 + Math.min(4, Math.floor(random.pareto(1.6)) - 1 + random.int(2));
    for (let k = 0; k < want * 3 && chosen.length < want; k++) {
      let s = -1;
      if (random.chance(0.75)) {
        const candidate = sampleInCommunity(p, p.community[i] as number, random);
        if (candidate !== null && p.tier[candidate] === t - 1) s = candidate;
      }
      if (s < 0 && random.chance(0.5)) s = (tierSamplers[t - 1] as WeightedSampler).sample(random);
      if (s >= 0 && !chosen.includes(s)) chosen.push(s);
    }
    out.push(...chosen);
  }
  supplierStart[p.n] = out.length;
  return { supplierStart, suppliers: Int32Array.from(out) };
}

function formRings(n: number, bad: Uint8Array, random: Random) {
  const ring = new Int32Array(n).fill(-1);
  const rings: number[][] = [];
  const count = Math.max(2, Math.round(n / 700));
  for (let r = 0; r < count; r++) {
    const members: number[] = [];
    const size = 4 + random.int(4);
    while (members.length < size) {
      const i = random.int(n);
      if (ring[i] === -1) {
        ring[i] = r;
        bad[i] = 1;
        members.push(i);
      }
    }
    rings.push(members);
  }
  return { ring, rings };
}
