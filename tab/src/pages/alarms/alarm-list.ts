import { ApiError, type ApiClient } from '../../api/api-client';

/** An alarm as the list shows it (the alarm API is still to come; this is what the page reads of it). */
export interface Alarm {
  id: number | string;
  title: string;
  severity: string;
  state: string;
  raisedAt: string;
}

/**
 * The alarms, or none while the server has no alarm API yet (it answers 404). Takes a list or
 * `{ alarms: [...] }`.
 */
export async function fetchAlarms(api: ApiClient, signal?: AbortSignal): Promise<Alarm[]> {
  try {
    const answer = await api.get<Alarm[] | { alarms: Alarm[] }>('/api/v1/alarms', {}, signal);
    return Array.isArray(answer) ? answer : (answer.alarms ?? []);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}
