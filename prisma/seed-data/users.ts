// Demo users. Every one signs in with DEMO_PASSWORD. Names are illustrative.
import type { UserSpec } from "./types";

export const DEMO_PASSWORD = "demo-pass-2018";

export const USERS: UserSpec[] = [
  {
    email: "admin@example.org",
    name: "Anna Berger",
    locale: null,
    isPlatformAdmin: true,
    memberships: [],
    description: "Platform administrator (creates tenants)",
  },
  {
    email: "coordinator@tm.example.org",
    name: "Maral Annayeva",
    locale: null,
    memberships: [{ tenant: "turkmenistan", role: "COORDINATOR" }],
    description: "Coordinator, Turkmenistan (reviews and approves updates)",
  },
  {
    email: "focal.mia@tm.example.org",
    name: "Serdar Orazov",
    locale: null,
    memberships: [{ tenant: "turkmenistan", role: "FOCAL_POINT", agency: "mia" }],
    description: "Focal point, Ministry of Internal Affairs, Turkmenistan",
  },
  {
    email: "iom@example.org",
    name: "Elena Rossi",
    locale: null,
    memberships: [
      { tenant: "turkmenistan", role: "VIEWER" },
      { tenant: "kazakhstan", role: "VIEWER" },
      { tenant: "kyrgyzstan", role: "VIEWER" },
    ],
    description: "IOM partner staff, viewer in Turkmenistan, Kazakhstan and Kyrgyzstan",
  },
  {
    email: "commission@tm.example.org",
    name: "Bahar Gurbanova",
    locale: "ru",
    memberships: [{ tenant: "turkmenistan", role: "VIEWER" }],
    description: "Commission member, viewer, Turkmenistan (Russian interface)",
  },
  {
    email: "admin@tm.example.org",
    name: "Dovlet Hojayev",
    locale: null,
    memberships: [{ tenant: "turkmenistan", role: "ADMIN" }],
    description: "Tenant administrator, Turkmenistan",
  },
  {
    email: "admin@kz.example.org",
    name: "Aliya Bekova",
    locale: null,
    memberships: [{ tenant: "kazakhstan", role: "ADMIN" }],
    description: "Tenant administrator, Kazakhstan",
  },
  {
    email: "admin@kg.example.org",
    name: "Bakyt Asanov",
    locale: null,
    memberships: [{ tenant: "kyrgyzstan", role: "ADMIN" }],
    description: "Tenant administrator, Kyrgyzstan",
  },
];

/** For the start script: who to sign in as (all with DEMO_PASSWORD). `role` is the short form
 * ("COORDINATOR turkmenistan"), `description` the sentence shown to people. */
export const DEMO_SIGN_INS: { email: string; role: string; description: string }[] = USERS.map((u) => ({
  email: u.email,
  role: u.isPlatformAdmin ? "platform administrator" : u.memberships.map((m) => `${m.role} ${m.tenant}`).join(", "),
  description: u.description,
}));
