"use client";
// The dashboard's charts, drawn when they scroll into view: recharts is most of the page's
// JavaScript (about 130 kB gzipped), and a chart below the fold (on a phone, all of them) need
// not hold up the first load. The figure, its box and its summary in words are there from the
// start (server-rendered), so nothing moves and nothing is missing for a reader without the chart.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from "react";
import type { StatusBars as StatusBarsChart } from "./status-bars";
import type { TrendLines as TrendLinesChart } from "./trend-lines";

const StatusBarsLazy = dynamic(() => import("./status-bars").then((m) => m.StatusBars), { ssr: false });
const TrendLinesLazy = dynamic(() => import("./trend-lines").then((m) => m.TrendLines), { ssr: false });

function WhenVisible({ height, summary, children }: { height: number; summary: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setShown(true);
        observer.disconnect();
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <figure className="w-full">
      <div ref={box} style={{ minHeight: height }} className="w-full">
        {shown ? children : null}
      </div>
      <figcaption className="mt-2 text-sm text-slate-700">{summary}</figcaption>
    </figure>
  );
}

export function StatusBars(props: ComponentProps<typeof StatusBarsChart>) {
  return (
    <WhenVisible height={56 + props.rows.length * 44} summary={props.summary}>
      <StatusBarsLazy {...props} />
    </WhenVisible>
  );
}

export function TrendLines(props: ComponentProps<typeof TrendLinesChart>) {
  return (
    <WhenVisible height={256} summary={props.summary}>
      <TrendLinesLazy {...props} />
    </WhenVisible>
  );
}
