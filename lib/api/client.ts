import { AppError } from "@/lib/errors/app-errors";

// Browser-side calls to our own API: error bodies become the same typed AppError the server
// threw, with its status, stable code and field errors.
export { AppError as ApiError };

export async function apiFetch<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: {
      accept: "application/json",
      ...(typeof init?.body === "string" ? { "content-type": "application/json" } : {}),
      ...init?.headers,
    },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error;
    throw new AppError(response.status, error?.code ?? "http_error", error?.message ?? response.statusText, error?.fields, error?.details);
  }
  return body as T;
}

// The server's message for one field of a refused form (a 400's field errors), if any.
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof AppError ? error.fields?.[field]?.join(" ") : undefined;
}

// Whether a refusal names fields (each shown beside its field, with `prefix` for a part of the
// form), so the form shows no second, general message for it.
export function namesFields(error: unknown, prefix = ""): boolean {
  return error instanceof AppError && Object.keys(error.fields ?? {}).some((f) => f !== "_" && f.startsWith(prefix));
}
