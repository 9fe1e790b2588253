"use client";

import { useState } from "react";

export interface Row {
  /** Stable across removals, for React. */
  key: number;
  /** The posted position whose values the row starts with; -1 for a row added empty. */
  from: number;
}

/** Rows the user adds and removes (indicators, disaggregation dimensions), starting from `count` posted ones. */
export function useRows(count: number) {
  const [rows, setRows] = useState<Row[]>(() => Array.from({ length: count }, (_, i) => ({ key: i, from: i })));
  const add = () => setRows((r) => [...r, { key: Math.max(-1, ...r.map((x) => x.key)) + 1, from: -1 }]);
  const remove = (key: number) => setRows((r) => r.filter((x) => x.key !== key));
  return { rows, add, remove };
}
