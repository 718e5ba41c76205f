/** Why the controls next to it are disabled; renders nothing when they are enabled. */
export function DisabledReason({ reason }: { reason: string | null }) {
  return reason === null ? null : <span className="disabled-reason">{reason}</span>;
}
