import { Router, type Response } from 'express';
import { errorSummary } from '../../errors.js';
import { maskPhone, type Logger } from '../../logger.js';
import { toE164 } from '../../phone.js';
import { applyDeliveryStatus } from './delivery-status.js';
import { SMS_WEBHOOK_PATH, STATUS_WEBHOOK_PATH, type SmsConfig } from './sms.config.js';
import { createSmsIntake, type IntakeDeps } from './sms-intake.js';
import { parseInbound, parseStatus, type InboundSms } from './sms.schemas.js';
import { verifyTwilioSignature } from './sms-signature.js';


export function createSmsRouter(deps: IntakeDeps): Router {
  const { config, logger } = deps;
  const intake = createSmsIntake(deps);
  const router = Router();
  const verify = verifyTwilioSignature(config, logger);

  router.post(SMS_WEBHOOK_PATH, verify, async (req, res) => {
    const parsed = parseInbound(req.body);
    if (!parsed.ok) return badRequest(res, logger, req.path, parsed.error);
    if (!isOurs(config, parsed.value)) {
      logger.warn('twilio webhook rejected: not our number or account', { path: req.path, to: maskPhone(parsed.value.to) });
      res.status(403).json({ error: 'forbidden', message: 'This message was not sent to a number of this service' });
      return;
    }
    res.type('text/xml').send(await intake(parsed.value));
  });

  router.post(STATUS_WEBHOOK_PATH, verify, async (req, res) => {
    const parsed = parseStatus(req.body);
    if (!parsed.ok) return badRequest(res, logger, req.path, parsed.error);
    if (parsed.value.accountSid !== config.accountSid) {
      res.status(403).json({ error: 'forbidden', message: 'Unknown account' });
      return;
    }
    try {
      const outcome = await applyDeliveryStatus(deps.orm, deps.clock, parsed.value);
      logger.info('sms status', { sid: parsed.value.messageSid, status: parsed.value.status, errorCode: parsed.value.errorCode, outcome });
      res.sendStatus(204);
    } catch (err) {
      logger.error('sms status not recorded', { sid: parsed.value.messageSid, error: errorSummary(err) });
      res.sendStatus(500);
    }
  });
  return router;
}

/** `To` must be our number (or our messaging service's), and the account ours. */
function isOurs(config: SmsConfig, sms: InboundSms): boolean {
  if (sms.accountSid !== config.accountSid) return false;
  if (config.fromNumber && toE164(sms.to) === config.fromNumber) return true;
  return Boolean(config.messagingServiceSid && sms.messagingServiceSid === config.messagingServiceSid);
}

function badRequest(res: Response, logger: Logger, path: string, reason: string): void {
  logger.warn('twilio webhook rejected: bad form body', { path, reason });
  res.status(400).json({ error: 'bad_request', message: reason });
}
