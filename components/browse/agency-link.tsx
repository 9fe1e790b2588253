import Link from "next/link";
import type { Texts } from "@/lib/domain/texts";
import { Text, type Reading } from "@/components/ui/text";

/** An agency's name in the reader's language, linking to its page. */
export function AgencyLink({
  tenant,
  agency,
  reading,
}: {
  tenant: string;
  agency: { id: string; name: Texts };
  reading: Reading;
}) {
  return (
    <Link href={`/${tenant}/agencies/${agency.id}`} className="text-brand-700 hover:underline">
      <Text value={agency.name} reading={reading} />
    </Link>
  );
}
