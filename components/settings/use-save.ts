"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/api/client";

// A settings change sent to the API; on success the server-rendered page is read again, so
// what shows is what was stored.
export function useSave<T = unknown>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string) {
  const router = useRouter();
  return useMutation({
    mutationFn: (body?: unknown) => apiFetch<T>(url, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
    onSuccess: () => router.refresh(),
  });
}
