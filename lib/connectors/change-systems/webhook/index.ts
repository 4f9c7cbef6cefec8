export { createWebhookClient } from './client';
export { manifest, ZWebhookConfig, ZWebhookUrl, type TWebhookConfig } from './manifest';
export { changeEventPayload, type TChangeEventPayload } from './transform';
