/** Cases a quick filter keeps: the text appears in the order number, title or project (楼盘/小区). */
export function matchesQuickFilter(c: { externalNo: string; title?: string | null; projectName?: string | null }, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (!q) return true;
  return [c.externalNo, c.title, c.projectName].some((v) => typeof v === 'string' && v.toLowerCase().includes(q));
}
