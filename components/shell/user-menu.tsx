'use client';
import { DropdownMenu } from 'radix-ui';
import { ChevronDown, LogOut } from 'lucide-react';

export type TUserMenuProps = { name: string; email: string; roles: { tenant: string; role: string }[]; signOutAction: () => Promise<void> };

export function UserMenu({ name, email, roles, signOutAction }: TUserMenuProps) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100" aria-label="Account menu">
        <span className="flex size-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden text-left sm:block">
          <span className="block font-medium leading-tight text-slate-800" data-testid="current-user">
            {name}
          </span>
          <span className="block text-xs leading-tight text-slate-500">{email}</span>
        </span>
        <ChevronDown className="size-4 text-slate-400" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-64 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-medium uppercase tracking-wide text-slate-500">Roles</DropdownMenu.Label>
          {roles.map((r) => (
            <div key={`${r.tenant}/${r.role}`} className="flex justify-between px-2 py-1 text-slate-700">
              <span>{r.tenant}</span>
              <span className="font-mono text-xs text-slate-500">{r.role}</span>
            </div>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          <DropdownMenu.Item asChild>
            <form action={signOutAction}>
              <button
                type="submit"
                className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-slate-700 outline-none hover:bg-slate-100 data-[highlighted]:bg-slate-100"
              >
                <LogOut className="size-4" /> Sign out
              </button>
            </form>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
