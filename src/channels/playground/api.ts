/**
 * The local playground: the resident chat, the provider form and the matchmaker feed in one
 * browser page, driven by the same dialogue, offer validation, matcher and match desk as Telegram
 * and Teams. A channel like the others — it renders, it does not decide; what it reads comes
 * through the ports it is given.
 */
import type { Handler } from '../../http/server.js';
import { assetRoutes } from './assets.js';
import { chatRoutes, type ChatDeps } from './chat.js';
import { feedRoutes, type FeedDeps } from './feed.js';
import { providerRoutes, type ProviderPaneDeps } from './provider.js';
import { statsRoutes } from './stats.js';
import type { ImpactPort } from '../../core/impact/figures.js';

export interface PlaygroundOptions extends ChatDeps, FeedDeps, ProviderPaneDeps {
  /** Impact figures, for the matchmaker's 📊 (the same card as `stats` in Teams). */
  readonly impact: ImpactPort;
  /** Waits for matching started by the last action, so the feed shows it at once. */
  readonly settle: () => Promise<void>;
}

export function createPlayground(options: PlaygroundOptions): Record<string, Handler> {
  return {
    ...assetRoutes(options.i18n),
    ...chatRoutes(options),
    ...providerRoutes(options),
    ...feedRoutes(options),
    ...statsRoutes(options),
  };
}
