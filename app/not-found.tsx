import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-700">This page does not exist, or it belongs to a review you are not a member of.</p>
      <Link href="/projects" className="mt-4 inline-block text-brand-700 underline">
        Back to your reviews
      </Link>
    </div>
  );
}
