import type { ArticleStatus } from '../articles/article.entity';
import type { EpisodeStatus } from '../episodes/episode.entity';

export const EPISODE_STATUS_LABELS: Record<EpisodeStatus, string> = { planned: '筹备中', aired: '已播出', cancelled: '已取消' };
export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = { planned: '策划中', writing: '撰写中', published: '已刊发', cancelled: '已取消' };
export const TASK_PHASE_LABELS = { preparation: '筹备', 'follow-up': '跟进' } as const;
