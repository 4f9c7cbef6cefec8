/**
 * Version ordering per scheme — the one place that decides whether an installed version is below a
 * fixed one. Pure. The rules of each scheme live in ./versions/<scheme>.ts; the byte keys that let
 * PostgreSQL order versions the same way live in ./version-key.ts.
 *
 * An unknown or malformed version is never ordered by guesswork: `parseVersion`/`checkVersion`
 * say why it was refused, and `compareVersions` throws `InvalidVersionError`, so a caller cannot
 * silently treat an unparseable version as vulnerable or as safe.
 */
import { VERSION_SCHEMES, type TVersionScheme } from './types';
import { apkRules, type TApkVersion } from './versions/apk';
import { sign, type TSchemeRules } from './versions/common';
import { debRules, type TDebVersion } from './versions/deb';
import { genericRules, type TGenericVersion } from './versions/generic';
import { pypiRules, type TPypiVersion } from './versions/pypi';
import { rpmRules, type TRpmVersion } from './versions/rpm';
import { semverRules, type TSemver } from './versions/semver';

type TParsedBy = {
  deb: TDebVersion;
  rpm: TRpmVersion;
  semver: TSemver;
  apk: TApkVersion;
  pypi: TPypiVersion;
  generic: TGenericVersion;
};

/** A version that parsed under its scheme; compare two with `compareParsed`. */
export type TParsedVersion<S extends TVersionScheme = TVersionScheme> = {
  [K in S]: { readonly scheme: K; readonly raw: string; readonly value: TParsedBy[K] };
}[S];

export type TVersionCheck = { ok: true } | { ok: false; reason: string };
export type TParseVersionResult<S extends TVersionScheme = TVersionScheme> = { ok: true; version: TParsedVersion<S> } | { ok: false; reason: string };

export const VERSION_RULES: { readonly [K in TVersionScheme]: TSchemeRules<TParsedBy[K]> } = {
  deb: debRules,
  rpm: rpmRules,
  semver: semverRules,
  apk: apkRules,
  pypi: pypiRules,
  generic: genericRules,
};

/** Thrown when a version that must be ordered is not a valid version of its scheme. */
export class InvalidVersionError extends Error {
  constructor(
    readonly scheme: TVersionScheme,
    readonly version: string,
    readonly reason: string,
  ) {
    super(`Invalid ${scheme} version ${JSON.stringify(version)}: ${reason}`);
    this.name = 'InvalidVersionError';
  }
}

function rulesOf(scheme: TVersionScheme): TSchemeRules<unknown> {
  if (!(VERSION_SCHEMES as readonly string[]).includes(scheme)) throw new RangeError(`Unknown version scheme ${JSON.stringify(scheme)}`);
  return VERSION_RULES[scheme];
}

export function parseVersion<S extends TVersionScheme>(scheme: S, v: string): TParseVersionResult<S> {
  if (typeof v !== 'string') return { ok: false, reason: 'not a string' };
  const r = rulesOf(scheme).parse(v);
  if (!r.ok) return { ok: false, reason: r.reason };
  return { ok: true, version: { scheme, raw: v, value: r.value } as TParsedVersion<S> };
}

/** Why `v` is not a valid version of `scheme`, or ok. */
export function checkVersion(scheme: TVersionScheme, v: string): TVersionCheck {
  const r = parseVersion(scheme, v);
  return r.ok ? { ok: true } : { ok: false, reason: r.reason };
}

export function isValidVersion(scheme: TVersionScheme, v: string): boolean {
  return parseVersion(scheme, v).ok;
}

/** Parses or throws `InvalidVersionError`. */
export function parseVersionOrThrow<S extends TVersionScheme>(scheme: S, v: string): TParsedVersion<S> {
  const r = parseVersion(scheme, v);
  if (!r.ok) throw new InvalidVersionError(scheme, v, r.reason);
  return r.version;
}

/** Negative, 0 or positive (always -1, 0 or 1). Both versions must be of one scheme. */
export function compareParsed(a: TParsedVersion, b: TParsedVersion): number {
  if (a.scheme !== b.scheme) throw new RangeError(`Cannot compare a ${a.scheme} version with a ${b.scheme} version`);
  return sign(rulesOf(a.scheme).compare(a.value, b.value));
}

/**
 * Orders two version strings of `scheme` as the ecosystem's own tool does (dpkg, rpm, apk-tools,
 * PEP 440, semver.org): negative when a < b, 0 when equal (e.g. deb 1.0 and 1.00), positive when
 * a > b. Throws `InvalidVersionError` when either is not a valid version of the scheme.
 */
export function compareVersions(scheme: TVersionScheme, a: string, b: string): number {
  return compareParsed(parseVersionOrThrow(scheme, a), parseVersionOrThrow(scheme, b));
}
