import { machineSize } from './fleet';
import { previousImage } from './objects';
import { matchesLabels, parseLabelSelector } from './selectors';

describe('machineSize', () => {
  it.each([
    ['Standard_D4s_v5', 4, 16],
    ['Standard_E8s_v5', 8, 64],
    ['Standard_A4_v2', 4, 8],
    ['m6i.xlarge', 4, 16],
    ['r6i.2xlarge', 8, 64],
    ['e2-standard-4', 4, 16],
    ['n2-highmem-8', 8, 64],
    ['bx2.8x32', 8, 32],
    ['VM.Standard.E4.Flex', 8, 64],
    ['best-effort-large', 4, 16],
  ])('reads %s as %i cores and %i GiB', (vmSize, cpu, memoryGi) => {
    expect(machineSize(vmSize)).toEqual({ cpu, memoryGi });
  });

  it('does not guess an unknown machine type', () => {
    expect(machineSize('bare-metal-special')).toBeUndefined();
  });
});

describe('previousImage', () => {
  it('goes back one release', () => {
    expect(previousImage('registry.example.internal/app:2.6.0')).toBe(
      'registry.example.internal/app:2.5.0',
    );
    expect(previousImage('registry.k8s.io/coredns/coredns:v1.12.1')).toBe(
      'registry.k8s.io/coredns/coredns:v1.12.0',
    );
    expect(previousImage('localhost:5000/app')).toBe(
      'localhost:5000/app:previous',
    );
  });
});

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front' };
  it.each([
    ['app=web', true],
    ['app==web,tier=front', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['app', true],
    ['!app', false],
    ['app in (api, web)', true],
    ['app notin (api,web)', false],
    ['missing notin (x)', true],
    ['', true],
  ])('%s -> %s', (selector, expected) => {
    expect(matchesLabels(labels, parseLabelSelector(selector))).toBe(expected);
  });

  it('refuses malformed selectors', () => {
    expect(() => parseLabelSelector('app in (x')).toThrow('unbalanced');
    expect(() => parseLabelSelector('app in ()')).toThrow();
    expect(() => parseLabelSelector('a b c')).toThrow();
  });
});
