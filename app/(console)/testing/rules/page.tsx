import Link from 'next/link';
import { CreateRuleForm, RuleToggle } from '@/components/authorisation/rule-forms';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { forbidden } from 'next/navigation';
import { formatDateTime } from '@/components/ui/format';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import { getDb } from '@/lib/runtime/db';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { findAutoApprovalRules, findTenantsWith } from '@/lib/authorisation/queries';
import { createRuleAction, setRuleEnabledAction } from './actions';

export const metadata = { title: 'Auto-approval rules' };

export default async function RulesPage() {
  const actor = (await getActor())!;
  if (!can(actor, 'policy:write')) forbidden();
  const db = await getDb();
  const [rules, tenants] = await Promise.all([findAutoApprovalRules(db, actor), findTenantsWith(db, actor, 'policy:write')]);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/testing" className="hover:underline">
            Testing queue
          </Link>
        }
        title="Auto-approval rules"
        description="Part of each tenant's policy: patches at or above a severity that passed testing in the tenant are authorised N days after the test, unless a security user objects on the patch's page. An hourly job applies them; each approval is recorded and audited under the rule's name."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Rules" />
          {rules.length === 0 ? (
            <EmptyState title="No rule yet">
              Without rules every patch waits for two security users. Add one below, e.g. “high and above, 3 days after a passed test”.
            </EmptyState>
          ) : (
            <SimpleTable
              label="Auto-approval rules"
              head={['Tenant', 'Rule', 'Severity', 'After', 'Test', 'State', '']}
              rows={rules.map(({ rule, tenant, createdByName }) => [
                tenant,
                <span key="n" title={`added by ${createdByName ?? 'unknown'} ${formatDateTime(rule.createdAt)}`}>
                  {rule.name}
                </span>,
                `${rule.minSeverity} or above`,
                `${rule.afterDays} day(s)`,
                rule.requirePassedTest ? 'passed test required' : 'from publication',
                <Badge key="s" tone={rule.isEnabled ? 'green' : 'neutral'}>
                  {rule.isEnabled ? 'enabled' : 'disabled'}
                </Badge>,
                <RuleToggle key="t" action={setRuleEnabledAction} ruleId={rule.id} name={rule.name} isEnabled={rule.isEnabled} />,
              ])}
            />
          )}
        </Card>
        <Card>
          <CardHeader title="Add a rule" />
          <CardBody>
            <CreateRuleForm action={createRuleAction} tenants={tenants} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
