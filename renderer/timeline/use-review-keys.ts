import { useEffect, useRef } from 'react';
import { actionForKey, isTypingTarget, REVIEW_ACTIONS, type ReviewActionContext } from './actions';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The review's keys on the window while `active`: each press that is one of REVIEW_ACTIONS' shortcuts runs it
 * (and does nothing else: no page scroll on Space, no button pressed). Keys typed into a field are left alone.
 */
export function useReviewKeys(context: ReviewActionContext, active: boolean): void {
  const latest = useRef(context);
  latest.current = context;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTypingTarget(e.target as HTMLElement | null)) return;
      const action = actionForKey(REVIEW_ACTIONS, e, mac);
      if (!action) return;
      e.preventDefault();
      action.run(latest.current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
