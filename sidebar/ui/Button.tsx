import type { ComponentChildren } from 'preact';

interface Props {
  children: ComponentChildren;
  onClick?: () => unknown;
  /** One blue primary action per view (Marketplace review rule); the rest are secondary. */
  primary?: boolean;
  /** While its work runs a button is disabled and says so. */
  busy?: boolean;
  busyLabel?: string;
  disabled?: boolean;
  type?: 'button' | 'submit';
  testId?: string;
  label?: string;
  small?: boolean;
  danger?: boolean;
}

export function Button({
  children,
  onClick,
  primary,
  busy,
  busyLabel,
  disabled,
  type = 'button',
  testId,
  label,
  small,
  danger,
}: Props) {
  const classes = [primary ? 'primary' : '', small ? 'small' : '', danger ? 'danger' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type={type}
      class={classes || undefined}
      disabled={disabled || busy}
      aria-busy={busy ? 'true' : undefined}
      aria-label={label}
      data-testid={testId}
      onClick={onClick ? () => void onClick() : undefined}
    >
      {busy ? (busyLabel ?? 'Working…') : children}
    </button>
  );
}
