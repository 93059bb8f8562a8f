import { describe, expect, it } from 'vitest';
import { pickScript, scriptApplies } from '../src/replies/reply-scripts';

const at = (s: string) => new Date(`2026-12-0${s}T09:00:00+08:00`);
const topic = { scriptId: 't', version: 1, scope: 'topic' as const, scopeKey: '物业服务', publishedAt: at('3') };
const topicNewer = { scriptId: 't2', version: 2, scope: 'topic' as const, scopeKey: '物业服务', publishedAt: at('4') };
const project = { scriptId: 'p', version: 3, scope: 'project' as const, scopeKey: '阳光花园', publishedAt: at('1') };
const cluster = { scriptId: 'c', version: 1, scope: 'cluster' as const, scopeKey: 'cluster-1', publishedAt: at('1') };
const other = { scriptId: 'o', version: 1, scope: 'project' as const, scopeKey: '别的楼盘', publishedAt: at('5') };

describe('the matching rule: cluster > project > topic', () => {
  const target = { topic: '物业服务', projectName: '阳光花园', clusterIds: ['cluster-1'] };

  it('offers the most specific script that covers the case', () => {
    expect(pickScript([topic, project, cluster, other], target)?.scriptId).toBe('c');
    expect(pickScript([topic, project, other], target)?.scriptId).toBe('p');
    expect(pickScript([topic, other], target)?.scriptId).toBe('t');
  });

  it('among equals, the most recently published', () => {
    expect(pickScript([topic, topicNewer], target)?.scriptId).toBe('t2');
  });

  it('offers nothing when no script covers the case', () => {
    expect(pickScript([other], target)).toBeNull();
    expect(pickScript([cluster], { ...target, clusterIds: [] })).toBeNull();
    expect(pickScript([project], { ...target, projectName: null })).toBeNull();
  });

  it('a script for another topic, project or cluster does not apply', () => {
    expect(scriptApplies(topic, { ...target, topic: '房屋质量' })).toBe(false);
    expect(scriptApplies(project, { ...target, projectName: ' 阳光花园 ' })).toBe(true);
    expect(scriptApplies(cluster, { ...target, clusterIds: ['cluster-2'] })).toBe(false);
  });
});
