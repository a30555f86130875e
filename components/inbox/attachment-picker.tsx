"use client";

import { Paperclip, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ApiError, apiFetch } from "@/lib/api/client";

export type PendingFile = {
  key: string;
  fileName: string;
  sizeBytes: number;
  state: "uploading" | "ready" | "error";
  id?: string;
  error?: string;
};

// What the server sniffs and accepts; the picker only narrows the file dialog.
const ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,.gif,.docx,.xlsx,.odt,application/pdf,image/*";

export const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

// Files are uploaded as soon as they are picked (the server checks type and size and says
// why it refuses one); the message then refers to the uploaded ids.
export function AttachmentPicker({
  files,
  onChange,
  limit,
}: {
  files: PendingFile[];
  onChange: (update: (files: PendingFile[]) => PendingFile[]) => void;
  limit: number;
}) {
  const t = useTranslations("inbox.composer");
  const input = useRef<HTMLInputElement>(null);

  async function upload(file: File) {
    const key = `${file.name}-${file.size}-${Math.random()}`;
    onChange((all) => [...all, { key, fileName: file.name, sizeBytes: file.size, state: "uploading" }]);
    const form = new FormData();
    form.append("file", file);
    try {
      const { attachment } = await apiFetch<{ attachment: { id: string; fileName: string; sizeBytes: number } }>("/api/attachments", {
        method: "POST",
        body: form,
      });
      onChange((all) => all.map((f) => (f.key === key ? { ...f, state: "ready", id: attachment.id, fileName: attachment.fileName } : f)));
    } catch (error) {
      const message = error instanceof ApiError ? error.message : t("uploadFailed");
      onChange((all) => all.map((f) => (f.key === key ? { ...f, state: "error", error: message } : f)));
    }
  }

  return (
    <div className="space-y-2">
      {files.length ? (
        <ul className="flex flex-wrap gap-2" aria-label={t("attachments")}>
          {files.map((f) => (
            <li
              key={f.key}
              data-testid="pending-attachment"
              data-state={f.state}
              className={cn(
                "flex max-w-full items-center gap-2 rounded-md border px-2 py-1 text-xs",
                f.state === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-slate-300 bg-slate-50",
              )}
            >
              <Paperclip className="size-3.5 shrink-0" aria-hidden />
              <span className="truncate">{f.fileName}</span>
              <span className="text-slate-500">{f.state === "uploading" ? t("uploading") : kilobytes(f.sizeBytes)}</span>
              {f.error ? <span role="alert">{f.error}</span> : null}
              <button
                type="button"
                className="rounded p-0.5 hover:bg-slate-200"
                aria-label={t("removeFile", { name: f.fileName })}
                onClick={() => onChange((all) => all.filter((x) => x.key !== f.key))}
              >
                <X className="size-3.5" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {limit > 0 ? (
        <>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            multiple={limit > 1}
            className="sr-only"
            aria-label={t("attachFiles")}
            data-testid="attach-input"
            onChange={(e) => {
              for (const file of Array.from(e.target.files ?? []).slice(0, Math.max(0, limit - files.length))) void upload(file);
              e.target.value = "";
            }}
          />
          <Button type="button" variant="ghost" size="sm" onClick={() => input.current?.click()} disabled={files.length >= limit}>
            <Paperclip className="size-4" aria-hidden /> {t("attach", { limit })}
          </Button>
        </>
      ) : null}
    </div>
  );
}
