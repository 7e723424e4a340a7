import 'server-only';
import { AppError } from '@/lib/server/errors/app-error';

/** Plain text and page count of a PDF (pdf.js through unpdf). A file that is not a readable PDF is a 422. */
export async function extractPdfText(bytes: Uint8Array): Promise<{ text: string; pageCount: number }> {
  if (bytes.length < 5 || Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new AppError('VALIDATION', 'The file is not a PDF (it does not start with %PDF-).', { file: ['Not a PDF.'] });
  }
  const { extractText, getDocumentProxy } = await import('unpdf');
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { totalPages, text } = await extractText(pdf, { mergePages: true });
    return { text: text.replace(/\u0000/g, ''), pageCount: totalPages };
  } catch (error) {
    throw new AppError('VALIDATION', `The PDF could not be read: ${error instanceof Error ? error.message : 'unknown error'}.`, {
      file: ['Unreadable PDF.'],
    });
  }
}
