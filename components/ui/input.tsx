import type { ComponentProps } from 'react';
import { cn } from './cn';

const field =
  'h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:bg-slate-100 aria-[invalid=true]:border-red-500';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(field, className)} {...props} />;
}

/** A choice: a string is its own value and label. */
export type TSelectOption = string | { value: string; label: string };

/** A select; `options` lists the choices, `empty` adds a first "no choice" option (value ''). */
export function Select({ className, options, empty, children, ...props }: ComponentProps<'select'> & { options?: readonly TSelectOption[]; empty?: string }) {
  return (
    <select className={cn(field, 'pr-8', className)} {...props}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {options?.map((o) =>
        typeof o === 'string' ? (
          <option key={o} value={o}>
            {o}
          </option>
        ) : (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ),
      )}
      {children}
    </select>
  );
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cn(field, 'h-auto min-h-20 py-2', className)} {...props} />;
}

export function Label({ className, ...props }: ComponentProps<'label'>) {
  return <label className={cn('mb-1 block text-xs font-medium text-slate-600', className)} {...props} />;
}

/** A labelled form field with its validation message. */
export function Field({ label, htmlFor, error, hint, children }: { label: string; htmlFor: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div>
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
      {error ? (
        <p className="mt-1 text-xs text-red-600" id={`${htmlFor}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}
