import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cardClass } from '@/components/ui/styles';
import { findStage } from '@/lib/domain/stages';

export const metadata: Metadata = { title: 'Not built yet' };

/**
 * Stages that Tandem does not have yet. Built stages have their own routes,
 * which take precedence over this catch-all; unknown paths are a 404.
 */
export default async function StageNotBuiltPage({ params }: { params: Promise<{ stage: string[] }> }) {
  const { stage } = await params;
  const found = findStage(stage.join('/'));
  if (!found || found.isBuilt) notFound();
  return (
    <div className={cardClass}>
      <h1 className="text-2xl font-semibold">{found.label}</h1>
      <p className="mt-2 text-slate-700">{found.description}</p>
      <p className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        This stage is not built yet. Nothing here is simulated: when it arrives it will work on this project&apos;s
        own data.
      </p>
    </div>
  );
}
