import nodemailer from 'nodemailer';
import type { TNotifier, TNotifierMessage } from '../types';
import { manifest, type TSmtpConfig } from './manifest';
import { smtpFailure, smtpTransportOptions } from './transform';

/**
 * Sends through one nodemailer SMTP transport (a connection per message: a batch is at most a few
 * dozen messages a minute, and a broken connection then fails one message, not the rest).
 */
export function createSmtpClient(config: TSmtpConfig): TNotifier {
  const transport = nodemailer.createTransport(smtpTransportOptions(config));
  return {
    id: manifest.id,
    async send(message: TNotifierMessage) {
      try {
        const info = await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
        return { ok: true, messageId: info.messageId };
      } catch (err) {
        return smtpFailure(err);
      }
    },
  };
}
