/** Small line icons for the body toolbar; the buttons carry their names, these are decoration. */
const paths: Record<string, string> = {
  bulletList: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  orderedList: 'M10 6h10M10 12h10M10 18h10M4 5l1.5-1V9M3.5 14.5a1.3 1.3 0 1 1 2.2 1L3.5 19h2.5',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  quote: 'M7 7h4v4c0 3-1.5 5-4 6M15 7h4v4c0 3-1.5 5-4 6',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15.5 9.5h.01',
  subscript: 'M4 6l8 11M12 6l-8 11M15.5 16.2a1.7 1.7 0 1 1 2.9 1.3L15.5 21h3.5',
  superscript: 'M4 8l8 11M12 8l-8 11M15.5 4.2a1.7 1.7 0 1 1 2.9 1.3L15.5 9h3.5',
};

export function ToolbarIcon({ name }: { name: keyof typeof paths }) {
  return (
    <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d={paths[name]} />
    </svg>
  );
}
