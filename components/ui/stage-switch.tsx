import Link from 'next/link';

const STAGES = [
  { stage: 'title_abstract', label: 'Title/abstract' },
  { stage: 'full_text', label: 'Full text' },
] as const;

/**
 * Links between the two screening stages of one page (`basePath?stage=`);
 * the current one is marked for assistive technology.
 */
export function StageSwitch({ basePath, current }: { basePath: string; current: 'title_abstract' | 'full_text' }) {
  return (
    <nav aria-label="Screening stage">
      <ul className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
        {STAGES.map(({ stage, label }) => {
          const isCurrent = stage === current;
          return (
            <li key={stage}>
              <Link
                href={`${basePath}?stage=${stage}`}
                aria-current={isCurrent ? 'page' : undefined}
                className={`block rounded px-3 py-1.5 ${isCurrent ? 'bg-brand-600 font-medium text-white' : 'text-slate-700 hover:bg-slate-100'}`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
