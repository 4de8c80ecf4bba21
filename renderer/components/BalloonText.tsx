import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { balloonFont, type Balloon } from '../../app/balloons';
import { cssFamily } from '../lettering/font-loader';

/**
 * The words of one balloon. Enter is a new line; the words are saved when the field is left, on Ctrl+Enter, or
 * when another balloon is chosen, always into the balloon this field was opened for (its id is fixed for the
 * field's life: the parent mounts a fresh field per balloon), never into the one chosen next.
 */
export function BalloonText({ balloon, onCommit }: { balloon: Balloon; onCommit: (id: string, text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(balloon.text);
  const latest = useRef({ text: balloon.text, saved: balloon.text, onCommit });
  latest.current.text = text;
  latest.current.onCommit = onCommit;
  const id = balloon.id;
  // An edit from elsewhere (undo) shows here, unless the user is typing something else.
  useEffect(() => {
    if (latest.current.text === latest.current.saved) setText(balloon.text);
    latest.current.saved = balloon.text;
  }, [balloon.text]);
  const commit = () => {
    const l = latest.current;
    if (l.text !== l.saved) {
      l.saved = l.text;
      l.onCommit(id, l.text);
    }
  };
  // Leaving the balloon (another one chosen, the panel closed) saves what was typed into this one.
  useEffect(() => () => commit(), []); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <textarea
      data-testid="balloon-text"
      data-balloon={id}
      value={text}
      rows={Math.min(6, Math.max(2, text.split('\n').length))}
      style={{ fontFamily: `${cssFamily(balloonFont({ ...balloon, text }))}, sans-serif` }}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          commit();
        }
        e.stopPropagation(); // Delete and Backspace here edit the words, not the page
      }}
      aria-label={t('balloon.text')}
      title={t('balloon.text')}
    />
  );
}
