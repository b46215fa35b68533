/**
 * The README is a front door: under 12 KB, and every relative link in it and in docs/ resolves to an
 * existing file, and to a heading of that file when the link names an anchor (GitHub's heading slugs).
 * The configuration table of docs/operations.md lists every variable of src/config/config.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { ENV_SCHEMA } from '../../../src/config/config.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const README = join(ROOT, 'README.md');
const README_MAX_BYTES = 12 * 1024;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** Markdown without fenced code blocks and inline code, where links are not links. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Link targets of a markdown text: [text](target) and ![alt](target), titles dropped. */
export function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const m of withoutCode(markdown).matchAll(
    /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
  )) {
    targets.push(m[1]!);
  }
  return targets;
}

/** The anchors GitHub gives a markdown file's headings. */
export function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const plain = m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '');
    anchors.add(slugger.slug(plain));
  }
  return anchors;
}

function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

/** Problems with the relative links of one markdown file (empty when all resolve). */
function brokenLinks(file: string): string[] {
  const problems: string[] = [];
  for (const target of linkTargets(readFileSync(file, 'utf8'))) {
    if (isExternal(target)) continue;
    const [pathPart, anchor] = target.split('#') as [string, string | undefined];
    const path = pathPart ? resolve(dirname(file), decodeURIComponent(pathPart)) : file;
    const where = `${relative(ROOT, file)} → ${target}`;
    if (!existsSync(path)) {
      problems.push(`${where}: no such file`);
      continue;
    }
    if (anchor !== undefined && anchor !== '') {
      if (!path.endsWith('.md')) problems.push(`${where}: an anchor into a file that is not markdown`);
      else if (!headingAnchors(readFileSync(path, 'utf8')).has(anchor))
        problems.push(`${where}: no heading #${anchor}`);
    }
  }
  return problems;
}

describe('docs: README as a front door and links that work', () => {
  const docs = markdownFiles(join(ROOT, 'docs'));

  it(`README.md is under ${README_MAX_BYTES / 1024} KB`, () => {
    const size = statSync(README).size;
    assert.ok(size < README_MAX_BYTES, `README.md is ${size} bytes`);
  });

  it('README.md shows the two commands and links every page of docs/', () => {
    const readme = readFileSync(README, 'utf8');
    assert.match(readme, /^npm ci && npm start$/m);
    assert.match(readme, /^npm ci && npm test$/m);
    const linked = new Set(
      linkTargets(readme)
        .filter((t) => !isExternal(t))
        .map((t) => resolve(ROOT, t.split('#')[0]!)),
    );
    const unlinked = docs.filter((d) => !linked.has(d)).map((d) => relative(ROOT, d));
    assert.deepEqual(unlinked, [], 'pages of docs/ the README does not link');
  });

  it('every relative link in README.md and docs/ resolves to a file and heading', () => {
    assert.ok(docs.length >= 10, `docs/ has ${docs.length} pages`);
    const problems = [README, ...docs].flatMap(brokenLinks);
    assert.deepEqual(problems, []);
  });

  it('the link checker catches a missing file and a missing heading', () => {
    assert.deepEqual(
      linkTargets('see [a](a.md#x), ![p](p.svg "t"), `[not](code.md)` and [web](https://x.y)'),
      ['a.md#x', 'p.svg', 'https://x.y'],
    );
    const anchors = headingAnchors(
      '# Data model (Neo4j)\n## HTTP (role `admin`)\n```\n# not a heading\n```\n## Data model (Neo4j)\n',
    );
    assert.deepEqual([...anchors], ['data-model-neo4j', 'http-role-admin', 'data-model-neo4j-1']);
  });

  it("docs/operations.md's configuration table lists every variable of src/config/config.ts", () => {
    const operations = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
    const section = operations.slice(operations.indexOf('## Configuration'));
    const documented = new Set([...section.matchAll(/^\| `([A-Z0-9_]+)`/gm)].map((m) => m[1]));
    const missing = Object.keys(ENV_SCHEMA.shape).filter((name) => !documented.has(name));
    assert.deepEqual(missing, []);
  });
});
