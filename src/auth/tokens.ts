// Signed session tokens (jose, HS256): issue on sign-in, verify on each request.
import { SignJWT, jwtVerify, errors } from "jose";

const ISSUER = "kith";
const AUDIENCE = "kith-api";
export const TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

export class TokenError extends Error {
  constructor(readonly reason: "expired" | "invalid") {
    super(reason === "expired" ? "Your session has expired; sign in again." : "That token is not valid.");
  }
}

const keyFor = (secret: string) => new TextEncoder().encode(secret);

/** A token names its session, so the session can be ended before the token expires. */
export async function issueToken(secret: string, userId: string, sessionId: string, lifetimeSeconds = TOKEN_LIFETIME_SECONDS): Promise<string> {
  return new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeSeconds)
    .sign(keyFor(secret));
}

/** The user and session the token was issued to; throws TokenError for expired, forged or malformed tokens. */
export async function verifyToken(secret: string, token: string): Promise<{ userId: string; sessionId: string }> {
  try {
    const { payload } = await jwtVerify(token, keyFor(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"] });
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string") throw new TokenError("invalid");
    return { userId: payload.sub, sessionId: payload.sid };
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw new TokenError("expired");
    throw new TokenError("invalid");
  }
}
