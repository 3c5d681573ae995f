import {
  FOCUS_COLUMNS,
  detectFocusVersion,
  isCustomColumn,
  mandatoryColumns,
} from './focus';

const V1_0 = mandatoryColumns('1.0');

describe('FOCUS column catalogue', () => {
  it('types and versions the columns', () => {
    expect(FOCUS_COLUMNS.BilledCost).toMatchObject({
      type: 'decimal',
      versions: ['1.0', '1.1', '1.2'],
      mandatory: ['1.0', '1.1', '1.2'],
    });
    expect(FOCUS_COLUMNS.ChargePeriodStart.type).toBe('datetime');
    expect(FOCUS_COLUMNS.Tags).toMatchObject({ type: 'json', mandatory: [] });
    expect(FOCUS_COLUMNS.SkuMeter.versions).toEqual(['1.1', '1.2']);
    expect(FOCUS_COLUMNS.InvoiceId.versions).toEqual(['1.2']);
    expect(FOCUS_COLUMNS.ServiceProviderName.replaces).toEqual([
      'ProviderName',
      'PublisherName',
    ]);
    expect(V1_0).toContain('EffectiveCost');
    expect(V1_0).not.toContain('RegionId');
    expect(isCustomColumn('x_ServiceCode')).toBe(true);
    expect(isCustomColumn('ServiceName')).toBe(false);
  });
});

describe('detectFocusVersion', () => {
  it('detects 1.0', () => {
    expect(
      detectFocusVersion([...V1_0, 'RegionId', 'Tags', 'x_Operation']),
    ).toEqual({ version: '1.0', missing: [] });
  });

  it('detects 1.1 from its new columns', () => {
    expect(
      detectFocusVersion(['\uFEFFBilledCost', ...V1_0, 'SkuMeter']),
    ).toEqual({ version: '1.1', missing: [] });
  });

  it('detects 1.2 from its new columns', () => {
    expect(detectFocusVersion([...V1_0, 'SkuMeter', 'InvoiceId'])).toEqual({
      version: '1.2',
      missing: [],
    });
  });

  it('detects 1.2 with ServiceProviderName instead of ProviderName', () => {
    const header = V1_0.filter(
      c => c !== 'ProviderName' && c !== 'PublisherName',
    ).concat('ServiceProviderName', 'HostProviderName');
    expect(detectFocusVersion(header)).toEqual({
      version: '1.2',
      missing: [],
    });
  });

  it('names the missing mandatory columns', () => {
    const header = V1_0.filter(
      c => c !== 'BillingCurrency' && c !== 'ChargePeriodStart',
    ).concat('InvoiceId');
    expect(detectFocusVersion(header)).toEqual({
      version: '1.2',
      missing: ['BillingCurrency', 'ChargePeriodStart'],
    });
    expect(detectFocusVersion(['BilledCost', 'x_Operation'])).toMatchObject({
      version: '1.0',
      missing: expect.arrayContaining(['ChargeCategory', 'EffectiveCost']),
    });
  });
});
