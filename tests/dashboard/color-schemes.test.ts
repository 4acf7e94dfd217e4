import { scheme } from 'vega-scale';
import { CATEGORICAL_SCHEMES, DEFAULT_MARK_COLOR } from '../../src/dashboard/color-schemes';

describe('inlined color schemes', () => {
  it.each(Object.keys(CATEGORICAL_SCHEMES))('%s matches vega-scale', (name) => {
    expect(CATEGORICAL_SCHEMES[name]).toEqual(scheme(name));
  });

  it("uses Vega-Lite's default mark color", () => {
    expect(DEFAULT_MARK_COLOR).toBe('#4c78a8');
  });
});
