import type { ChannelVisibility } from '../backend/db/bot-channel-setting.repository.js';
import type { Repositories } from '../backend/db/repositories.js';
import { LedgerlineError } from '../backend/domain/errors.js';
import type { Principal } from '../backend/domain/principal.js';

/** Whose rights a report is made with, and how a card names what they cover. */
export interface Viewer {
  principal: Principal;
  /** "your own calls", "Sales (this channel)", "the whole company". */
  scopeName: string;
}

/** The viewer of a person in a personal chat: their own rights. */
export function personalViewer(principal: Principal): Viewer {
  const scopeName =
    principal.role === 'admin'
      ? 'the whole company'
      : principal.role === 'supervisor'
        ? 'the departments you supervise'
        : 'your own calls';
  return { principal, scopeName };
}

/**
 * The viewer of a channel or group chat: what everyone there may see, as an admin set it (one
 * department with those below it, or the company), never more; numbers masked as for anyone
 * but an admin. Without a setting, a shared conversation is shown nothing.
 */
export async function sharedViewer(
  repos: Pick<Repositories, 'botChannelSettings' | 'departments'>,
  sharedKey: string,
): Promise<Viewer> {
  const setting = await repos.botChannelSettings.get(sharedKey);
  if (!setting)
    throw new LedgerlineError(
      'forbidden',
      'figures are shown in a channel or group chat only once an administrator has said what everyone there may see (channel show <department> or channel show company).',
    );
  return viewerOf(repos, sharedKey, setting.visibility);
}

async function viewerOf(
  repos: Pick<Repositories, 'departments'>,
  sharedKey: string,
  visibility: ChannelVisibility,
): Promise<Viewer> {
  const base = {
    objectId: `conversation:${sharedKey}`.slice(0, 64),
    tenantId: '',
    upn: null,
    displayName: 'this conversation',
    // Not an admin, so called numbers are masked for everyone there.
    role: 'supervisor' as const,
    userId: null,
  };
  if (visibility.kind === 'company')
    return {
      principal: { ...base, supervisedDepartmentIds: [], scope: { kind: 'all' } },
      scopeName: 'the whole company (this conversation)',
    };
  const department = await repos.departments.get(visibility.departmentId);
  const ids = await repos.departments.withDescendants([visibility.departmentId]);
  return {
    principal: { ...base, supervisedDepartmentIds: ids, scope: { kind: 'departments', departmentIds: ids } },
    scopeName: `${department?.name ?? `department ${visibility.departmentId}`} (this conversation)`,
  };
}
