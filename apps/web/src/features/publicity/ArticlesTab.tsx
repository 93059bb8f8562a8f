import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { errorMessage } from '../../shared/errors';
import { dayjs } from '../../shared/time';
import { AwardModal } from './AwardModal';
import { ARTICLE_STATUSES } from './labels';
import { CasePicker } from './pickers';
import { ARTICLES_QUERY, SAVE_ARTICLE } from './queries';
import type { ColumnArticlesQuery } from '../../gql/graphql';

type Article = ColumnArticlesQuery['columnArticles']['items'][number];

const PAGE = 10;

function ArticleModal({ article, open, onClose, onDone }: { article: Article | null; open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [save, { loading }] = useMutation(SAVE_ARTICLE);
  return (
    <Modal
      open={open}
      title={article ? '修改专栏文章' : '新建专栏文章'}
      okText="保存"
      cancelText="取消"
      confirmLoading={loading}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => form.submit()}
      data-testid="article-modal"
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          article
            ? { ...article, publishDate: article.publishDate ? dayjs(article.publishDate) : undefined, caseIds: article.cases.map((c) => c.id) }
            : { status: 'planned' }
        }
        onFinish={async (v: {
          title: string;
          outlet: string;
          publishDate?: { format(f: string): string };
          url?: string;
          status: string;
          caseIds?: string[];
        }) => {
          try {
            await save({
              variables: {
                i: {
                  id: article?.id ?? null,
                  expectedVersion: article?.version ?? null,
                  title: v.title,
                  outlet: v.outlet,
                  publishDate: v.publishDate ? v.publishDate.format('YYYY-MM-DD') : null,
                  url: v.url || null,
                  status: v.status,
                  caseIds: v.caseIds ?? [],
                },
              },
            });
            message.success('已保存');
            onDone();
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        <Form.Item name="title" label="标题" rules={[{ required: true, min: 2, message: '请填写标题' }]}>
          <Input maxLength={100} data-testid="article-title" />
        </Form.Item>
        <Form.Item name="outlet" label="刊发媒体" rules={[{ required: true, min: 2, message: '请填写刊发媒体' }]}>
          <Input maxLength={100} placeholder="如：北京日报 12345市民热线专栏" data-testid="article-outlet" />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select options={ARTICLE_STATUSES.map((s) => ({ ...s }))} data-testid="article-status" />
        </Form.Item>
        <Form.Item name="publishDate" label="刊发日期" extra="已刊发的文章须填写刊发日期和链接">
          <DatePicker />
        </Form.Item>
        <Form.Item name="url" label="链接">
          <Input maxLength={500} placeholder="https://…" />
        </Form.Item>
        <Form.Item name="caseIds" label="关联工单">
          <CasePicker initial={article?.cases ?? []} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 12345市民热线专栏: articles, their status and cases. */
export function ArticlesTab({ canAct }: { canAct: boolean }) {
  const [page, setPage] = useState(1);
  const { data, loading, refetch } = useQuery(ARTICLES_QUERY, {
    variables: { offset: (page - 1) * PAGE, limit: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const [awarding, setAwarding] = useState<Article | null>(null);
  return (
    <div data-testid="articles-tab">
      {canAct && (
        <div className="page-toolbar">
          <span />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="article-new">
            新建文章
          </Button>
        </div>
      )}
      <Table<Article>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.columnArticles.items ?? []}
        pagination={{ current: page, pageSize: PAGE, total: data?.columnArticles.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 篇` }}
        locale={{ emptyText: '暂无文章' }}
        columns={[
          {
            title: '标题',
            render: (_, a) =>
              a.url ? (
                <a href={a.url} target="_blank" rel="noreferrer noopener">
                  {a.title}
                </a>
              ) : (
                a.title
              ),
          },
          { title: '刊发媒体', dataIndex: 'outlet', width: 180 },
          { title: '刊发日期', render: (_, a) => a.publishDate ?? '—', width: 110 },
          { title: '关联工单', render: (_, a) => a.cases.map((c) => c.externalNo).join('、') || '—', width: 180 },
          {
            title: '状态',
            render: (_, a) => <Tag color={a.status === 'published' ? 'green' : a.status === 'cancelled' ? 'default' : 'blue'}>{a.statusLabel}</Tag>,
            width: 90,
          },
          {
            title: '操作',
            width: 170,
            render: (_, a) =>
              canAct ? (
                <Space>
                  {!['published', 'cancelled'].includes(a.status) && (
                    <Button size="small" onClick={() => setEditing(a)}>
                      修改
                    </Button>
                  )}
                  {a.status === 'published' && (
                    <Button size="small" type="primary" onClick={() => setAwarding(a)} data-testid={`article-award-${a.id}`}>
                      登记加分
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      <ArticleModal
        article={editing === 'new' ? null : editing}
        open={!!editing}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          void refetch();
        }}
      />
      <AwardModal
        item={awarding ? { kind: 'article', id: awarding.id, title: awarding.title } : null}
        onClose={() => setAwarding(null)}
        onDone={() => {
          setAwarding(null);
          void refetch();
        }}
      />
    </div>
  );
}
