import {
  invertMatrix,
  median,
  normalQuantile,
  studentTQuantile,
} from './statistics';

describe('statistics', () => {
  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('knows the quantiles of the normal and t distributions', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    // Tables of Student's t.
    expect(studentTQuantile(0.9, 1)).toBeCloseTo(3.0777, 3);
    expect(studentTQuantile(0.9, 2)).toBeCloseTo(1.8856, 3);
    expect(studentTQuantile(0.9, 3)).toBeCloseTo(1.6377, 2);
    expect(studentTQuantile(0.9, 10)).toBeCloseTo(1.3722, 3);
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.5706, 2);
    expect(studentTQuantile(0.975, 48)).toBeCloseTo(2.0106, 3);
  });

  it('inverts matrices and refuses singular ones', () => {
    const inverse = invertMatrix([
      [4, 7],
      [2, 6],
    ]);
    expect(inverse[0][0]).toBeCloseTo(0.6, 9);
    expect(inverse[0][1]).toBeCloseTo(-0.7, 9);
    expect(inverse[1][0]).toBeCloseTo(-0.2, 9);
    expect(inverse[1][1]).toBeCloseTo(0.4, 9);
    expect(() =>
      invertMatrix([
        [1, 2],
        [2, 4],
      ]),
    ).toThrow('The matrix is singular');
  });
});
