import Link from "next/link";
import { getTranslations } from "next-intl/server";

// Inside the signed-in layout, which already has the page's <main>: a section, not a second main.
// Someone may not see a page because it does not exist, belongs to another country, or needs
// another role: say what to do next in each case.
export default async function NotFoundInApp() {
  const t = await getTranslations("errors");
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-xl py-12">
      <h1 id="not-found-title" className="mb-2 text-2xl font-semibold">
        {t("notFoundTitle")}
      </h1>
      <p className="mb-4 text-slate-700">{t("notFoundText")}</p>
      <ul className="mb-6 list-disc space-y-1 pl-5 text-slate-700">
        <li>{t("notFoundCheckLink")}</li>
        <li>
          {t("notFoundOtherCountry")}{" "}
          <Link href="/tenants" className="text-brand-700 underline">
            {t("notFoundChooseCountry")}
          </Link>
        </li>
        <li>{t("notFoundAskAdmin")}</li>
      </ul>
      <Link href="/" className="text-brand-700 underline">
        {t("home")}
      </Link>
    </section>
  );
}
