"use client";

import { MessageSquarePlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Composer } from "@/components/inbox/composer";
import type { ThreadPage } from "@/components/inbox/types";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

// "New message" on the patient page: writes the first message, then opens the conversation
// in the inbox.
export function StartConversation({
  patientId,
  patientName,
  channels,
}: {
  patientId: string;
  patientName: string;
  channels: ThreadPage["composer"];
}) {
  const t = useTranslations("patient.messaging");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">
          <MessageSquarePlus className="size-4" aria-hidden /> {t("start")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("startTitle", { name: patientName })} closeLabel={t("close")}>
        <Composer
          patientId={patientId}
          channels={channels}
          label={t("startTitle", { name: patientName })}
          onSent={(id) => router.push(`/inbox?c=${id}`)}
        />
      </DialogContent>
    </Dialog>
  );
}
