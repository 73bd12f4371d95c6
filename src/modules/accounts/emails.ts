// The emails accounts send: plain English text with the network's name and links into the portal (KITH_APP_URL).
import type { Config } from "../../config";
import type { Email } from "../../mail/mail";

type Settings = Pick<Config, "networkName" | "appUrl">;
const link = (c: Settings, path: string, token: string) => `${c.appUrl}/${path}?token=${encodeURIComponent(token)}`;
const signOff = (c: Settings) => `\n\n-- \n${c.networkName}\n`;

export const emails = {
  verifyEmail(c: Settings, to: string, name: string, token: string): Email {
    return {
      to, kind: "verify-email", subject: `Confirm your email for ${c.networkName}`,
      text: `Hello ${name},\n\nPlease confirm this is your email address by opening this link within 24 hours:\n\n`
        + `${link(c, "verify-email", token)}\n\nIf you did not sign up, ignore this email.${signOff(c)}`,
    };
  },
  alreadyRegistered(c: Settings, to: string): Email {
    return {
      to, kind: "already-registered", subject: `Someone tried to sign up to ${c.networkName} with your email`,
      text: `Hello,\n\nSomeone (perhaps you) tried to make a new ${c.networkName} account with this email, which already has one.\n\n`
        + `If it was you, sign in; if you have forgotten your password, reset it from the sign-in page: ${c.appUrl}/forgot-password\n\n`
        + `If it was not you, you need do nothing.${signOff(c)}`,
    };
  },
  resetPassword(c: Settings, to: string, token: string): Email {
    return {
      to, kind: "reset-password", subject: `Reset your ${c.networkName} password`,
      text: `Hello,\n\nTo choose a new password, open this link within an hour:\n\n${link(c, "reset-password", token)}\n\n`
        + `The link works once. If you did not ask for it, ignore this email: your password stays as it is.${signOff(c)}`,
    };
  },
  setPassword(c: Settings, to: string, token: string): Email {
    return {
      to, kind: "set-password", subject: `Your ${c.networkName} account`,
      text: `Hello,\n\nAn account has been made for you. Choose your password here (the link works once):\n\n`
        + `${link(c, "reset-password", token)}${signOff(c)}`,
    };
  },
  passwordChanged(c: Settings, to: string): Email {
    return {
      to, kind: "password-changed", subject: `Your ${c.networkName} password was changed`,
      text: `Hello,\n\nYour password was just changed and your other sessions were signed out.\n\n`
        + `If you did not do this, reset your password now: ${c.appUrl}/forgot-password${signOff(c)}`,
    };
  },
  invitation(c: Settings, to: string, organisation: string, role: string, token: string, expiresAt: Date): Email {
    return {
      to, kind: "invitation", subject: `You are invited to join ${organisation} on ${c.networkName}`,
      text: `Hello,\n\nYou have been invited to join ${organisation} on ${c.networkName} as ${role.toLowerCase()}.\n\n`
        + `To accept, open this link (signing up first if you have no account yet):\n\n${link(c, "accept-invitation", token)}\n\n`
        + `The invitation expires on ${expiresAt.toISOString().slice(0, 10)}. If you were not expecting it, ignore this email.${signOff(c)}`,
    };
  },
  roleChanged(c: Settings, to: string, role: string, granted: boolean): Email {
    return {
      to, kind: "role-changed", subject: `Your role on ${c.networkName} has changed`,
      text: `Hello,\n\nThe network's staff have ${granted ? "given you" : "removed"} the role ${role}${granted ? "" : " from your account"}.`
        + ` Sign in again if the portal does not show the change.${signOff(c)}`,
    };
  },
  accountDisabled(c: Settings, to: string, disabled: boolean): Email {
    return {
      to, kind: disabled ? "account-disabled" : "account-enabled", subject: `Your ${c.networkName} account has been ${disabled ? "disabled" : "re-enabled"}`,
      text: disabled
        ? `Hello,\n\nThe network's staff have disabled your account and signed it out everywhere. Reply to this email if you think this is a mistake.${signOff(c)}`
        : `Hello,\n\nYour account has been re-enabled; you can sign in again.${signOff(c)}`,
    };
  },
};
