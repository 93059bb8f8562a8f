import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client';
import { useCurrentUser } from '../auth/AuthContext';
import { errorMessage } from '../../shared/errors';
import { QueryState } from '../../shared/QueryState';
import { formatDateTime } from '../../shared/time';
import { DAY_KIND_LABELS, parseNoticeLines } from './labels';
import { CALENDAR_YEARS_QUERY, LOAD_CALENDAR_YEAR_MUTATION, WORKING_CALENDAR_QUERY } from './queries';

interface Day {
  date: string;
  working: boolean;
  kind: string;
  name: string | null;
}
interface Year {
  year: number;
  source: string;
  loadedAt: string;
  loadedBy: string;
  note: string | null;
  holidays: number;
  swappedWorkdays: number;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** One month as a grid: 休 on days off, 班 on swapped working days. */
function Month({ month, days }: { month: number; days: Day[] }) {
  const first = days[0];
  const lead = first ? (new Date(`${first.date}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
  const cells: Array<Day | null> = [...Array(lead).fill(null), ...days];
  return (
    <Card size="small" title={`${month} 月`} data-testid={`calendar-month-${month}`}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center', fontSize: 12 }}>
        {WEEKDAYS.map((w) => (
          <div key={w} style={{ color: '#888' }}>
            {w}
          </div>
        ))}
        {cells.map((d, i) =>
          d ? (
            <div
              key={d.date}
              title={`${d.date} ${DAY_KIND_LABELS[d.kind] ?? d.kind}${d.name ? ` · ${d.name}` : ''}`}
              style={{
                padding: '2px 0',
                borderRadius: 4,
                background: d.kind === 'holiday' ? '#fff1f0' : d.kind === 'swapped-workday' ? '#e6f4ff' : undefined,
                color: d.working ? undefined : '#cf1322',
              }}
              data-testid={d.kind === 'holiday' || d.kind === 'swapped-workday' ? `day-${d.date}` : undefined}
            >
              {Number(d.date.slice(8))}
              {d.kind === 'holiday' && <sup>休</sup>}
              {d.kind === 'swapped-workday' && <sup style={{ color: '#1677ff' }}>班</sup>}
            </div>
          ) : (
            <div key={`pad-${i}`} />
          ),
        )}
      </div>
    </Card>
  );
}

/** 工作日历 (管理): the loaded years, each year's days, and the admin's import of a new year's notice. */
export default function CalendarPage() {
  const { message } = App.useApp();
  const isAdmin = useCurrentUser().role === 'admin';
  const years = useQuery(CALENDAR_YEARS_QUERY);
  const thisYear = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
  const [year, setYear] = useState<number>(thisYear);
  const cal = useQuery(WORKING_CALENDAR_QUERY, { variables: { year } });
  const [importing, setImporting] = useState(false);
  const [form] = Form.useForm<{ year: number; lines: string; note?: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const [load, { loading: saving }] = useMutation(LOAD_CALENDAR_YEAR_MUTATION, { refetchQueries: ['CalendarYears', 'WorkingCalendar'] });

  const byMonth = useMemo(() => {
    const m = new Map<number, Day[]>();
    for (const d of cal.data?.workingCalendar ?? []) {
      const k = Number(d.date.slice(5, 7));
      m.set(k, [...(m.get(k) ?? []), d]);
    }
    return m;
  }, [cal.data]);
  const special = (cal.data?.workingCalendar ?? []).filter((d) => d.kind === 'holiday' || d.kind === 'swapped-workday');
  const loaded = years.data?.calendarYears ?? [];
  const last = loaded.length ? Math.max(...loaded.map((y) => y.year)) : null;

  const submit = async () => {
    const v = await form.validateFields();
    const parsed = parseNoticeLines(v.lines, v.year);
    if ('error' in parsed) return setFormError(parsed.error);
    try {
      const r = await load({ variables: { input: { year: v.year, days: parsed.days, ...(v.note ? { note: v.note } : {}) } } });
      const res = r.data?.loadCalendarYear as { year: number; replanned: number };
      message.success(`已导入 ${res.year} 年节假日安排，${res.replanned} 个在办时钟已按新日历重算`);
      setImporting(false);
      setFormError(null);
      setYear(v.year);
    } catch (e) {
      setFormError(errorMessage(e));
    }
  };

  return (
    <Card className="page-card" data-testid="calendar-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          工作日历
        </Typography.Title>
        <Space>
          <Select
            value={year}
            style={{ width: 120 }}
            onChange={setYear}
            data-testid="calendar-year"
            options={[...new Set([...loaded.map((y) => y.year), thisYear, thisYear + 1])].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y} 年` }))}
          />
          {isAdmin && (
            <Button
              type="primary"
              onClick={() => {
                form.setFieldsValue({ year: (last ?? thisYear) + 1, lines: '' });
                setImporting(true);
              }}
              data-testid="calendar-import"
            >
              导入年度安排
            </Button>
          )}
        </Space>
      </div>
      {last !== null && last <= thisYear && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`已导入至 ${last} 年。${last + 1} 年的工作日时限将无法计算（系统不会按“周一至周五”推测），请在国务院办公厅发布 ${last + 1} 年节假日安排后导入。`}
        />
      )}
      <QueryState loading={cal.loading && !cal.data} error={cal.data ? undefined : cal.error} onRetry={() => void cal.refetch()} testId="calendar">
        <Row gutter={[12, 12]}>
          {[...byMonth.entries()].map(([m, days]) => (
            <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
              <Month month={m} days={days} />
            </Col>
          ))}
        </Row>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {year} 年节假日与调休
        </Typography.Title>
        <Table<Day>
          rowKey="date"
          size="small"
          pagination={false}
          dataSource={special}
          data-testid="calendar-special"
          columns={[
            { title: '日期', dataIndex: 'date', width: 130 },
            { title: '类型', dataIndex: 'kind', width: 120, render: (k: string) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{DAY_KIND_LABELS[k]}</Tag> },
            { title: '名称', dataIndex: 'name' },
          ]}
        />
      </QueryState>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        已导入的年份
      </Typography.Title>
      <Table<Year>
        rowKey="year"
        size="small"
        pagination={{ pageSize: 5 }}
        dataSource={loaded}
        data-testid="calendar-years"
        columns={[
          { title: '年份', dataIndex: 'year', width: 90 },
          { title: '来源', dataIndex: 'source', width: 150, render: (s: string) => (s === 'admin' ? '管理员导入' : '内置数据（chinese-days）') },
          { title: '节假日', dataIndex: 'holidays', width: 90 },
          { title: '调休上班', dataIndex: 'swappedWorkdays', width: 90 },
          { title: '导入时间', dataIndex: 'loadedAt', width: 160, render: (v: string) => formatDateTime(v) },
          { title: '说明', dataIndex: 'note' },
        ]}
      />
      <Modal
        open={importing}
        title="导入年度节假日安排"
        okText="导入"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void submit()}
        onCancel={() => setImporting(false)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'calendar-import-submit' } as never}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="year" label="年份" rules={[{ required: true, message: '请填写年份' }]}>
            <InputNumber min={2000} max={2100} data-testid="calendar-import-year" />
          </Form.Item>
          <Form.Item
            name="lines"
            label="放假与调休日（每行一天：日期, 休/班, 名称）"
            rules={[{ required: true, message: '请填写放假与调休日' }]}
            extra="例如：2027-01-01, 休, 元旦　　2027-02-07, 班, 春节调休。未列出的日期按周一至周五上班、周末休息计算。"
            validateStatus={formError ? 'error' : undefined}
            help={formError ?? undefined}
          >
            <Input.TextArea rows={10} data-testid="calendar-import-lines" />
          </Form.Item>
          <Form.Item name="note" label="依据">
            <Input maxLength={200} placeholder="如：国办发明电〔2026〕X号" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
