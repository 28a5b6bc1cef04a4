import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export type Mail = { id: string; from: string; to: string; subject: string; text: string };

/** Where e-mail goes: SMTP, or a folder of `.eml` files. `send` throws when the message was not taken. */
export type Mailer = { kind: 'smtp' | 'file'; send(mail: Mail): Promise<void>; close(): void };

const headers = (mail: Mail) => ({ 'X-Truce-Outbox-Id': mail.id });

/** SMTP through nodemailer (`smtp://user:pass@host:587`, `smtps://…:465`); a pooled connection. */
export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(mail) {
      await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, headers: headers(mail) });
    },
    close: () => transport.close(),
  };
}

/**
 * The development sink: each message as `<id>.eml` (RFC 5322, openable by any mail client) in a
 * folder. Written to a temporary name and renamed, so a reader never sees half a message; sending
 * the same message twice overwrites the one file.
 */
export function fileMailer(dir: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'file',
    async send(mail) {
      const info = await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, headers: headers(mail) });
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${mail.id}.eml`);
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
    },
    close: () => transport.close(),
  };
}
