'use client';

import { useActionState, useState, useTransition } from 'react';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from '@/lib/domain/access/permissions';
import type { ActionResult, FormState } from '@/lib/validation/action-result';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { buttonClass, dangerButtonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/styles';

type Member = { userId: string; email: string; name: string; role: Role };
type Invitation = { id: string; email: string; role: Role };

type Props = {
  members: Member[];
  invitations: Invitation[];
  currentUserId: string;
  canManage: boolean;
  addMember: (prev: FormState, formData: FormData) => Promise<FormState>;
  changeRole: (userId: string, role: string) => Promise<ActionResult>;
  removeMember: (userId: string) => Promise<ActionResult>;
  cancelInvitation: (invitationId: string) => Promise<ActionResult>;
};

export function MembersPanel(props: Props) {
  const { members, invitations, canManage } = props;
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const [addState, addAction, isAdding] = useActionState(props.addMember, null);

  const run = (work: () => Promise<ActionResult>) =>
    startTransition(async () => {
      const result = await work();
      setError(result.ok ? null : result.error);
    });

  return (
    <div className="space-y-6">
      <FormMessage error={error} />
      <table className="w-full text-left text-sm" aria-label="Members">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-2 font-medium">Name</th>
            <th scope="col" className="py-2 font-medium">Email</th>
            <th scope="col" className="py-2 font-medium">Role</th>
            {canManage ? <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId} className="border-t border-slate-100">
              <td className="py-2">
                {m.name}
                {m.userId === props.currentUserId ? <span className="text-slate-500"> (you)</span> : null}
              </td>
              <td className="py-2 text-slate-600">{m.email}</td>
              <td className="py-2">
                {canManage ? (
                  <select
                    aria-label={`Role of ${m.email}`}
                    className={`${inputClass} w-36 py-1`}
                    value={m.role}
                    disabled={isPending}
                    onChange={(e) => run(() => props.changeRole(m.userId, e.target.value))}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                ) : (
                  ROLE_LABELS[m.role]
                )}
              </td>
              {canManage ? (
                <td className="py-2 text-right">
                  <button
                    type="button"
                    className={dangerButtonClass}
                    disabled={isPending}
                    onClick={() => {
                      if (window.confirm(`Remove ${m.email} from this review? Their votes and codings stay.`)) {
                        run(() => props.removeMember(m.userId));
                      }
                    }}
                  >
                    Remove<span className="sr-only"> {m.email}</span>
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>

      {invitations.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-700">Invited, waiting for sign-up</h3>
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {invitations.map((i) => (
              <li key={i.id} className="flex items-center justify-between py-2">
                <span>
                  {i.email} <span className="text-slate-500">as {ROLE_LABELS[i.role].toLowerCase()}</span>
                </span>
                {canManage ? (
                  <button type="button" className={secondaryButtonClass} disabled={isPending} onClick={() => run(() => props.cancelInvitation(i.id))}>
                    Cancel invitation<span className="sr-only"> for {i.email}</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {canManage ? (
        <form action={addAction} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4" aria-label="Add a member">
          <h3 className="text-sm font-semibold text-slate-700">Add a member</h3>
          <FormMessage error={addState && !addState.ok ? addState.error : null} success={addState?.ok ? addState.message : null} />
          <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
            <div>
              <label htmlFor="member-email" className={labelClass}>
                Email
              </label>
              <input id="member-email" name="email" type="email" required className={inputClass} aria-describedby="member-email-error" />
              <FieldError id="member-email-error" messages={addState && !addState.ok ? addState.fieldErrors?.email : undefined} />
            </div>
            <div>
              <label htmlFor="member-role" className={labelClass}>
                Role
              </label>
              <select id="member-role" name="role" defaultValue="reviewer" className={inputClass}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClass} disabled={isAdding}>
              {isAdding ? 'Adding…' : 'Add'}
            </button>
          </div>
          <ul className="text-xs text-slate-600">
            {ROLES.map((r) => (
              <li key={r}>
                <strong>{ROLE_LABELS[r]}</strong>: {ROLE_DESCRIPTIONS[r]}
              </li>
            ))}
          </ul>
        </form>
      ) : (
        <p className="text-sm text-slate-600">Only the project&apos;s owners can change its members.</p>
      )}
    </div>
  );
}
