import { Forbidden } from '@/components/ui/forbidden';

export const metadata = { title: 'No access' };

/** A console page called `forbidden()`: HTTP 403, inside the console frame. */
export default function ConsoleForbidden() {
  return <Forbidden />;
}
