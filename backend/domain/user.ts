/** A person calls are charged to, or an anonymous extension nobody has claimed yet. */
export interface User {
  id: number;
  upn: string | null;
  displayName: string;
  entraObjectId: string | null;
  sipUri: string | null;
  departmentId: number | null;
  siteId: number | null;
  anonymous: boolean;
}

/** A user's number: an E.164 number or an extension, at a site. */
export interface UserNumber {
  userId: number;
  siteId: number;
  kind: 'e164' | 'extension';
  number: string;
}

/** The longest SIP address (with "sip:") and display name the directory stores. */
export const USER_SIP_URI_MAX = 256;
