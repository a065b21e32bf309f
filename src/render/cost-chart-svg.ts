// The cost chart as a self-contained SVG: readable with no JavaScript, embeddable in Markdown.
import type { CostCurve } from '../core/chart.js';
import { compactCount } from '../core/significant.js';

const WIDTH = 760;
const HEIGHT = 460;
const MARGIN = { left: 86, right: 24, top: 48, bottom: 96 };
const COLOURS = { serverless: '#1f77b4', traditional: '#d95f02', hybrid: '#1b9e77' } as const;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function renderCostChart(curve: CostCurve, title: string): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const [low, high] = [curve.volumes[0]!, curve.volumes.at(-1)!];
  const values = Object.values(curve.series).flat().filter((v): v is number => v !== null);
  // Both axes are logarithmic: costs span cents to thousands. Costs under $1 sit on the $1 floor.
  const yMax = Math.pow(10, Math.max(1, Math.ceil(Math.log10(Math.max(1, ...values)))));
  const x = (volume: number) => MARGIN.left + (Math.log(volume / low) / Math.log(high / low)) * plotWidth;
  const y = (usd: number) => MARGIN.top + plotHeight - (Math.log10(Math.max(1, usd)) / Math.log10(yMax)) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12" role="img">`,
    `<title>${escape(title)}: monthly cost of the best option of each architecture against monthly requests</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escape(title)}</text>`,
  ];
  // Horizontal grid and the cost axis.
  for (let usd = 1; usd <= yMax; usd *= 10) {
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(usd).toFixed(1)}" y2="${y(usd).toFixed(1)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${(y(usd) + 4).toFixed(1)}" text-anchor="end">${usd === 1 ? '≤ $1' : `$${usd.toLocaleString('en-US')}`}</text>`);
  }
  // Decade ticks on the volume axis.
  for (let decade = Math.pow(10, Math.ceil(Math.log10(low))); decade <= high; decade *= 10)
    parts.push(
      `<line x1="${x(decade).toFixed(1)}" x2="${x(decade).toFixed(1)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#f0f0f0"/>`,
      `<text x="${x(decade).toFixed(1)}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${compactCount(decade)}</text>`,
    );
  parts.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${MARGIN.top + plotHeight + 40}" text-anchor="middle">Monthly requests (log scale)</text>`,
    `<text transform="translate(18 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">Monthly cost, USD (log scale)</text>`,
  );
  // One line per architecture, broken where it has no feasible option.
  for (const [architecture, points] of Object.entries(curve.series) as Array<[keyof typeof COLOURS, Array<number | null>]>) {
    let path = '';
    points.forEach((usd, i) => {
      if (usd === null) return;
      const command = i > 0 && points[i - 1] !== null ? 'L' : 'M';
      path += `${command}${x(curve.volumes[i]!).toFixed(1)},${y(usd).toFixed(1)} `;
    });
    if (path) parts.push(`<path d="${path.trim()}" fill="none" stroke="${COLOURS[architecture]}" stroke-width="2.5"/>`);
  }
  const marker = (volume: number, label: string, colour: string, dash: string, row: number) => {
    if (volume < low || volume > high) return;
    parts.push(
      `<line x1="${x(volume).toFixed(1)}" x2="${x(volume).toFixed(1)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="${colour}" stroke-dasharray="${dash}" stroke-width="1.5"/>`,
      // Labels near the right edge go on the left of their line so they stay inside the image.
      x(volume) > WIDTH - 200
        ? `<text x="${(x(volume) - 5).toFixed(1)}" y="${MARGIN.top + 14 + row * 16}" fill="${colour}" text-anchor="end">${escape(label)}</text>`
        : `<text x="${(x(volume) + 5).toFixed(1)}" y="${MARGIN.top + 14 + row * 16}" fill="${colour}">${escape(label)}</text>`,
    );
  };
  if (curve.breakEven !== null) marker(curve.breakEven, `break-even ${compactCount(curve.breakEven)}/month`, '#7a0177', '6 4', 0);
  marker(curve.profileVolume, `this workload ${compactCount(curve.profileVolume)}/month`, '#333333', '2 3', 1);
  // Legend below the axis title.
  (['serverless', 'traditional', 'hybrid'] as const).forEach((architecture, i) => {
    const lx = MARGIN.left + i * 170;
    const ly = HEIGHT - 22;
    const drawn = curve.series[architecture].some((v) => v !== null);
    parts.push(
      `<line x1="${lx}" x2="${lx + 28}" y1="${ly - 4}" y2="${ly - 4}" stroke="${COLOURS[architecture]}" stroke-width="2.5"/>`,
      `<text x="${lx + 34}" y="${ly}">${architecture}${drawn ? '' : ' (no feasible option)'}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
