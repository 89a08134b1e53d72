/** Median and spread of a few noisy samples. */
export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  /** 25th and 75th percentiles (linear interpolation). */
  p25: number;
  p75: number;
}

function quantile(sorted: number[], q: number) {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export function summarize(samples: number[]): Summary {
  const sorted = samples.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return { n: 0, median: NaN, min: NaN, max: NaN, p25: NaN, p75: NaN };
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
  };
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** "1.2 ms (0.9–1.6)": median and min–max. */
export function formatSummary(summary: Summary, unit = 'ms', digits = 1): string {
  if (!summary.n) return 'n/a';
  const space = unit ? ` ${unit}` : '';
  if (summary.min === summary.max) return `${fixed(summary.median, digits)}${space}`;
  return `${fixed(summary.median, digits)}${space} (${fixed(summary.min, digits)}–${fixed(summary.max, digits)})`;
}
