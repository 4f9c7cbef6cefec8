'use client';
import { Sparkles } from 'lucide-react';
import { useState } from 'react';
import { SubmitResult, useSubmit, type TAction } from '@/components/authorisation/use-submit';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';

/**
 * "Generate changes" for requesters: groups a tenant's authorised patches into change requests per
 * its policy (ring × window, or per application), plans them and checks conflicts.
 */
export function GenerateChangesForm({
  tenants,
  generate,
}: {
  tenants: { id: string; name: string }[];
  generate: TAction<{ created: number; authorisedPatches: number }>;
}) {
  const [tenantId, setTenantId] = useState(tenants.length === 1 ? tenants[0].id : '');
  const g = useSubmit(generate);
  return (
    <form
      aria-label="Generate changes"
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void g.submit({ tenantId });
      }}
    >
      {tenants.length > 1 ? (
        <Select
          aria-label="Tenant to generate for"
          className="w-auto min-w-40"
          value={tenantId}
          onChange={(e) => setTenantId(e.target.value)}
          empty="Choose a tenant…"
          options={tenants.map((t) => ({ value: t.id, label: t.name }))}
        />
      ) : null}
      <Button type="submit" disabled={g.busy || !tenantId}>
        <Sparkles /> {g.busy ? 'Generating…' : 'Generate changes'}
      </Button>
      <SubmitResult
        res={g.res}
        success={(d) =>
          d.created === 0
            ? `No new change: ${d.authorisedPatches} authorised patch(es), all already in a change or not yet released by the cadence.`
            : `Created ${d.created} change(s) from ${d.authorisedPatches} authorised patch(es).`
        }
      />
    </form>
  );
}
