import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { LedgerlineError } from '../domain/errors.js';
import type { AuthConfig } from './auth-config.js';
import { AuthenticationError, type AuthenticationFailure } from './authentication-error.js';
import { entraEndpoints } from './entra-endpoints.js';

/** The delegated permission the Teams tab asks for (Expose an API → scope). */
export const REQUIRED_SCOPE = 'access_as_user';

/** What a valid Teams single sign-on token says about the person. */
export interface AccessTokenClaims {
  objectId: string;
  tenantId: string;
  /** `preferred_username` (v2) or `upn` / `unique_name` (v1), lower case. */
  upn: string | null;
  displayName: string | null;
  /** The `groups` claim, or null when the token has none or they did not fit (overage). */
  groups: readonly string[] | null;
  /** Entra ID left the groups out because there were too many: ask Graph. */
  groupsOverage: boolean;
  /** App roles assigned to the person (`roles`). */
  roles: readonly string[];
}

/** Options of the validator. */
export interface AccessTokenValidatorOptions {
  /** Keys trusted besides the tenant's: only ever the demo signer's, only in demo mode. */
  extraKeys?: JSONWebKeySet;
}

/**
 * Checks a bearer token as Entra ID issues it to the Teams tab: RS256 signature by a tenant key,
 * tenant, issuer, audience, time window with a little clock skew, and the `access_as_user` scope.
 * Every failure is an AuthenticationError naming the check.
 */
export class AccessTokenValidator {
  private readonly keys: JWTVerifyGetKey;
  private readonly issuers: readonly string[];
  private readonly audiences: string[];

  constructor(
    private readonly config: AuthConfig,
    options: AccessTokenValidatorOptions = {},
  ) {
    const endpoints = entraEndpoints(config);
    this.issuers = endpoints.issuers;
    this.audiences = [config.clientId, ...(config.applicationIdUri ? [config.applicationIdUri] : [])];
    this.keys = keyResolver(endpoints.jwksUrl, options.extraKeys);
  }

  /** The claims of a valid token; throws AuthenticationError (or `unavailable` if keys cannot be had). */
  async validate(token: string): Promise<AccessTokenClaims> {
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch (error) {
      throw new AuthenticationError('malformed', 'the token is not a JWS compact serialization', {
        cause: error,
      });
    }
    if (alg !== 'RS256') throw new AuthenticationError('algorithm', `alg "${String(alg)}" is not RS256`);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        audience: this.audiences,
        clockTolerance: this.config.clockSkewSeconds,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw asAuthenticationError(error);
    }
    return this.checkClaims(payload);
  }

  private checkClaims(payload: JWTPayload): AccessTokenClaims {
    const tenantId = stringClaim(payload, 'tid');
    if (tenantId?.toLowerCase() !== this.config.tenantId.toLowerCase())
      throw new AuthenticationError('tenant', `tid "${tenantId}" is not the tenant ${this.config.tenantId}`);
    if (typeof payload.iss !== 'string' || !this.issuers.includes(payload.iss))
      throw new AuthenticationError(
        'issuer',
        `iss "${payload.iss}" is not one of ${this.issuers.join(', ')}`,
      );
    const scopes = (stringClaim(payload, 'scp') ?? '').split(' ');
    if (!scopes.includes(REQUIRED_SCOPE))
      throw new AuthenticationError('scope', `scp "${payload.scp ?? ''}" lacks ${REQUIRED_SCOPE}`);
    const objectId = stringClaim(payload, 'oid');
    if (!objectId) throw new AuthenticationError('malformed', 'the token has no oid claim');
    const upn =
      stringClaim(payload, 'preferred_username') ??
      stringClaim(payload, 'upn') ??
      stringClaim(payload, 'unique_name');
    const claimNames = payload._claim_names as Record<string, unknown> | undefined;
    const groupsOverage = payload.hasgroups === true || typeof claimNames?.groups === 'string';
    return {
      objectId: objectId.toLowerCase(),
      tenantId: tenantId.toLowerCase(),
      upn: upn?.toLowerCase() ?? null,
      displayName: stringClaim(payload, 'name') ?? null,
      groups: !groupsOverage && Array.isArray(payload.groups) ? strings(payload.groups) : null,
      groupsOverage,
      roles: Array.isArray(payload.roles)
        ? payload.roles.filter((role): role is string => typeof role === 'string')
        : [],
    };
  }
}

/**
 * The token of an `Authorization: Bearer …` header; a missing or non-bearer header is an
 * AuthenticationError.
 */
export function bearerToken(authorizationHeader: string | undefined): string {
  if (!authorizationHeader?.trim()) throw new AuthenticationError('missing', 'no Authorization header');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader.trim());
  if (!match?.[1])
    throw new AuthenticationError('malformed', 'the Authorization header is not "Bearer <token>"');
  return match[1];
}

/** The demo keys first (when given), then the tenant's published keys, fetched and cached by jose. */
function keyResolver(jwksUrl: string, extraKeys: JSONWebKeySet | undefined): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUrl));
  const local = extraKeys ? createLocalJWKSet(extraKeys) : null;
  return async (header, token) => {
    if (local) {
      try {
        return await local(header, token);
      } catch (error) {
        if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      }
    }
    try {
      return await remote(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
        throw error;
      // The tenant's keys could not be had: not the caller's fault, so not a 401.
      throw new LedgerlineError('unavailable', `the signing keys at ${jwksUrl} could not be read`, [], {
        cause: error,
      });
    }
  };
}

function asAuthenticationError(error: unknown): Error {
  if (error instanceof LedgerlineError) return error;
  const fail = (reason: AuthenticationFailure, detail: string) =>
    new AuthenticationError(reason, detail, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof errors.JWTExpired) return fail('expired', message);
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return fail('not-yet-valid', message);
    if (error.claim === 'aud') return fail('audience', message);
    return fail('malformed', message);
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return fail('signature', "no tenant key has the token's kid");
  if (error instanceof errors.JWSSignatureVerificationFailed) return fail('signature', message);
  if (error instanceof errors.JOSEAlgNotAllowed) return fail('algorithm', message);
  return fail('malformed', message);
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function strings(values: unknown[]): string[] {
  return values
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.toLowerCase());
}
