'use client';

import { useState } from 'react';
import { secondaryButtonClass } from '@/components/ui/styles';

/** SVG and CSV come from the API; PNG is drawn from the same SVG in the browser at twice its size. */
export function PrismaDownloads({ projectId, svg }: { projectId: string; svg: string }) {
  const [error, setError] = useState<string | null>(null);
  const downloadPng = () => {
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = image.width * 2;
      canvas.height = image.height * 2;
      const context = canvas.getContext('2d');
      if (!context) return setError('This browser cannot draw the PNG.');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      const link = document.createElement('a');
      link.download = 'PRISMA.png';
      link.href = canvas.toDataURL('image/png');
      link.click();
    };
    image.onerror = () => setError('The diagram could not be turned into a PNG.');
    image.src = url;
  };
  const base = `/api/v1/projects/${projectId}/prisma`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <a className={secondaryButtonClass} href={`${base}?format=svg`} download="PRISMA.svg">
        Download SVG
      </a>
      <button type="button" className={secondaryButtonClass} onClick={downloadPng}>
        Download PNG
      </button>
      <a className={secondaryButtonClass} href={`${base}?format=csv`} download="PRISMA.csv">
        Download CSV (PRISMA2020 template)
      </a>
      <a className={secondaryButtonClass} href={base}>
        JSON
      </a>
      {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
    </div>
  );
}
