import type { JsonObject } from '@backstage/types';
import { ConfigReader } from '@backstage/config';
import { readSloSettings } from '../config';
import { resolvePrometheus } from './targets';

const fromFile = {
  observability: { prometheus_url: 'https://prometheus.use1.example.invalid' },
};

function settings(prometheus?: JsonObject) {
  return readSloSettings(
    new ConfigReader(prometheus ? { slo: { prometheus } } : {}),
  ).prometheus;
}

describe('resolvePrometheus', () => {
  it("uses the fleet file's URL when app-config names none", () => {
    const target = resolvePrometheus('use1', fromFile, settings());
    expect(target).toMatchObject({
      url: 'https://prometheus.use1.example.invalid',
      matchers: {},
      origin: 'observability.prometheus_url of use1 in the fleet file',
      connection: { headers: {}, timeoutMs: 5000 },
    });
  });

  it("ignores the fleet file's URL when fleetFileUrls is false", () => {
    expect(
      resolvePrometheus('use1', fromFile, settings({ fleetFileUrls: false })),
    ).toBeUndefined();
  });

  it('lets the shared Prometheus win over the fleet file, with the environment label', () => {
    const target = resolvePrometheus(
      'use1',
      fromFile,
      settings({
        url: 'http://127.0.0.1:9090',
        environmentLabel: 'cluster',
        bearerToken: 'token',
        timeout: { seconds: 2 },
      }),
    );
    expect(target).toMatchObject({
      url: 'http://127.0.0.1:9090',
      matchers: { cluster: 'use1' },
      origin: 'slo.prometheus.url',
      connection: { bearerToken: 'token', timeoutMs: 2000 },
    });
    expect(
      resolvePrometheus('euw4', undefined, settings({ url: 'http://p' }))
        ?.matchers,
    ).toEqual({ environment: 'euw4' });
  });

  it("lets an environment's own entry win over both, with its own credentials", () => {
    const s = settings({
      url: 'http://shared',
      headers: { 'X-Scope-OrgID': 'fleet' },
      environments: {
        use1: {
          url: 'https://own.example.invalid',
          headers: { 'X-Scope-OrgID': 'use1' },
          timeout: { seconds: 9 },
        },
        euw4: { bearerToken: 'euw4-token' },
      },
    });
    expect(resolvePrometheus('use1', fromFile, s)).toMatchObject({
      url: 'https://own.example.invalid',
      matchers: {},
      origin: 'slo.prometheus.environments.use1.url',
      connection: { headers: { 'X-Scope-OrgID': 'use1' }, timeoutMs: 9000 },
    });
    // Credentials alone: still the shared Prometheus, with this token.
    expect(resolvePrometheus('euw4', undefined, s)).toMatchObject({
      url: 'http://shared',
      connection: { bearerToken: 'euw4-token' },
    });
  });

  it('gives one key per Prometheus and credentials, without showing the credentials', () => {
    const s = settings({
      url: 'http://shared',
      environments: { b: { bearerToken: 'other' } },
    });
    const a = resolvePrometheus('a', undefined, s)!;
    const c = resolvePrometheus('c', undefined, s)!;
    const b = resolvePrometheus('b', undefined, s)!;
    expect(a.key).toBe(c.key);
    expect(a.key).not.toBe(b.key);
    expect(b.key).not.toContain('other');
  });

  it('has nothing for an environment without any Prometheus', () => {
    expect(resolvePrometheus('hci', {}, settings())).toBeUndefined();
  });
});
