import type { OpenStretch } from "@/lib/scheduling/free-slots";

// The demo agendas' week: Monday to Friday 08:30–12:30 and 13:30–18:00 (a lunch break),
// Saturday 08:30–12:30. The seed writes it as opening hours and books within it.
export const DEMO_WEEK: OpenStretch[] = [
  ...[1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, opensAt: 8 * 60 + 30, closesAt: 12 * 60 + 30 },
    { weekday, opensAt: 13 * 60 + 30, closesAt: 18 * 60 },
  ]),
  { weekday: 6, opensAt: 8 * 60 + 30, closesAt: 12 * 60 + 30 },
];

// Visit-reason colours for the agenda views, in the order the demo lists them.
export const DEMO_MOTIF_COLOURS = ["#0e7490", "#7c3aed", "#b45309", "#15803d", "#be123c", "#1d4ed8", "#a16207"];
