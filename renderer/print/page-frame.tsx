import { useMemo } from 'react';
import { frameGeometry, pageDocument, type BleedSides, type PageBox } from './page-geometry.js';

interface PageFrameProps {
  head: string;
  html: string;
  box: PageBox;
  sides: BleedSides;
  scale: number;
  title: string;
  /** Thumbnails: hidden from assistive technology and loaded only when scrolled into view. */
  thumbnail?: boolean;
}

/**
 * One laid-out page in an iframe, at its real size and scaled with a transform.
 *
 * `sandbox="allow-same-origin"` lets the page fetch its fonts and pictures from the desk while
 * nothing in it can run: no scripts, forms, popups or navigation.
 */
export function PageFrame({ head, html, box, sides, scale, title, thumbnail = false }: PageFrameProps) {
  const g = frameGeometry(box, sides);
  const srcDoc = useMemo(() => pageDocument(head, html), [head, html]);
  const showsBleed = g.visibleWidth > g.trimWidth || g.visibleHeight > g.trimHeight;
  return (
    <div className="page-frame" style={{ width: g.visibleWidth * scale, height: g.visibleHeight * scale }}>
      <iframe
        className="page-frame-doc"
        title={title}
        sandbox="allow-same-origin"
        srcDoc={srcDoc}
        tabIndex={-1}
        aria-hidden={thumbnail ? true : undefined}
        loading={thumbnail ? 'lazy' : undefined}
        style={{
          width: g.sheetWidth,
          height: g.sheetHeight,
          transform: `translate(${g.offsetX * scale}px, ${g.offsetY * scale}px) scale(${scale})`,
        }}
      />
      {showsBleed && (
        <div
          className="page-frame-trim"
          aria-hidden="true"
          style={{ left: g.trimX * scale, top: g.trimY * scale, width: g.trimWidth * scale, height: g.trimHeight * scale }}
        />
      )}
    </div>
  );
}
