import { App, Button, Card, Descriptions, Statistic, Space, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { percent } from '../case-handling/labels';
import { confirmAction } from '../shared/confirm';
import { errorMessage } from '../shared/errors';
import { label } from '../shared/labels';
import { formatDateTime } from '../shared/time';
import { DISPATCH_MODEL_QUERY, RETRAIN_MODEL_MUTATION } from './queries';
import type { DispatchModelInfo } from './types';

const TRIGGER_LABELS: Record<string, string> = { start: '服务启动', schedule: '定时训练', manual: '手动训练' };

/** 分转模型: how often its suggestion was right on past cases (cross-validated), its data, and 重新训练. */
export function ModelCard({ canRetrain }: { canRetrain: boolean }) {
  const { message, modal } = App.useApp();
  const { data, loading, error } = useQuery<{ dispatchModel: DispatchModelInfo | null }>(DISPATCH_MODEL_QUERY);
  const [retrain, { loading: training }] = useMutation(RETRAIN_MODEL_MUTATION, { refetchQueries: ['DispatchModel'], awaitRefetchQueries: true });
  const m = data?.dispatchModel;

  const onRetrain = async () => {
    const ok = await confirmAction(modal, { title: '确认立即重新训练分转模型？', content: '训练使用全部已办结工单，可能需要一些时间。', okText: '开始训练' });
    if (!ok) return;
    try {
      await retrain();
      message.success('分转模型已重新训练');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card
      size="small"
      title="分转模型"
      loading={loading && !data}
      data-testid="model-card"
      extra={
        canRetrain && (
          <Button icon={<SyncOutlined spin={training} />} loading={training} onClick={onRetrain} data-testid="model-retrain">
            重新训练
          </Button>
        )
      }
    >
      {error && <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>}
      {!error && !m && <Typography.Text type="secondary">模型尚未训练</Typography.Text>}
      {m && (
        <Space size={32} wrap align="start">
          <div style={{ maxWidth: 190 }}>
            <Statistic title="首选准确率" value={percent(m.accuracy)} data-testid="model-accuracy" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              用历史工单检验：推荐第一位即正确科室的比例
            </Typography.Text>
          </div>
          <div style={{ maxWidth: 190 }}>
            <Statistic title="前三命中率" value={percent(m.top3Accuracy)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              推荐的前三位中含正确科室的比例
            </Typography.Text>
          </div>
          <Descriptions size="small" column={2} style={{ maxWidth: 560 }}>
            <Descriptions.Item label="训练时间">{formatDateTime(m.trainedAt)}</Descriptions.Item>
            <Descriptions.Item label="触发方式">{label(TRIGGER_LABELS, m.trigger)}</Descriptions.Item>
            <Descriptions.Item label="训练工单">
              {m.documents} 件（本局 {m.bureauDocuments}，演示 {m.demoDocuments}）
            </Descriptions.Item>
            <Descriptions.Item label="词表">{m.vocabulary} 个词</Descriptions.Item>
            <Descriptions.Item label="检验方法">{`历史工单分 ${m.folds} 份，轮流检验`}</Descriptions.Item>
            <Descriptions.Item label="耗时">{(m.trainMs / 1000).toFixed(1)} 秒</Descriptions.Item>
          </Descriptions>
        </Space>
      )}
    </Card>
  );
}
