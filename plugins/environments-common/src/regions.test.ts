import {
  CLOUD_PROVIDERS,
  PROVIDER_DISPLAY_NAMES,
  consoleUrl,
  findRegion,
  isCloudProvider,
  regionsOf,
  suggestRegions,
} from './regions';

describe('regions', () => {
  describe.each(CLOUD_PROVIDERS)('%s catalogue', provider => {
    const regions = regionsOf(provider);

    it('has regions', () => {
      expect(regions.length).toBeGreaterThan(0);
    });

    it('has unique ids', () => {
      const ids = regions.map(region => region.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('only holds regions of this provider, with names filled in', () => {
      for (const region of regions) {
        expect(region.provider).toBe(provider);
        expect(region.id).toMatch(/^[a-z0-9-]+$/);
        expect(region.displayName).not.toBe('');
        expect(region.location).not.toBe('');
      }
    });

    it('has plausible, non-zero coordinates', () => {
      for (const region of regions) {
        expect(region.latitude).toBeGreaterThanOrEqual(-90);
        expect(region.latitude).toBeLessThanOrEqual(90);
        expect(region.longitude).toBeGreaterThanOrEqual(-180);
        expect(region.longitude).toBeLessThanOrEqual(180);
        expect(region.latitude).not.toBe(0);
        expect(region.longitude).not.toBe(0);
      }
    });

    it('is frozen', () => {
      expect(Object.isFrozen(regions)).toBe(true);
      expect(regions.every(region => Object.isFrozen(region))).toBe(true);
    });

    it('indexes every region for findRegion', () => {
      for (const region of regions) {
        expect(findRegion(provider, region.id)).toBe(region);
      }
    });

    it('has a display name', () => {
      expect(PROVIDER_DISPLAY_NAMES[provider]).toBeTruthy();
    });
  });

  describe('findRegion', () => {
    it.each([
      ['azure', 'westus', 'West US'],
      ['azure', 'westeurope', 'West Europe'],
      ['aws', 'us-east-1', 'US East (N. Virginia)'],
      ['aws', 'ap-southeast-1', 'Asia Pacific (Singapore)'],
      ['gcp', 'europe-west4', 'Netherlands'],
      ['gcp', 'us-central1', 'Iowa'],
      ['ibm', 'us-south', 'US South (Dallas)'],
      ['oracle', 'eu-frankfurt-1', 'Germany Central (Frankfurt)'],
    ])('finds %s %s', (provider, id, displayName) => {
      expect(findRegion(provider, id)).toMatchObject({
        provider,
        id,
        displayName,
      });
    });

    it('returns undefined for an unknown region', () => {
      expect(findRegion('aws', 'us-east-9')).toBeUndefined();
    });

    it('does not find a region under another provider', () => {
      expect(findRegion('gcp', 'us-east-1')).toBeUndefined();
    });

    it('returns undefined for unknown providers', () => {
      expect(findRegion('onprem', 'us-east-1')).toBeUndefined();
      expect(findRegion('digitalocean', 'nyc1')).toBeUndefined();
      expect(findRegion('__proto__', 'constructor')).toBeUndefined();
    });
  });

  describe('isCloudProvider', () => {
    it('accepts the known providers only', () => {
      for (const provider of CLOUD_PROVIDERS) {
        expect(isCloudProvider(provider)).toBe(true);
      }
      expect(isCloudProvider('onprem')).toBe(false);
      expect(isCloudProvider('AWS')).toBe(false);
      expect(isCloudProvider('')).toBe(false);
    });
  });

  describe('PROVIDER_DISPLAY_NAMES', () => {
    it('names providers and on-premises', () => {
      expect(PROVIDER_DISPLAY_NAMES).toEqual({
        azure: 'Microsoft Azure',
        aws: 'Amazon Web Services',
        gcp: 'Google Cloud',
        ibm: 'IBM Cloud',
        oracle: 'Oracle Cloud Infrastructure',
        onprem: 'On-premises',
      });
    });
  });

  describe('suggestRegions', () => {
    it('suggests the nearest ids for a typo', () => {
      const suggestions = suggestRegions('aws', 'us-east-9');
      expect(['us-east-1', 'us-east-2']).toContain(suggestions[0]);
      expect(suggestions.length).toBeLessThanOrEqual(3);
    });

    it('ignores case', () => {
      expect(suggestRegions('azure', 'WestEurope')[0]).toBe('westeurope');
    });

    it('honours the limit', () => {
      expect(suggestRegions('gcp', 'us-west9', 1)).toHaveLength(1);
      expect(suggestRegions('gcp', 'us-west9', 0)).toEqual([]);
    });

    it('leaves out ids that are too far away', () => {
      expect(suggestRegions('ibm', 'somewhere-over-the-rainbow')).toEqual([]);
    });
  });

  describe('consoleUrl', () => {
    it('links to the EKS clusters of the region', () => {
      expect(consoleUrl('aws', 'eu-west-1')).toBe(
        'https://eu-west-1.console.aws.amazon.com/eks/home?region=eu-west-1#/clusters',
      );
    });

    it.each([
      ['aws', 'us-east-1'],
      ['ibm', 'eu-de'],
      ['oracle', 'uk-london-1'],
    ] as const)('includes the region for %s', (provider, region) => {
      const url = consoleUrl(provider, region);
      expect(url).toContain(`region=${region}`);
      expect(() => new URL(url)).not.toThrow();
    });

    it.each(['azure', 'gcp'] as const)(
      'links to the region-independent cluster list for %s',
      provider => {
        expect(consoleUrl(provider, 'anything')).not.toContain('anything');
        expect(consoleUrl(provider, 'anything')).toMatch(/^https:\/\//);
      },
    );
  });
});
