import { Router, type RequestHandler } from 'express';
import { webhookCallback, type Bot } from 'grammy';
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../logger.js';
import { TELEGRAM_WEBHOOK_PATH } from './telegram.config.js';
import type { TelegramContext } from './telegram.features.js';
import { parseUpdate } from './telegram.update.js';

/**
 * POST /webhooks/telegram: the secret first (401), then the body must be an update (415/400, with a reason),
 * and only then does grammY see it. Telegram retries anything but a 2xx, so nothing it may send is refused and
 * nothing a stranger sends reaches the database.
 */
export function telegramWebhookRouter(bot: Bot<TelegramContext>, secret: string | undefined, logger: Logger): Router {
  const router = Router();
  router.post(TELEGRAM_WEBHOOK_PATH, requireSecret(secret, logger), acceptUpdate(logger), webhookCallback(bot, 'express', { secretToken: secret }));
  return router;
}

/** No configured secret refuses everything: an empty one must not match an absent header. */
function requireSecret(secret: string | undefined, logger: Logger): RequestHandler {
  const expected = Buffer.from(secret ?? '');
  return (req, res, next) => {
    const given = Buffer.from(req.get('X-Telegram-Bot-Api-Secret-Token') ?? '');
    if (secret && given.length === expected.length && timingSafeEqual(given, expected)) return next();
    logger.warn('telegram webhook rejected: wrong secret token', { ip: req.ip });
    res.status(401).json({ error: 'unauthorized', message: 'Missing or wrong X-Telegram-Bot-Api-Secret-Token' });
  };
}

function acceptUpdate(logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (!req.is('application/json')) {
      res.status(415).json({ error: 'unsupported_media_type', message: 'Telegram updates are application/json' });
      return;
    }
    const parsed = parseUpdate(req.body);
    if (!parsed.ok) {
      logger.warn('telegram webhook rejected: not an update', { reason: parsed.reason });
      res.status(400).json({ error: 'bad_request', message: parsed.reason });
      return;
    }
    req.body = parsed.update;
    next();
  };
}
