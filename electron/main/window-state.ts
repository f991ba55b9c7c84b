export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** Bounds to open the window with: no x/y lets Electron centre it on the primary display. */
export interface InitialBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const MIN_WIDTH = 800;
const MIN_HEIGHT = 560;
/** A window counts as reachable when this much of its title bar lies on a display. */
const GRAB_WIDTH = 120;
const TITLE_BAR = 32;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where the window opens: where it was last time when that is still on a display (its title bar
 * reachable, so it can be moved), otherwise centred at a size that fits the primary display. A
 * monitor unplugged since, or a laptop now without its big screen, never leaves the window offscreen.
 *
 * `workAreas` are the displays' work areas, the primary display first.
 */
export function restoreWindowBounds(saved: WindowState | null, workAreas: readonly Rect[], fallback: { width: number; height: number }): InitialBounds {
  const primary = workAreas[0];
  const fit = (size: { width: number; height: number }, area: Rect | undefined) => ({
    width: Math.round(Math.max(MIN_WIDTH, Math.min(size.width, area?.width ?? size.width))),
    height: Math.round(Math.max(MIN_HEIGHT, Math.min(size.height, area?.height ?? size.height))),
  });
  if (!saved || !(saved.bounds.width > 0 && saved.bounds.height > 0)) return { ...fit(fallback, primary), maximized: false };
  const { bounds } = saved;
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: TITLE_BAR };
  const home = [...workAreas].sort((a, b) => overlap(bounds, b) - overlap(bounds, a))[0];
  const reachable = workAreas.some((area) => {
    const w = Math.min(titleBar.x + titleBar.width, area.x + area.width) - Math.max(titleBar.x, area.x);
    return w >= Math.min(GRAB_WIDTH, bounds.width) && titleBar.y >= area.y && titleBar.y <= area.y + area.height - TITLE_BAR;
  });
  if (!reachable || !home) return { ...fit(bounds, primary), maximized: saved.maximized };
  const size = fit(bounds, home);
  // Pull a window that overhangs its display's edge back onto it.
  const x = Math.min(Math.max(bounds.x, home.x), home.x + home.width - size.width);
  const y = Math.min(Math.max(bounds.y, home.y), home.y + home.height - size.height);
  return { x, y, ...size, maximized: saved.maximized };
}
