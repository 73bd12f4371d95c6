// The demo sign-ins and partner key (demo data only; production never loads them).
export const DEMO_PASSWORD = "kith-demo-password";

export const DEMO_USERS = {
  admin: { email: "admin@demo.kith.test", displayName: "Ada Admin", roles: ["ADMIN"] },
  analyst: { email: "analyst@demo.kith.test", displayName: "Ali Analyst", roles: ["ANALYST"] },
  panel: { email: "panel@demo.kith.test", displayName: "Pat Panel", roles: ["PANEL_MEMBER"] },
  owner: { email: "owner@demo.kith.test", displayName: "Olu Owner", roles: [] },
  viewer: { email: "viewer@demo.kith.test", displayName: "Vic Viewer", roles: [] },
} as const;

/** Fixed so the README can show it; it exists only where the demo data is loaded. */
export const DEMO_PARTNER_KEY = "kith_demoPartnerKey000000000000000000000000000";
export const DEMO_PARTNER_NAME = "Demo partner (every read scope)";
