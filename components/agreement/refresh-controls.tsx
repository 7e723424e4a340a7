'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useTransition } from 'react';
import { secondaryButtonClass } from '@/components/ui/styles';

const INTERVAL_MS = 30_000;

/**
 * Keeps the page current while votes arrive: re-reads it from the server every
 * 30 seconds while the tab is visible, and on demand.
 */
export function RefreshControls({ generatedAt }: { generatedAt: string }) {
  const router = useRouter();
  const [isRefreshing, startTransition] = useTransition();
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') startTransition(() => router.refresh());
    }, INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [router]);
  const time = new Date(generatedAt);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
      <span>
        Computed from the votes at{' '}
        <time dateTime={generatedAt} suppressHydrationWarning>
          {time.toLocaleTimeString('en-GB')}
        </time>
        ; updates every 30 seconds.
      </span>
      <button type="button" className={secondaryButtonClass} disabled={isRefreshing} onClick={() => startTransition(() => router.refresh())}>
        {isRefreshing ? 'Refreshing…' : 'Refresh now'}
      </button>
    </div>
  );
}
