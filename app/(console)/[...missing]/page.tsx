import { notFound } from 'next/navigation';

/**
 * Any URL no other route matches lands here, inside the console layout, so the 404 keeps the
 * sidebar and a way back (a root not-found page would render without the frame).
 */
export default function UnknownPage() {
  notFound();
}
