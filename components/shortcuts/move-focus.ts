// j / k: moves keyboard focus to the next (1) or previous (-1) of the page's items. Starting
// from the focused item, or else from the one marked current, or else from the top.
export function moveFocus(selector: string, step: 1 | -1): HTMLElement | null {
  const items = [...document.querySelectorAll<HTMLElement>(selector)].filter((item) => item.offsetParent !== null);
  if (!items.length) return null;
  const active = document.activeElement as HTMLElement | null;
  let from = items.findIndex((item) => item === active || item.contains(active));
  if (from < 0) from = items.findIndex((item) => item.getAttribute("aria-current") === "true");
  const next = from < 0 ? items[step === 1 ? 0 : items.length - 1] : items[Math.min(items.length - 1, Math.max(0, from + step))];
  next.focus();
  next.scrollIntoView({ block: "nearest" });
  return next;
}
