import { useEffect } from 'react';
import { Alert, Space, Typography } from 'antd';
import { ClockCircleOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client';
import { errorMessage } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/time';
import { useNow } from '../../../shared/useNow';
import { UNSIGNED_SUMMARY_QUERY } from './queries';
import { formatWait } from './types';

const POLL_MS = 15_000;
/** The oldest unsigned case turns the bar amber after this wait, red after twice it. */
const WARN_MINUTES = 30;

interface Props {
  /** Changes when the unsigned list changes, so the summary refreshes at once. */
  refreshKey?: number;
}

/** 待签收概况: the count and the wait of the oldest unsigned case, always visible to duty. */
export function UnsignedSummaryBar({ refreshKey }: Props) {
  const now = useNow(30_000);
  const { data, error, refetch } = useQuery(UNSIGNED_SUMMARY_QUERY, {
    pollInterval: POLL_MS,
    notifyOnNetworkStatusChange: false,
  });
  useEffect(() => {
    if (refreshKey !== undefined) void refetch();
  }, [refreshKey, refetch]);

  if (error && !data) {
    return (
      <Alert type="error" showIcon message={`待签收概况加载失败：${errorMessage(error)}`} style={{ marginBottom: 12 }} data-testid="unsigned-summary-error" />
    );
  }
  const s = data?.unsignedSummary;
  if (!s) return null;
  const waited = s.oldestReceivedAt
    ? Math.max(0, Math.floor((now.getTime() - new Date(s.oldestReceivedAt).getTime()) / 60_000))
    : (s.oldestWaitMinutes ?? null);
  const level = s.count === 0 || waited === null ? 'success' : waited >= WARN_MINUTES * 2 ? 'error' : waited >= WARN_MINUTES ? 'warning' : 'info';

  return (
    <Alert
      type={level}
      showIcon
      icon={<InboxOutlined />}
      style={{ marginBottom: 12 }}
      data-testid="unsigned-summary"
      data-count={s.count}
      data-level={level}
      message={
        <Space size="large" wrap>
          <span>
            待签收{' '}
            <Typography.Text strong data-testid="unsigned-summary-count">
              {s.count}
            </Typography.Text>{' '}
            件
          </span>
          {s.count > 0 && waited !== null ? (
            <span data-testid="unsigned-summary-oldest">
              <ClockCircleOutlined /> 最早一件已等待 <Typography.Text strong>{formatWait(waited)}</Typography.Text>
              <Typography.Text type="secondary">（{formatDateTime(s.oldestReceivedAt)} 收到）</Typography.Text>
            </span>
          ) : (
            <span>当前没有待签收工单</span>
          )}
          {error && <Typography.Text type="secondary">（刷新失败，显示的是上次结果）</Typography.Text>}
        </Space>
      }
    />
  );
}
