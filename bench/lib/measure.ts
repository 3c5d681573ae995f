import { execFileSync } from 'node:child_process';

export interface Measurement {
  /** Median wall time of one run, in milliseconds. */
  medianMs: number;
  /** Peak resident memory of the measuring process above its idle level, in MB. */
  peakMb: number;
}

/**
 * Runs `script` in a fresh node process with `args`, so each variant has its
 * own heap and its own peak; the script prints a JSON Measurement last.
 */
export function measureInChild(script: string, args: string[]): Measurement {
  return runInChild<Measurement>(script, args);
}

/**
 * Runs `script` in a fresh node process (with `--expose-gc` and any
 * `nodeArgs`, e.g. `--cpu-prof`) and returns the JSON it prints last.
 */
export function runInChild<T>(
  script: string,
  args: string[],
  nodeArgs: string[] = [],
): T {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      ...nodeArgs,
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      script,
      ...args,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const last = out.trim().split('\n').pop()!;
  return JSON.parse(last);
}

/** Times `fn` `runs` times after one warm-up and reports median time and peak RSS growth. */
export function timeRuns(fn: () => unknown, runs = 5): Measurement {
  (global as { gc?: () => void }).gc?.();
  const idle = process.memoryUsage().rss;
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (!result) throw new Error('the measured function returned nothing');
  }
  clearInterval(sampler);
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  times.sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)],
    peakMb: (peak - idle) / (1024 * 1024),
  };
}

export function report(
  title: string,
  ours: { label: string; m: Measurement },
  floor: { label: string; m: Measurement },
) {
  const width = Math.max(ours.label.length, floor.label.length);
  const line = (label: string, m: Measurement) =>
    `  ${label.padEnd(width)}  ${m.medianMs
      .toFixed(1)
      .padStart(9)} ms  ${m.peakMb.toFixed(1).padStart(8)} MB peak`;
  console.log(title);
  console.log(line(ours.label, ours.m));
  console.log(line(floor.label, floor.m));
  console.log(
    `  ratio (ours / floor): ${(ours.m.medianMs / floor.m.medianMs).toFixed(
      2,
    )}x time, ${(ours.m.peakMb / Math.max(floor.m.peakMb, 0.1)).toFixed(
      2,
    )}x memory`,
  );
}
