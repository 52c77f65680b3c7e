/**
 * Access: the built-in data is public and read-only; stored runs belong to a workspace. A bearer
 * token (`Authorization: Bearer cc_…`) names one workspace. Tokens are kept as SHA-256 hashes in the
 * run store (`concord token create --workspace W` shows the secret once). A server may also hold a
 * session token in memory only (printed at start-up in the lab's URL, gone when the process ends).
 */
import { randomBytes } from 'node:crypto';
import { ConcordError } from '../errors.js';
import { hashToken, type RunStore } from '../store/store.js';

export class Auth {
  private readonly session = new Map<string, string>();

  constructor(private readonly store: RunStore) {}

  /** A token valid for this process only, never written anywhere. */
  createSessionToken(workspace: string): string {
    const token = `cs_${randomBytes(24).toString('base64url')}`;
    this.session.set(hashToken(token), workspace);
    return token;
  }

  /**
   * The workspace named by an Authorization header: null without a header; E_AUTH for a malformed
   * header or an unknown or revoked token (a wrong token is never silently treated as none).
   */
  async workspaceOf(header: string | undefined): Promise<string | null> {
    if (header === undefined || header === '') return null;
    const m = /^Bearer\s+([A-Za-z0-9_-]{8,200})\s*$/i.exec(header);
    if (!m) {
      throw new ConcordError('E_AUTH', 'the Authorization header is not "Bearer <token>"', {
        path: 'headers.authorization',
        hint: 'Send Authorization: Bearer <token>; create a token with `concord token create --workspace W`.',
        key: 'server.auth.notBearer',
      });
    }
    const token = m[1]!;
    // Room tokens (moderator cm_, participant cp_) grant one room, never a workspace: the room
    // routes check them (./rooms.ts).
    if (/^c[mp]_/.test(token)) return null;
    const session = this.session.get(hashToken(token));
    if (session) return session;
    const ws = await this.store.workspaceForToken(token);
    if (!ws) {
      throw new ConcordError('E_AUTH', 'the bearer token is unknown or revoked', {
        path: 'headers.authorization',
        hint: 'Create a new token with `concord token create --workspace W`.',
        key: 'server.auth.unknownToken',
      });
    }
    return ws;
  }
}

/** Throws E_AUTH unless there is a workspace. */
export function requireWorkspace(workspace: string | null): string {
  if (workspace) return workspace;
  throw new ConcordError('E_AUTH', 'this endpoint needs a bearer token', {
    path: 'headers.authorization',
    hint: 'Send Authorization: Bearer <token>; create a token with `concord token create --workspace W`.',
    key: 'server.auth.needsToken',
  });
}
