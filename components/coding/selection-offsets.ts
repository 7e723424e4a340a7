/**
 * Character offsets of a DOM selection in the stored text. The text is shown
 * as line rows of segment spans, each carrying `data-start` (its offset in
 * the stored text) around exactly one text node; line numbers and line breaks
 * are not in any segment. An endpoint inside a segment's text node maps to
 * data-start + its offset; an endpoint between elements (e.g. at a line's
 * edge, or on a line number) maps to the start of the next segment, or the end
 * of the text. So offsets never depend on how the text happens to be cut into
 * highlights.
 */

function segmentOf(node: Node, root: HTMLElement): HTMLElement | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement);
  const segment = element?.closest<HTMLElement>('[data-start]') ?? null;
  return segment && root.contains(segment) ? segment : null;
}

function pointOffset(node: Node, offset: number, root: HTMLElement, textLength: number): number {
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = segmentOf(node, root);
    if (segment) return Number(segment.dataset.start) + Math.min(offset, node.textContent?.length ?? 0);
  }
  const probe = document.createRange();
  probe.setStart(node, offset);
  for (const segment of root.querySelectorAll<HTMLElement>('[data-start]')) {
    // The first segment starting at or after the point.
    if (probe.comparePoint(segment, 0) >= 0) return Number(segment.dataset.start);
  }
  return textLength;
}

/** The selection's [start, end) in the stored text, or null when it is empty or outside the text. */
export function selectionOffsets(selection: Selection | null, root: HTMLElement | null, textLength: number): { start: number; end: number } | null {
  if (!selection || !root || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) return null;
  const start = pointOffset(range.startContainer, range.startOffset, root, textLength);
  const end = pointOffset(range.endContainer, range.endOffset, root, textLength);
  return end > start ? { start, end } : null;
}
