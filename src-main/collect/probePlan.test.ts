// The plan the collector follows, and the one number it shares with the module: the pool's size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECTION_NAMES } from '../../src-shared/snapshot';
import { NETWORK_SECTIONS, POOL_SIZE, poolOrder } from './probePlan';

describe('probePlan', () => {
  it('sizes the pool as the module opens it, with a runspace for every network probe and lanes left for the local reads', () => {
    const psm1 = readFileSync(join(__dirname, '..', '..', 'assets', 'ps', 'DaDoctor.psm1'), 'utf8');
    expect(psm1).toMatch(new RegExp(`^\\$script:DadPoolSize = ${POOL_SIZE}$`, 'm'));
    expect(POOL_SIZE).toBeGreaterThan(NETWORK_SECTIONS.length);
  });

  it('hands the network probes to the pool first and keeps every section once', () => {
    const order = poolOrder(SECTION_NAMES);
    expect(order.slice(0, NETWORK_SECTIONS.length)).toEqual([...NETWORK_SECTIONS]);
    expect([...order].sort()).toEqual([...SECTION_NAMES].sort());
  });
});
