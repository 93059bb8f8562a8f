import { Alert, Progress, Space, Tag, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { percent } from '../handling/labels';

export interface DispatchSuggestion {
  source: string;
  leadDepartmentId?: string | null;
  leadDepartment?: { id: string; name: string } | null;
  assistDepartmentIds: string[];
  confidence: number;
  excludedDepartmentIds: string[];
  rule?: {
    rule: { id: string; ruleKey: string; name: string; basis: string; version: number };
    leadDepartmentId: string;
    leadDepartment?: { id: string; name: string } | null;
    assistDepartmentIds: string[];
    matched: string[];
  } | null;
  candidates: { departmentId: string; department?: { id: string; name: string } | null; confidence: number; words: string[] }[];
}

/** 分转建议: the 权责清单 entry that fired (and what matched), or the model's top three departments. */
export function SuggestionPanel({ s, nameOf }: { s: DispatchSuggestion | null | undefined; nameOf(id: string): string }) {
  if (!s || s.source === 'none') {
    return (
      <Alert
        type="info"
        showIcon
        message="暂无分转建议，请根据诉求内容选择科室"
        style={{ marginBottom: 12 }}
        data-testid="dispatch-suggestion"
        data-source="none"
      />
    );
  }
  const excluded = s.excludedDepartmentIds.length > 0 && (
    <div style={{ marginTop: 4 }}>
      <Typography.Text type="secondary">已退回过、不再建议：{s.excludedDepartmentIds.map(nameOf).join('、')}</Typography.Text>
    </div>
  );
  const candidates = s.candidates.slice(0, 3);
  return (
    <Alert
      type="success"
      icon={<BulbOutlined />}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="dispatch-suggestion"
      data-source={s.source}
      message={
        <span>
          分转建议（{s.source === 'rule' ? '权责清单' : '历史模型'}）：主办「{s.leadDepartment?.name ?? nameOf(s.leadDepartmentId ?? '')}」
          {s.assistDepartmentIds.length > 0 && `，协办 ${s.assistDepartmentIds.map(nameOf).join('、')}`}
          {s.source === 'model' && `，置信度 ${percent(s.confidence)}`}
        </span>
      }
      description={
        <div data-testid="suggestion-detail">
          {s.rule && (
            <div data-testid="suggestion-rule">
              命中条目：<Typography.Text strong>{s.rule.rule.name}</Typography.Text>
              <span style={{ marginLeft: 8 }}>
                {s.rule.matched.map((m) => (
                  <Tag key={m} color="green">
                    {m}
                  </Tag>
                ))}
              </span>
              {s.rule.rule.basis && (
                <div>
                  <Typography.Text type="secondary">依据：{s.rule.rule.basis}</Typography.Text>
                </div>
              )}
            </div>
          )}
          {candidates.length > 0 && (
            <div style={{ marginTop: s.rule ? 6 : 0 }} data-testid="suggestion-candidates">
              {s.rule && <Typography.Text type="secondary">模型参考：</Typography.Text>}
              {candidates.map((c) => (
                <Space key={c.departmentId} size={8} style={{ display: 'flex' }} data-testid="suggestion-candidate">
                  <span style={{ width: 96, display: 'inline-block' }}>{c.department?.name ?? nameOf(c.departmentId)}</span>
                  <Progress percent={Math.round(c.confidence * 100)} size="small" style={{ width: 120, margin: 0 }} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.words.length > 0 ? `关键词：${c.words.slice(0, 5).join('、')}` : ''}
                  </Typography.Text>
                </Space>
              ))}
            </div>
          )}
          {excluded}
        </div>
      }
    />
  );
}
