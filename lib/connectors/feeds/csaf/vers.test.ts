import { describe, expect, it } from 'vitest';
import { parseNevra, parsePurl, rhelFromCpe } from './product-tree';
import { parseVersionRange } from './vers';

describe('parseVersionRange', () => {
  it('reads vers: strings', () => {
    expect(parseVersionRange('vers:generic/>=2.9|<=4.1')).toEqual({
      all: false,
      exact: [],
      intervals: [{ introduced: '2.9', fixed: null, lastAffected: '4.1' }],
    });
    expect(parseVersionRange('vers:all/<V17 Update 6').intervals).toEqual([{ introduced: null, fixed: 'V17 Update 6', lastAffected: null }]);
    expect(parseVersionRange('vers:all/*').all).toBe(true);
  });

  it('reads the free text vendors put in product_version_range', () => {
    expect(parseVersionRange('<=1.14.0').intervals).toEqual([{ introduced: null, fixed: null, lastAffected: '1.14.0' }]);
    expect(parseVersionRange('>v33.011|<v33.015').intervals).toEqual([{ introduced: 'v33.011', fixed: 'v33.015', lastAffected: null }]);
    expect(parseVersionRange('0 < 8.0.1').intervals).toEqual([{ introduced: null, fixed: '8.0.1', lastAffected: null }]);
    expect(parseVersionRange('>=3.05F_Packaged_with_MC_Works64_4.03D').intervals).toEqual([
      { introduced: '3.05F_Packaged_with_MC_Works64_4.03D', fixed: null, lastAffected: null },
    ]);
    expect(parseVersionRange('all versions').all).toBe(true);
    expect(parseVersionRange('Corefix 14')).toEqual({ all: false, intervals: [], exact: ['Corefix 14'] });
  });

  it('handles several intervals in one string', () => {
    expect(parseVersionRange('vers:semver/>=1.0.0|<1.4.2|>=2.0.0|<2.1.1').intervals).toEqual([
      { introduced: '1.0.0', fixed: '1.4.2', lastAffected: null },
      { introduced: '2.0.0', fixed: '2.1.1', lastAffected: null },
    ]);
  });
});

describe('product helpers', () => {
  it('parsePurl decodes versions and qualifiers', () => {
    expect(parsePurl('pkg:rpm/redhat/python39-wheel@0.35.1-4.module%2Bel8.5.0%2B12204%2B54860423?arch=noarch&epoch=1')).toEqual({
      type: 'rpm',
      namespace: 'redhat',
      name: 'python39-wheel',
      version: '0.35.1-4.module+el8.5.0+12204+54860423',
      qualifiers: { arch: 'noarch', epoch: '1' },
    });
    expect(parsePurl('pkg:npm/%40fastify/passport@2.3.0')).toMatchObject({ namespace: '@fastify', name: 'passport', version: '2.3.0' });
    expect(parsePurl('not a purl')).toBeNull();
  });

  it('parseNevra accepts rpm file names only', () => {
    expect(parseNevra('telnet-1:0.17-65.el7_6.x86_64')).toEqual({ name: 'telnet', epoch: '1', version: '0.17', release: '65.el7_6', arch: 'x86_64' });
    expect(parseNevra('git-lfs-0:2.13.3-3.el8_6.1.src')).toMatchObject({ name: 'git-lfs', epoch: '0', arch: 'src' });
    expect(parseNevra('openshift4/ose-metering-hive:v4.6.0-202112160147.p0.gf139e12.assembly.stream')).toBeNull();
    expect(parseNevra('spring-security')).toBeNull();
  });

  it('rhelFromCpe maps RHEL streams and el-suffixed layered products', () => {
    expect(rhelFromCpe('cpe:/o:redhat:enterprise_linux:9::baseos')).toBe('RHEL:9');
    expect(rhelFromCpe('cpe:/a:redhat:rhel_eus:9.2::appstream')).toBe('RHEL:9');
    expect(rhelFromCpe('cpe:/o:redhat:rhel_els:6')).toBe('RHEL:6');
    expect(rhelFromCpe('cpe:/a:redhat:openshift:4.6::el8')).toBe('RHEL:8');
    expect(rhelFromCpe('cpe:/a:redhat:openshift:3.11')).toBeNull();
    expect(rhelFromCpe('cpe:/a:csaf-tools:cvrf-csaf-converter:1.0.0-alpha')).toBeNull();
  });
});
