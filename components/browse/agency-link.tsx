import Link from "next/link";
import { localized } from "@/lib/domain/localized";

/** An agency's name in the reader's language, linking to its page. */
export function AgencyLink({
  tenant,
  agency,
  locale,
}: {
  tenant: string;
  agency: { id: string; name: string; names: Record<string, string> };
  locale: string;
}) {
  return (
    <Link href={`/${tenant}/agencies/${agency.id}`} className="text-brand-700 hover:underline">
      {localized(agency.name, agency.names, locale)}
    </Link>
  );
}
