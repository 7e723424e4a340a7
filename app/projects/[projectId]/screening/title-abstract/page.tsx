import type { Metadata } from 'next';
import { ScreeningPage } from '../screening-page';

export const metadata: Metadata = { title: 'Title/abstract screening' };

export default async function TitleAbstractScreeningPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return <ScreeningPage projectId={projectId} stage="title_abstract" />;
}
