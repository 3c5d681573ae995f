import type { SloApi } from '../api';
import { testResponse, testSeries } from './testSlos';

/** An SLO API that answers with the test SLOs, or with what the test says. */
export function mockSloApi(
  overrides: Partial<SloApi> = {},
): jest.Mocked<SloApi> {
  return {
    getSlos: jest.fn(overrides.getSlos ?? (async () => testResponse())),
    getSeries: jest.fn(overrides.getSeries ?? (async () => testSeries())),
    getRules: jest.fn(overrides.getRules ?? (async () => 'groups: []\n')),
  };
}
