import { useState } from 'react';
import { Card, Input, Typography } from 'antd';
import { RevealLogTable } from './RevealLogTable';

/** 个人信息查看记录 (admin): every reveal of a citizen's contact data. */
export default function RevealLogPage() {
  const [keyword, setKeyword] = useState('');
  return (
    <Card className="page-card" data-testid="reveal-log-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          个人信息查看记录
        </Typography.Title>
        <Input.Search
          allowClear
          placeholder="按工单编号、查看人或原因筛选"
          style={{ width: 300 }}
          onSearch={setKeyword}
          onChange={(e) => !e.target.value && setKeyword('')}
          data-testid="reveal-log-filter"
        />
      </div>
      <Typography.Paragraph type="secondary">显示最近 500 次查看来电人完整信息的记录。</Typography.Paragraph>
      <RevealLogTable limit={500} keyword={keyword} />
    </Card>
  );
}
