import { cn } from "@/components/ui/cn";

// The tones a status can take; each status list maps its values onto these, so every badge in
// the app reads the same way. The text always names the status: colour is never the only cue.
export const TONES = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-200",
  muted: "bg-slate-100 text-slate-600 ring-slate-200",
  info: "bg-sky-50 text-sky-800 ring-sky-200",
  brand: "bg-brand-50 text-brand-700 ring-brand-100",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  strongSuccess: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  danger: "bg-red-50 text-red-800 ring-red-200",
  special: "bg-violet-50 text-violet-800 ring-violet-200",
} as const;
export type Tone = keyof typeof TONES;

export function StatusPill({
  tone,
  label,
  className,
  ...data
}: { tone: Tone; label: string; className?: string } & Record<`data-${string}`, string>) {
  return (
    <span
      className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1", TONES[tone], className)}
      {...data}
    >
      {label}
    </span>
  );
}
