'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { REVIEW_STAGES } from '@/lib/domain/stages';

/** The review's stages, in working order; the current one is marked for assistive technology too. */
export function ProjectNav({ projectId, projectTitle }: { projectId: string; projectTitle: string }) {
  const pathname = usePathname();
  const base = `/projects/${projectId}`;
  const items = [{ href: base, label: 'Dashboard', isBuilt: true }].concat(
    REVIEW_STAGES.map((s) => ({ href: `${base}/${s.slug}`, label: s.label, isBuilt: s.isBuilt })),
  );
  return (
    <nav aria-label={`Stages of ${projectTitle}`}>
      <ul className="space-y-1 text-sm">
        {items.map((item) => {
          const isCurrent = pathname === item.href;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? 'page' : undefined}
                className={`flex items-center justify-between rounded-md px-3 py-2 ${
                  isCurrent ? 'bg-brand-100 font-medium text-brand-900' : 'text-slate-700 hover:bg-slate-100'
                }`}
              >
                {item.label}
                {!item.isBuilt ? <span className="text-xs text-slate-500">not built yet</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
