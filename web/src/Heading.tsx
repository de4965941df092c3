/**
 * A view's heading (h1), with its help panel under it. After the user
 * switches views, focus moves to the new view's heading, so that keyboard
 * and screen-reader users start at the top of the view and not on the
 * navigation they left.
 */
import { useEffect, useRef } from 'react';
import { Help } from './Help';

let focusNextHeading = false;

/** Asks the next view heading that mounts to take the focus (called on a view switch). */
export function focusHeadingOnNextView(): void {
  focusNextHeading = true;
}

export function ViewHeading({ id, view, children }: { id: string; view: string; children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusNextHeading) {
      focusNextHeading = false;
      ref.current?.focus();
    }
  }, []);
  return (
    <>
      <h1 id={id} ref={ref} tabIndex={-1}>
        {children}
      </h1>
      <Help view={view} />
    </>
  );
}
