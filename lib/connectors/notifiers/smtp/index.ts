export { createSmtpClient } from './client';
export { manifest, ZSmtpConfig, type TSmtpConfig } from './manifest';
