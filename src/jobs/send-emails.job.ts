import { mailDirectory, type Config } from '../config.js';
import { fileMailer, smtpMailer, type Mailer } from '../domain/notifications/mailers.js';
import { sendDueEmails } from '../domain/notifications/send-due-emails.js';
import { defineJob } from './job.js';

/** One mailer per configuration (an SMTP transport keeps its connection between runs). */
const mailers = new WeakMap<Config, Mailer>();
export function mailerFor(config: Config): Mailer {
  let mailer = mailers.get(config);
  if (!mailer) {
    mailer = config.smtpUrl ? smtpMailer(config.smtpUrl) : fileMailer(mailDirectory(config));
    mailers.set(config, mailer);
  }
  return mailer;
}

/** Every 5 s: due e-mail from the outbox, through SMTP when TRUCE_SMTP_URL is set, else into the mail folder. */
export const sendEmailsJob = defineJob({
  name: 'send-emails',
  everySeconds: 5,
  handler: async (ctx, _data, { config }) => sendDueEmails(ctx, { mailer: mailerFor(config), from: config.mailFrom, publicUrl: config.publicUrl }),
});
