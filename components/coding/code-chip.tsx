import type { CSSProperties } from 'react';

/** A small coloured label for a code; the name is rendered as text. */
export function CodeSwatch({ color }: { color: string }) {
  return <span aria-hidden className="inline-block h-3 w-3 shrink-0 rounded-sm border border-black/20" style={{ backgroundColor: color } as CSSProperties} />;
}

export function CodeChip({ name, color, children }: { name: string; color: string; children?: React.ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-800">
      <CodeSwatch color={color} />
      <span>{name}</span>
      {children}
    </span>
  );
}
