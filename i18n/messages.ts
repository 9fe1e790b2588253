// Messages per language, one file per feature area so that parallel work does not collide.
// Each file holds its own top-level namespaces; a unit test checks that every language has every
// key of English and that no two files share a namespace.
import enAccounts from "@/messages/en/accounts.json";
import enActivityForm from "@/messages/en/activity-form.json";
import enBrowse from "@/messages/en/browse.json";
import enCore from "@/messages/en/core.json";
import enDashboard from "@/messages/en/dashboard.json";
import enForms from "@/messages/en/forms.json";
import enNotifications from "@/messages/en/notifications.json";
import enPeriods from "@/messages/en/periods.json";
import enPlanAdmin from "@/messages/en/plan-admin.json";
import enProgress from "@/messages/en/progress.json";
import enReview from "@/messages/en/review.json";
import enSecurity from "@/messages/en/security.json";
import enUi from "@/messages/en/ui.json";
import ruAccounts from "@/messages/ru/accounts.json";
import ruActivityForm from "@/messages/ru/activity-form.json";
import ruBrowse from "@/messages/ru/browse.json";
import ruCore from "@/messages/ru/core.json";
import ruDashboard from "@/messages/ru/dashboard.json";
import ruForms from "@/messages/ru/forms.json";
import ruNotifications from "@/messages/ru/notifications.json";
import ruPeriods from "@/messages/ru/periods.json";
import ruPlanAdmin from "@/messages/ru/plan-admin.json";
import ruProgress from "@/messages/ru/progress.json";
import ruReview from "@/messages/ru/review.json";
import ruSecurity from "@/messages/ru/security.json";
import ruUi from "@/messages/ru/ui.json";
import type { Locale } from "./locales";

export const MESSAGE_FILES: Record<Locale, Record<string, Record<string, unknown>>> = {
  en: {
    core: enCore,
    dashboard: enDashboard,
    planAdmin: enPlanAdmin,
    activityForm: enActivityForm,
    browse: enBrowse,
    security: enSecurity,
    accounts: enAccounts,
    forms: enForms,
    periods: enPeriods,
    progress: enProgress,
    review: enReview,
    notifications: enNotifications,
    ui: enUi,
  },
  ru: {
    core: ruCore,
    dashboard: ruDashboard,
    planAdmin: ruPlanAdmin,
    activityForm: ruActivityForm,
    browse: ruBrowse,
    security: ruSecurity,
    accounts: ruAccounts,
    forms: ruForms,
    periods: ruPeriods,
    progress: ruProgress,
    review: ruReview,
    notifications: ruNotifications,
    ui: ruUi,
  },
};

export function messagesFor(locale: Locale): Record<string, unknown> {
  return Object.assign({}, ...Object.values(MESSAGE_FILES[locale]));
}
