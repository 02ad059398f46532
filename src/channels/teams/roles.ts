/**
 * Who is calling: the organisation of their tenant (providers) and the places they match for
 * (matchmakers), looked up once per turn and shared by every feature of that turn.
 */
import type { TurnContext } from 'botbuilder';
import type { i18n as I18n } from 'i18next';
import type { Directory, Organisation } from '../../core/offers/ports.js';
import { langFromLocale, type Lang } from '../../core/taxonomy/categories.js';
import { translator } from '../../i18n/index.js';
import { cardText, type CardText } from '../cards/elements.js';

/** The user's Teams locale when it is one of the eight, else Dutch. */
export const languageOf = langFromLocale;

export interface Place {
  readonly code: string;
  readonly name: string;
}

export interface Roles {
  readonly organisation: Organisation | null;
  /** The places they are matchmaker of (empty: not a matchmaker). */
  readonly places: readonly Place[];
}

export interface Caller extends Roles {
  readonly lang: Lang;
  readonly t: CardText;
  readonly aadObjectId: string | undefined;
  readonly name: string;
}

export function tenantOf(context: TurnContext): string | undefined {
  const a = context.activity;
  return a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

export function createRoles(directory: Directory, i18n: I18n) {
  const perTurn = new WeakMap<TurnContext, Promise<Roles>>();

  function rolesOf(context: TurnContext): Promise<Roles> {
    let found = perTurn.get(context);
    if (!found) {
      const tenant = tenantOf(context);
      const aad = context.activity.from?.aadObjectId;
      found = Promise.all([tenant ? directory.organisationForTenant(tenant) : null, aad ? directory.matchmakerPlaces(aad) : []]).then(
        ([organisation, places]) => ({ organisation, places }),
      );
      perTurn.set(context, found);
    }
    return found;
  }

  /** The caller with their roles and the card texts in their Teams language. */
  async function callerOf(context: TurnContext): Promise<Caller> {
    const roles = await rolesOf(context);
    const lang = languageOf(context.activity.locale);
    const from = context.activity.from;
    return { ...roles, lang, t: cardText(translator(i18n, lang)), aadObjectId: from?.aadObjectId, name: from?.name ?? '' };
  }

  return { rolesOf, callerOf };
}

export type RolesLookup = ReturnType<typeof createRoles>;
