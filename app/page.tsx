import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { listMyTenants } from "@/lib/data/tenants";

// The landing: one tenant -> straight in; several -> the chooser; none -> administration or the chooser's empty state.
export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const tenants = await listMyTenants(user);
  if (tenants.length === 1) redirect(`/${tenants[0].slug}`);
  if (tenants.length === 0 && user.isPlatformAdmin) redirect("/admin");
  redirect("/tenants");
}
