import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Inbox } from "@/components/inbox/inbox";
import { requireStaffForPage } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("inbox") };
}

export default async function InboxPage() {
  await requireStaffForPage("send_messages");
  return (
    <Suspense>
      <Inbox />
    </Suspense>
  );
}
