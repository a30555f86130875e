// Labels for a list of instants read on a wall clock. On the night clocks go back, one hour
// happens twice (01:30 EDT, then 01:30 EST): the two are told apart by their zone's name, and
// every other label stays as short as usual. `format` is the caller's formatter (its locale).
export function clockLabels(instants: Date[], format: (at: Date, withZone: boolean) => string): string[] {
  const plain = instants.map((at) => format(at, false));
  const counts = new Map<string, number>();
  for (const label of plain) counts.set(label, (counts.get(label) ?? 0) + 1);
  return plain.map((label, i) => ((counts.get(label) ?? 0) > 1 ? format(instants[i], true) : label));
}

// The formatter options for it: a zone name cannot be combined with timeStyle.
export function clockStyle(withZone: boolean) {
  return withZone ? ({ hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const) : ({ timeStyle: "short" } as const);
}
