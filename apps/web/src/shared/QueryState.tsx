import type { ReactNode } from 'react';
import { Alert, Button, Empty, Skeleton } from 'antd';
import { errorMessage } from './errors';

interface Props {
  loading: boolean;
  error?: unknown;
  /** True when there is nothing to show. */
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children: ReactNode;
  testId?: string;
}

/** Loading skeleton, Chinese error with retry, or empty state around a data view. */
export function QueryState({ loading, error, empty, emptyText = '暂无数据', onRetry, children, testId }: Props) {
  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid={testId ? `${testId}-error` : 'query-error'}
        message={errorMessage(error)}
        action={
          onRetry ? (
            <Button size="small" onClick={onRetry}>
              重试
            </Button>
          ) : undefined
        }
      />
    );
  }
  if (loading) {
    return (
      <div data-testid={testId ? `${testId}-loading` : undefined}>
        <Skeleton active paragraph={{ rows: 6 }} />
      </div>
    );
  }
  if (empty) {
    return (
      <div data-testid={testId ? `${testId}-empty` : undefined}>
        <Empty description={emptyText} />
      </div>
    );
  }
  return <>{children}</>;
}
