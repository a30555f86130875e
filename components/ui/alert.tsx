import { cn } from "./cn";

export function Alert({ tone = "error", className, ...props }: React.ComponentProps<"div"> & { tone?: "error" | "info" }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md px-3 py-2 text-sm",
        tone === "error" ? "bg-red-50 text-red-800 ring-1 ring-red-200" : "bg-brand-50 text-brand-900 ring-1 ring-brand-100",
        className,
      )}
      {...props}
    />
  );
}
