import { useEffect, useRef, useState } from 'react';

/** A text note being written for the arrow just placed (or one being changed): the tool waits on submit or cancel. */
export interface NoteAsk {
  readonly initial: string;
  submit(text: string): void;
  cancel(): void;
}

/**
 * Pure: the X-ray viewer's text-note box, in the page instead of the
 * browser's prompt() (which Electron does not implement and which blocks the
 * page). Enter saves, Escape cancels.
 */
export function NotePrompt({ ask }: { readonly ask: NoteAsk }) {
  const [text, setText] = useState(ask.initial);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setText(ask.initial);
    input.current?.focus();
  }, [ask]);
  return (
    <form
      className="xray-note-prompt"
      data-testid="note-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) ask.submit(text.trim());
      }}
    >
      <label>
        Text of the note{' '}
        <input
          ref={input}
          aria-label="Text of the note"
          value={text}
          maxLength={1000}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') ask.cancel();
          }}
        />
      </label>{' '}
      <button type="submit" className="btn btn-primary" disabled={!text.trim()}>
        Save note
      </button>{' '}
      <button type="button" className="btn" onClick={ask.cancel}>
        Cancel
      </button>
    </form>
  );
}
