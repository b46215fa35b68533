/**
 * docs/architecture.svg, the README's picture, is drawn from the code's real layout: it parses as SVG, it
 * is the current output of scripts/docs/draw-architecture.ts, every file it cites exists, and every BullMQ
 * queue of src/queue/names.ts is drawn.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { QUEUE_NAMES } from '../../../src/queue/names.js';
import {
  citedPaths,
  QUEUES,
  renderArchitectureSvg,
  ROOT,
  SVG_PATH,
} from '../../../scripts/docs/draw-architecture.js';

describe('docs/architecture.svg', () => {
  const svg = readFileSync(SVG_PATH, 'utf8');

  it('is well-formed SVG with a title', () => {
    assert.equal(XMLValidator.validate(svg), true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg) as { svg?: Record<string, unknown> };
    assert.ok(doc.svg, 'the root element is <svg>');
    assert.equal(doc.svg['@_xmlns'], 'http://www.w3.org/2000/svg');
    assert.match(String(doc.svg.title), /creditgraph/);
  });

  it('is what scripts/docs/draw-architecture.ts draws now (run it after changing the table)', () => {
    assert.equal(svg, renderArchitectureSvg());
  });

  it('cites only files and directories that exist', () => {
    const missing = citedPaths().filter((p) => !existsSync(join(ROOT, p)));
    assert.deepEqual(missing, []);
  });

  it('draws every BullMQ queue', () => {
    assert.deepEqual(QUEUES.map((q) => q.name).sort(), Object.values(QUEUE_NAMES).sort());
    for (const name of Object.values(QUEUE_NAMES)) assert.ok(svg.includes(`id="queue-${name}"`), name);
  });
});
