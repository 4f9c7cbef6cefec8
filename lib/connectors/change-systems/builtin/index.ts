import type { TChangeSystem } from '../types';
import { manifest } from './manifest';

export { manifest, ZBuiltinConfig, type TBuiltinConfig } from './manifest';

/** The built-in CAB: no outbound side (it has no `send`). */
export function createBuiltinChangeSystem(): TChangeSystem {
  return { id: manifest.id };
}
