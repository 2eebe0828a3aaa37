import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JSONWebKeySet } from 'jose';
import type { AuthConfig } from './auth-config.js';
import { REQUIRED_SCOPE } from './access-token-validator.js';
import { entraEndpoints } from './entra-endpoints.js';

/** Who a demo token is for, and the groups that give the chosen role. */
export interface DemoTokenSubject {
  objectId: string;
  upn: string;
  displayName: string;
  groups: readonly string[];
}

/** A signed demo token and when it expires (epoch milliseconds). */
export interface DemoToken {
  token: string;
  expiresAt: number;
}

/** How long a demo token lasts: as long as a Teams SSO token. */
const DEMO_TOKEN_SECONDS = 3600;

/**
 * Demo mode's own Entra ID: a key pair made at start, whose public half the validator is given
 * as extra keys, signing tokens shaped like Teams SSO ones (v2 issuer of the configured tenant,
 * audience the client id, `access_as_user`, `groups`). Never used outside demo mode.
 */
export class DemoSigner {
  private constructor(
    private readonly config: AuthConfig,
    private readonly privateKey: CryptoKey,
    private readonly kid: string,
    /** The public keys to pass to the validator as `extraKeys`. */
    readonly jwks: JSONWebKeySet,
  ) {}

  /** A signer with a fresh RS256 key pair. */
  static async create(config: AuthConfig): Promise<DemoSigner> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const kid = `ledgerline-demo-${randomUUID()}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
    return new DemoSigner(config, privateKey, kid, { keys: [jwk] });
  }

  /** A token for the subject, valid for an hour from `now` (epoch milliseconds). */
  async sign(subject: DemoTokenSubject, now: number = Date.now()): Promise<DemoToken> {
    const issuedAt = Math.floor(now / 1000);
    const expiresAt = issuedAt + DEMO_TOKEN_SECONDS;
    const token = await new SignJWT({
      tid: this.config.tenantId,
      oid: subject.objectId,
      preferred_username: subject.upn,
      name: subject.displayName,
      scp: REQUIRED_SCOPE,
      groups: [...subject.groups],
      azp: this.config.clientId,
      ver: '2.0',
      uti: randomUUID(),
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.kid })
      .setIssuer(entraEndpoints(this.config).issuers[0] as string)
      .setAudience(this.config.clientId)
      .setSubject(subject.objectId)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.privateKey);
    return { token, expiresAt: expiresAt * 1000 };
  }
}
