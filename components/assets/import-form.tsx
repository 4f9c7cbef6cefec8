'use client';
import { Upload } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import { FormMessage } from '@/components/ui/page-header';
import type { TActionResult } from '@/lib/errors';

type TResult = { format: string; outcome: 'replaced' | 'unchanged'; count: number; previousCount: number };
type Props = {
  assetId: string;
  formats: readonly string[];
  maxMb: number;
  action: (input: { assetId: string; format: string; file: File | null }) => Promise<TActionResult<TResult>>;
};

/** Uploads a software listing; shows the parser's line-numbered problems when it refuses the file. */
export function ImportForm({ assetId, formats, maxMb, action }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TActionResult<TResult> | null>(null);
  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const file = fd.get('file');
        setBusy(true);
        const res = await action({ assetId, format: String(fd.get('format')), file: file instanceof File && file.size > 0 ? file : null });
        setBusy(false);
        setResult(res);
        if (res.ok) router.refresh();
      }}
    >
      <Field label="Listing file" htmlFor="file" hint={`dpkg-query -W, dpkg -l, rpm -qa, CycloneDX JSON, SPDX JSON or CSV · up to ${maxMb} MB`}>
        <Input id="file" name="file" type="file" className="h-auto py-1.5" required />
      </Field>
      <Field label="Format" htmlFor="format">
        <Select id="format" name="format" defaultValue="auto">
          <option value="auto">Detect automatically</option>
          {formats.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={busy}>
        <Upload /> {busy ? 'Importing…' : 'Import and replace software list'}
      </Button>
      {result ? (
        result.ok ? (
          <FormMessage tone="success">
            {result.data.outcome === 'unchanged'
              ? `Nothing changed: the listing matches the ${result.data.count} packages already recorded.`
              : `Imported ${result.data.count} packages (${result.data.format}); the asset had ${result.data.previousCount} before.`}
          </FormMessage>
        ) : (
          <div className="space-y-2">
            <FormMessage tone="error">{result.message}</FormMessage>
            {result.issues && result.issues.length > 1 ? (
              <ul className="max-h-40 overflow-y-auto rounded border border-red-100 bg-white p-2 font-mono text-xs text-red-700">
                {result.issues.map((i, n) => (
                  <li key={n}>
                    {i.line ? `line ${i.line}: ` : i.field ? `${i.field}: ` : ''}
                    {i.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        )
      ) : null}
    </form>
  );
}
