"use client";
// Status distribution per row (pillar or objective) as stacked bars. The figures are in the table
// beside it and summarised in words in the figure's caption (./lazy.tsx); the chart repeats them for the eye. Keyboard: the
// chart is one tab stop, arrow keys move between the bars and show their figures (recharts'
// accessibility layer).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface StatusSeries {
  key: string;
  label: string;
  colour: string;
}

export function StatusBars({
  rows,
  series,
  title,
  summary,
}: {
  rows: Record<string, string | number>[];
  series: StatusSeries[];
  title: string;
  summary: string;
}) {
  const height = 56 + rows.length * 44;
  return (
    <div style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ left: 8, right: 16, top: 8, bottom: 8 }}
          title={title}
          desc={summary}
        >
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: "#334155", fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={110} tick={{ fill: "#1e293b", fontSize: 12 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12, color: "#1e293b" }} />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="status"
              fill={s.colour}
              stroke="#ffffff"
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
