"use client";

import dynamic from "next/dynamic";
import type { TimeGridProps } from "./time-grid-types";

// The grid lays days out on the clinic's clock through a process-wide setting (luxon's default
// zone), so it renders in the browser only, never on the server where clinics share a process.
const TimeGrid = dynamic(() => import("./time-grid").then((m) => m.TimeGrid), {
  ssr: false,
  loading: () => <div className="h-[70vh] min-h-[480px] animate-pulse rounded-lg bg-slate-100" aria-hidden data-testid="grid-loading" />,
});

export function TimeGridLoader(props: TimeGridProps) {
  return <TimeGrid {...props} />;
}
