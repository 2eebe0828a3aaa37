/** What a channel tab shows: the whole company (admins) or one department's dashboard. */
export type ChannelView = { kind: 'company' } | { kind: 'department'; departmentId: number };

/** The channel tab's content URL for a view, as saved in the tab's configuration. */
export function channelContentPath(view: ChannelView): string {
  return view.kind === 'company' ? '/channel?view=company' : `/channel?department=${view.departmentId}`;
}

/** The view a channel tab's content URL asks for; null when it names nothing sensible. */
export function channelViewOf(search: string): ChannelView | null {
  const params = new URLSearchParams(search);
  if (params.get('view') === 'company') return { kind: 'company' };
  const department = Number(params.get('department'));
  return Number.isInteger(department) && department > 0
    ? { kind: 'department', departmentId: department }
    : null;
}
