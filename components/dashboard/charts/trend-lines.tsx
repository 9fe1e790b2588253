"use client";
// Planned against actual progress per reporting period. The lines differ by pattern (dashed
// planned, solid actual) as well as colour; the figures are in the table below the chart.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export function TrendLines({
  points,
  labels,
  title,
  summary,
}: {
  points: { label: string; planned: number | null; actual: number | null }[];
  labels: { planned: string; actual: string };
  title: string;
  summary: string;
}) {
  return (
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ left: 0, right: 16, top: 8, bottom: 8 }} title={title} desc={summary}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fill: "#334155", fontSize: 12 }} />
          <YAxis domain={[0, 100]} unit="%" width={44} tick={{ fill: "#334155", fontSize: 12 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12, color: "#1e293b" }} />
          <Line
            type="monotone"
            dataKey="planned"
            name={labels.planned}
            stroke="#475569"
            strokeDasharray="6 4"
            strokeWidth={2}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="actual"
            name={labels.actual}
            stroke="#1d4ed8"
            strokeWidth={3}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
