// In-page helpers for the browser tests (DOM code, run by page.evaluate).
import type { Page } from 'playwright-core';
import './globals.js';

/**
 * Counts non-blank pixels that sigma's WebGL layers drew: re-render, then copy the canvases
 * in the same task (before the drawing buffer is cleared) into a 2D canvas and read it back.
 */
export async function drawnPixels(page: Page): Promise<{ webgl: boolean; nodes: number; edges: number }> {
  return page.evaluate(() => {
    const sigma = window.__yjkg!.explorer!.sigma;
    const gl = sigma.getCanvases().nodes.getContext('webgl2') ?? sigma.getCanvases().nodes.getContext('webgl');
    sigma.refresh();
    const count = (source: HTMLCanvasElement) => {
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(source, 0, 0);
      const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    };
    const canvases = sigma.getCanvases();
    return { webgl: gl !== null, nodes: count(canvases.nodes), edges: count(canvases.edges) };
  });
}

/** Viewport position of a node (for hovering or clicking it with the mouse). */
export async function nodePosition(page: Page, node: string): Promise<{ x: number; y: number }> {
  return page.evaluate((key) => {
    const sigma = window.__yjkg!.explorer!.sigma;
    const data = sigma.getNodeDisplayData(key)!;
    const p = sigma.framedGraphToViewport(data);
    const box = sigma.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, node);
}

/** Viewport points on the segment between two nodes, away from every node's disc (to hover the edge). */
export async function pointsOnEdge(page: Page, source: string, target: string): Promise<{ x: number; y: number }[]> {
  return page.evaluate(
    ([s, t]) => {
      const sigma = window.__yjkg!.explorer!.sigma;
      const box = sigma.getContainer().getBoundingClientRect();
      const view = (key: string) => {
        const d = sigma.getNodeDisplayData(key)!;
        return { ...sigma.framedGraphToViewport(d), r: sigma.scaleSize(d.size), hidden: d.hidden };
      };
      const a = view(s);
      const b = view(t);
      const nodes = sigma.getGraph().nodes().map(view).filter((n) => !n.hidden);
      const points = [];
      for (let f = 0.3; f <= 0.7; f += 0.02) {
        const p = { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
        if (nodes.every((n) => Math.hypot(n.x - p.x, n.y - p.y) > n.r + 6)) points.push({ x: box.left + p.x, y: box.top + p.y });
      }
      return points;
    },
    [source, target],
  );
}
