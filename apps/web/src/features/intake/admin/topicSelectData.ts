// The 主题 taxonomy (admin 主题分类) shaped for a TreeSelect: a case carries a topic's name, and
// only a leaf (a topic without children) is a case's topic — a parent only groups its children.
import type { TopicShape as Topic } from './types';

export interface TopicTreeNode {
  /** What the form stores: the topic's name (cases carry the name, not the code). */
  value: string;
  /** Shown in the input once chosen. */
  label: string;
  /** Shown in the dropdown. */
  title: string;
  key: string;
  /** false for a parent: clicking it opens its children instead. */
  selectable: boolean;
  children?: TopicTreeNode[];
}

export interface TopicTreeOptions {
  /**
   * Keep inactive topics (marked 已停用): old cases may still carry them, so a search offers them;
   * a new case may not take them.
   */
  includeInactive?: boolean;
  /** Groups can be chosen too (a search: a group finds the cases of all its topics). */
  groupsSelectable?: boolean;
}

const bySort = (a: Topic, b: Topic) => a.sort - b.sort || a.code.localeCompare(b.code);

/**
 * The taxonomy as TreeSelect data: parents (not selectable) over their children, by sort then
 * code; a parent left without any choosable descendant is dropped. Orphans (a parent code that
 * does not exist) sit at the top level; a cycle is cut.
 */
export function topicTreeData(topics: Topic[], opts: TopicTreeOptions = {}): TopicTreeNode[] {
  const kept = topics.filter((t) => opts.includeInactive || t.active);
  const codes = new Set(kept.map((t) => t.code));
  const children = new Map<string | null, Topic[]>();
  for (const t of kept) {
    const parent = t.parentCode && codes.has(t.parentCode) && t.parentCode !== t.code ? t.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const seen = new Set<string>();
  const build = (parent: string | null): TopicTreeNode[] =>
    (children.get(parent) ?? [])
      .slice()
      .sort(bySort)
      .flatMap((t): TopicTreeNode[] => {
        if (seen.has(t.code)) return [];
        seen.add(t.code);
        const name = t.active ? t.name : `${t.name}（已停用）`;
        const kids = children.has(t.code) ? build(t.code) : undefined;
        // A topic that has children in the taxonomy is a group, even if none of them is kept.
        const isGroup = topics.some((x) => x.parentCode === t.code && x.code !== t.code);
        if (isGroup && !kids?.length) return [];
        return [
          {
            value: t.name,
            label: t.name,
            title: name,
            key: t.code,
            selectable: !isGroup || !!opts.groupsSelectable,
            ...(kids?.length ? { children: kids } : {}),
          },
        ];
      });
  return build(null);
}

/** Every choosable topic name in the tree. */
export function leafNames(nodes: TopicTreeNode[]): string[] {
  return nodes.flatMap((n) => [...(n.selectable ? [n.value] : []), ...leafNames(n.children ?? [])]);
}

/**
 * The tree with the typed text offered first as a value of its own (the district platform's own
 * topic), unless it is empty or already a choosable topic.
 */
export function withFreeTextTopic(nodes: TopicTreeNode[], typed: string | undefined, title: (text: string) => string): TopicTreeNode[] {
  const text = (typed ?? '').trim().slice(0, 50);
  if (!text || leafNames(nodes).includes(text)) return nodes;
  return [{ value: text, label: text, title: title(text), key: `free-text:${text}`, selectable: true }, ...nodes];
}
