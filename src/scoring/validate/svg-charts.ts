/** Small SVG chart primitives for the validation report (pure strings, no dependencies). */

export interface Series {
  readonly label: string;
  readonly color: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
  /** 'line' joins the points; 'bars' draws one bar per point (x = bar centre). */
  readonly kind: 'line' | 'bars' | 'dots';
}

export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xRange: readonly [number, number];
  readonly yRange: readonly [number, number];
  readonly width?: number;
  readonly height?: number;
  /** Width of a bar in x units. */
  readonly barWidth?: number;
  readonly diagonal?: boolean;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const fmt = (x: number) =>
  Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(1) : x.toFixed(2);

/** A chart with axes, ticks, a legend and the given series. */
export function svgChart(series: readonly Series[], o: ChartOptions): string {
  const W = o.width ?? 420;
  const H = o.height ?? 300;
  const m = { l: 50, r: 12, t: 28, b: 40 };
  const [x0, x1] = o.xRange;
  const [y0, y1] = o.yRange;
  const sx = (x: number) => m.l + ((x - x0) / (x1 - x0 || 1)) * (W - m.l - m.r);
  const sy = (y: number) => H - m.b - ((y - y0) / (y1 - y0 || 1)) * (H - m.t - m.b);
  const parts: string[] = [];
  parts.push(
    `<rect x="${m.l}" y="${m.t}" width="${W - m.l - m.r}" height="${H - m.t - m.b}" fill="none" stroke="#999"/>`,
  );
  for (let k = 0; k <= 4; k++) {
    const xv = x0 + ((x1 - x0) * k) / 4;
    const yv = y0 + ((y1 - y0) * k) / 4;
    parts.push(
      `<text x="${sx(xv).toFixed(1)}" y="${H - m.b + 14}" font-size="10" text-anchor="middle">${fmt(xv)}</text>`,
    );
    parts.push(
      `<text x="${m.l - 4}" y="${(sy(yv) + 3).toFixed(1)}" font-size="10" text-anchor="end">${fmt(yv)}</text>`,
    );
  }
  if (o.diagonal)
    parts.push(
      `<line x1="${sx(x0)}" y1="${sy(y0)}" x2="${sx(x1)}" y2="${sy(y1)}" stroke="#ccc" stroke-dasharray="4 3"/>`,
    );
  series.forEach((s, i) => {
    if (s.kind === 'line') {
      const d = s.points
        .map(([x, y], k) => `${k ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`)
        .join('');
      parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    } else if (s.kind === 'dots') {
      for (const [x, y] of s.points)
        parts.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="3.5" fill="${s.color}"/>`);
    } else {
      const bw = Math.max(1, sx(x0 + (o.barWidth ?? 1)) - sx(x0));
      for (const [x, y] of s.points) {
        const top = sy(y);
        parts.push(
          `<rect x="${(sx(x) - bw / 2).toFixed(1)}" y="${top.toFixed(1)}" width="${bw.toFixed(1)}" height="${(sy(y0) - top).toFixed(1)}" fill="${s.color}" fill-opacity="0.55"/>`,
        );
      }
    }
    parts.push(`<rect x="${m.l + 8}" y="${m.t + 6 + i * 14}" width="10" height="10" fill="${s.color}"/>`);
    parts.push(`<text x="${m.l + 22}" y="${m.t + 15 + i * 14}" font-size="11">${escapeXml(s.label)}</text>`);
  });
  parts.push(
    `<text x="${W / 2}" y="16" font-size="13" font-weight="bold" text-anchor="middle">${escapeXml(o.title)}</text>`,
  );
  parts.push(
    `<text x="${(m.l + W - m.r) / 2}" y="${H - 6}" font-size="11" text-anchor="middle">${escapeXml(o.xLabel)}</text>`,
  );
  parts.push(
    `<text x="12" y="${(m.t + H - m.b) / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 12 ${(m.t + H - m.b) / 2})">${escapeXml(o.yLabel)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(o.title)}">${parts.join('')}</svg>`;
}
