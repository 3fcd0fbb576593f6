import type { RequestHandler } from 'express';
import twilio from 'twilio';
import type { Logger } from '../../logger.js';
import type { SmsConfig } from './sms.config.js';

/**
 * Checks X-Twilio-Signature against the configured public URL plus the path as received,
 * never a URL rebuilt from the Host header (proxies and tunnels rewrite it). Failures are logged without the body.
 */
export function verifyTwilioSignature(config: SmsConfig, logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (!config.validateSignature) return next();
    const signature = req.get('X-Twilio-Signature');
    if (!signature) {
      logger.warn('twilio webhook rejected: no signature', { path: req.path, ip: req.ip });
      res.status(400).json({ error: 'bad_request', message: 'Missing X-Twilio-Signature header' });
      return;
    }
    // Twilio posts these webhooks form-encoded; anything else (a JSON body, nested a thousand levels deep…)
    // is refused before the signature code walks it.
    if (!req.is('application/x-www-form-urlencoded') || !isFlatForm(req.body)) {
      res.status(415).json({ error: 'unsupported_media_type', message: 'Twilio webhooks are application/x-www-form-urlencoded' });
      return;
    }
    const url = `${config.publicBaseUrl}${req.originalUrl}`;
    if (!twilio.validateRequest(config.authToken, signature, url, req.body as Record<string, string | string[]>)) {
      logger.warn('twilio webhook rejected: wrong signature', { path: req.path, ip: req.ip, url });
      res.status(403).json({ error: 'forbidden', message: 'Invalid X-Twilio-Signature' });
      return;
    }
    next();
  };
}

function isFlatForm(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  return Object.values(body).every((v) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')));
}
