"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Day = { day: string; sent: number; delivered: number; read: number; failed: number; skipped: number };
const OUTCOMES = [
  { key: "read", colour: "#047857" },
  { key: "delivered", colour: "#10b981" },
  { key: "sent", colour: "#60a5fa" },
  { key: "failed", colour: "#dc2626" },
  { key: "skipped", colour: "#94a3b8" },
] as const;

// Outcomes per day for one channel, stacked (recharts). The drawing is for the eye; the same
// figures are in a table for screen readers and for copying.
export function OutcomesChart({ channel, days }: { channel: string; days: Day[] }) {
  const t = useTranslations("notifications.outcomes");
  const tChannel = useTranslations("channels");
  const tStatus = useTranslations("deliveryStatus");
  const label = (day: string) => day.slice(5);
  return (
    <figure className="rounded-lg bg-white p-3 ring-1 ring-slate-200" data-testid="outcomes-chart" data-channel={channel}>
      <figcaption className="mb-1 text-sm font-medium">{tChannel(channel)}</figcaption>
      <div aria-hidden="true" className="h-40">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={days} accessibilityLayer={false} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={label} fontSize={10} interval="preserveStartEnd" />
            <YAxis allowDecimals={false} fontSize={10} />
            <Tooltip labelFormatter={(d) => String(d)} />
            <Legend wrapperStyle={{ fontSize: 10 }} />
            {OUTCOMES.map((o) => (
              <Bar key={o.key} dataKey={o.key} name={tStatus(o.key)} stackId="outcome" fill={o.colour} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-slate-700">{t("asTable", { channel: tChannel(channel) })}</summary>
        <table className="mt-1 w-full text-left tabular-nums">
          <thead>
            <tr>
              <th scope="col">{t("day")}</th>
              {OUTCOMES.map((o) => (
                <th key={o.key} scope="col">
                  {tStatus(o.key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days
              .filter((d) => OUTCOMES.some((o) => d[o.key]))
              .map((d) => (
                <tr key={d.day}>
                  <th scope="row" className="font-normal">
                    {d.day}
                  </th>
                  {OUTCOMES.map((o) => (
                    <td key={o.key}>{d[o.key]}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
