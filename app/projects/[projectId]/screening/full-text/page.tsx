import type { Metadata } from 'next';
import { ScreeningPage } from '../screening-page';

export const metadata: Metadata = { title: 'Full-text screening' };

export default async function FullTextScreeningPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return <ScreeningPage projectId={projectId} stage="full_text" />;
}
