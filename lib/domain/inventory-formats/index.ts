export * from './types';
export { detectFormat, parseInventory, type TParseInventoryOptions } from './detect';
export { parseDpkgQuery, parseDpkgL, isDpkgStatusOnDisk } from './dpkg';
export { parseRpmQa, splitNevra } from './rpm';
export { parseCycloneDx } from './cyclonedx';
export { parseSpdx } from './spdx';
export { parseCsv } from './csv';
export { parsePurl, itemFromPurl, type TPurl } from './purl';
export { parseOsRelease, osFamilyFromId } from './os-release';
