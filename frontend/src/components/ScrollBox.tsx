import { Table, type TableProps } from 'design-react-kit';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A box that scrolls sideways inside the page (a wide table on a phone)
 * instead of making the whole page scroll. While its content is wider than
 * it, it is a named, focusable region, so the keyboard can scroll it too
 * (axe's scrollable-region-focusable); when all fits, it adds no tab stop.
 * The name is the caption of the table inside. It is positioned, so that
 * what is absolutely placed inside (a .visually-hidden caption or label)
 * stays clipped by it instead of widening the page.
 */
export function ScrollBox({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  const [label, setLabel] = useState<string>();

  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      setScrolls(box.scrollWidth > box.clientWidth + 1);
      setLabel(box.querySelector('caption')?.textContent?.trim() || undefined);
    };
    measure();
    // Not in jsdom: there nothing is ever wider than its box.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={ref}
      className="table-responsive position-relative"
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </div>
  );
}

/** design-react-kit's Table in a ScrollBox: what `responsive` on it did, reachable by keyboard. */
export function ResponsiveTable({ children, ...props }: Omit<TableProps, 'responsive'>) {
  return (
    <ScrollBox>
      <Table {...props}>{children}</Table>
    </ScrollBox>
  );
}
