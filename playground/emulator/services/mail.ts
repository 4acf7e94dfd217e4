/**
 * MailApp (https://developers.google.com/apps-script/reference/mail/mail-app): nothing is sent;
 * messages land in the emulator's outbox. Quotas page: recipients per day (100 consumer, 1,500
 * Workspace) and at most 50 recipients per message.
 */
import type { Emulator } from '../emulator';
import { platformError } from '../platform-error';
import { isBlob } from './blob';

export const MAX_RECIPIENTS_PER_MESSAGE = 50;

export interface MailRecord {
  at: number;
  from: string;
  executionId?: number;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: string[];
}

interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown[];
  inlineImages?: Record<string, unknown>;
}

function addresses(list: string | undefined): string[] {
  return String(list ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

/** The four documented call shapes, normalized to one message. */
function normalize(args: unknown[]): MailOptions {
  if (args.length === 1 && args[0] && typeof args[0] === 'object') return { ...(args[0] as MailOptions) };
  if (args.length === 4 && args.every((a) => typeof a === 'string')) {
    const [to, replyTo, subject, body] = args as string[];
    return { to, replyTo, subject, body };
  }
  const [to, subject, body, options] = args as [string, string, string, MailOptions | undefined];
  return { ...(options ?? {}), to, subject, body };
}

export function createMailApp(emu: Emulator): GoogleAppsScript.Mail.MailApp {
  const limit = () => emu.options.quotas.mailRecipientsPerDay;
  return {
    sendEmail(...args: unknown[]) {
      emu.call('MailApp', 'sendEmail', 'mail', emu.costs.mailMs);
      const m = normalize(args);
      const to = addresses(m.to);
      const cc = addresses(m.cc);
      const bcc = addresses(m.bcc);
      const count = to.length + cc.length + bcc.length;
      // Platform wording as quoted by public scripts.
      if (count === 0) throw platformError('Failed to send email: no recipient');
      if (count > MAX_RECIPIENTS_PER_MESSAGE)
        throw platformError('Limit Exceeded: Email Recipients Per Message.');
      if (emu.current()) emu.services.quotas.take('email', emu.activeUser(), emu.clock.now(), count, limit());
      const record: MailRecord = {
        at: emu.clock.now(),
        from: emu.activeUser(),
        executionId: emu.current()?.id,
        to,
        cc,
        bcc,
        subject: String(m.subject ?? ''),
        body: String(m.body ?? ''),
      };
      if (m.htmlBody !== undefined) record.htmlBody = String(m.htmlBody);
      if (m.name !== undefined) record.name = String(m.name);
      if (m.replyTo !== undefined) record.replyTo = String(m.replyTo);
      if (m.noReply !== undefined) record.noReply = Boolean(m.noReply);
      if (m.attachments?.length)
        record.attachments = m.attachments.map((a, i) =>
          isBlob(a)
            ? ((a as { getName?: () => string | null }).getName?.() ?? `attachment-${i + 1}`)
            : String(a),
        );
      emu.services.outbox.push(record);
    },
    getRemainingDailyQuota() {
      emu.call('MailApp', 'getRemainingDailyQuota', 'mail', emu.costs.localMs);
      return limit() - emu.services.quotas.used('email', emu.activeUser(), emu.clock.now());
    },
  } as unknown as GoogleAppsScript.Mail.MailApp;
}
