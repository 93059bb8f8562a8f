import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client';
import { Link } from 'react-router-dom';
import { actionErrorMessage } from '../dispatch/handling/useCaseAction';
import { DateTimeCell } from '../../shared/DateTimeCell';
import { STAGE_LABELS } from '../../shared/labels';
import { CLUSTER_QUERY, URGE_CLUSTER } from './queries';
import type { ClusterCase } from './types';

/** 聚类页: the cluster, all its cases page by page, its script, and one 督办 for all of its open cases. */
export function ClusterDrawer({ clusterId, canUrge, onClose }: { clusterId: string | null; canUrge: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [note, setNote] = useState('');
  const q = useQuery(CLUSTER_QUERY, {
    variables: { id: clusterId ?? '', offset: (page - 1) * pageSize, limit: pageSize },
    skip: !clusterId,
    fetchPolicy: 'cache-and-network',
  });
  const [urge, u] = useMutation(URGE_CLUSTER);
  const c = q.data?.cluster;
  const published = c?.scripts.filter((s) => s.publishedVersion) ?? [];
  const doUrge = async () => {
    if (!clusterId) return;
    try {
      const r = await urge({ variables: { input: { clusterId, note: note.trim() } } });
      message.success(`已催办 ${r.data?.urgeCluster ?? 0} 件在办工单的主办科室`);
      setNote('');
    } catch (e) {
      message.error(actionErrorMessage(e));
    }
  };
  return (
    <Drawer open={!!clusterId} onClose={onClose} width={820} title="聚类详情" destroyOnHidden data-testid="cluster-drawer">
      {q.error && !c && <Alert type="error" showIcon message={actionErrorMessage(q.error)} />}
      {c && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="类型">
              <Tag color={c.cluster.kind === 'burst' ? 'orange' : 'red'}>{c.cluster.kindLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="问题类型">{c.cluster.topic}</Descriptions.Item>
            <Descriptions.Item label="项目/社区">{c.cluster.place}</Descriptions.Item>
            <Descriptions.Item label="件数 / 来电人数">
              {c.cluster.caseCount} 件 / {c.cluster.callerCount} 人
            </Descriptions.Item>
            <Descriptions.Item label="首件受理">
              <DateTimeCell value={c.cluster.firstCaseAt} />
            </Descriptions.Item>
            <Descriptions.Item label="最近一件">
              <DateTimeCell value={c.cluster.lastCaseAt} />
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>答复口径</Typography.Title>
            {published.length ? (
              published.map((s) => {
                const v = s.versions.find((x) => x.version === s.publishedVersion)!;
                return (
                  <Alert
                    key={s.id}
                    type="info"
                    showIcon
                    message={`${v.title}（第 ${v.version} 版，已采用 ${s.uses} 次）`}
                    description={<div style={{ whiteSpace: 'pre-wrap' }}>{v.text}</div>}
                    data-testid="cluster-script"
                  />
                );
              })
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={<span>尚无该聚类的已发布口径，可在“答复口径”中按聚类新建（聚类编号 {c.cluster.id}）</span>}
              />
            )}
          </div>
          {canUrge && (
            <div>
              <Typography.Title level={5}>聚类督办</Typography.Title>
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  value={note}
                  maxLength={200}
                  placeholder="督办说明：一次催办该聚类全部在办工单的主办科室"
                  onChange={(e) => setNote(e.target.value)}
                  data-testid="cluster-urge-note"
                />
                <Button type="primary" disabled={note.trim().length < 2} loading={u.loading} onClick={() => void doUrge()} data-testid="cluster-urge">
                  督办
                </Button>
              </Space.Compact>
            </div>
          )}
          <div>
            <Typography.Title level={5}>聚类工单（{c.cases.total} 件）</Typography.Title>
            <Table<ClusterCase>
              rowKey="id"
              size="small"
              dataSource={c.cases.items}
              loading={q.loading}
              columns={[
                { title: '工单编号', key: 'no', width: 150, render: (_, r) => <Link to={`/cases/${r.id}`}>{r.externalNo}</Link> },
                { title: '标题', dataIndex: 'title', ellipsis: true },
                { title: '阶段', key: 'stage', width: 100, render: (_, r) => STAGE_LABELS[r.stage] ?? r.stage },
                { title: '受理时间', key: 'at', width: 140, render: (_, r) => <DateTimeCell value={r.receivedAt} /> },
              ]}
              pagination={{
                current: page,
                pageSize,
                total: c.cases.total,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100],
                onChange: (p, s) => {
                  setPage(p);
                  setPageSize(s);
                },
              }}
              data-testid="cluster-cases"
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
