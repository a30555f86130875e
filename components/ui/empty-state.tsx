import type { LucideIcon } from "lucide-react";

// headingLevel 1 where the empty state is the whole page (not found, forbidden).
export function EmptyState({
  icon: Icon,
  title,
  headingLevel = 2,
  children,
}: {
  icon: LucideIcon;
  title: string;
  headingLevel?: 1 | 2;
  children?: React.ReactNode;
}) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className="flex flex-col items-center justify-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <Icon className="size-8 text-slate-400" aria-hidden />
      <Heading className="mt-3 font-medium text-slate-800">{title}</Heading>
      {children ? <div className="mt-1 max-w-md text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}
