/** The provider pane: the same provider cards and verbs as Teams, for the demo organisation. */
import type { i18n as I18n } from 'i18next';
import type { Organisation } from '../../core/offers/ports.js';
import { translator } from '../../i18n/index.js';
import type { Handler } from '../../http/server.js';
import { cardText } from '../cards/elements.js';
import { createProviderActions, isProviderVerb, type ProviderOptions } from '../cards/provider.js';
import { helpCard } from '../cards/provider-cards.js';
import { dataOf, jsonRoute, langOf } from './json.js';

export interface ProviderPaneDeps extends ProviderOptions {
  readonly i18n: I18n;
  /** The organisation the playground's provider posts for (its demo offers show in "My offers"). */
  readonly demoOrganisation: () => Promise<Organisation>;
  readonly settle: () => Promise<void>;
}

/** Looks the organisation up once; after a failure, again on the next request. */
function once(lookup: () => Promise<Organisation>): () => Promise<Organisation> {
  let found: Promise<Organisation> | undefined;
  return () =>
    (found ??= lookup().catch((error: unknown) => {
      found = undefined;
      throw error;
    }));
}

export function providerRoutes(deps: ProviderPaneDeps): Record<string, Handler> {
  const act = createProviderActions(deps);
  const organisation = once(deps.demoOrganisation);
  const provider = jsonRoute(async (body) => {
    const lang = langOf(body.lang);
    const t = cardText(translator(deps.i18n, lang));
    const org = await organisation();
    if (!isProviderVerb(body.verb)) return { card: helpCard(t, { provider: { organisation: org.name, name: t('playground.providerName') } }) };
    const card = await act({ t, organisation: org, authorId: 'playground', lang }, body.verb, dataOf(body));
    await deps.settle();
    return { card };
  });
  return { '/playground/api/provider': provider };
}
