import { Alert, App, Button, Card, Descriptions, Statistic, Space, Table, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { percent } from '../handling/labels';
import { confirmAction } from '../../../shared/confirm';
import { errorMessage } from '../../../shared/errors';
import { label } from '../../../shared/labels';
import { formatDateTime } from '../../../shared/time';
import { DISPATCH_MODEL_QUERY, RETRAIN_MODEL_MUTATION } from './queries';

const TRIGGER_LABELS: Record<string, string> = { start: '服务启动', schedule: '定时训练', manual: '手动训练' };

const SELECTED_ON: Record<string, string> = { bureau: '本局已办结工单', demo: '演示历史（本局工单不足）' };
const FITTED_ON: Record<string, string> = { bureau: '本局已办结工单', pooled: '本局工单与演示历史合并（本局不足 100 件）' };

/**
 * 分转模型: what it trained on (the bureau's completed cases, synthetic demo orders only while
 * those are few), how often its first choice was right on the bureau's own held-out cases, per
 * department, whether its confidences can be trusted (calibration), and 重新训练.
 */
export function ModelCard({ canRetrain, nameOfCode = (c) => c }: { canRetrain: boolean; nameOfCode?: (code: string) => string }) {
  const { message, modal } = App.useApp();
  const { data, loading, error } = useQuery(DISPATCH_MODEL_QUERY);
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
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {m.accuracy === null ? (
            <Alert
              type="info"
              showIcon
              data-testid="model-no-figures"
              message={`本局已办结工单 ${m.bureauDocuments} 件，不足 ${m.minEvaluatedDocuments} 件，暂不报告准确率`}
              description={`演示历史（合成数据）只用于训练，不计入任何指标；本局已办结工单少于 ${m.minBureauDocuments} 件时才混入演示历史。`}
            />
          ) : (
            <Space size={32} wrap align="start">
              <div style={{ maxWidth: 200 }}>
                <Statistic title="首选准确率" value={percent(m.accuracy)} data-testid="model-accuracy" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {`本局 ${m.evaluatedDocuments} 件已办结工单轮流留出检验：推荐第一位即实际主办科室的比例`}
                </Typography.Text>
              </div>
              <div style={{ maxWidth: 200 }}>
                <Statistic title="前三命中率" value={percent(m.top3Accuracy)} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  推荐的前三位中含实际主办科室的比例
                </Typography.Text>
              </div>
              {m.calibration && (
                <div style={{ maxWidth: 220 }}>
                  <Statistic title="置信度误差（ECE）" value={percent(m.calibration.ece)} data-testid="model-ece" />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {`显示的置信度与实际准确率的平均差距（校准前 ${percent(m.calibration.eceBefore)}）`}
                  </Typography.Text>
                </div>
              )}
            </Space>
          )}
          <Descriptions size="small" column={2} style={{ maxWidth: 760 }}>
            <Descriptions.Item label="训练时间">{formatDateTime(m.trainedAt)}</Descriptions.Item>
            <Descriptions.Item label="触发方式">{label(TRIGGER_LABELS, m.trigger)}</Descriptions.Item>
            <Descriptions.Item label="训练工单">{`${m.documents} 件（本局已办结 ${m.bureauDocuments}，演示历史 ${m.demoDocuments}）`}</Descriptions.Item>
            <Descriptions.Item label="工单文本">
              {m.digestOnlyDocuments > 0
                ? `全文 ${m.fullTextDocuments} 件；${m.digestOnlyDocuments} 件读取受理服务失败，仅用前 60 字摘要`
                : `全文 ${m.fullTextDocuments} 件（标题与内容，个人信息已脱敏）`}
            </Descriptions.Item>
            <Descriptions.Item label="方法" span={2}>
              {m.method}
            </Descriptions.Item>
            <Descriptions.Item label="参数选择">{`${m.folds} 折交叉验证，依据${label(SELECTED_ON, m.selectedOn)}`}</Descriptions.Item>
            <Descriptions.Item label="特征">{m.vocabulary} 个</Descriptions.Item>
            {m.calibration && (
              <Descriptions.Item label="校准">{`温度 ${m.calibration.temperature.toFixed(2)}，拟合于${label(FITTED_ON, m.calibration.fittedOn)}`}</Descriptions.Item>
            )}
            <Descriptions.Item label="耗时">{(m.trainMs / 1000).toFixed(1)} 秒</Descriptions.Item>
          </Descriptions>
          {m.perDepartment.length > 0 && (
            <Table
              size="small"
              pagination={false}
              rowKey="departmentCode"
              style={{ maxWidth: 520 }}
              data-testid="model-recall"
              dataSource={m.perDepartment}
              columns={[
                { title: '科室', dataIndex: 'departmentCode', render: (c: string) => nameOfCode(c) },
                { title: '检验工单', dataIndex: 'cases', width: 90 },
                { title: '首选召回率', dataIndex: 'recall', width: 110, render: (r: number) => percent(r) },
              ]}
            />
          )}
          {m.calibration && (
            <Table
              size="small"
              pagination={false}
              rowKey="from"
              style={{ maxWidth: 520 }}
              data-testid="model-calibration"
              dataSource={m.calibration.bins.filter((b) => b.count > 0)}
              columns={[
                { title: '置信度区间', dataIndex: 'from', render: (_: number, b) => `${percent(b.from)}–${percent(b.to)}` },
                { title: '工单', dataIndex: 'count', width: 70 },
                { title: '平均置信度', dataIndex: 'confidence', width: 100, render: (v: number) => percent(v) },
                { title: '实际准确率', dataIndex: 'accuracy', width: 100, render: (v: number) => percent(v) },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
