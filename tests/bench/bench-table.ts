/**
 * The result table every benchmark prints: each figure next to a baseline measured in the same
 * run (this machine is shared and noisy), the ratio between them, and the target it answers to.
 */

export interface Row {
  measure: string;
  figure: string;
  baseline: string;
  ratio: string;
  target: string;
  met: string;
}

export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const times = (v: number) => `${v >= 10 ? v.toFixed(0) : v.toFixed(2)}×`;
export const verdict = (ok: boolean) => (ok ? '✅ yes' : '❌ no');

export class BenchTable {
  readonly rows: Row[] = [];

  /** @param baselineHeading what the baseline column compares with, e.g. "same run, same database". */
  constructor(private readonly baselineHeading: string) {}

  add(measure: string, figure: string, baseline: string, ratio = '', target = '', met = ''): void {
    this.rows.push({ measure, figure, baseline, ratio, target, met });
  }

  /** The table as Markdown lines. */
  lines(): string[] {
    return [
      `| Measure | Figure | Baseline (${this.baselineHeading}) | Ratio | Target | Met |`,
      '|---|---|---|---|---|---|',
      ...this.rows.map((r) => `| ${r.measure} | ${r.figure} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.met} |`),
    ];
  }
}
