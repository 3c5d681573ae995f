/** Small numeric building blocks of the forecasts and anomaly scores. */

/** Median of the values; `NaN` when there are none. */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  // A typed array sorts by value, and faster than an array with a comparator.
  const sorted = Float64Array.from(values).sort();
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Factor that makes the median absolute deviation estimate a normal sigma. */
export const MAD_TO_SIGMA = 1.4826;

/**
 * Quantile `p` of the standard normal distribution (Acklam's rational
 * approximation, relative error below 1.2e-9).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    throw new RangeError(`p must be between 0 and 1, got ${p}`);
  }
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2,
    1.38357751867269e2, -3.066479806614716e1, 2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2,
    6.680131188771972e1, -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838,
    -2.549732539343734, 4.374664141464968, 2.938163982698783,
  ];
  const d = [
    7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996,
    3.754408661907416,
  ];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) {
    return -normalQuantile(1 - p);
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) *
      q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * Quantile `p` of Student's t distribution with `df` degrees of freedom:
 * exact for 1 and 2, otherwise the Cornish-Fisher expansion around the
 * normal quantile (error below 1e-3 for the usual confidences).
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(df >= 1)) {
    throw new RangeError(`df must be at least 1, got ${df}`);
  }
  if (df === 1) {
    return Math.tan(Math.PI * (p - 0.5));
  }
  if (df === 2) {
    return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  }
  const z = normalQuantile(p);
  const z2 = z * z;
  return (
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df ** 2) +
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * df ** 3) +
    (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) /
      (92160 * df ** 4)
  );
}

/** Inverse of a square matrix (Gauss-Jordan with partial pivoting). */
export function invertMatrix(matrix: readonly number[][]): number[][] {
  const n = matrix.length;
  const work = matrix.map((row, i) => [
    ...row,
    ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  ]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(work[row][col]) > Math.abs(work[pivot][col])) {
        pivot = row;
      }
    }
    if (Math.abs(work[pivot][col]) < 1e-12) {
      throw new RangeError('The matrix is singular');
    }
    [work[col], work[pivot]] = [work[pivot], work[col]];
    const scale = work[col][col];
    for (let j = 0; j < 2 * n; j++) {
      work[col][j] /= scale;
    }
    for (let row = 0; row < n; row++) {
      if (row !== col && work[row][col] !== 0) {
        const factor = work[row][col];
        for (let j = 0; j < 2 * n; j++) {
          work[row][j] -= factor * work[col][j];
        }
      }
    }
  }
  return work.map(row => row.slice(n));
}

/** `a · b` of two vectors of equal length. */
export function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    sum += a[i] * b[i];
  }
  return sum;
}

/** `xᵀ M x` of a square matrix and a vector. */
export function quadraticForm(
  matrix: readonly number[][],
  x: readonly number[],
): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    sum += x[i] * dot(matrix[i], x);
  }
  return sum;
}
