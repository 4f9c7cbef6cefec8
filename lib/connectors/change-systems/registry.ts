import { createBuiltinChangeSystem, manifest as builtinManifest } from './builtin';
import type { TChangeSystem } from './types';
import { createWebhookClient, manifest as webhookManifest, type TWebhookConfig } from './webhook';
import type { TWebhookClientOptions } from './webhook/client';

/** Every change-system connector's manifest (validated by manifests.test.ts). The first is the default. */
export const CHANGE_SYSTEM_MANIFESTS = [builtinManifest, webhookManifest] as const;

export type TChangeSystemKind = (typeof CHANGE_SYSTEM_MANIFESTS)[number]['id'];

/** Which change system to build and its already validated config: one union member per connector. */
export type TChangeSystemSetup = { id: typeof builtinManifest.id } | { id: typeof webhookManifest.id; config: TWebhookConfig; options?: TWebhookClientOptions };

/** Builds a change system. An explicit switch: a kind added to TChangeSystemSetup but not here fails to compile. */
export function createChangeSystem(setup: TChangeSystemSetup): TChangeSystem {
  switch (setup.id) {
    case 'builtin':
      return createBuiltinChangeSystem();
    case 'webhook':
      return createWebhookClient(setup.config, setup.options);
    default: {
      const never: never = setup;
      throw new Error(`no change-system connector ${String((never as { id: unknown }).id)}`);
    }
  }
}
