// Edit / Delete buttons of a settings row, where Delete asks first ("Delete x?" Keep / Delete).
// `extra` are the row's other actions, shown beside Edit while not asking.
import { useState, type ReactNode } from 'react';

interface EditDeleteActionsProps {
  /** What the confirmation asks ("Delete team? Runs stay."). */
  question: string;
  onEdit: () => void;
  /** Deletes; resolves to why it failed, or null. */
  onDelete: () => Promise<string | null>;
  onError: (message: string | null) => void;
  /** `<prefix>-edit`, `<prefix>-delete` and `<prefix>-delete-confirm` name the buttons for tests. */
  testIdPrefix: string;
  extra?: ReactNode;
}

export function EditDeleteActions({ question, onEdit, onDelete, onError, testIdPrefix, extra }: EditDeleteActionsProps) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <>
        <span className="muted">{question}</span>
        <button type="button" onClick={() => setConfirming(false)}>
          Keep
        </button>
        <button type="button" className="danger" data-testid={`${testIdPrefix}-delete-confirm`} onClick={async () => onError(await onDelete())}>
          Delete
        </button>
      </>
    );
  }
  return (
    <>
      {extra}
      <button type="button" onClick={onEdit} data-testid={`${testIdPrefix}-edit`}>
        Edit
      </button>
      <button type="button" className="quiet" onClick={() => setConfirming(true)} data-testid={`${testIdPrefix}-delete`}>
        Delete
      </button>
    </>
  );
}
