import { createSmtpClient, manifest as smtpManifest, type TSmtpConfig } from './smtp';
import type { TNotifier } from './types';

/** Every notifier connector's manifest (validated by manifests.test.ts). */
export const NOTIFIER_MANIFESTS = [smtpManifest] as const;

/** Which notifier to build and its already validated config: one union member per connector. */
export type TNotifierSetup = { id: typeof smtpManifest.id; config: TSmtpConfig };

/** Builds a notifier. An explicit switch: a connector added to TNotifierSetup but not here fails to compile. */
export function createNotifier(setup: TNotifierSetup): TNotifier {
  switch (setup.id) {
    case 'smtp':
      return createSmtpClient(setup.config);
    default: {
      const never: never = setup.id;
      throw new Error(`no notifier connector ${String(never)}`);
    }
  }
}
