import type {
  FeedbackRecordFieldsFragment,
  FeedbackWebhookQuery,
  IntakeRulesFieldsFragment,
  Open311KeyFieldsFragment,
  TopicsQuery,
} from '../../../gql/graphql';

/** The types are generated from the API schema (src/gql) for the documents in queries.ts. */
export type Topic = TopicsQuery['topics'][number];
/** What the topic tree and options need of a topic. */
export type TopicShape = Pick<Topic, 'code' | 'name' | 'sort' | 'active'> & { parentCode?: string | null };
export type IntakeRules = IntakeRulesFieldsFragment;
export type Open311Key = Open311KeyFieldsFragment;
export type FeedbackRecord = FeedbackRecordFieldsFragment;
export type FeedbackWebhook = FeedbackWebhookQuery['feedbackWebhook'];

/** Topics as a tree (parents first, by sort then code). */
export interface TopicNode extends TopicShape {
  children?: TopicNode[];
}

export function topicTree(topics: TopicShape[]): TopicNode[] {
  const byCode = new Map<string, TopicNode>(topics.map((t) => [t.code, { ...t }]));
  const roots: TopicNode[] = [];
  for (const node of byCode.values()) {
    const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
    if (parent && parent !== node) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (list: TopicNode[]) => {
    list.sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
    list.forEach((n) => n.children && sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Topic names usable for a case: active topics, with their parent's name for context. */
export function topicOptions(topics: TopicShape[]): { value: string; label: string }[] {
  const names = new Map(topics.map((t) => [t.code, t.name]));
  return topics
    .filter((t) => t.active)
    .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
    .map((t) => ({ value: t.name, label: t.parentCode && names.get(t.parentCode) ? `${names.get(t.parentCode)} / ${t.name}` : t.name }));
}
